/**
 * Quarantine instead of a stuck pull (design §3.14): a hub document the station cannot accept is
 * kept raw with its reason, the pull and its checkpoint go on, and a fault in the app's own code
 * is never reported as a network problem. Also the schema upgrade that brings the table.
 */
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listQuarantine } from '../../renderer/src/db/sync';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, StationDb } from '../../renderer/src/db/schema';
import { SyncError, toSyncError } from '../../renderer/src/sync/messages';
import { QUARANTINE_TEXT } from '../../renderer/src/sync/validity';
import { admin, expectConverged, provisionThana, StationPc, TEST_DEF, type ThanaSetup } from './helpers';

let setup: ThanaSetup;
const open: StationPc[] = [];

async function pcs(): Promise<[StationPc, StationPc]> {
  const a = await StationPc.open({ code: setup.code, name: 'a', account: setup.pcs[0]! });
  const b = await StationPc.open({ code: setup.code, name: 'b', pcSeries: 'B-', account: setup.pcs[1]! });
  open.push(a, b);
  return [a, b];
}

beforeAll(async () => {
  setup = await provisionThana('Q');
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

describe('a hub document the station cannot accept', () => {
  it('one with only {thana, type, schemaVersion, mutationId} (no data) is quarantined; the pull and its checkpoint go on', async () => {
    const [a, b] = await pcs();
    await a.create({ title: 'पहले' });
    await a.sync();
    const badId = `${setup.code}:outreach:01BADSHAPE0000000000000000`;
    const bad = { thana: setup.code, type: 'outreach', schemaVersion: 1, mutationId: '01BADSHAPE0000000000000000' };
    expect((await admin('PUT', `${setup.db}/${encodeURIComponent(badId)}`, bad)).status).toBe(201);
    const after = await a.create({ title: 'बाद में' });
    await a.sync();
    const r = await b.sync();
    expect(r.quarantined).toBe(1);
    expect(await b.get(after.id)).toBeTruthy();
    const [q] = await listQuarantine(b.db);
    expect(q).toMatchObject({ id: badId, reason: 'shape' });
    expect(q!.body).toMatchObject(bad);
    expect(QUARANTINE_TEXT.shape.hi).toContain('data');
    // The checkpoint moved past it: the next session pulls nothing and refuses nothing again.
    const again = await b.sync();
    expect(again.pulled).toBe(0);
    expect(again.quarantined).toBe(0);
    // Fixed on the hub by the IT cell (removed): the quarantine row goes by itself.
    const d = (await admin<{ _rev: string }>('GET', `${setup.db}/${encodeURIComponent(badId)}`)).body;
    await admin('DELETE', `${setup.db}/${encodeURIComponent(badId)}?rev=${d._rev}`);
    await b.sync();
    expect(await listQuarantine(b.db)).toEqual([]);
    await a.sync();
    await expectConverged([a, b], setup);
  });

  it('a fault in the app while landing one document quarantines that document, not the pull; an error outside is "internal", never "network"', async () => {
    const [a, b] = await pcs();
    const one = await a.create({ title: 'एक', people: 1 });
    const two = await a.create({ title: 'दो', people: 2 });
    await a.sync();
    const buggy = {
      ...TEST_DEF,
      totals: (d: Record<string, unknown>) => {
        if (d.title === 'एक') throw new TypeError('bug in a totals function');
        return TEST_DEF.totals!(d);
      },
    };
    const r = await b.sync({ defs: (t) => (t === 'outreach' ? buggy : undefined) });
    expect(r.quarantined).toBe(1);
    expect(await b.get(two.id)).toBeTruthy();
    const [q] = await listQuarantine(b.db);
    expect(q).toMatchObject({ id: one.id, reason: 'error' });
    expect(q!.detail).toContain('bug in a totals function');
    // Fixed in the next app version: the document lands from the quarantine at the next session.
    await b.sync();
    expect(await b.get(one.id)).toBeTruthy();
    expect(await listQuarantine(b.db)).toEqual([]);
    await expectConverged([a, b], setup);
    const err = toSyncError(new TypeError('x is undefined'));
    expect(err).toBeInstanceOf(SyncError);
    expect(err.code).toBe('internal');
    expect(err.bilingual.en).toMatch(/not a network problem/);
  });
});

describe('schema v4', () => {
  it('a v3 database upgrades: its data stays, documents parked as unknown types move to the quarantine', async () => {
    const name = `v3-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    await old.table('shadows').bulkPut([
      { id: 'K:bicycles:01X', rev: '1-a', body: { type: 'bicycles', data: { frame: 'F1' } }, parked: true },
      { id: 'K:options:main', rev: '2-b', body: { value: { idleDays: 7 } } },
    ]);
    await old.table('syncMeta').put({ key: 'checkpoint', value: { seq: '12-x' } });
    old.close();
    const db = new StationDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.syncQuarantine.toArray()).toEqual([
      expect.objectContaining({ id: 'K:bicycles:01X', rev: '1-a', reason: 'unknown-type', body: { _id: 'K:bicycles:01X', _rev: '1-a', type: 'bicycles', data: { frame: 'F1' } } }),
    ]);
    expect((await db.shadows.toArray()).map((s) => s.id)).toEqual(['K:options:main']);
    expect((await db.syncMeta.get('checkpoint'))?.value).toEqual({ seq: '12-x' });
    db.close();
    await db.delete();
  });
});
