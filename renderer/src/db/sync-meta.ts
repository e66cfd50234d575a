/** Sync bookkeeping of this PC (never synced): its client id and the pull checkpoint. */
import type { StationDb } from './schema';

export async function readMeta<T>(db: StationDb, key: string): Promise<T | undefined> {
  return (await db.syncMeta.get(key))?.value as T | undefined;
}

export async function writeMeta(db: StationDb, key: string, value: unknown): Promise<void> {
  await db.syncMeta.put({ key, value });
}

/** This PC's identity towards the hub (the `_local/sync-<clientId>` marker). Made once, kept forever. */
export async function ensureClientId(db: StationDb, make: () => string): Promise<string> {
  return db.transaction('rw', db.syncMeta, async () => {
    const have = await readMeta<string>(db, 'clientId');
    if (have) return have;
    const id = make();
    await writeMeta(db, 'clientId', id);
    return id;
  });
}

/**
 * Where the pull stands, keyed by (hub, database, epoch) — reference/sync.md C3. `seq` is the hub's
 * `last_seq` exactly as received: opaque, never compared or computed with.
 */
export interface Checkpoint {
  url: string;
  db: string;
  epoch: string;
  seq: unknown;
}

export const CHECKPOINT_KEY = 'checkpoint';
