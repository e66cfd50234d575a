// Browser side of "sync-pull-50k": an initial pull of a thana database from the hub into a fresh
// station database, in real Chromium with real IndexedDB.
//   app      = syncOnce() — the app's replicator: `_changes` pages, each landed with its checkpoint
//              in one strict transaction (lookups, totals, shadows, merge checks), yielding between pages
//   baseline = the same `_changes` pages read with fetch and written with plain Dexie bulkPuts
//              into the same tables of the same schema (no checkpoint, no checks): the entries and,
//              beside them, their sync-state rows, which is how schema v8 stores a synced entry
//              (before v8 the state was inside the entry, under its own index, and the baseline's
//              one bulkPut wrote it there)
// Both record the main thread's long tasks (PerformanceObserver 'longtask', Chromium).
import { StationDb } from '@/db/schema';
import { putSynced } from '@/db/sync-state';
import { docToRecord, type HubDoc } from '@/sync/doc';
import { sinceParam, syncOnce } from '@/sync/replicator';
import { observeLongTasks, type Task } from '../lib/longtasks';

export interface PullArgs {
  url: string;
  db: string;
  thana: string;
  username: string;
  password: string;
  batch: number;
}

export interface PullResult {
  /** The longest tasks: [ms after the start of the pull, duration ms], longest first (at most 5). */
  worstTasks: [number, number][];
  ms: number;
  records: number;
  recordsPerSecond: number;
  longestTaskMs: number;
  longTasks: number;
  batches: number;
}


async function finish(db: StationDb, t0: number, stop: () => Task[], batches: number): Promise<PullResult> {
  const ms = performance.now() - t0;
  // Let the last long-task entries arrive before reading them.
  await new Promise((r) => setTimeout(r, 100));
  const tasks = stop().filter(([start]) => start >= t0 && start <= t0 + ms);
  const records = await db.mitan.count();
  db.close();
  const worstTasks = [...tasks].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([start, d]): Task => [Math.round(start - t0), Math.round(d)]);
  return { ms, records, recordsPerSecond: records / (ms / 1000), longestTaskMs: worstTasks[0]?.[1] ?? 0, longTasks: tasks.length, batches, worstTasks };
}

export async function appPull(args: PullArgs): Promise<PullResult> {
  const db = new StationDb(`bench-sync-app-${Date.now()}`);
  await db.open();
  let batches = 0;
  const stop = observeLongTasks();
  const t0 = performance.now();
  await syncOnce({
    db,
    thana: args.thana,
    hub: { url: args.url, db: args.db, username: args.username, password: args.password },
    pullBatch: args.batch,
    onProgress: (p) => {
      if (p.phase === 'pull') batches++;
    },
  });
  return finish(db, t0, stop, batches);
}

export async function rawPull(args: PullArgs): Promise<PullResult> {
  const db = new StationDb(`bench-sync-raw-${Date.now()}`);
  await db.open();
  const auth = `Basic ${btoa(`${args.username}:${args.password}`)}`;
  let since: unknown = 0;
  let batches = 0;
  const stop = observeLongTasks();
  const t0 = performance.now();
  for (;;) {
    const q = `since=${encodeURIComponent(sinceParam(since))}&limit=${args.batch}&include_docs=true&conflicts=true&seq_interval=${args.batch}`;
    const res = await fetch(`${args.url}/${args.db}/_changes?${q}`, { headers: { Authorization: auth, Accept: 'application/json' }, credentials: 'omit' });
    const body = (await res.json()) as { results: { id: string; doc?: HubDoc }[]; last_seq: unknown };
    const rows = body.results.filter((r) => r.doc && r.id.includes(':mitan:')).map((r) => docToRecord(r.doc!, 'synced'));
    await db.transaction('rw', db.mitan, db.syncStates, () => putSynced(db, 'mitan', rows));
    batches++;
    since = body.last_seq;
    if (body.results.length < args.batch) break;
  }
  return finish(db, t0, stop, batches);
}
