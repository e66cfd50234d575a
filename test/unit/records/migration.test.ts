import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { pageRecords } from '../../../renderer/src/db/repository';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, StationDb } from '../../../renderer/src/db/schema';
import { countWaitingByKind } from '../../../renderer/src/db/sync-waiting';
import { countSynced, markChanged, stateRange } from '../../../renderer/src/db/sync-state';
import { applyPushResults, collectOutgoing, outboxSkip } from '../../../renderer/src/db/sync-outbox';
import type { ApplyContext } from '../../../renderer/src/db/sync-land';
import { ulid } from '../../../renderer/src/domain/ulid';
import { MAX_DOC_BYTES } from '../../../renderer/src/sync/vdu';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { makeCtx } from './fixtures';

const name = `t-${crypto.randomUUID()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

/** A place entry as version 1 stored it: no search tokens, lookup keys or late flag. */
const v1Place = {
  id: 'BSPKOTA:place:01JDV1PLACE0000000000000001',
  thana: 'BSPKOTA',
  type: 'place',
  schemaVersion: 1,
  serial: null,
  serialYear: null,
  serialNo: null,
  data: { name: 'Khamaria Kala', kind: 'village', area: 'rural', beat: 'बीट 3' },
  createdAt: '2026-11-01T05:00:00.000Z',
  createdBy: 'user:1',
  updatedAt: '2026-11-01T05:00:00.000Z',
  updatedBy: 'user:1',
  mutationId: '01JDV1MUT',
  version: 1,
  history: [],
  cancelled: null,
  _rev: null,
  syncState: 'dirty',
};

/** An audit row as version 1 stored it: no recordType, syncState or _rev. */
const v1Audit = {
  id: 'BSPKOTA:audit:01JDV1AUDIT000000000000001',
  thana: 'BSPKOTA',
  at: '2026-11-01T05:00:00.000Z',
  userId: 'user:1',
  userName: 'रमेश',
  role: 'incharge',
  action: 'create',
  recordId: v1Place.id,
  summary: '',
  before: null,
  after: v1Place.data,
};

describe('schema migration', () => {
  it('opens a database made by version 1 and upgrades its rows and indexes', async () => {
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('place').add(v1Place);
    await old.table('audit').add(v1Audit);
    await old.table('serials').put({ key: 'outreach:2026', last: 41 });
    old.close();

    const db = new StationDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const place = (await db.place.get(v1Place.id))!;
    expect(place.tokens.sort()).toEqual(['3', 'kala', 'khamaria', 'rural', 'village', 'बीट'].sort());
    expect(place.keys).toEqual([]);
    expect(place.late).toBe(false);
    expect(place.data).toEqual(v1Place.data);

    const audit = (await db.audit.get(v1Audit.id))!;
    expect(audit).toMatchObject({ recordType: 'place', syncState: 'dirty', _rev: null, action: 'create' });
    expect(await db.serials.get('outreach:2026')).toEqual({ key: 'outreach:2026', last: 41 });

    // The new indexes answer queries on the upgraded rows.
    const ctx = makeCtx(db);
    expect((await pageRecords(ctx, placeRegister, { limit: 10, search: 'khama' })).rows.map((r) => r.id)).toEqual([v1Place.id]);
    expect(await db.audit.where('recordType').equals('place').count()).toBe(1);
    expect(await db.totals.count()).toBe(0);
    db.close();
  });
});

describe('schema v8: the entries’ sync state moves to syncStates', () => {
  /** A Mitan entry as v7 stored it: its `_rev` and `syncState` inside the row. */
  const v7Entry = (n: number, syncState: 'dirty' | 'synced' | 'rejected', rev: string | null) => ({
    ...v1Place,
    id: `BSPKOTA:mitan:01JDV7MITAN00000000000000${n}`,
    type: 'mitan',
    tokens: [],
    keys: [],
    late: false,
    updatedAt: `2026-11-0${n}T05:00:00.000Z`,
    mutationId: `01JDV7MUT${n}`,
    _rev: rev,
    syncState,
  });

  it('upgrades a v7 database with unsent work: the dirty entries are still sent, on the revision they were based on', async () => {
    const old = new Dexie(name);
    for (const [v, schema] of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].entries()) old.version(v + 1).stores(schema);
    await old.open();
    const entries = [v7Entry(1, 'dirty', null), v7Entry(2, 'dirty', '3-abc'), v7Entry(3, 'synced', '1-def'), v7Entry(4, 'rejected', '2-ghi')];
    await old.table('mitan').bulkAdd(entries);
    old.close();

    const db = new StationDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    // The entries no longer carry their state; it is in syncStates, as it was (v9: the rows that wait in the `queue` index).
    for (const e of entries) {
      const row = (await db.mitan.get(e.id))! as unknown as Record<string, unknown>;
      expect(row).not.toHaveProperty('syncState');
      expect(row).not.toHaveProperty('_rev');
      expect(row.data).toEqual(e.data);
      const queue = e.syncState === 'synced' ? {} : { queue: [e.syncState, 'mitan', e.updatedAt] };
      expect(await db.syncStates.get(e.id)).toEqual({ id: e.id, table: 'mitan', state: e.syncState, rev: e._rev, at: e.updatedAt, mutationId: e.mutationId, version: e.version, ...queue });
    }
    expect((await countWaitingByKind(db, '')).entries).toBe(2);
    // The next push sends exactly the two dirty ones, each with its base revision.
    const ctx: ApplyContext = { thana: 'BSPKOTA', mode: 'station', defs: () => undefined, now: () => new Date(), newId: () => ulid() };
    const skip = new Set<string>();
    const out = await collectOutgoing(db, ctx, { limit: 50, maxBytes: 1_000_000, skip: outboxSkip(skip, new Set()), maxDocBytes: MAX_DOC_BYTES, idle: true });
    expect(out.map((o) => [o.id, o.doc._rev ?? null])).toEqual([
      [entries[0]!.id, null],
      [entries[1]!.id, '3-abc'],
    ]);
    expect(out.every((o) => !('syncState' in o.doc))).toBe(true);
    // The hub's answer marks them synced in syncStates (the entries are not rewritten).
    await applyPushResults(db, out.map((o, i) => ({ out: o, rev: `${i + 4}-new` })), [], ctx);
    expect((await countWaitingByKind(db, '')).entries).toBe(0);
    expect((await db.syncStates.get(entries[1]!.id))!).toMatchObject({ state: 'synced', rev: '5-new' });
    db.close();
  });
});

describe('schema v9: synced state rows leave the outbox index', () => {
  /** A state row as v8 stored it (no `queue`; the index was `[state+table+at]` over every row). */
  const v8State = (n: number, state: 'dirty' | 'synced' | 'rejected' | 'conflict') => ({
    id: `BSPKOTA:mitan:01JDV8MITAN00000000000000${n}`,
    table: 'mitan',
    state,
    rev: state === 'dirty' && n === 1 ? null : `${n}-abc`,
    at: `2026-11-0${n}T05:00:00.000Z`,
    mutationId: `01JDV8MUT${n}`,
    version: 1,
  });
  const ctx: ApplyContext = { thana: 'BSPKOTA', mode: 'station', defs: () => undefined, now: () => new Date(), newId: () => ulid() };
  /** The primary keys of the rows the `queue` index holds (every state). */
  const indexed = async (db: StationDb) => (await db.syncStates.where('queue').between(Dexie.minKey, Dexie.maxKey).primaryKeys()).sort();

  it('upgrades a v8 database: the waiting rows are found by the outbox as before, the synced ones are in no index', async () => {
    const old = new Dexie(name);
    for (const [v, schema] of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8].entries()) old.version(v + 1).stores(schema);
    await old.open();
    const states = [v8State(1, 'dirty'), v8State(2, 'synced'), v8State(3, 'rejected'), v8State(4, 'dirty'), v8State(5, 'synced'), v8State(6, 'conflict')];
    await old.table('syncStates').bulkAdd(states);
    old.close();

    const db = new StationDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    // Nothing else changed in the rows; the waiting ones carry their queue key.
    for (const st of states) expect(await db.syncStates.get(st.id)).toEqual(st.state === 'synced' ? st : { ...st, queue: [st.state, 'mitan', st.at] });
    expect(await stateRange(db, 'mitan', 'dirty').primaryKeys()).toEqual([states[0]!.id, states[3]!.id]);
    expect(await stateRange(db, 'mitan', 'rejected').primaryKeys()).toEqual([states[2]!.id]);
    expect(await stateRange(db, 'mitan', 'conflict').primaryKeys()).toEqual([states[5]!.id]);
    expect(await indexed(db)).toEqual([states[0]!.id, states[2]!.id, states[3]!.id, states[5]!.id].sort());
    expect(await countSynced(db, 'mitan')).toBe(2);
    expect((await countWaitingByKind(db, '')).entries).toBe(2);
    db.close();
  });

  it('a landed push takes its rows out of the index; an edit after it puts the row back, whoever writes it', async () => {
    const db = new StationDb(name);
    await db.open();
    const rows = [v8State(1, 'dirty'), v8State(2, 'dirty'), v8State(3, 'dirty')];
    // Written with a stale queue key by hand: the middleware sets the right one.
    await db.transaction('rw', db.syncStates, () => db.syncStates.bulkPut(rows.map((r) => ({ ...r, queue: ['synced', 'team', 'x'] as never }))));
    expect(await indexed(db)).toEqual(rows.map((r) => r.id));
    expect((await db.syncStates.get(rows[0]!.id))!.queue).toEqual(['dirty', 'mitan', rows[0]!.at]);

    const skip = new Set<string>();
    const out = await collectOutgoing(db, ctx, { limit: 50, maxBytes: 1_000_000, skip: outboxSkip(skip, new Set()), maxDocBytes: MAX_DOC_BYTES, idle: true });
    expect(out).toEqual([]); // no entries in the mitan table: the outbox skips state rows without an entry
    // Landed as a push lands them: synced, no queue, out of the index, the rest of the row kept.
    await db.transaction('rw', db.syncStates, async () => {
      const have = (await db.syncStates.bulkGet(rows.map((r) => r.id)))!;
      await db.syncStates.bulkPut(have.map((r, i) => ({ ...r!, state: 'synced' as const, rev: `${i + 2}-new` })));
    });
    expect(await indexed(db)).toEqual([]);
    expect(await db.syncStates.get(rows[1]!.id)).toEqual({ ...rows[1]!, state: 'synced', rev: '3-new' });
    expect(await stateRange(db, 'mitan').count()).toBe(0);
    expect(await countSynced(db, 'mitan')).toBe(3);

    // An edit of one entry: waiting again, on the revision the hub gave it, back in the index.
    const edited = { ...v1Place, id: rows[1]!.id, type: 'mitan', updatedAt: '2026-11-20T05:00:00.000Z', mutationId: '01JDV9MUT', version: 2, tokens: [], keys: [], late: false };
    await db.transaction('rw', db.syncStates, () => markChanged(db, 'mitan', [edited as never]));
    expect(await stateRange(db, 'mitan').primaryKeys()).toEqual([rows[1]!.id]);
    expect(await db.syncStates.get(rows[1]!.id)).toMatchObject({ state: 'dirty', rev: '3-new', queue: ['dirty', 'mitan', edited.updatedAt] });
    db.close();
  });
});
