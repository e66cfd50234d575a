/**
 * The network and the hub misbehaving (reference/sync.md §8 cases 2, 3, 5, 7, 11, 13, 14, 15):
 * every test ends with the same records on both PCs and the hub, and every version kept.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requeueRejected } from '../../renderer/src/db/sync';
import { SyncError } from '../../renderer/src/sync/messages';
import { FaultProxy } from './proxy';
import { allVersions, expectConverged, hubDocs, hubUrl, provisionThana, StationPc, type ThanaSetup } from './helpers';

let setup: ThanaSetup;
let proxy: FaultProxy;
const open: StationPc[] = [];

async function pcs(): Promise<[StationPc, StationPc]> {
  const a = await StationPc.open({ code: setup.code, name: 'a', account: setup.pcs[0]! });
  const b = await StationPc.open({ code: setup.code, name: 'b', pcSeries: 'B-', account: setup.pcs[1]! });
  open.push(a, b);
  return [a, b];
}

/** Sync through the proxy. */
const via = (pc: StationPc, extra = {}) => pc.sync(extra, proxy.url);

async function syncAll(...list: StationPc[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const p of list) await via(p);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof SyncError) return e.code;
    throw e;
  }
}

beforeAll(async () => {
  setup = await provisionThana('N');
  proxy = await new FaultProxy(hubUrl()).start();
});
afterAll(async () => {
  await proxy.close();
});
afterEach(async () => {
  proxy.clear();
  proxy.opaqueSeqs = false;
  for (const p of open.splice(0)) await p.close();
});

describe('pull: crash, replay, rewind', () => {
  it('a crash between applying a batch and its checkpoint leaves no trace, and the re-pull is idempotent', async () => {
    const [a, b] = await pcs();
    for (let i = 0; i < 20; i++) await a.create({ title: `क्रैश ${i}`, people: 2 });
    await via(a);
    const crash = new Error('power cut');
    const err = await via(b, {
      pullBatch: 6,
      hooks: {
        beforeCheckpointCommit: (n: number) => {
          if (n === 2) throw crash;
        },
      },
    }).catch((e: unknown) => e);
    expect(err).toBe(crash);
    // Batches 0 and 1 committed with their checkpoint; batch 2 left nothing at all behind.
    const landed = (await b.all()).length;
    expect(landed).toBeGreaterThan(0);
    expect(landed).toBeLessThan(20);
    const cp = (await b.db.syncMeta.get('checkpoint'))?.value as { seq: unknown };
    expect(cp.seq).not.toBe(0);
    const t = await b.totals();
    expect(t.entries).toBe(landed);
    await via(b, { pullBatch: 6 });
    await syncAll(a, b);
    await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
  });

  it('a replayed feed (every row twice) and a rewound feed (since=0) change nothing twice', async () => {
    const [a, b] = await pcs();
    for (let i = 0; i < 9; i++) await a.create({ title: `दोहराव ${i}`, people: 1 });
    await via(a);
    proxy.on({ path: /_changes/ }, { kind: 'replay-changes' }, 10);
    await via(b, { pullBatch: 4 });
    await b.correct((await b.all())[0]!.id, { people: 5 });
    await via(b);
    proxy.on({ path: /_changes/ }, { kind: 'rewind-changes' }, 3);
    await via(a, { pullBatch: 4 });
    await via(b, { pullBatch: 4 });
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.every((r) => !r.history.some((h) => h.kind === 'merge'))).toBe(true);
  });
});

describe('push: lost answers and edits in flight', () => {
  it('a lost push response is recognised by its mutationId: no duplicate, no false conflict', async () => {
    const [a, b] = await pcs();
    const r1 = await a.create({ title: 'खोया उत्तर', people: 3 });
    await via(a);
    await a.correct(r1.id, { people: 4 });
    for (let i = 0; i < 4; i++) await a.create({ title: `नया ${i}` });
    // The hub applies the batch, the answer never arrives; the client's retry gets 409s.
    proxy.on({ method: 'POST', path: /_bulk_docs/ }, { kind: 'drop-response' });
    const r = await via(a);
    expect(r.merged).toBe(0);
    const rows = await a.all();
    expect(rows.every((x) => x.syncState === 'synced')).toBe(true);
    expect(rows.flatMap((x) => x.history).filter((h) => h.kind === 'merge')).toEqual([]);
    expect((await hubDocs(setup.db)).size).toBe(rows.length);
    expect(await a.db.syncConflicts.count()).toBe(0);
    await syncAll(b, a);
    await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
  });

  it('an edit made while the push is in flight stays dirty on the new revision and goes next time', async () => {
    const [a, b] = await pcs();
    const rec = await a.create({ title: 'उड़ान में', people: 1 });
    proxy.on({ method: 'POST', path: /_bulk_docs/ }, { kind: 'delay', ms: 600 });
    const seen = proxy.log.length;
    const session = via(a);
    // The hub has the version with people=1 by now; its answer is held back while the writer corrects.
    while (!proxy.log.slice(seen).some((l) => l.ids?.includes(rec.id))) await new Promise((r) => setTimeout(r, 10));
    await a.correct(rec.id, { people: 2 }, 'बीच में सुधार');
    const r = await session;
    // The answer for version 1 did not mark the row synced: it stayed dirty on revision 1-… and the
    // loop sent version 2 on top of it (no conflict, no merge).
    expect(r.stillDirty).toBe(1);
    expect(r.merged).toBe(0);
    const after = (await a.get(rec.id))!;
    expect(after.syncState).toBe('synced');
    expect(after._rev).toMatch(/^2-/);
    await syncAll(a, b);
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.find((r) => r.id === rec.id)!.data.people).toBe(2);
  });

  it('413 halves the batch; a single document the hub still refuses as too large is rejected, not looped', async () => {
    const [a, b] = await pcs();
    const made: string[] = [];
    for (let i = 0; i < 8; i++) made.push((await a.create({ title: `बड़ा ${i}` })).id);
    proxy.on({ method: 'POST', path: /_bulk_docs/ }, { kind: 'status', status: 413 }, 2);
    const from = proxy.log.length;
    const r = await via(a, { pushBatch: 8 });
    expect(r.rejected).toBe(0);
    // The halved batches went in the same push, before the pull (not left to the push that follows it).
    const session = proxy.log.slice(from);
    const firstPull = session.findIndex((l) => l.method === 'GET' && /_changes/.test(l.path));
    expect(firstPull).toBeGreaterThan(0);
    const sentBeforePull = session.slice(0, firstPull).filter((l) => !l.fault && /_bulk_docs/.test(l.path));
    expect(made.filter((id) => !sentBeforePull.some((l) => l.ids?.includes(id)))).toEqual([]);
    const sizes = proxy.log.filter((l) => l.method === 'POST' && /_bulk_docs/.test(l.path)).length;
    expect(sizes).toBeGreaterThanOrEqual(4);
    // A document too large for the hub even alone.
    const big = await a.create({ title: 'अकेला बड़ा' });
    proxy.on({ method: 'POST', path: /_bulk_docs/ }, { kind: 'status', status: 413 }, 20);
    const r2 = await via(a, { pushBatch: 1 });
    expect(r2.rejected).toBeGreaterThanOrEqual(1);
    expect((await a.get(big.id))!.syncState).toBe('rejected');
    expect((await a.db.syncRejects.get(big.id))?.error).toBe('too-large');
    proxy.clear();
    // Rejected stays rejected (shown, not retried) until the user sends it again.
    const before = proxy.log.length;
    await via(a);
    expect(proxy.log.slice(before).some((l) => l.ids?.includes(big.id))).toBe(false);
    expect((await a.get(big.id))!.syncState).toBe('rejected');
    // The entry and its audit row were both refused; the user sends them again.
    expect(await requeueRejected(a.db)).toBe(2);
    await syncAll(a, b);
    await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
  });

  it('202 Accepted (a cluster short of quorum) counts as stored', async () => {
    const [a, b] = await pcs();
    await a.create({ title: 'कोरम', people: 1 });
    proxy.on({ method: 'POST', path: /_bulk_docs/ }, { kind: 'restatus', status: 202 });
    await via(a);
    expect((await a.all()).every((r) => r.syncState === 'synced')).toBe(true);
    await syncAll(b, a);
    await expectConverged([a, b], setup);
  });
});

describe('broken connections back off and recover', () => {
  it.each([
    ['refused', null],
    ['reset', { kind: 'reset' }],
    ['cut mid-body', { kind: 'cut' }],
    ['truncated JSON', { kind: 'truncate' }],
    ['500', { kind: 'status', status: 500 }],
    ['502', { kind: 'status', status: 502 }],
    ['503', { kind: 'status', status: 503 }],
  ] as const)('%s: retried with back-off, then the session completes', async (_name, fault) => {
    const [a, b] = await pcs();
    for (let i = 0; i < 5; i++) await a.create({ title: `नेटवर्क ${i}`, people: i });
    await via(a);
    await b.create({ title: 'बी', people: 1 });
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      if (fault === null && sleeps.length === 2) await proxy.accept();
    };
    if (fault === null) await proxy.refuse();
    else for (const path of [/_changes/, /_bulk_docs/, /_local/]) proxy.on({ path }, fault as never, 2);
    await via(b, { sleep });
    expect(sleeps.length).toBeGreaterThan(0);
    // Jittered exponential delays within the cap.
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(40);
    await syncAll(a, b);
    await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
  });

  it('a hub that never answers (hung longpoll, dead link) times out, and a persistent 503 gives up without a hot loop', async () => {
    const [a] = await pcs();
    await a.create({ title: 'लटका' });
    proxy.on({ path: /_bulk_docs/ }, { kind: 'hang' }, 10);
    const start = Date.now();
    expect(await codeOf(via(a, { timeoutMs: 300 }))).toBe('timeout');
    expect(Date.now() - start).toBeLessThan(5_000);
    proxy.clear();
    proxy.on({ path: /./ }, { kind: 'status', status: 503 }, 1000);
    const before = proxy.log.length;
    expect(await codeOf(via(a))).toBe('server');
    // attempts (4) per request, then the session stops: the scheduler owns the next try.
    expect(proxy.log.length - before).toBe(4);
    proxy.clear();
    await via(a);
    expect((await a.all()).every((r) => r.syncState === 'synced')).toBe(true);
  });
});

describe('who may sync', () => {
  it('401 (wrong password, or a session the hub forgot mid-sync) asks to sign in again and resumes from the checkpoint', async () => {
    const [a, b] = await pcs();
    for (let i = 0; i < 10; i++) await a.create({ title: `सत्र ${i}` });
    await via(a);
    const wrong = new StationPc(b.db, { ...b.o, account: { ...b.o.account, password: 'wrong' } });
    expect(await codeOf(wrong.sync({}, proxy.url))).toBe('unauthorized');
    const n = proxy.count({ path: /./ });
    // 401 mid-pull: stop at once (no retry), keep what was pulled.
    proxy.on({ path: /_changes/ }, { kind: 'status', status: 401, body: { error: 'unauthorized', reason: 'session expired' } });
    expect(await codeOf(via(b, { pullBatch: 3 }))).toBe('unauthorized');
    expect(proxy.count({ path: /./ }) - n).toBeLessThan(8);
    await via(b, { pullBatch: 3 });
    await syncAll(a, b);
    await expectConverged([a, b], setup);
  });

  it('403 stops with a clear message and no retry loop; a PC of another thana is refused', async () => {
    const [a] = await pcs();
    proxy.on({ path: /./ }, { kind: 'status', status: 403, body: { error: 'forbidden', reason: 'You are not allowed to access this db.' } }, 50);
    const before = proxy.log.length;
    const err = await via(a).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).code).toBe('forbidden');
    expect((err as SyncError).bilingual.hi).toContain('अनुमति नहीं');
    expect((err as SyncError).bilingual.en).toContain('not allowed');
    expect(proxy.log.length - before).toBe(1);
    proxy.clear();
    // Another thana's PC: a non-member. pouchdb-server says 401, CouchDB 3 says 403; both stop.
    const other = await provisionThana('X');
    const intruder = await StationPc.open({ code: setup.code, name: 'x', account: other.pcs[0]! });
    open.push(intruder);
    expect(['unauthorized', 'forbidden']).toContain(await codeOf(intruder.sync({}, proxy.url)));
  });

  it('a database the hub does not have is reported, never created by the station', async () => {
    const [a] = await pcs();
    const missing = new StationPc(a.db, { ...a.o, db: 'thana_nosuchdb' });
    expect(await codeOf(missing.sync({}, proxy.url))).toBe('no-database');
    expect(proxy.log.some((l) => l.method === 'PUT' && /thana_nosuchdb(\?|$)/.test(l.path))).toBe(false);
  });
});
