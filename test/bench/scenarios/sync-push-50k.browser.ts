// Browser side of "sync-push-50k": a station with 50,000 entries waiting to go pushes them to an
// empty thana database, in real Chromium with real IndexedDB.
//   app      = syncOnce() — the app's replicator: dirty rows read in batches, `_bulk_docs` with the
//              writer's name, each batch's answers landed in one transaction, then the pull that
//              follows every push (its own pushed versions are not downloaded again)
//   baseline = the same documents (as the station sends them, in the order it sends them) in
//              `_bulk_docs` batches of the same size, one after another, nothing read or written locally
// Both record the main thread's long tasks (PerformanceObserver 'longtask', Chromium).
import { StationDb } from '@/db/schema';
import { countSynced, putSynced } from '@/db/sync-state';
import { docToRecord, stampWriter, type HubDoc } from '@/sync/doc';
import { syncOnce } from '@/sync/replicator';
import { pullDocs } from './sync-pull-50k.docs';
import { observeLongTasks, type Task } from '../lib/longtasks';

export interface PushArgs {
  url: string;
  db: string;
  thana: string;
  username: string;
  password: string;
  count: number;
  batch: number;
}

export interface PushResult {
  ms: number;
  /** App only: until the last push batch was landed (the pull after it is the rest of `ms`). */
  pushMs: number;
  records: number;
  recordsPerSecond: number;
  requests: number;
  longestTaskMs: number;
  longTasks: number;
}


/**
 * Valid Mitan entries built by the app's own code (validateRecord + derived tokens and keys), the
 * same documents as sync-pull-50k's hub holds: both sides push these.
 */
function docs(args: PushArgs): HubDoc[] {
  return pullDocs(args.count);
}

async function longTasks(t0: number, ms: number, stop: () => Task[]): Promise<{ longestTaskMs: number; longTasks: number }> {
  await new Promise((r) => setTimeout(r, 100));
  const tasks = stop().filter(([start]) => start >= t0 && start <= t0 + ms);
  return { longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t[1]))), longTasks: tasks.length };
}

export async function appPush(args: PushArgs): Promise<PushResult> {
  const db = new StationDb(`bench-push-app-${Date.now()}`);
  await db.open();
  const rows = docs(args).map((d) => docToRecord(d, 'dirty'));
  for (let i = 0; i < rows.length; i += 2000) await db.transaction('rw', db.mitan, db.syncStates, () => putSynced(db, 'mitan', rows.slice(i, i + 2000)));
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  let pushMs = 0;
  const stop = observeLongTasks();
  const t0 = performance.now();
  const report = await syncOnce({
    db,
    thana: args.thana,
    hub: { url: args.url, db: args.db, username: args.username, password: args.password },
    pushBatch: args.batch,
    fetch: counting,
    onProgress: (p) => {
      if (p.phase === 'pull' && !pushMs) pushMs = performance.now() - t0;
    },
  });
  const ms = performance.now() - t0;
  const synced = await countSynced(db, 'mitan');
  db.close();
  if (report.pushed < args.count) throw new Error(`pushed ${report.pushed} of ${args.count}`);
  return { ms, pushMs, records: synced, recordsPerSecond: synced / (ms / 1000), requests, ...(await longTasks(t0, ms, stop)) };
}

export async function rawPush(args: PushArgs): Promise<PushResult> {
  // The same batches as the station's: its outbox sends the oldest change first ([state+table+at],
  // then id), so the baseline sends the documents in that order too (not in the order they were made).
  const all = docs(args)
    .map((d) => stampWriter(d, args.username))
    .sort((a, b) => (a.updatedAt as string).localeCompare(b.updatedAt as string) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  const auth = `Basic ${btoa(`${args.username}:${args.password}`)}`;
  let requests = 0;
  let stored = 0;
  const stop = observeLongTasks();
  const t0 = performance.now();
  for (let i = 0; i < all.length; i += args.batch) {
    const res = await fetch(`${args.url}/${args.db}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ docs: all.slice(i, i + args.batch) }),
      credentials: 'omit',
    });
    requests++;
    const out = (await res.json()) as { ok?: boolean; error?: string }[];
    stored += out.filter((r) => r.ok || !r.error).length;
  }
  const ms = performance.now() - t0;
  if (stored !== all.length) throw new Error(`baseline stored ${stored} of ${all.length}`);
  return { ms, pushMs: ms, records: stored, recordsPerSecond: stored / (ms / 1000), requests, ...(await longTasks(t0, ms, stop)) };
}
