/** The happy path and the batch boundaries (reference/sync.md §8 cases 1, 4, 16). */
import { beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from './proxy';
import { allVersions, expectConverged, hubUrl, openDistrict, thanaSuite, waitForDistrict, type ThanaSetup } from './helpers';

const suite = thanaSuite('B');
const pc = suite.pc;
let setup: ThanaSetup;
beforeAll(() => {
  setup = suite.setup;
});

describe('two station PCs and the district', () => {
  it('sends entries from one PC and receives them on the other, with the serial series kept', async () => {
    const a = await pc('a', 0);
    const b = await pc('b', 1, 'B-');
    for (let i = 0; i < 12; i++) await a.create({ title: `जागरूकता ${i}`, people: i });
    for (let i = 0; i < 3; i++) await b.create({ title: `बी ${i}`, people: 10 });
    const ra = await a.sync();
    expect(ra.pushed).toBeGreaterThanOrEqual(12);
    const rb = await b.sync();
    expect(rb.pulled).toBeGreaterThanOrEqual(12);
    await a.sync();
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r.serial?.includes('B-'))).toHaveLength(3);
    // Audit rows travel too, and the thana profile.
    const profile = await fetch(`${hubUrl()}/${setup.db}/${encodeURIComponent(`${setup.code}:profile:main`)}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${setup.pcs[0]!.username}:${setup.pcs[0]!.password}`).toString('base64')}` },
    });
    expect(profile.status).toBe(200);
    expect(await b.db.audit.where('[syncState+at]').between(['dirty', ''], ['dirty', '\uffff']).count()).toBe(0);
    expect(await b.db.audit.count()).toBeGreaterThanOrEqual(15);
  });

  it('pulls in pages exactly at, below and above the batch size, with echoes skipped', async () => {
    const a = await pc('a2', 0);
    for (let i = 0; i < 14; i++) await a.create({ title: `पेज ${i}` });
    await a.sync();
    for (const batch of [1, 7, 14, 15, 100]) {
      const b = await pc(`b-${batch}`, 1);
      const r = await b.sync({ pullBatch: batch });
      expect(r.pulled).toBeGreaterThanOrEqual(14);
      // A second session pulls nothing new and changes nothing.
      const again = await b.sync({ pullBatch: batch });
      expect(again.pulled).toBe(0);
      expect(again.pushed).toBe(0);
    }
    // The PC's own pushes come back in its pull as echoes: nothing turns dirty.
    const echo = await a.sync();
    expect(echo.pulled).toBe(0);
    expect((await a.all()).every((r) => r.syncState === 'synced')).toBe(true);
  });

  it('does not download again what the same PC has just pushed; another PC’s entries still come down whole', async () => {
    const proxy = await new FaultProxy(hubUrl()).start();
    try {
      const a = await pc('a-own', 0);
      const b = await pc('b-own', 1, 'B-');
      await b.create({ title: 'दूसरे पीसी की प्रविष्टि', people: 3 });
      await b.sync({}, proxy.url);
      for (let i = 0; i < 9; i++) await a.create({ title: `अपनी ${i}`, people: i });
      const before = proxy.log.length;
      await a.sync({ pullBatch: 4 }, proxy.url);
      const session = proxy.log.slice(before);
      const pushed = new Set(session.flatMap((l) => l.ids ?? []));
      expect(pushed.size).toBeGreaterThanOrEqual(9);
      // No page of the feed with bodies: its own 9 entries (and audit rows) are known by their revision.
      expect(session.filter((l) => l.path.includes('/_changes') && l.path.includes('include_docs=true')).map((l) => l.path)).toEqual([]);
      // Only B's documents were fetched by id.
      const fetched = session.filter((l) => l.method === 'POST' && l.path.includes('/_all_docs')).length;
      expect(fetched).toBeGreaterThan(0);
      await b.sync({}, proxy.url);
      await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
      // The next session of A lists nothing of its own again.
      const next = proxy.log.length;
      await a.sync({ pullBatch: 4 }, proxy.url);
      expect(proxy.log.slice(next).filter((l) => l.method === 'POST' && l.path.includes('/_all_docs'))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('works with opaque string checkpoints like CouchDB 3 ("12-g1AAAA…"), URL-encoded, never computed', async () => {
    const proxy = await new FaultProxy(hubUrl()).start();
    proxy.opaqueSeqs = true;
    try {
      const a = await pc('a3', 0);
      for (let i = 0; i < 9; i++) await a.create({ title: `अपारदर्शी ${i}` });
      await a.sync({}, proxy.url);
      const b = await pc('b3', 1, 'B-');
      await b.sync({ pullBatch: 4 }, proxy.url);
      const cp = (await b.db.syncMeta.get('checkpoint'))?.value as { seq: unknown };
      expect(typeof cp.seq).toBe('string');
      expect(String(cp.seq)).toMatch(/^\d+-g1AAAA/);
      await b.create({ title: 'बी से' });
      await b.sync({ pullBatch: 4 }, proxy.url);
      await a.sync({ pullBatch: 4 }, proxy.url);
      await expectConverged([a, b], setup);
      // No request was refused for a non-opaque `since`.
      expect(proxy.log.filter((l) => /_changes/.test(l.path) && /since=\d+(&|$)/.test(l.path) && !/since=0(&|$)/.test(l.path))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('feeds the district database by the hub’s own replication, and the district PC pulls it read-only', async () => {
    const a = await pc('a4', 0);
    await a.create({ title: 'जिले तक', people: 7, utr: '412345678901' });
    await a.sync();
    await waitForDistrict(setup);
    const d = await openDistrict(setup);
    try {
      const r = await d.sync();
      expect(r.pulled).toBeGreaterThan(0);
      const rows = await d.db.outreach.where('id').startsWith(`${setup.code}:`).toArray();
      expect(rows.length).toBe((await a.all()).length);
      expect(await d.db.outreach.where('keys').equals('utr:412345678901').count()).toBe(1);
      const profile = await d.db.settings.get(`${setup.code}:profile:main`);
      expect((profile?.value as { thanaCode: string }).thanaCode).toBe(setup.code);
    } finally {
      d.db.close();
      await d.db.delete();
    }
  });
});
