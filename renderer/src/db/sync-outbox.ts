/**
 * The outbox: the next push batch (dirty rows, changed thana settings), what the hub's answers
 * mean for each row, refused documents, and re-checking a hub that was recreated or restored.
 */
import Dexie, { type Collection, type Table } from 'dexie';
import type { StoredRecord, SyncedRecord } from '@/domain/records';
import { auditToDoc, bodyOf, recordToDoc, sameValue, settingDocId, settingToDoc, SETTING_DOCS, stampWriter, utf8Length, type HubDoc, type SettingDocType } from '@/sync/doc';
import { REGISTER_TABLES, type AuditRow, type RegisterTable, type StationDb, type SuspectRow, type SyncConflictRow, type SyncRejectRow, type SyncStateRow } from './schema';
import { quietStatesWrites, readStatesToken, STATES_TOKEN_ID, rowStateRange, stateRange, withSync } from './sync-state';
import type { ApplyContext } from './sync-land';
import { syncTables } from './sync-workset';
import { suspectToDoc } from './registry';

/** A document on its way to the hub, with what it looked like when it was read. */
export interface Outgoing {
  id: string;
  /** Register table, 'audit' or 'settings'. */
  table: string;
  doc: HubDoc;
  /** mutationId:version of the row (or the stable JSON of a setting's value) at read time. */
  snapshot: string;
  /**
   * The document as it goes, serialized once (with the writer's name when the outbox was given
   * it): its size is counted on this and the request body is built from it.
   */
  json?: string;
  /** A register entry: its state row as the outbox read it, and the write token then (sync-state.ts). */
  state?: SyncStateRow;
  token?: string;
}

function rowSnapshot(r: { mutationId?: string; version?: number }): string {
  return `${r.mutationId ?? ''}:${r.version ?? 0}`;
}

/** Where the outbox stopped reading a table in this push: the next read starts there (see nextInRange). */
export interface OutboxPosition {
  /** `updatedAt` (audit: `at`) of the last row read; null: from the start of the range. */
  from: string | null;
  /**
   * The last read came to the end of the range (settings: they were checked): the table is not read
   * again in this push until the read from the start that ends every push (`idle`), which also finds
   * rows made dirty meanwhile. Saves a transaction per empty table per batch.
   */
  end?: boolean;
  /**
   * Register tables: entries are read as the `updatedAt` range of their state rows (one `getAll`)
   * while that range holds mostly the wanted entries (a backlog of edits, an import); false once a
   * read finds it scattered, and then by id for the rest of the push.
   */
  byTime?: boolean;
}

/**
 * The next `want` rows of a dirty range (in index order) not in `skip`, read in one `getAll` (no
 * cursor stepping row by row). `range(from)` is the range from a time on (null: from its start).
 *
 * Read from where the previous batch stopped (`pos`), not from the start of the range: a row
 * marked synced leaves its old `['dirty', …, time]` index entry behind, which IndexedDB (Chromium)
 * steps over, checking it against the row, until it cleans up; read from the start, every batch
 * steps over all the rows pushed before it (measured: 10 ms for the first batch of 10,000, 600 ms
 * for the last). Rows with the same time as the position (an import's) are read again and
 * skipped: rows on their way or given up this session are in `skip`, and the read grows until it
 * has `want` rows or the range ends. Rows made dirty behind the position are found by the read
 * from the start that ends every push (`collectOutgoing`, `idle`). Call inside a transaction.
 */
async function nextInRange<T extends { id: string }>(
  range: (from: string | null) => Collection<T, string>,
  field: 'updatedAt' | 'at',
  want: number,
  skip: OutboxOptions['skip'],
  pos: OutboxPosition,
): Promise<T[]> {
  // From a position, rows on their way are behind it: a few more than wanted cover ties.
  let ask = want + (pos.from === null ? (skip.size ?? want) : 8);
  for (;;) {
    const read = await range(pos.from).limit(ask).toArray();
    const rows: T[] = [];
    for (const r of read) if (!skip.has(r.id) && rows.push(r) >= want) break;
    if (rows.length >= want || read.length < ask) {
      const last = rows[rows.length - 1] as Record<string, unknown> | undefined;
      if (last && typeof last[field] === 'string') pos.from = last[field] as string;
      if (rows.length < want) pos.end = true;
      return rows;
    }
    ask *= 2;
  }
}

/** The next dirty audit or suspect-registry rows (their state is inside the row). */
function nextDirtyRows<T extends { id: string }>(db: StationDb, table: Table<T, string>, field: 'updatedAt' | 'at', want: number, skip: OutboxOptions['skip'], pos: OutboxPosition): Promise<T[]> {
  if (want <= 0 || pos.end) return Promise.resolve([]);
  return db.transaction('r', table, () => nextInRange((from) => rowStateRange(table, field, 'dirty', from), field, want, skip, pos));
}

/**
 * The entries of these state rows (in `at` order), in their order (undefined: gone). One `get` per
 * entry is a request each (about a tenth of a millisecond of the window's and the browser's time);
 * while the outbox holds a run of entries, they are read as the `updatedAt` range of the states in
 * one `getAll` (a state's `at` is its entry's `updatedAt`), and only those not found there by id.
 * A range that turns out to hold mostly other entries (scattered edits among synced ones) turns
 * this off for the rest of the push. Call inside a transaction.
 */
async function entriesOf(db: StationDb, table: RegisterTable, states: SyncStateRow[], pos: OutboxPosition): Promise<(StoredRecord | undefined)[]> {
  const t = db.registerTable(table);
  const found = new Map<string, StoredRecord>();
  const lo = states[0]?.at;
  const hi = states[states.length - 1]?.at;
  // Entries of one time (an import) are in id order in the index, from the first of that time:
  // a batch in the middle of them is not in the first rows of the range. By id, then.
  if (pos.byTime !== false && states.length >= 16 && lo && hi && lo < hi) {
    const cap = states.length * 2 + 16;
    const rows = await t.where('updatedAt').between(lo, hi, true, true).limit(cap).toArray();
    for (const r of rows) found.set(r.id, r);
    const hits = states.reduce((n, s) => n + (found.has(s.id) ? 1 : 0), 0);
    pos.byTime = hits * 2 >= states.length;
  }
  const missing = states.filter((s) => !found.has(s.id)).map((s) => s.id);
  if (missing.length) (await t.bulkGet(missing)).forEach((r, i) => r && found.set(missing[i]!, r));
  return states.map((s) => found.get(s.id));
}

/**
 * The next dirty entries of a register: their `syncStates` rows (the `queue` index), then the
 * entries, read in the same transaction, with the write token as that transaction saw it (the
 * landing compares it: see `applyPushResults`). A state row without its entry is skipped for this push.
 */
function nextDirtyEntries(
  db: StationDb,
  table: RegisterTable,
  want: number,
  skip: OutboxOptions['skip'],
  pos: OutboxPosition,
): Promise<{ entries: { rec: SyncedRecord; state: SyncStateRow }[]; token: string }> {
  if (want <= 0 || pos.end) return Promise.resolve({ entries: [], token: '' });
  return db.transaction('r', [db.syncStates, db.registerTable(table)], async () => {
    const [token, states] = await Promise.all([readStatesToken(db), nextInRange((from) => stateRange(db, table, 'dirty', from), 'at', want, skip, pos)]);
    const rows = states.length ? await entriesOf(db, table, states, pos) : [];
    const entries: { rec: SyncedRecord; state: SyncStateRow }[] = [];
    states.forEach((s, i) => {
      const row = rows[i];
      if (row) entries.push({ rec: withSync(row, s), state: s });
      else skip.add(s.id);
    });
    return { entries, token };
  });
}

export async function countRejected(db: StationDb): Promise<number> {
  return db.syncRejects.count();
}

export async function listRejects(db: StationDb, limit = 200): Promise<SyncRejectRow[]> {
  return db.syncRejects.orderBy('at').reverse().limit(limit).toArray();
}

/** The merge log (the to-do lists `review:`/`deleted:` share the table and are listed apart). */
export async function listConflicts(db: StationDb, limit = 50): Promise<SyncConflictRow[]> {
  return db.syncConflicts
    .orderBy('at')
    .reverse()
    .filter((r) => r.kind === 'merge' || r.kind === 'leaves')
    .limit(limit)
    .toArray();
}

/**
 * The ids a push leaves out of its next batch: those finished or refused in this push (`skip`,
 * where the outbox adds rows it refuses) and those still on their way to the hub (`sending`).
 */
export function outboxSkip(skip: Set<string>, sending: Set<string>): OutboxOptions['skip'] {
  return {
    has: (id: string) => skip.has(id) || sending.has(id),
    add: (id: string) => void skip.add(id),
    get size() {
      return skip.size + sending.size;
    },
  };
}

export interface OutboxOptions {
  limit: number;
  maxBytes: number;
  /** Ids already finished (or given up) in this session, or on their way; rows refused here are added. */
  skip: { has(id: string): boolean; add(id: string): void; readonly size?: number };
  maxDocBytes: number;
  /** Per table, where the previous batch of this push stopped (kept by the caller between batches). */
  positions?: Map<string, OutboxPosition>;
  /**
   * Nothing is on its way: if the batch comes out empty, every table is read once more from the
   * start of its range (rows made dirty behind the positions, e.g. by a merge that keeps the hub's
   * time), so a push ends only when a read from the start finds nothing to send.
   */
  idle?: boolean;
  /** The CouchDB user the documents go as: each is stamped with it before its size is counted. */
  writer?: string;
  /**
   * The write token (sync-state.ts) when the push started. If it is the same at the end, no entry
   * was made dirty behind the positions (only the push's own landings wrote state rows, and they
   * leave none dirty), and the read from the start skips the registers.
   */
  startToken?: string;
}

/**
 * The write token (sync-state.ts) as a push starts: the value `OutboxOptions.startToken` compares at
 * the end. A database whose state rows were all written before the token existed gets one now.
 */
export async function startStatesToken(db: StationDb): Promise<string> {
  const token = await readStatesToken(db);
  if (token) return token;
  return db.transaction('rw', db.syncStates, async () => {
    // A write of the token row itself: the middleware gives it its value.
    await db.syncStates.put({ id: STATES_TOKEN_ID } as unknown as SyncStateRow);
    return readStatesToken(db);
  });
}

/**
 * The next push batch: dirty register rows, dirty audit rows, and changed thana settings.
 * Rows that can never be accepted (another thana's id, too large) are marked rejected here,
 * without a request.
 */
export async function collectOutgoing(db: StationDb, ctx: ApplyContext, o: OutboxOptions): Promise<Outgoing[]> {
  const out: Outgoing[] = [];
  let bytes = 0;
  const localRejects: { out: Outgoing; error: string; reason: string }[] = [];
  const full = () => out.length >= o.limit || bytes >= o.maxBytes;
  const positions = o.positions ?? new Map<string, OutboxPosition>();
  const position = (table: string): OutboxPosition => {
    if (!positions.has(table)) positions.set(table, { from: null });
    return positions.get(table)!;
  };
  const consider = (item: Outgoing): void => {
    if (o.writer) item.doc = stampWriter(item.doc, o.writer);
    item.json = JSON.stringify(item.doc);
    const size = utf8Length(item.json);
    if (!item.id.startsWith(`${ctx.thana}:`) || (item.doc.thana !== undefined && item.doc.thana !== ctx.thana)) {
      localRejects.push({ out: item, error: 'local', reason: `not of thana ${ctx.thana}` });
    } else if (size > o.maxDocBytes) {
      localRejects.push({ out: item, error: 'too-large', reason: `${size} bytes` });
    } else if (out.length === 0 || bytes + size <= o.maxBytes) {
      out.push(item);
      bytes += size;
    } else {
      bytes = o.maxBytes; // the batch is full
    }
  };
  // Thana settings first: small, and the district reads thana names and targets from them.
  // Checked once per push, and again by the read from the start that ends it (`end`).
  const settingsRead = position('settings');
  for (const setting of settingsRead.end ? [] : (Object.keys(SETTING_DOCS) as SettingDocType[])) {
    if (full()) break;
    const id = settingDocId(ctx.thana, setting);
    if (o.skip.has(id)) continue;
    const value = (await db.settings.get(setting))?.value;
    if (value === undefined || value === null) continue;
    const shadow = await db.shadows.get(id);
    if (shadow && sameValue(shadow.body.value, value)) continue;
    const rejected = await db.syncRejects.get(id);
    if (rejected && sameValue((rejected.body as { value?: unknown } | null)?.value, value)) continue;
    consider({ id, table: 'settings', doc: settingToDoc(ctx.thana, setting, value, ctx.newId(), shadow?.rev ?? null), snapshot: JSON.stringify(value) });
  }
  if (!full()) settingsRead.end = true;
  for (const t of REGISTER_TABLES) {
    if (full()) break;
    const { entries, token } = await nextDirtyEntries(db, t, o.limit - out.length, o.skip, position(t));
    for (const { rec, state } of entries) if (!full()) consider({ id: rec.id, table: t, doc: recordToDoc(rec), snapshot: rowSnapshot(rec), state, token });
  }
  if (!full()) {
    const rows = await nextDirtyRows(db, db.audit, 'at', o.limit - out.length, o.skip, position('audit'));
    for (const r of rows) if (!full()) consider({ id: r.id, table: 'audit', doc: auditToDoc(r), snapshot: r.id });
  }
  if (!full()) {
    // This thana's suspect-registry entries (small; the hub replicates them into the district registry).
    const rows = await nextDirtyRows(db, db.suspect, 'updatedAt', o.limit - out.length, o.skip, position('suspect'));
    for (const r of rows) if (!full()) consider({ id: r.id, table: 'suspect', doc: suspectToDoc(r), snapshot: rowSnapshot(r) });
  }
  if (localRejects.length) await applyPushResults(db, [], localRejects, ctx);
  for (const r of localRejects) o.skip.add(r.out.id);
  if (!out.length && o.idle && [...positions.values()].some((p) => p.from !== null || p.end)) {
    const registersAsRead = o.startToken !== undefined && (await readStatesToken(db)) === o.startToken;
    for (const [table, p] of positions) {
      if (registersAsRead && isRegister(table)) continue;
      p.from = null;
      p.end = false;
    }
    return collectOutgoing(db, ctx, { ...o, positions, idle: false });
  }
  return out;
}

/**
 * The rows of these outgoing documents as they are now, in their order (undefined: gone). Read as
 * the dirty index range they were sent from (`range(lo, hi)`: one `getAll` between the first and
 * the last one's time, instead of one `get` per row); a row not found there (edited meanwhile, so
 * its time moved) is read by its id. `time` is the document's field the range is ordered by.
 */
async function currentRows<T extends { id: string }>(
  outs: Outgoing[],
  time: 'updatedAt' | 'at',
  range: (lo: string, hi: string) => Collection<T, string>,
  byIds: (ids: string[]) => PromiseLike<(T | undefined)[]>,
): Promise<(T | undefined)[]> {
  const times = outs.map((o) => o.doc[time]).filter((t): t is string => typeof t === 'string');
  const found = new Map<string, T>();
  let [lo, hi] = [times[0] ?? '', times[0] ?? ''];
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  // Rows of one time (an import) would have the old entries of that time stepped over: by id.
  if (lo < hi) for (const r of await range(lo, hi).limit(outs.length * 2 + 16).toArray()) found.set(r.id, r);
  const missing = outs.filter((o) => !found.has(o.id)).map((o) => o.id);
  if (missing.length) (await byIds(missing)).forEach((r, i) => r && found.set(missing[i]!, r));
  return outs.map((o) => found.get(o.id));
}

const isRegister = (table: string): table is RegisterTable => (REGISTER_TABLES as readonly string[]).includes(table);

/**
 * The hub accepted (`ok`) or refused (`rejects`) these documents. An accepted row becomes synced
 * only if nobody changed it while the request was away; otherwise it stays dirty on the new revision.
 * A register entry's answer is written in its small `syncStates` row only (the entry is not
 * rewritten); audit and suspect rows carry their state inside.
 *
 * Whether an entry changed while away: if the write token (sync-state.ts) is the one the outbox
 * read with the entries, no state row was written since, by this page or any other, except by
 * landings (which leave it as it is, and touch only their own batch's rows: never this one's), so
 * the rows the outbox read are the rows now and are not read again. Otherwise they are read back.
 */
export async function applyPushResults(
  db: StationDb,
  ok: { out: Outgoing; rev: string }[],
  rejects: { out: Outgoing; error: string; reason: string }[],
  ctx: ApplyContext,
): Promise<{ synced: number; stillDirty: number }> {
  let synced = 0;
  let stillDirty = 0;
  // Inside a caller's transaction (not the replicator's way), its other writes must still count.
  const nested = !!Dexie.currentTransaction;
  await db.transaction('rw', syncTables(db), async () => {
    if (!nested) quietStatesWrites();
    const token = ok.some(({ out }) => out.state) ? await readStatesToken(db) : '';
    // A batch of 200 is a handful of requests, all issued at once: the entries' state rows (audit
    // and suspect rows themselves), read as the dirty range they were sent from, to see whether they
    // changed while the request was away; the few shadows, refusals and hub-deletion notes that may
    // name them; then every write.
    const byTable = new Map<string, { out: Outgoing; rev: string }[]>();
    for (const item of ok) {
      if (!byTable.has(item.out.table)) byTable.set(item.out.table, []);
      byTable.get(item.out.table)!.push(item);
    }
    const settings = byTable.get('settings') ?? [];
    byTable.delete('settings');
    const tables = [...byTable];
    const ids = tables.flatMap(([, items]) => items.map(({ out }) => out.id));
    // Usually none of them is there: look the keys up (cheap) rather than delete blind.
    const present = (t: Table, keys: string[]) => (keys.length ? (t.where(':id').anyOf(keys).primaryKeys() as Promise<string[]>) : Promise.resolve([]));
    const current = (t: string, outs: Outgoing[]): Promise<(SyncStateRow | AuditRow | SuspectRow | undefined)[]> => {
      if (isRegister(t)) {
        if (token && outs.every((o) => o.state && o.token === token)) return Promise.resolve(outs.map((o) => o.state));
        return currentRows(outs, 'updatedAt', (lo, hi) => stateRange(db, t, 'dirty', lo, hi), (ids) => db.syncStates.bulkGet(ids));
      }
      const table = db.table(t) as Table<AuditRow | SuspectRow, string>;
      const field = t === 'audit' ? 'at' : 'updatedAt';
      return currentRows(outs, field, (lo, hi) => rowStateRange(table, field, 'dirty', lo, hi), (ids) => table.bulkGet(ids));
    };
    const [rowsByTable, shadows, refused, deletedNotes] = await Promise.all([
      Promise.all(tables.map(([t, items]) => current(t, items.map(({ out }) => out)))),
      present(db.shadows, ids),
      present(db.syncRejects, ids),
      present(db.syncConflicts, ids.map((id) => `deleted:${id}`)),
    ]);
    const cleared = new Set<string>();
    const writes: Promise<unknown>[] = [];
    tables.forEach(([tableName, items], n) => {
      const rows = rowsByTable[n]!;
      const register = isRegister(tableName);
      const puts: (SyncStateRow | AuditRow | SuspectRow)[] = [];
      items.forEach(({ out, rev }, i) => {
        const row = rows[i];
        if (!row) return;
        const unchanged = tableName === 'audit' || rowSnapshot(row as SyncStateRow | SuspectRow) === out.snapshot;
        const syncState = unchanged ? 'synced' : 'dirty';
        puts.push(register ? { ...(row as SyncStateRow), rev, state: syncState } : { ...(row as AuditRow | SuspectRow), _rev: rev, syncState });
        cleared.add(out.id);
        if (unchanged) synced++;
        else stillDirty++;
      });
      writes.push(register ? db.syncStates.bulkPut(puts as SyncStateRow[]) : (db.table(tableName) as Table<AuditRow | SuspectRow, string>).bulkPut(puts as (AuditRow | SuspectRow)[]));
    });
    const drop = (t: Table, keys: string[], id: (key: string) => string = (k) => k) => {
      const gone = keys.filter((k) => cleared.has(id(k)));
      if (gone.length) writes.push(t.bulkDelete(gone));
    };
    drop(db.shadows, shadows);
    drop(db.syncRejects, refused);
    drop(db.syncConflicts, deletedNotes, (k) => k.slice('deleted:'.length)); // the hub has the entry again
    if (settings.length) {
      writes.push(db.shadows.bulkPut(settings.map(({ out, rev }) => ({ id: out.id, rev, body: bodyOf(out.doc) }))));
      writes.push(db.syncRejects.bulkDelete(settings.map(({ out }) => out.id)));
      synced += settings.length;
    }
    await Promise.all(writes);
    const at = ctx.now().toISOString();
    for (const { out, error, reason } of rejects) {
      const reject: SyncRejectRow = { id: out.id, table: out.table, at, error, reason, body: bodyOf(out.doc) };
      await db.syncRejects.put(reject);
      if (out.table === 'settings') continue;
      // Only the version that was refused is marked; a newer edit gets its own chance.
      if (isRegister(out.table)) {
        const state = await db.syncStates.get(out.id);
        if (state && rowSnapshot(state) === out.snapshot) await db.syncStates.put({ ...state, state: 'rejected' });
        continue;
      }
      const table = db.table(out.table) as Table<AuditRow | SuspectRow, string>;
      const row = await table.get(out.id);
      if (row && (out.table === 'audit' || rowSnapshot(row as SuspectRow) === out.snapshot)) await table.put({ ...row, syncState: 'rejected' });
    }
  });
  return { synced, stillDirty };
}

/** The user asks to send refused entries again (after the hub or the entry was fixed). */
export async function requeueRejected(db: StationDb, ids?: string[]): Promise<number> {
  return db.transaction('rw', syncTables(db), async () => {
    const rejects = ids ? (await db.syncRejects.bulkGet(ids)).filter((r): r is SyncRejectRow => !!r) : await db.syncRejects.toArray();
    for (const r of rejects) {
      if (isRegister(r.table)) {
        const state = await db.syncStates.get(r.id);
        if (state && state.state === 'rejected') await db.syncStates.put({ ...state, state: 'dirty' });
      } else if (r.table !== 'settings') {
        const table = db.table(r.table) as Table<AuditRow | SuspectRow, string>;
        const row = await table.get(r.id);
        if (row && row.syncState === 'rejected') await table.put({ ...row, syncState: 'dirty' });
      }
      await db.syncRejects.delete(r.id);
    }
    return rejects.length;
  });
}

// ---------------------------------------------------------------------------------------------
// A hub that was recreated or restored

/** Ids and revisions of rows the hub is believed to have, a page at a time (keyset on id). */
export async function pageHubKnown(db: StationDb, table: string, after: string, limit: number): Promise<{ id: string; rev: string }[]> {
  if (isRegister(table)) {
    const t = db.registerTable(table);
    const ids = await (after ? t.where(':id').above(after) : t.toCollection()).limit(limit).primaryKeys();
    const states = await db.syncStates.bulkGet(ids);
    return ids.map((id, i) => ({ id, rev: states[i]?.rev ?? '' }));
  }
  const t = db.table(table) as Table<{ id: string; _rev: string | null }, string>;
  const rows = await (after ? t.where(':id').above(after) : t.toCollection()).limit(limit).toArray();
  return rows.map((r) => ({ id: r.id, rev: r._rev ?? '' }));
}

/** The hub lacks these: they become dirty with no base revision, so the next push sends them. */
export async function markMissingOnHub(db: StationDb, table: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  return db.transaction('rw', syncTables(db), async () => {
    if (isRegister(table)) {
      const states = (await db.syncStates.bulkGet(ids)).filter((s): s is SyncStateRow => !!s);
      await db.syncStates.bulkPut(states.map((s) => ({ ...s, rev: null, state: s.state === 'rejected' ? 'rejected' : 'dirty' })));
      await db.shadows.bulkDelete(ids);
      return states.length;
    }
    const t = db.table(table) as Table<AuditRow | SuspectRow, string>;
    const rows = (await t.bulkGet(ids)).filter((r): r is AuditRow | SuspectRow => !!r);
    await t.bulkPut(rows.map((r) => ({ ...r, _rev: null, syncState: r.syncState === 'rejected' ? 'rejected' : 'dirty' }) as AuditRow & SuspectRow));
    await db.shadows.bulkDelete(ids);
    return rows.length;
  });
}

/** After a reset the settings documents are offered again (the hub may lack them). */
export async function forgetSettingShadows(db: StationDb, thana: string): Promise<void> {
  await db.shadows.bulkDelete((Object.keys(SETTING_DOCS) as SettingDocType[]).map((s) => settingDocId(thana, s)));
}


