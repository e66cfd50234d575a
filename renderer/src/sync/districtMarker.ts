/**
 * The last-sync marker (issue #15 §3): after each successful session a station PC writes one small
 * document of its own, `<THANA>:pcsync:<clientId>`, to its thana database; the hub's replication
 * carries it into the district database, where the `thanas` view lists every PC's last successful
 * sync, so a silent thana (or a silent PC) shows on the district's progress page.
 *
 * The `_local/sync-<clientId>` marker the replicator keeps never replicates, hence a document. It
 * carries no personal data and is overwritten in place (one document per PC, not one per sync).
 * Stations keep it like any document of an unknown type (parked whole); nothing else reads it.
 */
import { ulid } from '@/domain/ulid';
import { readMeta, writeMeta } from '@/db/sync';
import type { StationDb } from '@/db/schema';
import { stampWriter } from './doc';
import { docPath, HubClient } from './http';
import { SYNC_MARKER_TYPE } from './districtViews';

export interface MarkerTarget {
  url: string;
  db: string;
  username: string;
  password: string;
}

export function syncMarkerId(thana: string, clientId: string): string {
  return `${thana}:${SYNC_MARKER_TYPE}:${clientId}`;
}

/** Writes (or moves forward) this PC's marker; a failure is returned, never thrown: the sync itself succeeded. */
export async function writeSyncMarker(db: StationDb, hub: MarkerTarget, thana: string, at: string, appVersion: string, pcSeries: string): Promise<boolean> {
  const clientId = await readMeta<string>(db, 'clientId');
  if (!clientId || !thana) return false;
  const client = new HubClient({ url: hub.url, auth: { username: hub.username, password: hub.password }, retry: { attempts: 1, baseMs: 0, capMs: 0 } });
  const id = syncMarkerId(thana, clientId);
  const path = `${encodeURIComponent(hub.db)}/${docPath(id)}`;
  const body = stampWriter({ _id: id, thana, type: SYNC_MARKER_TYPE, schemaVersion: 1, pc: clientId, pcSeries, at, appVersion }, hub.username);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const rev = attempt === 0 ? await readMeta<string>(db, 'markerRev') : (await client.request<{ _rev?: string }>('GET', path, { accept: [404] })).body?._rev;
      const res = await client.request<{ rev?: string }>('PUT', path, { body: { ...body, mutationId: ulid(), ...(rev ? { _rev: rev } : {}) }, accept: [409] });
      if (res.status !== 409) {
        await writeMeta(db, 'markerRev', res.body?.rev ?? null);
        return true;
      }
    }
  } catch {
    // The marker is a courtesy to the district: the next session tries again.
  }
  return false;
}
