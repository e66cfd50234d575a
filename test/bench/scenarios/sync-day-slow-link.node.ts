/**
 * Node side of "sync-day-slow-link": one day's work of a thana on PC A (20 Mitans, 100 outreach
 * entries, 5 complaints with money rows and two corrections each, and the audit rows they make),
 * written through the app's register code on the real registers; A syncs, then PC B syncs, both
 * through the project's proxy (test/sync/proxy.ts) shaped to a slow link. Counts requests and
 * bytes on the wire per PC, and the JSON size of the documents the day changed on the hub.
 * The stations' databases are fake-indexeddb (this measures the wire, not the disk).
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { DEFAULT_PULL_BATCH, DEFAULT_PUSH_BATCH, type SyncReport } from '@/sync/replicator';
import { FaultProxy, type LinkShape, type WireCount } from '../../sync/proxy';
import { RealPc, type PcThana } from '../../sync/real-pc';

export interface DayArgs {
  hubUrl: string;
  admin: { username: string; password: string };
  thana: PcThana;
  db: string;
  link: LinkShape;
  log?: (m: string) => void;
}

export interface Leg extends WireCount {
  seconds: number;
  /** Requests that brought documents down (`_changes` with bodies, `_all_docs` by keys). */
  docRequests: number;
  pushed: number;
  pulled: number;
}

export interface DayResult {
  a: Leg;
  b: Leg;
  seconds: number;
  changedDocs: number;
  changedDocBytes: number;
  byType: Record<string, number>;
  converged: boolean;
}

async function adminGet<T>(args: DayArgs, path: string): Promise<T> {
  const auth = `Basic ${Buffer.from(`${args.admin.username}:${args.admin.password}`).toString('base64')}`;
  const res = await fetch(`${args.hubUrl}/${path}`, { headers: { Authorization: auth, Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function leg(proxy: FaultProxy, pc: RealPc): Promise<Leg> {
  const before = { ...proxy.wire };
  const from = proxy.log.length;
  const t0 = performance.now();
  const r: SyncReport = await pc.sync({ pullBatch: DEFAULT_PULL_BATCH, pushBatch: DEFAULT_PUSH_BATCH, retry: { attempts: 3, baseMs: 500, capMs: 2000 }, timeoutMs: 120_000 });
  const seconds = (performance.now() - t0) / 1000;
  const docRequests = proxy.log.slice(from).filter((l) => (l.path.includes('/_changes') && l.path.includes('include_docs=true')) || (l.method === 'POST' && l.path.includes('/_all_docs'))).length;
  return {
    requests: proxy.wire.requests - before.requests,
    bytesUp: proxy.wire.bytesUp - before.bytesUp,
    bytesDown: proxy.wire.bytesDown - before.bytesDown,
    seconds,
    docRequests,
    pushed: r.pushed,
    pulled: r.pulled,
  };
}

/** The day on PC A: Mitans of four teams, outreach by those teams, complaints corrected twice. */
async function day(a: RealPc, teams: string[], places: string[]): Promise<void> {
  const mitans = new Map<string, string[]>(teams.map((t) => [t, []]));
  for (let i = 0; i < 20; i++) {
    const team = teams[i % teams.length]!;
    const m = await a.mitan(team, places[i % places.length]!, { name: `मितान ${i + 1}`, mobile: `98270${String(10000 + i)}`, age: 20 + i });
    mitans.get(team)!.push(m.record.id);
  }
  for (let i = 0; i < 100; i++) {
    const team = teams[i % teams.length]!;
    const ms = mitans.get(team)!.slice(0, 1 + (i % 3));
    await a.outreach(team, ms, places[i % places.length]!, { men: 20 + (i % 17), women: 15 + (i % 11), pledges: 30 + (i % 9), placeName: `चौपाल ${i + 1}` });
  }
  for (let i = 0; i < 5; i++) {
    const c = await a.complaint({ complainantName: `शिकायतकर्ता ${i + 1}`, complainantMobile: `98271${String(10000 + i)}`, holds: [{ bank: 'SBI', account: '1234', amount: '5000', date: '2026-11-28' }] });
    const id = c.record.id;
    const now = (await a.get('complaint', id))!;
    await a.correctComplaint(id, { holds: [...(now.data.holds as object[]), { bank: 'PNB', account: '5678', amount: '3000', date: '2026-11-28' }] });
    await a.correctComplaint(id, { remarks: 'खाते पर रोक की पुष्टि बैंक से', ioName: 'रमेश वर्मा' });
  }
}

export async function runDay(args: DayArgs): Promise<DayResult> {
  // Given to Dexie directly: in a bundle, the order in which external modules run is not ours.
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const proxy = await new FaultProxy(args.hubUrl).start();
  RealPc.hubUrl = () => proxy.url;
  const a = await RealPc.open(args.thana, 'a', 0);
  const b = await RealPc.open(args.thana, 'b', 1, 'B-');
  try {
    // Before the day (full speed): the thana's places and teams, on both PCs.
    const places: string[] = [];
    for (let i = 0; i < 5; i++) places.push((await a.place(`गाँव ${i + 1}`)).record.id);
    const teams: string[] = [];
    for (let i = 0; i < 4; i++) teams.push((await a.team(i + 1)).record.id);
    const log = args.log ?? (() => undefined);
    log('places and teams made');
    await a.sync();
    await b.sync();
    log('both PCs synced before the day');
    const seqBefore = (await adminGet<{ update_seq: unknown }>(args, args.db)).update_seq;

    await day(a, teams, places);
    log('the day written on PC A');
    proxy.shape(args.link);
    const t0 = performance.now();
    const legA = await leg(proxy, a);
    const legB = await leg(proxy, b);
    const seconds = (performance.now() - t0) / 1000;
    proxy.shape(null);

    const since = encodeURIComponent(typeof seqBefore === 'string' ? seqBefore : JSON.stringify(seqBefore));
    const changes = await adminGet<{ results: { id: string; doc?: Record<string, unknown> }[] }>(args, `${args.db}/_changes?since=${since}&include_docs=true`);
    let changedDocBytes = 0;
    const byType: Record<string, number> = {};
    let changedDocs = 0;
    for (const r of changes.results) {
      if (!r.doc || r.id.startsWith('_design/')) continue;
      changedDocs++;
      changedDocBytes += Buffer.byteLength(JSON.stringify(r.doc));
      const type = r.id.split(':')[1] ?? '?';
      byType[type] = (byType[type] ?? 0) + 1;
    }
    const revs = async (pc: RealPc) => (await pc.all()).map((r) => `${r.id}@${r._rev}`).join('\n');
    const converged = (await revs(a)) === (await revs(b)) && (await a.all()).every((r) => r.syncState === 'synced');
    return { a: legA, b: legB, seconds, changedDocs, changedDocBytes, byType, converged };
  } finally {
    await a.close();
    await b.close();
    await proxy.close();
  }
}
