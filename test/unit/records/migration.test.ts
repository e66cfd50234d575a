import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { pageRecords } from '../../../renderer/src/db/repository';
import { SCHEMA_V1, StationDb } from '../../../renderer/src/db/schema';
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
