/**
 * Another CouchDB client writes to the hub: PouchDB (the real library) against the thana database,
 * as a district clerk's script or an old replica would (issue #13 §7). Plain PUT edits, sibling
 * leaves (new_edits:false), deletions, malformed documents and documents of an unknown type. Every
 * case ends with the same content at the same `_rev` on every PC and the hub, and every value
 * readable somewhere on every PC. Writes are made as the hub admin (the hub's validation function
 * lets admins do anything, but an edit by hand must name its writer in `hubUser`: then every PC
 * says who changed it).
 */
import PouchDB from 'pouchdb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listHubDeletions, listQuarantine, pushBackDeleted } from '../../renderer/src/db/sync';
import type { StoredRecord } from '../../renderer/src/domain/records';
import { expectIncreasingVersions, hubAdmin, hubUrl, provisionThana, withoutValidation, type ThanaSetup } from './helpers';
import { expectRealConverged, RealPc, valuesIn } from './real';

/** The part of PouchDB's API these cases use. */
interface Pouch {
  get<T = Record<string, unknown>>(id: string, opts?: Record<string, unknown>): Promise<T & { _id: string; _rev: string }>;
  put(doc: Record<string, unknown>): Promise<{ ok: boolean; rev: string }>;
  remove(doc: { _id: string; _rev: string }): Promise<{ ok: boolean; rev: string }>;
  bulkDocs(docs: Record<string, unknown>[], opts?: { new_edits?: boolean }): Promise<unknown[]>;
  close(): Promise<void>;
}
type PouchCtor = new (name: string, opts: Record<string, unknown>) => Pouch;

let setup: ThanaSetup;
let pouch: Pouch;
/** The hub admin the clerk signs in as (Fauxton, a script). */
let clerk: string;
const open: RealPc[] = [];

async function station() {
  const a = await RealPc.open(setup, 'a', 0);
  const b = await RealPc.open(setup, 'b', 1, 'B-');
  open.push(a, b);
  const place = (await a.place(`गाँव ${open.length}`)).record;
  const team = (await a.team(open.length)).record;
  const mitan = (await a.mitan(team.id, place.id, { mobile: `97765${String(open.length).padStart(5, '0')}` })).record;
  const entry = (await a.outreach(team.id, [mitan.id], place.id)).record;
  const complaint = (await a.complaint({ holds: [{ bank: 'SBI', account: '1234', amount: '5000', date: '2026-11-28' }] })).record;
  await a.sync();
  await b.sync();
  return { a, b, mitan, entry, complaint };
}

async function syncAll(...pcs: RealPc[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const p of pcs) await p.sync();
}

async function expectEverywhere(pcs: RealPc[], table: string, id: string, field: string, values: unknown[]): Promise<void> {
  for (const pc of pcs) {
    const rec = (await pc.get(table, id)) as StoredRecord;
    expect(valuesIn(rec, field), `${pc.name}: ${field} of ${id}`).toEqual(expect.arrayContaining(values));
    expectIncreasingVersions(rec.history);
  }
}

beforeAll(async () => {
  setup = await provisionThana('P');
  clerk = hubAdmin().username;
  const Ctor = PouchDB as unknown as PouchCtor;
  pouch = new Ctor(`${hubUrl()}/${setup.db}`, { auth: hubAdmin(), skip_setup: true });
  return () => pouch.close();
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

describe('PouchDB as another client of the hub', () => {
  it('plain PUT edits (a Mitan’s name, a complaint’s remark) keep their mutationId: each becomes a hub version on every PC', async () => {
    const { a, b, mitan, complaint } = await station();
    const m = await pouch.get<{ data: Record<string, unknown> }>(mitan.id);
    // The hub refuses an edit by hand that leaves the last writer's name on it: it names the admin.
    await expect(pouch.put({ ...m, data: { ...m.data, name: 'राम कुमार साहू' } })).rejects.toMatchObject({ status: 403, message: expect.stringContaining('must name its writer') });
    await pouch.put({ ...m, data: { ...m.data, name: 'राम कुमार साहू' }, hubUser: clerk });
    const c = await pouch.get<{ data: Record<string, unknown> }>(complaint.id);
    // The clerk also types a total by hand: computed fields are recomputed from the rows, not taken.
    await pouch.put({ ...c, data: { ...c.data, remarks: 'जिला कार्यालय से जाँचा', totalHeld: 1 }, hubUser: clerk });
    await b.correctMitan(mitan.id, { age: 31 });
    await syncAll(a, b);
    const hub = await expectRealConverged([a, b], setup);
    await expectEverywhere([a, b], 'mitan', mitan.id, 'name', ['राम कुमार', 'राम कुमार साहू']);
    await expectEverywhere([a, b], 'complaint', complaint.id, 'remarks', ['जिला कार्यालय से जाँचा']);
    const hm = hub.get(mitan.id) as { data: Record<string, unknown> };
    expect(hm.data).toMatchObject({ name: 'राम कुमार साहू', age: 31 });
    expect((hub.get(complaint.id) as { data: Record<string, unknown> }).data.totalHeld).toBe(5000_00);
    // "Changed on the hub by <the admin>" on every PC, not by the PC that wrote before.
    for (const pc of [a, b]) {
      const hubVersions = (await pc.get('mitan', mitan.id))!.history.filter((h) => h.kind === 'hub');
      expect(hubVersions.map((h) => h.byName), pc.name).toEqual([clerk]);
      expect(hubVersions[0]!.reason).toContain(`Changed on the hub by ${clerk}`);
    }
  });

  it('sibling leaves written with new_edits:false: every leaf is folded once, every value readable on every PC', async () => {
    const { a, b, entry } = await station();
    const doc = await pouch.get<{ data: Record<string, unknown>; history: unknown[] }>(entry.id);
    const hash = doc._rev.split('-')[1]!;
    const leaf = (h: string, data: Record<string, unknown>) => ({ ...doc, _rev: `2-${h.repeat(32)}`, _revisions: { start: 2, ids: [h.repeat(32), hash] }, data: { ...doc.data, ...data } });
    await withoutValidation(setup, () => pouch.bulkDocs([leaf('c', { pledges: 41 }), leaf('d', { pledges: 47, contacts: 9 }), leaf('e', { placeName: 'स्कूल' })], { new_edits: false }));
    expect(((await pouch.get<{ _conflicts?: string[] }>(entry.id, { conflicts: true }))._conflicts ?? []).length).toBe(2);
    await syncAll(a, b);
    await expectRealConverged([a, b], setup);
    await expectEverywhere([a, b], 'outreach', entry.id, 'pledges', [40, 41, 47]);
    await expectEverywhere([a, b], 'outreach', entry.id, 'placeName', ['पंचायत भवन', 'स्कूल']);
    await expectEverywhere([a, b], 'outreach', entry.id, 'contacts', [4, 9]);
  });

  it('a deletion: the entry stays on every PC with a "deleted on the hub" version until the in-charge sends it back', async () => {
    const { a, b, complaint } = await station();
    const heldBefore = (await b.db.totals.get('complaint:all'))!.values.held;
    await pouch.remove(await pouch.get(complaint.id));
    await syncAll(a, b);
    for (const pc of [a, b]) {
      expect((await pc.get('complaint', complaint.id))!.data.totalHeld).toBe(5000_00);
      expect((await listHubDeletions(pc.db)).map((x) => x.row.recordId)).toEqual([complaint.id]);
      expect((await pc.db.totals.get('complaint:all'))!.values.held, 'the kept entry still counts').toBe(heldBefore);
    }
    await pushBackDeleted(a.db, complaint.id);
    await syncAll(a, b);
    const hub = await expectRealConverged([a, b], setup);
    expect((hub.get(complaint.id) as { history: { kind: string }[] }).history.some((h) => h.kind === 'hub')).toBe(true);
    for (const pc of [a, b]) expect(await listHubDeletions(pc.db)).toEqual([]);
  });

  it('a malformed document and one of an unknown type wait in the quarantine on every PC; the rest syncs on', async () => {
    const { a, b, entry } = await station();
    const badId = `${setup.code}:complaint:01MALFORMED000000000000000`;
    await pouch.put({ _id: badId, thana: setup.code, type: 'complaint', schemaVersion: 1, mutationId: '01MALFORMED000000000000000' });
    const oddId = `${setup.code}:bicycles:01UNKNOWNTYPE0000000000000`;
    await pouch.put({ _id: oddId, thana: setup.code, type: 'bicycles', schemaVersion: 1, mutationId: '01UNKNOWNTYPE0000000000000', data: { frame: 'F-77' } });
    const wrongKind = await pouch.get<{ data: Record<string, unknown> }>(entry.id);
    await pouch.put({ ...wrongKind, data: { ...wrongKind.data, men: 'तीस' }, hubUser: clerk }); // text where a number belongs
    await a.correctOutreach(entry.id, { women: 26 });
    await syncAll(a, b);
    for (const pc of [a, b]) {
      const q = await listQuarantine(pc.db);
      expect(q.map((x) => `${x.id} ${x.reason}`).sort(), pc.name).toEqual([`${badId} shape`, `${oddId} unknown-type`, `${entry.id} invalid`].sort());
      expect((q.find((x) => x.id === oddId)!.body as { data: unknown }).data).toEqual({ frame: 'F-77' });
    }
    // The IT cell repairs the hub: the malformed document removed, the wrong value fixed.
    await pouch.remove(await pouch.get(badId));
    const fix = await pouch.get<{ data: Record<string, unknown> }>(entry.id);
    await pouch.put({ ...fix, data: { ...fix.data, men: 30 }, hubUser: clerk });
    await syncAll(a, b);
    await expectRealConverged([a, b], setup);
    for (const pc of [a, b]) expect((await listQuarantine(pc.db)).map((x) => x.id)).toEqual([oddId]);
    await expectEverywhere([a, b], 'outreach', entry.id, 'women', [25, 26]);
  });
});
