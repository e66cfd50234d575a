/**
 * What sync leaves for a person (design §3.14), shown on the Sync page: hub documents in
 * quarantine, records that break a register rule after a merge, and entries deleted on the hub
 * (kept here until the in-charge cancels them or sends them back).
 */
import { istDate } from '@/domain/dates';
import type { StoredRecord } from '@/domain/records';
import { REGISTERS } from '@/domain/registers';
import { rederive } from '@/sync/validity';
import { REGISTER_TABLES, type StationDb, type SyncConflictRow, type SyncQuarantineRow } from './schema';
import { syncTables } from './sync-workset';

export async function listQuarantine(db: StationDb, limit = 200): Promise<SyncQuarantineRow[]> {
  return db.syncQuarantine.orderBy('at').reverse().limit(limit).toArray();
}

export async function quarantinedIds(db: StationDb): Promise<string[]> {
  return (await db.syncQuarantine.toCollection().primaryKeys()) as string[];
}

/** A list row with the record it is about (null if the record is not here). */
export interface Attention {
  row: SyncConflictRow;
  record: StoredRecord | null;
}

async function listed(db: StationDb, prefix: 'review:' | 'deleted:'): Promise<Attention[]> {
  const rows = await db.syncConflicts.where('id').startsWith(prefix).toArray();
  const out: Attention[] = [];
  for (const row of rows.sort((a, b) => (a.at < b.at ? 1 : -1))) {
    const record = (REGISTER_TABLES as readonly string[]).includes(row.table) ? ((await db.registerTable(row.table).get(row.recordId)) ?? null) : null;
    out.push({ row, record });
  }
  return out;
}

/** Does this record still break a rule of its register (or share a unique key with a live entry)? */
async function stillBroken(db: StationDb, rec: StoredRecord): Promise<boolean> {
  const def = REGISTERS[rec.type];
  if (!def || rec.cancelled) return false;
  if (rederive(def, rec, istDate()).problems.length) return true;
  for (const k of rec.keys ?? []) {
    if (!(def.uniqueKeys ?? []).some((p) => k.startsWith(p))) continue;
    if ((await db.registerTable(rec.type).where('keys').equals(k).toArray()).some((o) => o.id !== rec.id && !o.cancelled)) return true;
  }
  return false;
}

/**
 * Records that break a register rule after sync (both values kept; someone must correct them).
 * A row whose record was corrected or cancelled since then leaves the list.
 */
export async function listReviews(db: StationDb): Promise<Attention[]> {
  const out: Attention[] = [];
  for (const a of await listed(db, 'review:')) {
    if (a.record && (await stillBroken(db, a.record))) out.push(a);
    else await db.syncConflicts.delete(a.row.id);
  }
  return out;
}

/** Entries deleted on the hub and kept here, waiting for the in-charge. */
export function listHubDeletions(db: StationDb): Promise<Attention[]> {
  return listed(db, 'deleted:');
}

/** "Send it back": the kept entry goes to the hub again with the next sync. */
export async function pushBackDeleted(db: StationDb, recordId: string): Promise<boolean> {
  return db.transaction('rw', syncTables(db), async () => {
    const row = await db.syncConflicts.get(`deleted:${recordId}`);
    if (!row) return false;
    const rec = await db.registerTable(row.table).get(recordId);
    const state = rec ? await db.syncStates.get(recordId) : undefined;
    if (state && state.state === 'conflict') await db.syncStates.put({ ...state, state: 'dirty' });
    await db.syncConflicts.delete(row.id);
    return !!rec;
  });
}

/** After the in-charge cancelled a kept entry (its cancellation is pushed like any correction). */
export async function dismissDeleted(db: StationDb, recordId: string): Promise<void> {
  await db.syncConflicts.delete(`deleted:${recordId}`);
}
