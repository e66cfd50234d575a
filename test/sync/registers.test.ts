/**
 * The fault suite on the REAL registers (issue #13): Mitans with a unique mobile, outreach with
 * running totals, complaints with money rows. Each case is one of the ways the hub was found to
 * lose or corrupt data, and ends with the same content at the same `_rev` on every PC and the hub,
 * totals equal to a recount, and every value readable in some history.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listReviews } from '../../renderer/src/db/sync';
import type { StoredRecord } from '../../renderer/src/domain/records';
import { FaultProxy } from './proxy';
import { admin, expectIncreasingVersions, hubAdmin, hubUrl, provisionThana, purgeFoldedLeaves, withoutValidation, type ThanaSetup } from './helpers';
import { expectRealConverged, RealPc, valuesIn } from './real';

let setup: ThanaSetup;
const open: RealPc[] = [];

/** Two PCs of one thana that share a village, a team and a Mitan. */
async function station() {
  const a = await RealPc.open(setup, 'a', 0);
  const b = await RealPc.open(setup, 'b', 1, 'B-');
  open.push(a, b);
  const place = (await a.place(`गाँव ${open.length}`)).record;
  const team = (await a.team(open.length)).record;
  const mitan = (await a.mitan(team.id, place.id, { mobile: `98765${String(open.length).padStart(5, '0')}` })).record;
  await a.sync();
  await b.sync();
  return { a, b, place, team, mitan };
}

async function syncAll(...pcs: RealPc[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const p of pcs) await p.sync();
}

async function hubDoc<T = Record<string, unknown>>(id: string): Promise<T & { _rev: string }> {
  return (await admin<T & { _rev: string }>('GET', `${setup.db}/${encodeURIComponent(id)}`)).body;
}

beforeAll(async () => {
  setup = await provisionThana('R');
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

describe('anything may write to the hub', () => {
  it('a plain PUT that keeps the mutationId (data.placeName changed) becomes a "changed on the hub" version; the next correction keeps it', async () => {
    const { a, b, team, mitan, place } = await station();
    const entry = (await a.outreach(team.id, [mitan.id], place.id)).record;
    await syncAll(a, b);
    // A district clerk fixes a spelling in Fauxton: same mutationId, same history, new value.
    const doc = await hubDoc<{ data: Record<string, unknown> }>(entry.id);
    expect((await admin('PUT', `${setup.db}/${encodeURIComponent(entry.id)}`, { ...doc, data: { ...doc.data, placeName: 'पंचायत भवन (नया)' }, hubUser: hubAdmin().username })).status).toBe(201);
    const r = await a.sync();
    expect(r.hubEdits).toBe(1);
    const seen = (await a.get('outreach', entry.id))!;
    expect(seen.data.placeName).toBe('पंचायत भवन (नया)');
    expect(seen.history.at(-1)).toMatchObject({ kind: 'hub', byName: hubAdmin().username, changes: [{ field: 'placeName', before: 'पंचायत भवन', after: 'पंचायत भवन (नया)' }] });
    // B corrects another field from its older copy: the clerk's value survives the correction.
    await b.correctOutreach(entry.id, { men: 31 });
    await syncAll(b, a);
    const hub = await expectRealConverged([a, b], setup);
    const final = hub.get(entry.id)! as unknown as { data: Record<string, unknown>; history: { version: number }[] };
    expect(final.data).toMatchObject({ placeName: 'पंचायत भवन (नया)', men: 31 });
    expectIncreasingVersions(final.history);
  });

  it('two PCs each add a hold offline (₹5,000 and ₹3,000): both rows kept, totalHeld and pendingRefund ₹8,000 everywhere, in the totals too', async () => {
    const { a, b } = await station();
    const c = (await a.complaint()).record;
    await syncAll(a, b);
    await a.correctComplaint(c.id, { holds: [{ bank: 'SBI', account: '1234', amount: '5000', date: '2026-11-28' }] });
    await b.correctComplaint(c.id, { holds: [{ bank: 'PNB', account: '5678', amount: '3000', date: '2026-11-28' }] });
    await a.sync();
    await b.sync();
    await syncAll(a, b);
    const hub = await expectRealConverged([a, b], setup);
    const final = hub.get(c.id)! as unknown as { data: Record<string, unknown>; history: { version: number; kind: string }[] };
    expect((final.data.holds as unknown[]).length).toBe(2);
    expect(final.data).toMatchObject({ totalHeld: 8000_00, pendingRefund: 8000_00 });
    expectIncreasingVersions(final.history);
    for (const pc of [a, b]) expect((await pc.db.totals.get('complaint:all'))!.values).toMatchObject({ held: 8000_00, pending: 8000_00 });
  });

  it('a merge that breaks a rule (refund above held) is kept, marked for review on every PC with both values, never silently wrong', async () => {
    const { a, b } = await station();
    const c = (await a.complaint({ holds: [{ bank: 'SBI', account: '1234', amount: '5000', date: '2026-11-28' }] })).record;
    await syncAll(a, b);
    await a.correctComplaint(c.id, { refunds: [{ amount: '5000', date: '2026-11-29', route: 'bank-reversal' }] });
    await b.correctComplaint(c.id, { holds: [{ bank: 'SBI', account: '1234', amount: '2000', date: '2026-11-28' }] });
    await a.sync();
    await b.sync();
    await syncAll(a, b);
    const hub = await expectRealConverged([a, b], setup);
    const final = hub.get(c.id)! as unknown as { data: Record<string, unknown> };
    expect(final.data).toMatchObject({ totalHeld: 2000_00, totalRefunded: 5000_00, pendingRefund: 0 });
    for (const pc of [a, b]) {
      const reviews = await listReviews(pc.db);
      const mine = reviews.find((x) => x.row.recordId === c.id);
      expect(mine, `${pc.name} lists the complaint for review`).toBeTruthy();
      expect(mine!.row.problems!.map((p) => p.message.en).join(' ')).toMatch(/refunded .* cannot be more than the total held/i);
    }
    // Corrected by the in-charge: the review row goes on both PCs.
    await a.correctComplaint(c.id, { refunds: [{ amount: '2000', date: '2026-11-29', route: 'bank-reversal' }] });
    await syncAll(a, b);
    await expectRealConverged([a, b], setup);
    for (const pc of [a, b]) expect((await listReviews(pc.db)).map((x) => x.row.recordId)).not.toContain(c.id);
  });

  it('two live Mitans with one mobile, entered offline on two PCs, are both listed for review on both PCs', async () => {
    const { a, b, team, place } = await station();
    const m1 = (await a.mitan(team.id, place.id, { name: 'सीता', mobile: '9123456780' })).record;
    const m2 = (await b.mitan(team.id, place.id, { name: 'गीता', mobile: '9123456780' })).record;
    await syncAll(a, b);
    await expectRealConverged([a, b], setup);
    for (const pc of [a, b]) {
      const ids = (await listReviews(pc.db)).filter((x) => x.row.problems?.some((p) => /9123456780/.test(p.message.en))).map((x) => x.row.recordId);
      expect(ids.sort(), `${pc.name}`).toEqual([m1.id, m2.id].sort());
    }
  });

  it('a Mitan entered on this PC while a pull is under way, with the mobile of an entry still to come, is listed with it on both PCs', async () => {
    const { a, b, team, place } = await station();
    const sent: StoredRecord[] = [];
    for (let i = 0; i < 90; i++) sent.push((await a.mitan(team.id, place.id, { name: `मितान ${i}`, mobile: `93000${String(i).padStart(5, '0')}` })).record);
    await a.sync({ pushBatch: 50 });
    // Between two of B's pages, B's writer saves a Mitan with the mobile of one B has not pulled yet.
    let mine: StoredRecord | undefined;
    let twin: StoredRecord | undefined;
    let pages = 0;
    await b.sync({
      pullBatch: 40,
      onProgress: (p) => {
        if (p.phase === 'pull') pages++;
      },
      yieldToUi: async () => {
        if (mine || !pages) return;
        const held = new Set((await b.db.mitan.bulkGet(sent.map((m) => m.id))).flatMap((r) => (r ? [r.id] : [])));
        twin = sent.find((m) => !held.has(m.id));
        if (held.size && twin) mine = (await b.mitan(team.id, place.id, { name: 'स्थानीय मितान', mobile: twin.data.mobile })).record;
      },
    });
    expect(mine, 'saved between two pages').toBeDefined();
    // (The hub holds the earlier cases' entries too: only the reviews naming this mobile.)
    const listed = async (pc: RealPc) =>
      (await listReviews(pc.db))
        .filter((x) => x.row.problems?.some((p) => p.message.en.includes(String(twin!.data.mobile))))
        .map((x) => x.row.recordId)
        .sort();
    expect(await listed(b)).toEqual([mine!.id, twin!.id].sort());
    await syncAll(b, a);
    await expectRealConverged([a, b], setup);
    for (const pc of [a, b]) expect(await listed(pc), pc.name).toEqual([mine!.id, twin!.id].sort());
  });
});

describe('hub conflict leaves on real registers', () => {
  async function plantLeaves(id: string, leaves: Record<string, unknown>[]): Promise<void> {
    expect((await withoutValidation(setup, () => admin('POST', `${setup.db}/_bulk_docs`, { new_edits: false, docs: leaves }))).status).toBe(201);
    const now = (await admin<{ _conflicts?: string[] }>('GET', `${setup.db}/${encodeURIComponent(id)}?conflicts=true`)).body;
    expect(now._conflicts?.length).toBe(leaves.length - 1);
  }

  it('leaves with the SAME mutationId and with their own: every value is read, folded once, readable on every PC; versions increase; the log says what the record ended with', async () => {
    const { a, b, team, mitan, place } = await station();
    const entry = (await a.outreach(team.id, [mitan.id], place.id)).record;
    await syncAll(a, b);
    const doc = await hubDoc<{ data: Record<string, unknown>; history: Record<string, unknown>[] }>(entry.id);
    const hash = doc._rev.split('-')[1]!;
    // Leaf 1: another tool's edit that kept the mutationId. Leaf 2: a version with its own mutationId.
    const sameId = { ...doc, _rev: `2-${'a'.repeat(32)}`, _revisions: { start: 2, ids: ['a'.repeat(32), hash] }, data: { ...doc.data, placeName: 'सामुदायिक भवन' } };
    const own = 'LEAFOWN0000000000000000001';
    const ownLeaf = {
      ...doc,
      _rev: `2-${'b'.repeat(32)}`,
      _revisions: { start: 2, ids: ['b'.repeat(32), hash] },
      data: { ...doc.data, men: 44, total: 74 },
      mutationId: own,
      version: 2,
      history: [...doc.history, { version: 2, kind: 'correct', at: '2026-11-28T10:00:00.000Z', by: 'x', byName: 'X', initials: 'X', reason: 'पत्ती', changes: [{ field: 'men', before: 30, after: 44 }], mutationId: own }],
    };
    await plantLeaves(entry.id, [sameId, ownLeaf]);
    const r = await b.sync();
    expect(r.resolved).toBe(1);
    await syncAll(a, b);
    const hub = await expectRealConverged([a, b], setup);
    const final = (await a.get('outreach', entry.id))!;
    expect(valuesIn(final, 'placeName')).toEqual(expect.arrayContaining(['पंचायत भवन', 'सामुदायिक भवन']));
    expect(valuesIn(final, 'men')).toEqual(expect.arrayContaining([30, 44]));
    expect(final.history.map((h) => h.mutationId)).toContain(own);
    expectIncreasingVersions(final.history);
    expect(final.history.filter((h) => h.kind === 'merge' && !h.changes.length)).toEqual([]);
    expect(final.data.total).toBe(Number(final.data.men) + Number(final.data.women) + Number(final.data.other));
    const log = await b.db.syncConflicts.where('recordId').equals(entry.id).filter((x) => x.kind === 'leaves').toArray();
    expect(log).toHaveLength(1);
    for (const f of log[0]!.fields) expect(f.kept === 'local' ? f.local : f.kept === 'server' ? f.server : final.data[f.field]).toEqual(final.data[f.field]);
    // The hub's admin job removes the folded leaves; nothing changes on the PCs.
    await purgeFoldedLeaves(setup.db, entry.id);
    await syncAll(a, b);
    const after = await expectRealConverged([a, b], setup);
    expect(after.get(entry.id)!._rev).toBe(hub.get(entry.id)!._rev);
  });
});

describe('network faults on real registers', () => {
  it('a crash mid-pull and a lost push answer, with Mitans, outreach and complaints with money rows: nothing lost, nothing twice', async () => {
    const proxy = await new FaultProxy(hubUrl()).start();
    try {
      const { a, b, team, mitan, place } = await station();
      for (let i = 0; i < 4; i++) await a.outreach(team.id, [mitan.id], place.id, { men: 10 + i });
      const c = (await a.complaint({ holds: [{ bank: 'SBI', account: '1234', amount: '5000', date: '2026-11-28' }] })).record;
      await a.sync();
      const crash = new Error('power cut');
      expect(await b.sync({ hooks: { beforeCheckpointCommit: (n) => { if (n === 1) throw crash; } } }).catch((e: unknown) => e)).toBe(crash);
      await b.correctComplaint(c.id, { refunds: [{ amount: '1000', date: '2026-11-29', route: 'bank-reversal' }] });
      // B's push reaches the hub but its answer is lost: the retry is recognised, not merged.
      proxy.on({ method: 'POST', path: /_bulk_docs/ }, { kind: 'drop-response' });
      await b.sync({ retry: { attempts: 1, baseMs: 1, capMs: 1 } }, proxy.url).catch(() => undefined);
      await b.sync({}, proxy.url);
      await syncAll(a, b);
      const hub = await expectRealConverged([a, b], setup);
      expect((hub.get(c.id) as { data: Record<string, unknown> }).data).toMatchObject({ totalHeld: 5000_00, totalRefunded: 1000_00, pendingRefund: 4000_00 });
      expect((await b.db.syncConflicts.where('recordId').equals(c.id).toArray()).filter((x) => x.kind === 'merge')).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
