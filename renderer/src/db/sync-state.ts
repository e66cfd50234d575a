/**
 * Where each register entry stands with the hub: its last known `_rev` and its state (dirty:
 * waiting to go; synced; conflict; rejected), kept in the `syncStates` table beside the entry, not
 * inside it (schema v8).
 *
 * Why: IndexedDB cannot change one field of a row. Writing an entry rewrites its whole value and
 * every index entry it has (the Mitan table: nine indexes plus one per search word and lookup key),
 * and a push marks every entry it sent as synced. With the state in a small row of its own, landing
 * a push writes only those small rows. Every write that changes an entry writes its state row in
 * the same transaction (the callers' transactions include `syncStates`).
 *
 * Audit rows and the suspect-registry entries are small and written once: they keep their
 * `_rev`/`syncState` inside the row (`[syncState+at]`, `[syncState+updatedAt]`).
 */
import Dexie, { type Collection, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type Middleware, type Table } from 'dexie';
import type { StoredRecord, SyncedRecord, SyncState } from '@/domain/records';
import type { StationDb, SyncStateRow } from './schema';

/** An entry that may still carry its state inside (rows of schema v7 and older, backups made by them). */
export type EntryWithOldState = StoredRecord & { _rev?: string | null; syncState?: SyncState };

/** The state row of an entry: the state it carries (v7 rows, records handled by sync), else a new entry's. */
export function syncStateOf(table: string, rec: EntryWithOldState): SyncStateRow {
  return { id: rec.id, table, state: rec.syncState ?? 'dirty', rev: rec._rev ?? null, ...versionOf(rec) };
}

/** What a state row records of the entry's version. */
function versionOf(rec: StoredRecord): Pick<SyncStateRow, 'at' | 'mutationId' | 'version'> {
  return { at: rec.updatedAt, mutationId: rec.mutationId, version: rec.version };
}

/** The entry as the register table stores it: without `_rev` and `syncState`. */
export function entryOf(rec: EntryWithOldState): StoredRecord {
  if (!('syncState' in rec) && !('_rev' in rec)) return rec;
  const { _rev: _r, syncState: _s, ...entry } = rec;
  return entry;
}

/** The entry with its state beside it (no state row: never synced, waiting to go). */
export function withSync(rec: StoredRecord, state: SyncStateRow | undefined): SyncedRecord {
  return { ...entryOf(rec), _rev: state?.rev ?? null, syncState: state?.state ?? 'dirty' };
}

/** These entries with their sync state, in their order (undefined stays undefined). */
export async function attachSync(db: StationDb, rows: readonly (StoredRecord | undefined)[]): Promise<(SyncedRecord | undefined)[]> {
  const present = rows.filter((r): r is StoredRecord => !!r);
  if (!present.length) return rows.map(() => undefined);
  const states = await db.syncStates.bulkGet(present.map((r) => r.id));
  const byId = new Map(present.map((r, i) => [r.id, states[i]]));
  return rows.map((r) => (r ? withSync(r, byId.get(r.id)) : undefined));
}

/** Writes entries and their states (two bulkPuts, in the caller's transaction). */
export function putSynced(db: StationDb, table: string, recs: readonly SyncedRecord[]): Promise<unknown> {
  return Promise.all([db.table(table).bulkPut(recs.map(entryOf)), db.syncStates.bulkPut(recs.map((r) => syncStateOf(table, r)))]);
}

/** New entries wait to go, based on no revision. */
export function markNew(db: StationDb, table: string, recs: readonly StoredRecord[]): Promise<unknown> {
  return db.syncStates.bulkPut(recs.map((r) => ({ id: r.id, table, state: 'dirty', rev: null, ...versionOf(r) })));
}

/** Changed entries wait to go, on the revision they were based on (a refused entry gets another chance). */
export async function markChanged(db: StationDb, table: string, recs: readonly StoredRecord[]): Promise<void> {
  const have = await db.syncStates.bulkGet(recs.map((r) => r.id));
  await db.syncStates.bulkPut(recs.map((r, i) => ({ id: r.id, table, state: 'dirty', rev: have[i]?.rev ?? null, ...versionOf(r) })));
}

/** The states a row waits in (every state but synced): the ones the `queue` index holds. */
export type QueuedState = Exclude<SyncState, 'synced'>;

/**
 * The entries of `table` waiting in `state`, oldest first, from `from` (an `at`, inclusive) on, up to
 * `to` (inclusive): a range of the `queue` index (schema v9). Synced rows are not in it: see `queueOf`.
 */
export function stateRange(db: StationDb, table: string, state: QueuedState = 'dirty', from: string | null = null, to: string | null = null) {
  return db.syncStates.where('queue').between([state, table, from ?? Dexie.minKey], [state, table, to ?? Dexie.maxKey], true, true);
}

/**
 * How many entries of `table` are synced: a scan of the state rows (synced rows are outside the
 * index, on purpose). For tests, benches and checks, not for a screen that refreshes.
 */
export function countSynced(db: StationDb, table: string): Promise<number> {
  return db.syncStates.filter((s) => s.table === table && s.state === 'synced').count();
}

// ---------------------------------------------------------------------------------------------
// The outbox's index: `queue` (schema v9)

/**
 * The `queue` of a state row: `[state, table, at]` while the entry waits (dirty, conflict, rejected),
 * nothing once it is synced, so that a synced row is in no index.
 *
 * Why: until v8 the index was `[state+table+at]` over every row, so landing a push wrote, for each
 * entry, a new index entry under "synced" (and left the old "dirty" one for IndexedDB to clean up).
 * Nothing reads synced rows by that index. Without it, a landing writes the row alone: measured at
 * 50,000 entries (`npm run bench -- sync-push-50k`, test/bench/README.md "stop 24"), the browser's
 * IndexedDB threads spent 25 s with the index and 19 s without it, and the push went from 0.77–0.81
 * to 0.88 of plain `_bulk_docs` (5 samples).
 */
export function queueOf(row: Partial<SyncStateRow>): SyncStateRow['queue'] {
  return row.state && row.state !== 'synced' && typeof row.table === 'string' && typeof row.at === 'string' ? [row.state, row.table, row.at] : undefined;
}

/** The row as it is stored: its `queue` set from its state, table and time (a copy when that changes it). */
function withQueue(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  // The token row (STATES_TOKEN_ID) has no state: it is passed as it is, like a synced row.
  const row = value as Partial<SyncStateRow>;
  const queue = queueOf(row);
  const had = row.queue;
  if (queue) return had && had[0] === queue[0] && had[1] === queue[1] && had[2] === queue[2] ? value : { ...row, queue };
  if (!('queue' in row)) return value;
  const { queue: _gone, ...rest } = row;
  return rest;
}

/**
 * DBCore middleware on `syncStates`: every row put or added gets its `queue` from its state (and
 * loses it once synced), whoever writes it: the registers' saves, the sync, a restored backup, an
 * upgrade. Runs above Dexie's own middlewares, so its change tracking sees the `queue` index too.
 */
export function syncStatesQueue(): Middleware<{ stack: 'dbcore' } & DBCore> {
  return onStatesMutate('syncStatesQueue', (table, req) =>
    (req.type === 'put' || req.type === 'add') && req.values ? table.mutate({ ...req, values: req.values.map(withQueue) } as DBCoreMutateRequest) : table.mutate(req),
  );
}

/** A DBCore middleware that sees every write to `syncStates` (`mutate`) and passes the rest through. */
function onStatesMutate(name: string, mutate: (table: DBCoreTable, req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>): Middleware<{ stack: 'dbcore' } & DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down: DBCore) {
      return {
        ...down,
        table(tableName: string) {
          const table = down.table(tableName);
          return tableName === 'syncStates' ? { ...table, mutate: (req: DBCoreMutateRequest) => mutate(table, req) } : table;
        },
      };
    },
  };
}

/**
 * The rows of an audit or suspect-registry table (their state is inside the row) in `state`, by
 * `field` (`[syncState+at]` or `[syncState+updatedAt]`), from `from` to `to` (inclusive; null: open).
 */
export function rowStateRange<T>(table: Table<T, string>, field: 'at' | 'updatedAt', state: SyncState = 'dirty', from: string | null = null, to: string | null = null): Collection<T, string> {
  return table.where(`[syncState+${field}]`).between([state, from ?? Dexie.minKey], [state, to ?? Dexie.maxKey], true, true);
}

/**
 * The tables of a backup made before schema v8, as v8 stores them: each entry's `_rev`/`syncState`
 * moves into a `syncStates` row, as the v8 upgrade does on a PC (a restored backup's unsent work
 * is still sent).
 */
export function moveStatesOut(tables: Record<string, unknown[]>, registerTables: readonly string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { ...tables };
  const states: SyncStateRow[] = [...((tables.syncStates as SyncStateRow[] | undefined) ?? [])];
  for (const t of registerTables) {
    const rows = tables[t] as EntryWithOldState[] | undefined;
    if (!rows) continue;
    out[t] = rows.map((r) => {
      states.push(syncStateOf(t, r));
      return entryOf(r);
    });
  }
  out.syncStates = states;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The write token: has any state row changed since a push read it?

/**
 * The id of the one row of `syncStates` that is not an entry's state: `{ id, token }`, a new value
 * written in every transaction that writes state rows (the middleware below), except a push's own
 * landing. It is outside the `queue` index (no `state`), so no state range sees it.
 */
export const STATES_TOKEN_ID = '~written';

/** Transactions whose state-row writes leave the token as it is: a push landing its own batch. */
const quietTransactions = new WeakSet<object>();

/** Token values: unique to this page (a random prefix) and to each write. */
const tokenPrefix = Math.random().toString(36).slice(2, 10);
let tokenCount = 0;

/**
 * DBCore middleware on `syncStates`: every write (put, add, delete, clear) also writes a new token
 * in the same transaction, unless the transaction was marked with `quietStatesWrites`. Lives in
 * the database, not in memory: a write from another tab or window of the same database changes it
 * too, and a transaction that did not commit did not change it.
 */
export function statesWriteToken(): Middleware<{ stack: 'dbcore' } & DBCore> {
  return onStatesMutate('statesWriteToken', (table, req) => {
    if (quietTransactions.has(req.trans)) return table.mutate(req);
    const token = { id: STATES_TOKEN_ID, token: `${tokenPrefix}-${++tokenCount}` };
    // After the write (a write of the token row itself ends with the new value).
    return table.mutate(req).then((res) => table.mutate({ type: 'put', trans: req.trans, values: [token], keys: [STATES_TOKEN_ID] }).then(() => res));
  });
}

/** The running Dexie transaction's state-row writes leave the token as it is (call inside it). */
export function quietStatesWrites(): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (trans) quietTransactions.add(trans);
}

/** The token now ('' before any state row was written); in a transaction, as that transaction sees it. */
export async function readStatesToken(db: StationDb): Promise<string> {
  const row = (await db.syncStates.get(STATES_TOKEN_ID)) as unknown as { token?: string } | undefined;
  return row?.token ?? '';
}
