/**
 * What landing one batch of hub documents will write, collected first and written at the end of
 * the batch's transaction: rows, totals, shadows, the merge log, review and hub-deletion lists,
 * the quarantine and the ids whose conflict leaves wait for the resolver.
 */
import type { Table } from 'dexie';
import type { SyncedRecord } from '@/domain/records';
import type { TotalContribution } from '@/domain/registers/types';
import { adaptiveChunks } from '@/domain/timeslice';
import { entryOf, syncStateOf } from './sync-state';
import { REGISTER_TABLES, type AuditRow, type ShadowRow, type StationDb, type SuspectRow, type SyncConflictRow, type SyncQuarantineRow } from './schema';

/** Tables a sync transaction may touch. */
export function syncTables(db: StationDb): Table[] {
  return [
    ...REGISTER_TABLES.map((t) => db.registerTable(t)),
    db.audit,
    db.settings,
    db.totals,
    db.shadows,
    db.syncMeta,
    db.syncRejects,
    db.syncConflicts,
    db.syncQuarantine,
    db.suspect,
    db.syncStates,
  ];
}

/** Milliseconds of copying per bulkPut call inside a batch's transaction (well under a 100 ms long task). */
const PUT_BUDGET_MS = 20;

/** syncMeta key: ids whose hub conflict leaves are not folded yet (survives a crash with the checkpoint). */
export const PENDING_LEAVES_KEY = 'pendingLeaves';

/**
 * bulkPut in chunks, the next chunk issued before the previous one is awaited (two in flight): the
 * transaction never idles, and the main thread gets a turn between chunks (a 250-row put in one
 * call is one long task of structured cloning). Chunks are sized by the clock (`adaptiveChunks`:
 * IndexedDB copies each row on the window's thread during the call), so a busy PC puts fewer rows
 * per call and a quiet one more. `beside`: rows of another table, one per row (the entries' sync
 * states), put in the same chunks.
 */
export async function putInChunks(table: Table, rows: unknown[], beside?: { table: Table; rows: unknown[] }): Promise<void> {
  const chunks = adaptiveChunks(50, 10, 250, PUT_BUDGET_MS);
  let previous: PromiseLike<unknown> | null = null;
  for (let i = 0; i < rows.length; ) {
    const n = chunks.size;
    const t0 = chunks.clock();
    const main = table.bulkPut(rows.slice(i, i + n));
    const current = beside ? Promise.all([main, beside.table.bulkPut(beside.rows.slice(i, i + n))]) : main;
    chunks.took(Math.min(n, rows.length - i), chunks.clock() - t0);
    i += n;
    if (previous) await previous;
    previous = current;
  }
  if (previous) await previous;
}

export class Workset {
  /** Entries with their sync state: flush writes the entry and its `syncStates` row. */
  readonly puts = new Map<string, Map<string, SyncedRecord>>();
  readonly deletes = new Map<string, Set<string>>();
  readonly auditPuts = new Map<string, AuditRow>();
  /** Suspect-registry entries of this thana (db/registry.ts). */
  readonly suspectPuts = new Map<string, SuspectRow>();
  readonly shadowPuts = new Map<string, ShadowRow>();
  readonly shadowDeletes = new Set<string>();
  readonly settingPuts = new Map<string, unknown>();
  readonly conflicts: SyncConflictRow[] = [];
  /** Keyed rows (`review:<id>`, `deleted:<id>`): one per record, the latest word wins. */
  readonly listPuts = new Map<string, SyncConflictRow>();
  readonly listDeletes = new Set<string>();
  readonly newAudits: AuditRow[] = [];
  readonly totals = new Map<string, Record<string, number>>();
  readonly quarantine = new Map<string, SyncQuarantineRow>();
  /** Ids accepted in this batch: any quarantine row they had goes. */
  readonly accepted = new Set<string>();
  readonly pendingLeaves = new Set<string>();

  put(table: string, rec: SyncedRecord): void {
    if (!this.puts.has(table)) this.puts.set(table, new Map());
    this.puts.get(table)!.set(rec.id, rec);
    this.deletes.get(table)?.delete(rec.id);
  }
  remove(table: string, id: string): void {
    if (!this.deletes.has(table)) this.deletes.set(table, new Set());
    this.deletes.get(table)!.add(id);
    this.puts.get(table)?.delete(id);
  }
  shadow(row: ShadowRow): void {
    this.shadowPuts.set(row.id, row);
    this.shadowDeletes.delete(row.id);
  }
  dropShadow(id: string): void {
    this.shadowPuts.delete(id);
    this.shadowDeletes.add(id);
  }
  list(row: SyncConflictRow): void {
    this.listPuts.set(row.id, row);
    this.listDeletes.delete(row.id);
  }
  unlist(id: string): void {
    this.listPuts.delete(id);
    this.listDeletes.add(id);
  }
  addTotals(list: TotalContribution[], sign: 1 | -1): void {
    for (const c of list) {
      const row = this.totals.get(c.key) ?? {};
      for (const [k, v] of Object.entries(c.values)) row[k] = (row[k] ?? 0) + sign * v;
      this.totals.set(c.key, row);
    }
  }

  /**
   * Write the batch inside its transaction. Every request is issued without waiting for the one
   * before (IndexedDB runs a transaction's requests in the order they were made, so a list's
   * deletes still go before its puts): the small tables first, then the rows in chunks, while the
   * reads the last writes depend on (running totals, whether the quarantine has rows, the pending
   * leaves) are answered and their writes issued from there. One wait at the end, not a round trip
   * per step.
   */
  async flush(db: StationDb): Promise<void> {
    const done: PromiseLike<unknown>[] = [];
    for (const [table, ids] of this.deletes)
      if (ids.size) {
        done.push(db.table(table).bulkDelete([...ids]));
        done.push(db.syncStates.bulkDelete([...ids]));
      }
    if (this.auditPuts.size) done.push(db.audit.bulkPut([...this.auditPuts.values()]));
    if (this.newAudits.length) done.push(db.audit.bulkAdd(this.newAudits));
    if (this.suspectPuts.size) done.push(db.suspect.bulkPut([...this.suspectPuts.values()]));
    if (this.shadowPuts.size) done.push(db.shadows.bulkPut([...this.shadowPuts.values()]));
    if (this.shadowDeletes.size) done.push(db.shadows.bulkDelete([...this.shadowDeletes]));
    for (const [key, value] of this.settingPuts) done.push(db.settings.put({ key, value }));
    if (this.conflicts.length) done.push(db.syncConflicts.bulkAdd(this.conflicts));
    if (this.listDeletes.size) done.push(db.syncConflicts.bulkDelete([...this.listDeletes]));
    if (this.listPuts.size) done.push(db.syncConflicts.bulkPut([...this.listPuts.values()]));
    if (this.quarantine.size) done.push(db.syncQuarantine.bulkPut([...this.quarantine.values()]));
    const released = [...this.accepted].filter((id) => !this.quarantine.has(id));
    if (released.length) done.push(db.syncQuarantine.count().then((n) => (n ? db.syncQuarantine.bulkDelete(released) : undefined)));
    if (this.pendingLeaves.size) {
      const add = [...this.pendingLeaves];
      done.push(
        db.syncMeta.get(PENDING_LEAVES_KEY).then((row) => {
          const have = (row?.value as string[] | undefined) ?? [];
          return db.syncMeta.put({ key: PENDING_LEAVES_KEY, value: [...new Set([...have, ...add])] });
        }),
      );
    }
    const keys = [...this.totals.keys()].filter((k) => Object.values(this.totals.get(k)!).some((v) => v !== 0));
    if (keys.length)
      done.push(
        db.totals.bulkGet(keys).then((rows) =>
          db.totals.bulkPut(
            keys.map((key, i) => {
              const values = { ...(rows[i]?.values ?? {}) };
              for (const [k, v] of Object.entries(this.totals.get(key)!)) values[k] = (values[k] ?? 0) + v;
              return { key, values };
            }),
          ),
        ),
      );
    // Settled here even if a chunk of rows fails first (the transaction is then aborted anyway).
    const all = Promise.all(done);
    all.catch(() => undefined);
    for (const [table, rows] of this.puts) {
      const recs = [...rows.values()];
      if (recs.length) await putInChunks(db.table(table), recs.map(entryOf), { table: db.syncStates, rows: recs.map((r) => syncStateOf(table, r)) });
    }
    await all;
  }
}
