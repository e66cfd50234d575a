/**
 * Two PCs, one record (reference/sync.md §8 cases 6, 8, 9, 10, 17, 19, 22): merges are field by
 * field, the hub's value wins a clash whatever the PCs' clocks say, the losing value stays readable
 * in the history, hub conflict leaves are settled and deleted, and nothing is ever lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { correctionsByField } from '../../renderer/src/domain/records';
import { listHubDeletions, listQuarantine, pushBackDeleted } from '../../renderer/src/db/sync';
import { FaultProxy } from './proxy';
import { admin, allVersions, expectConverged, expectIncreasingVersions, hubUrl, provisionThana, purgeFoldedLeaves, StationPc, TEST_DEF, withoutValidation, type ThanaSetup } from './helpers';

let setup: ThanaSetup;
let proxy: FaultProxy;
const open: StationPc[] = [];

async function pcs(opts: { bNow?: () => Date } = {}): Promise<[StationPc, StationPc]> {
  const a = await StationPc.open({ code: setup.code, name: 'a', account: setup.pcs[0]! });
  const b = await StationPc.open({ code: setup.code, name: 'b', pcSeries: 'B-', account: setup.pcs[1]!, now: opts.bNow });
  open.push(a, b);
  return [a, b];
}

async function syncAll(...list: StationPc[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const p of list) await p.sync();
}

/** A record both PCs have, synced. */
async function shared(a: StationPc, b: StationPc, data: Record<string, unknown>) {
  const rec = await a.create(data);
  await a.sync();
  await b.sync();
  expect(await b.get(rec.id)).toBeTruthy();
  return rec;
}

beforeAll(async () => {
  setup = await provisionThana('C');
  proxy = await new FaultProxy(hubUrl()).start();
});
afterAll(async () => {
  await proxy.close();
});
afterEach(async () => {
  proxy.clear();
  for (const p of open.splice(0)) await p.close();
});

describe('two PCs edit the same record offline', () => {
  it('different fields: both edits kept, no clash', async () => {
    const [a, b] = await pcs();
    const rec = await shared(a, b, { title: 'दोनों', people: 10, place: 'कोटा' });
    await a.correct(rec.id, { people: 12 });
    await b.correct(rec.id, { place: 'रतनपुर' });
    await a.sync();
    const r = await b.sync();
    expect(r.merged).toBe(1);
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    const final = rows.find((x) => x.id === rec.id)!;
    expect(final.data).toMatchObject({ people: 12, place: 'रतनपुर' });
    // Nothing clashed: no (empty) merge version; both corrections are versions, numbered in order.
    expect(final.history.some((h) => h.kind === 'merge')).toBe(false);
    expect(final.history.filter((h) => h.kind === 'correct')).toHaveLength(2);
    expectIncreasingVersions(final.history);
    const log = await b.db.syncConflicts.where('recordId').equals(rec.id).toArray();
    expect(log).toHaveLength(1);
    expect(log[0]!.fields).toEqual([]);
  });

  it('the same field: the value that reached the hub first is kept, the other stays readable', async () => {
    const [a, b] = await pcs();
    const rec = await shared(a, b, { title: 'एक ही', people: 10 });
    await b.correct(rec.id, { people: 30 }, 'बी का सुधार');
    await a.correct(rec.id, { people: 20 }, 'ए का सुधार');
    await a.sync(); // A reaches the hub first
    await b.sync();
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    const final = rows.find((x) => x.id === rec.id)!;
    expect(final.data.people).toBe(20);
    const merge = final.history.find((h) => h.kind === 'merge')!;
    expect(merge.changes).toEqual([{ field: 'people', before: 30, after: 20 }]);
    // Prints show B's 30 struck through beside the sync's initials, and A's correction from 10.
    const earlier = correctionsByField(final).get('people')!.map((c) => c.before);
    expect(earlier).toEqual(expect.arrayContaining([10, 30]));
    const log = (await b.db.syncConflicts.where('recordId').equals(rec.id).toArray())[0]!;
    expect(log.fields).toEqual([{ field: 'people', local: 30, server: 20, kept: 'server' }]);
    // Totals follow the kept value on both PCs.
    expect((await a.totals()).people).toBe((await b.totals()).people);
  });

  it('a cancellation on one PC and a correction on the other: both stand (the entry is cancelled, the correction kept)', async () => {
    const [a, b] = await pcs();
    const rec = await shared(a, b, { title: 'निरस्त बनाम सुधार', people: 5 });
    await a.cancel(rec.id);
    await b.correct(rec.id, { people: 6 });
    await b.sync();
    await a.sync();
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    const final = rows.find((x) => x.id === rec.id)!;
    expect(final.cancelled?.reason).toBe('गलत प्रविष्टि');
    expect(final.data.people).toBe(6);
  });

  it('a clock years ahead does not win: the order of arrival at the hub decides, never the PCs’ clocks', async () => {
    const future = () => new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
    const [a, b] = await pcs({ bNow: future });
    const rec = await shared(a, b, { title: 'घड़ी', people: 1 });
    await b.correct(rec.id, { people: 99 }, 'भविष्य की घड़ी');
    await a.correct(rec.id, { people: 2 }, 'सही घड़ी');
    await a.sync();
    await b.sync();
    await syncAll(a, b);
    let rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.find((x) => x.id === rec.id)!.data.people).toBe(2);
    // And the other way round: the skewed PC first, so its value is kept.
    await b.correct(rec.id, { people: 77 }, 'भविष्य की घड़ी');
    await a.correct(rec.id, { people: 3 }, 'सही घड़ी');
    await b.sync();
    await a.sync();
    await syncAll(a, b);
    rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.find((x) => x.id === rec.id)!.data.people).toBe(77);
    // New entries from the future-clock PC still arrive and sort by id; nothing depends on time order.
    await b.create({ title: 'भविष्य से' });
    await syncAll(b, a);
    await expectConverged([a, b], setup);
  });

  it('a pulled version landing on a row edited meanwhile is merged, not overwritten', async () => {
    const [a, b] = await pcs();
    const rec = await shared(a, b, { title: 'खींचा गया', people: 1, place: 'अ' });
    await a.correct(rec.id, { people: 2 });
    await a.sync();
    // B edits while its own session is between push and pull: the _changes answer is held back
    // until B's edit is in, so the hub's version lands on a dirty row.
    proxy.on({ path: /_changes/ }, { kind: 'delay', ms: 600 });
    const seen = proxy.log.length;
    const session = b.sync({}, proxy.url);
    while (!proxy.log.slice(seen).some((l) => /_changes/.test(l.path))) await new Promise((r) => setTimeout(r, 10));
    await b.correct(rec.id, { place: 'ब' }, 'खींचने के बीच');
    const r = await session;
    expect(r.merged).toBe(1);
    const mid = (await b.get(rec.id))!;
    expect(mid.data).toMatchObject({ people: 2, place: 'ब' });
    expectIncreasingVersions(mid.history);
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.find((x) => x.id === rec.id)!.data).toMatchObject({ people: 2, place: 'ब' });
  });
});

describe('thana settings travel too', () => {
  it('the profile and options: one PC’s change reaches the other; different keys merge; a clash keeps the hub’s value', async () => {
    const [a, b] = await pcs();
    await a.sync();
    await b.sync();
    const profile = (await a.db.settings.get('profile'))!.value as Record<string, unknown>;
    await a.db.settings.put({ key: 'profile', value: { ...profile, thanaTarget: 750, nodalName: 'श्री ए' } });
    await a.db.settings.put({ key: 'options', value: { idleDays: 10, topics: ['ओटीपी'] } });
    await b.db.settings.put({ key: 'options', value: { idleDays: 20, holidays: ['2026-11-14'] } });
    await a.sync();
    const r = await b.sync();
    expect(r.settingsChanged).toBe(true);
    await a.sync();
    const pa = (await a.db.settings.get('profile'))!.value as Record<string, unknown>;
    const pb = (await b.db.settings.get('profile'))!.value as Record<string, unknown>;
    expect(pb).toEqual(pa);
    expect(pb.thanaTarget).toBe(750);
    const oa = (await a.db.settings.get('options'))!.value;
    const ob = (await b.db.settings.get('options'))!.value;
    expect(ob).toEqual(oa);
    // idleDays clashed: A reached the hub first.
    expect(ob).toEqual({ idleDays: 10, topics: ['ओटीपी'], holidays: ['2026-11-14'] });
    const log = await b.db.syncConflicts.where('recordId').equals(`${setup.code}:options:main`).toArray();
    expect(log[0]!.fields).toEqual([{ field: 'idleDays', local: 20, server: 10, kept: 'server' }]);
    // The per-PC settings never leave the PC.
    const hubIds = (await admin<{ rows: { id: string }[] }>('GET', `${setup.db}/_all_docs`)).body.rows.map((x) => x.id);
    expect(hubIds.filter((id) => /:pc:|users/.test(id))).toEqual([]);
  });
});

describe('the hub', () => {
  it('conflict leaves on the hub (made with new_edits:false) are found, folded once the same way on every PC, and named for the admin job', async () => {
    const [a, b] = await pcs();
    const rec = await shared(a, b, { title: 'पत्तियाँ', people: 1, place: 'मूल' });
    const doc = (await admin<Record<string, unknown> & { _rev: string; history: unknown[]; data: Record<string, unknown> }>('GET', `${setup.db}/${encodeURIComponent(rec.id)}`)).body;
    const [, hash] = doc._rev.split('-');
    const leaf = (mid: string, people: number, place: string) => ({
      ...doc,
      _rev: `2-${mid}`,
      _revisions: { start: 2, ids: [mid, hash] },
      data: { ...doc.data, people, place },
      mutationId: `01LEAF${mid.toUpperCase().padEnd(20, '0')}`,
      version: 2,
      history: [...doc.history, { version: 2, kind: 'correct', at: '2026-01-01T00:00:00.000Z', by: 'x', byName: 'X', initials: 'X', reason: 'leaf', changes: [{ field: 'people', before: 1, after: people }], mutationId: `01LEAF${mid.toUpperCase().padEnd(20, '0')}` }],
    });
    const res = await withoutValidation(setup, () => admin('POST', `${setup.db}/_bulk_docs`, { new_edits: false, docs: [leaf('aaaa1111', 5, 'मूल'), leaf('bbbb2222', 8, 'मूल')] }));
    expect(res.status).toBe(201);
    const before = (await admin<{ _conflicts?: string[] }>('GET', `${setup.db}/${encodeURIComponent(rec.id)}?conflicts=true`)).body;
    expect(before._conflicts?.length).toBe(1);
    const leafVersions = new Set(['01LEAFAAAA111100000000000000', '01LEAFBBBB222200000000000000'].map((m) => m.slice(0, 26)));
    const r = await a.sync();
    expect(r.resolved).toBe(1);
    await syncAll(b, a);
    const versions = await allVersions([a, b]);
    for (const m of leafVersions) versions.add(m);
    const rows = await expectConverged([a, b], setup, { versions });
    const final = rows.find((x) => x.id === rec.id)!;
    // Both leaves' versions are in the history; the clash on `people` kept one value, the other is readable.
    expect(final.history.filter((h) => h.mutationId.startsWith('01LEAF'))).toHaveLength(2);
    expect([5, 8]).toContain(final.data.people);
    expectIncreasingVersions(final.history);
    // The log on the PC that folded says exactly what the record ended with.
    const log = (await a.db.syncConflicts.where('recordId').equals(rec.id).filter((x) => x.kind === 'leaves').toArray())[0]!;
    const f = log.fields.find((x) => x.field === 'people')!;
    expect(f.kept === 'local' ? f.local : f.server).toBe(final.data.people);
    // Stations delete nothing: the leaf stays, named in foldedRevs, until the hub's admin job removes it.
    const after = (await admin<{ _conflicts?: string[]; foldedRevs?: string[] }>('GET', `${setup.db}/${encodeURIComponent(rec.id)}?conflicts=true`)).body;
    expect(after._conflicts?.length).toBe(1);
    expect(after.foldedRevs).toEqual(expect.arrayContaining(after._conflicts!));
    await purgeFoldedLeaves(setup.db, rec.id);
    await syncAll(a, b);
    await expectConverged([a, b], setup, { versions });
  });

  it('a document the validation function refuses: the rest of the batch goes, it is rejected, shown and not retried', async () => {
    const [a, b] = await pcs();
    const good1 = await a.create({ title: 'ठीक 1' });
    const bad = await a.create({ title: 'खराब' });
    const good2 = await a.create({ title: 'ठीक 2' });
    // A row broken by a bug: no schemaVersion. The hub's validation function refuses it.
    await a.db.outreach.update(bad.id, { schemaVersion: 0 });
    const r = await a.sync({}, proxy.url);
    expect(r.rejected).toBe(1);
    expect((await a.get(good1.id))!.syncState).toBe('synced');
    expect((await a.get(good2.id))!.syncState).toBe('synced');
    expect((await a.get(bad.id))!.syncState).toBe('rejected');
    const reject = (await a.db.syncRejects.get(bad.id))!;
    expect(reject.error).toBe('forbidden');
    expect(reject.reason).toContain('schemaVersion');
    expect((reject.body as { data: { title: string } }).data.title).toBe('खराब');
    const n = proxy.log.length;
    await a.sync({}, proxy.url);
    expect(proxy.log.slice(n).some((l) => l.ids?.includes(bad.id))).toBe(false);
    // Fixed (here: by the next correction, which a newer app version would write properly) and sent again.
    await a.db.outreach.update(bad.id, { schemaVersion: 1 });
    const { requeueRejected } = await import('../../renderer/src/db/sync');
    await requeueRejected(a.db, [bad.id]);
    await syncAll(a, b);
    await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(await a.db.syncRejects.count()).toBe(0);
  });

  it('a record deleted on the hub stays on both PCs with a "deleted on the hub" version, listed until the in-charge sends it back; an edit racing the delete brings it back by itself', async () => {
    const [a, b] = await pcs();
    const gone = await shared(a, b, { title: 'हटेगा', people: 4 });
    const raced = await shared(a, b, { title: 'बचेगा', people: 3 });
    for (const id of [gone.id, raced.id]) {
      const d = (await admin<{ _rev: string }>('GET', `${setup.db}/${encodeURIComponent(id)}`)).body;
      expect((await admin('DELETE', `${setup.db}/${encodeURIComponent(id)}?rev=${d._rev}`)).status).toBe(200);
    }
    await b.correct(raced.id, { people: 33 }, 'हटाने से पहले सुधार');
    const r = await a.sync();
    expect(r.hubDeleted).toBe(2);
    const kept = (await a.get(gone.id))!;
    expect(kept.data.title).toBe('हटेगा');
    expect(kept.syncState).toBe('conflict');
    expect(kept.history.at(-1)).toMatchObject({ kind: 'hub', changes: [] });
    expect((await listHubDeletions(a.db)).map((x) => x.row.recordId).sort()).toEqual([gone.id, raced.id].sort());
    expect((await a.totals()).people).toBeGreaterThanOrEqual(7); // nothing left the totals
    await b.sync(); // B's correction goes to the hub and brings `raced` back there
    expect(await pushBackDeleted(a.db, gone.id)).toBe(true);
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.find((x) => x.id === raced.id)!.data.people).toBe(33);
    expect(rows.find((x) => x.id === gone.id)!.history.some((h) => h.kind === 'hub')).toBe(true);
    expect(await listHubDeletions(a.db)).toEqual([]);
    expect(await listHubDeletions(b.db)).toEqual([]);
  });

  it('a record of a newer schemaVersion, and a register this version does not know, wait in quarantine; the pull goes on; after an update they land', async () => {
    const [a, b] = await pcs();
    const rec = await shared(a, b, { title: 'पुराना', people: 1 });
    const doc = (await admin<Record<string, unknown> & { data: Record<string, unknown> }>('GET', `${setup.db}/${encodeURIComponent(rec.id)}`)).body;
    // A newer app version (on some other PC) wrote schema 7 with fields this version does not know.
    const history = [
      ...(doc.history as unknown[]),
      { version: 2, kind: 'correct', at: '2026-01-01T00:00:00.000Z', by: 'n', byName: 'N', initials: 'N', reason: 'नया', changes: [{ field: 'futureField', before: null, after: 'नया फ़ील्ड' }], mutationId: '01NEWERSCHEMA0000000000000' },
    ];
    const newer = { ...doc, schemaVersion: 7, futureTop: { kept: true }, data: { ...doc.data, futureField: 'नया फ़ील्ड' }, mutationId: '01NEWERSCHEMA0000000000000', version: 2, history };
    expect((await admin('PUT', `${setup.db}/${encodeURIComponent(rec.id)}`, newer)).status).toBe(201);
    // A register this version does not know at all (a newer app added it).
    const unknownId = `${setup.code}:bicycles:01NEWTYPE00000000000000000`;
    const unknown = { thana: setup.code, type: 'bicycles', schemaVersion: 1, mutationId: '01NEWTYPE00000000000000000', data: { frame: 'ABC123' } };
    expect((await admin('PUT', `${setup.db}/${encodeURIComponent(unknownId)}`, unknown)).status).toBe(201);
    const later = await a.create({ title: 'बाद की प्रविष्टि' });
    await a.sync();
    const r = await b.sync();
    expect(r.quarantined).toBe(2);
    const q = await listQuarantine(b.db);
    expect(q.map((x) => [x.id, x.reason]).sort()).toEqual([[rec.id, 'newer-schema'], [unknownId, 'unknown-type']].sort());
    expect((q.find((x) => x.id === rec.id)!.body as { data: { futureField: string } }).data.futureField).toBe('नया फ़ील्ड');
    expect((await b.get(rec.id))!.schemaVersion).toBe(1); // the version it could read stays
    expect(await b.get(later.id)).toBeTruthy(); // the pull went on
    // The app is updated (it now knows schema 7): the quarantined version lands whole.
    const updated = { ...TEST_DEF, schemaVersion: 7 };
    await b.sync({ defs: (t) => (t === 'outreach' ? updated : undefined) });
    const got = (await b.get(rec.id))! as unknown as Record<string, unknown> & { data: Record<string, unknown> };
    expect(got.schemaVersion).toBe(7);
    expect(got.futureTop).toEqual({ kept: true });
    expect(got.data.futureField).toBe('नया फ़ील्ड');
    expect((await listQuarantine(b.db)).map((x) => x.id)).toEqual([unknownId]);
  });
});
