import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { pageRecords } from '../../../renderer/src/db/repository';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, StationDb } from '../../../renderer/src/db/schema';
import { countWaitingByKind } from '../../../renderer/src/db/sync-waiting';
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
    expect(db.verno).toBe(8);
    // The entries no longer carry their state; it is in syncStates, as it was.
    for (const e of entries) {
      const row = (await db.mitan.get(e.id))! as unknown as Record<string, unknown>;
      expect(row).not.toHaveProperty('syncState');
      expect(row).not.toHaveProperty('_rev');
      expect(row.data).toEqual(e.data);
      expect(await db.syncStates.get(e.id)).toEqual({ id: e.id, table: 'mitan', state: e.syncState, rev: e._rev, at: e.updatedAt, mutationId: e.mutationId, version: e.version });
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
