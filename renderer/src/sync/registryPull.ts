/**
 * Each station pulls the district suspect registry (issue #15 §5) after its own sync, one way,
 * into its `registry` table, so matching a complaint's identifiers needs no network. The registry
 * database is found from the PC account's role `registry_<district>` (registryHub.ts); a hub
 * provisioned before the registry existed has none, and then nothing is pulled.
 *
 * `_changes` pages with include_docs, each page and its checkpoint in one Dexie transaction
 * (db/registry.ts `landRegistry`); a new registry epoch (the database was recreated) empties the
 * copy and starts again.
 */
import { readMeta } from '@/db/sync-meta';
import { landRegistry, REGISTRY_CHECKPOINT_KEY, resetRegistry, type RegistryCheckpoint } from '@/db/registry';
import type { StationDb } from '@/db/schema';
import { docPath, HubClient, type FetchLike } from './http';
import { SyncError } from './messages';
import { registryDbName, registryDistrictOf, REGISTRY_EPOCH_ID } from './registryHub';
import { sinceParam } from './replicator';
import { sameValue } from './doc';

export interface RegistryTarget {
  url: string;
  username: string;
  password: string;
  fetch?: FetchLike;
}

export interface RegistryPullReport {
  db: string;
  pulled: number;
}

interface ChangesRow {
  id: string;
  deleted?: boolean;
  doc?: Record<string, unknown> & { _deleted?: boolean };
}

/** Pull what is new in the district registry. Returns null when this account has no registry to read. */
export async function pullRegistry(db: StationDb, t: RegistryTarget, batch = 500): Promise<RegistryPullReport | null> {
  const client = new HubClient({ url: t.url, auth: { username: t.username, password: t.password }, fetch: t.fetch, retry: { attempts: 2, baseMs: 300, capMs: 2000 } });
  const session = await client.request<{ userCtx?: { name?: string | null; roles?: string[] } }>('GET', '_session');
  if (session.body?.userCtx?.name !== t.username) throw new SyncError('unauthorized', 'the hub did not accept this account', 401);
  const district = registryDistrictOf(session.body.userCtx.roles);
  if (!district) return null;
  const name = registryDbName(district);
  const path = encodeURIComponent(name);
  const e = await client.request<{ epoch?: string }>('GET', `${path}/${docPath(REGISTRY_EPOCH_ID)}`, { accept: [404] });
  if (e.status === 404 || typeof e.body?.epoch !== 'string') return null;
  const epoch = e.body.epoch;
  let cp = await readMeta<RegistryCheckpoint>(db, REGISTRY_CHECKPOINT_KEY);
  if (!cp || cp.url !== t.url || cp.db !== name || cp.epoch !== epoch) {
    cp = { url: t.url, db: name, epoch, seq: 0 };
    await resetRegistry(db, cp);
  }
  let pulled = 0;
  for (;;) {
    const res = await client.request<{ results?: ChangesRow[]; last_seq?: unknown }>('GET', `${path}/_changes`, {
      query: { since: sinceParam(cp.seq), limit: batch, include_docs: true },
    });
    const rows = res.body?.results;
    const last = res.body?.last_seq;
    if (!Array.isArray(rows) || last === undefined) throw new SyncError('bad-response', '_changes without results/last_seq');
    const next: RegistryCheckpoint = { ...cp, seq: last };
    pulled += await landRegistry(
      db,
      rows.filter((r) => typeof r.id === 'string' && !r.id.startsWith('_design/')).map((r) => ({ id: r.id, deleted: !!(r.deleted || r.doc?._deleted), doc: r.doc ?? null })),
      next,
    );
    const end = rows.length < batch || sameValue(last, cp.seq);
    cp = next;
    if (end) break;
  }
  return { db: name, pulled };
}
