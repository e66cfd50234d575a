// Landing pulled pages with the work done ahead (prepareLanding) and the lookups made per key:
// the fast path of an initial pull must land exactly what the plain path lands (issue #13, #14).
import { describe, expect, it } from 'vitest';
import { applyPullBatch, applyServerVersions, prepareLanding } from '../../../renderer/src/db/sync';
import { putInChunks } from '../../../renderer/src/db/sync-workset';
import type { HubDoc } from '../../../renderer/src/sync/doc';
import { freshDb } from '../records/fixtures';
import { checkpoint, ctx, land, mitanDoc, remote, THANA } from './pulled';

describe('landing a pulled page prepared ahead', () => {
  it('lands the same rows, totals and lists as a page landed without preparation', async () => {
    const docs = [...Array.from({ length: 120 }, (_, i) => mitanDoc(i)), mitanDoc(500, { mobile: '9100000003' })];
    const plain = await land(docs, false);
    const ahead = await land(docs, true);
    expect(ahead.remotes.every((r) => r.prep?.raw)).toBe(true);
    expect(ahead.stats).toEqual(plain.stats);
    for (const table of ['mitan', 'totals', 'syncConflicts', 'syncQuarantine', 'shadows'] as const) {
      expect(await ahead.db.table(table).toArray(), table).toEqual(await plain.db.table(table).toArray());
    }
    // The entry with a mobile another entry of the page holds is listed, with its twin.
    const reviews = (await ahead.db.syncConflicts.toArray()).filter((r) => r.kind === 'review').map((r) => r.recordId);
    expect(reviews.sort()).toEqual([docs[3]!._id, docs[120]!._id].sort());
    expect((await ahead.db.totals.get('mitan:all'))?.values.total).toBe(121);
  });

  it('does not use a preparation made for another body of the document', async () => {
    const before = mitanDoc(1, { name: 'पुराना नाम' });
    const r = remote(before);
    await prepareLanding([r], ctx());
    // The hub answered again with another body (e.g. the page was fetched again after an edit).
    r.doc = mitanDoc(1, { name: 'नया नाम' });
    const db = freshDb();
    await db.open();
    await applyPullBatch(db, [r], checkpoint(1), ctx());
    const row = await db.mitan.get(before._id);
    expect(row?.data.name).toBe('नया नाम');
    expect(row?.tokens).toContain('नया');
  });

  it('quarantines a damaged document of a prepared page and lands the rest with the checkpoint', async () => {
    const damaged: HubDoc = { _id: `${THANA}:mitan:01JBROKEN00000000000000001`, _rev: '1-b', thana: THANA, type: 'mitan', schemaVersion: 1, mutationId: 'x' };
    const { db, stats } = await land([mitanDoc(1), damaged, mitanDoc(2)], true, 7);
    expect(stats.applied).toBe(2);
    expect(stats.quarantined).toBe(1);
    expect((await db.syncQuarantine.get(damaged._id))?.reason).toBe('shape');
    expect((await db.syncMeta.get('checkpoint'))?.value).toMatchObject({ seq: 7 });
  });
});

describe('which entries of a page this PC already holds', () => {
  it('a page mixing held and new entries, in a narrow id range and in one spanning many other entries, updates the held ones', async () => {
    const db = freshDb();
    await db.open();
    await applyPullBatch(db, Array.from({ length: 200 }, (_, i) => remote(mitanDoc(i))), checkpoint(1), ctx());
    const next = (i: number) => ({ ...mitanDoc(i, { name: `नया ${i}` }), _rev: `2-${String(i).padStart(32, 'b')}` });
    // Narrow: ids 180-199 held, 200-219 new.
    const narrow = Array.from({ length: 40 }, (_, k) => remote(next(180 + k)));
    await prepareLanding(narrow, ctx());
    const s1 = await applyPullBatch(db, narrow, checkpoint(2), ctx());
    expect(s1.applied).toBe(40);
    // Wide: the first and a middle held entry and new ones beyond; the range holds 200 other entries.
    const wide = [0, 100, ...Array.from({ length: 8 }, (_, k) => 300 + k)].map((i) => remote(next(i)));
    await applyPullBatch(db, wide, checkpoint(3), ctx());
    expect(await db.mitan.count()).toBe(228);
    expect((await db.totals.get('mitan:all'))?.values.total).toBe(228);
    for (const i of [0, 100, 180, 199, 219, 307]) expect((await db.mitan.get(mitanDoc(i)._id))?.data.name, `${i}`).toBe(`नया ${i}`);
    expect((await db.mitan.get(mitanDoc(50)._id))?.data.name).toBe('मितान 50');
  });
});

describe('a page with nothing to write but the quarantine', () => {
  it('a page holding only a document of an unknown register lands in its transaction (quarantined, checkpoint moved), and so does its retry at the next session', async () => {
    const odd: HubDoc = { _id: `${THANA}:bicycles:01JODD000000000000000000001`, _rev: '1-c', thana: THANA, type: 'bicycles', schemaVersion: 1, mutationId: 'y', data: { frame: 'F-77' } };
    const { db, stats } = await land([odd], true, 9);
    expect(stats.quarantined).toBe(1);
    expect((await db.syncQuarantine.get(odd._id))?.reason).toBe('unknown-type');
    expect((await db.syncMeta.get('checkpoint'))?.value).toMatchObject({ seq: 9 });
    // Offered again at the next session (retryQuarantine): still waits, nothing else written.
    const again = await applyServerVersions(db, [remote(odd)], ctx());
    expect(again.quarantined).toBe(1);
    expect(await db.syncQuarantine.count()).toBe(1);
  });
});

describe('unique keys against entries already on this PC', () => {
  it('a pulled Mitan whose mobile a stored live Mitan holds lists both; a cancelled holder is not a duplicate', async () => {
    const db = freshDb();
    await db.open();
    const live = mitanDoc(1, { mobile: '9200000001' });
    const gone = mitanDoc(2, { mobile: '9200000002', cancelled: true });
    await applyPullBatch(db, [live, gone, mitanDoc(3)].map(remote), checkpoint(1), ctx());
    expect(await db.syncConflicts.count()).toBe(0);
    // A later page: one entry shares the live Mitan's mobile, one the cancelled one's.
    const twin = mitanDoc(4, { mobile: '9200000001' });
    const other = mitanDoc(5, { mobile: '9200000002' });
    const page = [twin, other].map(remote);
    await prepareLanding(page, ctx());
    await applyPullBatch(db, page, checkpoint(2), ctx());
    const reviews = (await db.syncConflicts.toArray()).filter((r) => r.kind === 'review');
    expect(reviews.map((r) => r.recordId).sort()).toEqual([live._id, twin._id].sort());
    expect(reviews.find((r) => r.recordId === live._id)?.problems?.[0]?.message.en).toContain('2026/0005');
  });
});

describe('putInChunks', () => {
  it('writes every row across its chunks in the one transaction, and a bad row in a late chunk leaves nothing', async () => {
    const db = freshDb();
    await db.open();
    const rows = Array.from({ length: 700 }, (_, i) => ({ key: `k${i}`, value: i }));
    await db.transaction('rw', db.settings, () => putInChunks(db.settings, rows));
    expect(await db.settings.count()).toBe(700);
    await db.settings.clear();
    const bad = [...rows.slice(0, 650), { value: 'no key' }, ...rows.slice(650)];
    await expect(db.transaction('rw', db.settings, () => putInChunks(db.settings, bad))).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
  });

  it('puts the rows beside them (the entries’ sync states) in the same chunks, every one', async () => {
    const db = freshDb();
    await db.open();
    const rows = Array.from({ length: 700 }, (_, i) => ({ key: `k${i}`, value: i }));
    const beside = rows.map((r) => ({ key: r.key, value: -r.value }));
    await db.transaction('rw', db.settings, db.syncMeta, () => putInChunks(db.settings, rows, { table: db.syncMeta, rows: beside }));
    expect(await db.settings.count()).toBe(700);
    expect((await db.syncMeta.bulkGet(['k0', 'k350', 'k699'])).map((r) => r?.value)).toEqual([-0, -350, -699]);
  });
});
