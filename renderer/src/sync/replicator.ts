/**
 * The station replicator: "editor-style" sync of the Dexie registers with the thana's CouchDB
 * database (reference/sync.md §7.3). One call = one session:
 *
 *  1. preflight — the database exists and lets us in; its epoch and our `_local` marker tell
 *     whether the hub was recreated or restored (then: pull from 0 and re-send what it lacks);
 *  2. push — dirty rows in `_bulk_docs` with the `_rev` they were based on; per-document results;
 *     409s fetched and landed (our own lost write recognised by mutationId, else merged);
 *  3. pull — `_changes` in batches, each batch and its checkpoint in ONE Dexie transaction;
 *  4. resolve — hub conflict leaves folded into one version (never deleted by a station);
 *  5. marker — `_local/sync-<clientId>` records the session on the hub.
 *
 * District mode (a district user, the district database): preflight and pull only, into a separate
 * local database.
 */
import type { StationDb } from '@/db/schema';
import {
  applyPullBatch,
  applyPushResults,
  applyResolved,
  applyServerVersions,
  CHECKPOINT_KEY,
  collectOutgoing,
  dropQuarantine,
  ensureClientId,
  forgetSettingShadows,
  markMissingOnHub,
  outboxSkip,
  pageHubKnown,
  PENDING_LEAVES_KEY,
  prepareLanding,
  quarantinedIds,
  readMeta,
  startStatesToken,
  writeMeta,
  type ApplyContext,
  type Checkpoint,
  type Outgoing,
  type OutboxPosition,
  type RemoteDoc,
} from '@/db/sync';
import { REGISTER_TABLES } from '@/db/schema';
import { PullKeys } from '@/db/sync-keys';
import { istDate } from '@/domain/dates';
import { REGISTERS } from '@/domain/registers';
import type { RegisterDef } from '@/domain/registers/types';
import { ulid } from '@/domain/ulid';
import { classify, docToRecord, DISTRICT_EPOCH_ID, epochDocId, recordToDoc, sameValue, stampWriter, type HubDoc } from './doc';
import { docPath, HubClient, type FetchLike, type RetryPolicy } from './http';
import { foldLeaves, type MergedField } from './merge';
import { SyncError } from './messages';
import { MAX_DOC_BYTES } from './vdu';

export interface HubTarget {
  /** Server root, without credentials. */
  url: string;
  /** Database name: thana_<code> or district_<name>. */
  db: string;
  username: string;
  password: string;
}

export type SyncPhase = 'preflight' | 'verify' | 'push' | 'pull' | 'resolve' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  pushed: number;
  pulled: number;
  /** A rough total for the pull bar (the database's document count, or received + pending). */
  pullTotal: number | null;
}

export interface SyncReport {
  pushed: number;
  /** Accepted by the hub but edited meanwhile: they go in the next round. */
  stillDirty: number;
  pulled: number;
  merged: number;
  removed: number;
  rejected: number;
  resolved: number;
  /** Entries deleted on the hub: kept here, listed for the in-charge. */
  hubDeleted: number;
  /** Hub versions changed by another tool, written into the records' histories. */
  hubEdits: number;
  /** Hub documents this station cannot accept, kept in the quarantine. */
  quarantined: number;
  /** The hub was recreated or restored; this PC pulled from the start and re-sent what was missing. */
  reset: boolean;
  settingsChanged: boolean;
  /** Per-document problems that are not rejects (left dirty for the next session). */
  problems: string[];
  startedAt: string;
  finishedAt: string;
}

export interface SyncOptions {
  db: StationDb;
  /** The station's thana code ('' in district mode). */
  thana: string;
  mode?: 'station' | 'district';
  hub: HubTarget;
  fetch?: FetchLike;
  /** `_changes` page size. */
  pullBatch?: number;
  /** Documents per `_bulk_docs`. */
  pushBatch?: number;
  /** Bytes of JSON per `_bulk_docs` (≈1 MB, reference/sync.md §7.3). */
  maxPushBytes?: number;
  retry?: RetryPolicy;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  defs?: (type: string) => RegisterDef | undefined;
  now?: () => Date;
  newId?: () => string;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  appVersion?: string;
  /** Gives the UI a turn between batches (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  hooks?: {
    /** Runs inside each pull batch's transaction, after the checkpoint write (tests: crash there). */
    beforeCheckpointCommit?: (batchNo: number) => void;
  };
}

interface BulkResult {
  id?: string;
  ok?: boolean;
  rev?: string;
  error?: string;
  reason?: string;
}

interface AllDocsRow {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: HubDoc | null;
  error?: string;
}

interface ChangesRow {
  id: string;
  seq?: unknown;
  changes?: { rev: string }[];
  deleted?: boolean;
  doc?: HubDoc;
}

type ChangesAnswer = { status: number; body: { results?: ChangesRow[]; last_seq?: unknown; pending?: number } };

/** One `_changes` page, read and prepared for landing. */
interface PulledPage {
  remotes: RemoteDoc[];
  last: unknown;
  end: boolean;
  pending?: number;
}

const PUSH_ATTEMPTS_PER_SESSION = 3;

/** A push batch on its way: its documents and the hub's answer to come. */
interface PushFlight {
  items: Outgoing[];
  answer: Promise<{ status: number; body: BulkResult[] }>;
}

/** What a push keeps between batches. */
interface PushState {
  batch: number;
  attempts: Map<string, number>;
  skip: Set<string>;
  /** Where the outbox stopped reading each table (a batch sent back by a 413 rewinds its tables). */
  positions: Map<string, OutboxPosition>;
}

/** Documents per `_bulk_docs` (also capped by `maxPushBytes`). */
export const DEFAULT_PUSH_BATCH = 200;

/** syncMeta key: [id, rev] this PC pushed after its last pull (the next pull leaves its own versions out). */
const PUSHED_AFTER_PULL_KEY = 'pushedAfterPull';

/**
 * `_changes` page size. 250 keeps each batch's transaction and main-thread work small (measured:
 * `npm run bench -- sync-pull`); the next page is fetched while one is written, so smaller pages
 * cost little throughput.
 */
export const DEFAULT_PULL_BATCH = 250;
const MARKER_TOKEN_KEY = 'markerToken';

interface Marker {
  _rev?: string;
  token?: string;
}

function macrotask(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/** A `since` value for the query string: the checkpoint exactly as the hub gave it (C1). */
export function sinceParam(seq: unknown): string {
  if (seq === undefined || seq === null) return '0';
  if (typeof seq === 'string') return seq;
  if (typeof seq === 'number') return String(seq);
  return JSON.stringify(seq);
}

/** CouchDB's order of leaves: more edits first, then the greater revision hash (reference/sync.md §1.7). */
function byRevDesc(a: HubDoc, b: HubDoc): number {
  const [na, ha] = [parseInt(a._rev!, 10), a._rev!.slice(a._rev!.indexOf('-') + 1)];
  const [nb, hb] = [parseInt(b._rev!, 10), b._rev!.slice(b._rev!.indexOf('-') + 1)];
  return nb - na || (hb > ha ? 1 : hb < ha ? -1 : 0);
}

function defaultDefs(type: string): RegisterDef | undefined {
  return REGISTERS[type];
}

export async function syncOnce(o: SyncOptions): Promise<SyncReport> {
  const s = new Session(o);
  return s.run();
}

class Session {
  private readonly client: HubClient;
  private readonly mode: 'station' | 'district';
  private readonly ctx: ApplyContext;
  private readonly report: SyncReport;
  private readonly dbPath: string;
  private pullTotal: number | null = null;
  private docCount = 0;
  /** Id → revision this PC wrote to the hub since its last pull: the pull reads ids first until it has met them all. */
  private ownWrites = new Map<string, string>();

  constructor(private readonly o: SyncOptions) {
    this.mode = o.mode ?? 'station';
    this.client = new HubClient({
      url: o.hub.url,
      auth: { username: o.hub.username, password: o.hub.password },
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
      retry: o.retry,
      signal: o.signal,
      sleep: o.sleep,
    });
    this.dbPath = encodeURIComponent(o.hub.db);
    const now = o.now ?? (() => new Date());
    this.ctx = {
      thana: o.thana,
      mode: this.mode,
      defs: o.defs ?? defaultDefs,
      now,
      newId: o.newId ?? (() => ulid(now().getTime())),
    };
    this.report = {
      pushed: 0,
      stillDirty: 0,
      pulled: 0,
      merged: 0,
      removed: 0,
      rejected: 0,
      resolved: 0,
      hubDeleted: 0,
      hubEdits: 0,
      quarantined: 0,
      reset: false,
      settingsChanged: false,
      problems: [],
      startedAt: now().toISOString(),
      finishedAt: '',
    };
  }

  private progress(phase: SyncPhase): void {
    this.o.onProgress?.({ phase, pushed: this.report.pushed, pulled: this.report.pulled, pullTotal: this.pullTotal });
  }

  private async yieldToUi(): Promise<void> {
    if (this.o.signal?.aborted) throw new SyncError('aborted');
    await (this.o.yieldToUi ?? macrotask)();
  }

  async run(): Promise<SyncReport> {
    const { db } = this.o;
    if (this.mode === 'station' && !/^[A-Z0-9]{2,12}$/.test(this.o.thana)) throw new SyncError('no-thana');
    const clientId = await ensureClientId(db, () => ulid());
    this.progress('preflight');
    const { epoch, marker } = await this.preflight(clientId);
    const stored = await readMeta<Checkpoint>(db, CHECKPOINT_KEY);
    const here = { url: this.o.hub.url, db: this.o.hub.db, epoch };
    const sameDb = !!stored && stored.db === here.db;
    if (sameDb && stored.epoch !== epoch) this.report.reset = true; // recreated: a new epoch
    if (sameDb && this.mode === 'station') {
      // Restored from a backup: our marker on the hub is missing or older than the last one we wrote.
      const lastToken = await readMeta<string>(db, MARKER_TOKEN_KEY);
      if (lastToken && marker?.token !== lastToken) this.report.reset = true;
    }
    const seq: unknown = sameDb && !this.report.reset ? stored.seq : 0;
    if (seq === 0) await writeMeta(db, CHECKPOINT_KEY, { ...here, seq: 0 } satisfies Checkpoint);
    if (this.report.reset && this.mode === 'station') await writeMeta(db, 'verify', here);
    let markerRev = marker?._rev;
    if (this.mode === 'station') markerRev = await this.writeMarker(clientId, markerRev, epoch);
    if (this.mode === 'station') {
      const pendingVerify = await readMeta<typeof here>(db, 'verify');
      if (pendingVerify && pendingVerify.db === here.db) {
        this.progress('verify');
        await this.verify();
        await writeMeta(db, 'verify', null);
      }
      this.progress('push');
      await this.push();
    }
    this.progress('pull');
    this.pullTotal = seq === 0 ? this.docCount : null;
    for (const [id, rev] of (await readMeta<[string, string][]>(db, PUSHED_AFTER_PULL_KEY)) ?? []) this.ownWrites.set(id, rev);
    if (this.mode === 'station') await this.retryQuarantine();
    await this.pull(epoch);
    if (this.mode === 'station') {
      // Hub conflict leaves (rare): fold them, then pull what changed meanwhile.
      for (let round = 0; round < 2; round++) {
        const ids = (await readMeta<string[]>(db, PENDING_LEAVES_KEY)) ?? [];
        if (!ids.length) break;
        this.progress('resolve');
        await this.resolve(ids);
        await this.pull(epoch);
      }
      // Merges made while pulling are dirty: send them now rather than in the next session.
      this.ownWrites.clear();
      await this.push();
      await writeMeta(db, PUSHED_AFTER_PULL_KEY, this.ownWrites.size ? [...this.ownWrites.entries()] : null);
      await this.writeMarker(clientId, markerRev, epoch);
    }
    this.report.finishedAt = this.ctx.now().toISOString();
    await writeMeta(db, 'lastOk', { at: this.report.finishedAt, url: here.url, db: here.db, pushed: this.report.pushed, pulled: this.report.pulled, merged: this.report.merged });
    this.progress('done');
    return this.report;
  }

  private async preflight(clientId: string): Promise<{ epoch: string; marker: Marker | null }> {
    const info = await this.client.request<{ doc_count?: number }>('GET', this.dbPath, { accept: [404] });
    if (info.status === 404) throw new SyncError('no-database', this.o.hub.db, 404);
    this.docCount = info.body?.doc_count ?? 0;
    const epochId = this.mode === 'district' ? DISTRICT_EPOCH_ID : epochDocId(this.o.thana);
    const e = await this.client.request<{ epoch?: string }>('GET', `${this.dbPath}/${docPath(epochId)}`, { accept: [404] });
    if (e.status === 404 || typeof e.body?.epoch !== 'string') throw new SyncError('not-provisioned', epochId, e.status);
    if (this.mode === 'district') return { epoch: e.body.epoch, marker: null };
    const m = await this.client.request<Marker>('GET', `${this.dbPath}/_local/sync-${encodeURIComponent(clientId)}`, { accept: [404] });
    return { epoch: e.body.epoch, marker: m.status === 404 ? null : (m.body ?? {}) };
  }

  /** After a reset: every row we believe the hub has is checked; what it lacks is sent again. */
  private async verify(): Promise<void> {
    const { db } = this.o;
    for (const table of [...REGISTER_TABLES, 'audit', 'suspect']) {
      let after = '';
      for (;;) {
        const page = await pageHubKnown(db, table, after, 500);
        if (!page.length) break;
        after = page[page.length - 1]!.id;
        const known = page.filter((p) => p.rev);
        if (known.length) {
          const res = await this.client.request<{ rows: AllDocsRow[] }>('POST', `${this.dbPath}/_all_docs`, { body: { keys: known.map((k) => k.id) } });
          const missing = (res.body.rows ?? []).filter((r) => r.error === 'not_found').map((r) => r.key);
          await markMissingOnHub(db, table, missing);
        }
        await this.yieldToUi();
      }
    }
    await forgetSettingShadows(db, this.o.thana);
  }

  /**
   * Dirty rows in `_bulk_docs` batches. The next batch is read from the outbox and sent while the
   * hub's answer to the previous one is landed (two requests at most in flight), so the station's
   * own work hides behind the hub's.
   */
  private async push(): Promise<void> {
    const { db } = this.o;
    const skip = new Set<string>();
    const sending = new Set<string>();
    const skipping = outboxSkip(skip, sending);
    const positions = new Map<string, OutboxPosition>();
    const state: PushState = { batch: this.o.pushBatch ?? DEFAULT_PUSH_BATCH, attempts: new Map<string, number>(), skip, positions };
    const maxBytes = this.o.maxPushBytes ?? 1_000_000;
    const writer = this.o.hub.username;
    const startToken = await startStatesToken(db);
    let inflight: PushFlight | null = null;
    for (;;) {
      const items = await collectOutgoing(db, this.ctx, { limit: state.batch, maxBytes, skip: skipping, maxDocBytes: MAX_DOC_BYTES, positions, idle: !inflight, writer, startToken });
      let next: PushFlight | null = null;
      if (items.length) {
        for (const i of items) sending.add(i.id);
        // Each document was serialized once by the outbox (its size counted on it): joined, not serialized again.
        const json = `{"docs":[${items.map((i) => i.json ?? JSON.stringify(stampWriter(i.doc, writer))).join(',')}]}`;
        const answer = this.client.request<BulkResult[]>('POST', `${this.dbPath}/_bulk_docs`, { json });
        answer.catch(() => undefined); // awaited in settle(), unless the batch before it fails first
        next = { items, answer };
      }
      if (inflight) {
        try {
          await this.settle(inflight, state);
        } finally {
          for (const i of inflight.items) sending.delete(i.id);
        }
        this.progress('push');
        await this.yieldToUi();
      }
      if (!next && !inflight) break;
      inflight = next;
    }
  }

  /** The hub's answer to one push batch, landed: synced, refused, 409s fetched and merged; 413 halves the batch. */
  private async settle(flight: PushFlight, state: PushState): Promise<void> {
    const { db } = this.o;
    const { items } = flight;
    const { skip, attempts } = state;
    let results: BulkResult[];
    try {
      const res = await flight.answer;
      if (!Array.isArray(res.body)) throw new SyncError('bad-response', '_bulk_docs did not answer a list');
      results = res.body;
    } catch (e) {
      if (e instanceof SyncError && e.code === 'too-large') {
        if (items.length > 1) {
          state.batch = Math.max(1, Math.floor(items.length / 2)); // 413: halve and go again
          // The batch's rows are behind the positions now: their tables are read from the start.
          for (const t of new Set(items.map((i) => i.table))) state.positions.set(t, { from: null });
          return;
        }
        await applyPushResults(db, [], [{ out: items[0]!, error: 'too-large', reason: e.detail }], this.ctx);
        this.report.rejected++;
        skip.add(items[0]!.id);
        return;
      }
      throw e;
    }
    // Match by id: pouchdb-server does not keep the order of the request (CouchDB does).
    const byId = new Map<string, BulkResult>();
    for (const r of results) if (r.id) byId.set(r.id, r);
    const ok: { out: Outgoing; rev: string }[] = [];
    const rejects: { out: Outgoing; error: string; reason: string }[] = [];
    const conflicts: Outgoing[] = [];
    for (const item of items) {
      const n = (attempts.get(item.id) ?? 0) + 1;
      attempts.set(item.id, n);
      if (n >= PUSH_ATTEMPTS_PER_SESSION) skip.add(item.id);
      const r = byId.get(item.id);
      if (r && (r.ok || (r.rev && !r.error))) ok.push({ out: item, rev: r.rev! });
      else if (r?.error === 'conflict') conflicts.push(item);
      else if (r?.error === 'forbidden' || r?.error === 'unauthorized') {
        rejects.push({ out: item, error: r.error, reason: r.reason ?? '' });
        skip.add(item.id);
      } else {
        this.report.problems.push(`${item.id}: ${r?.error ?? 'no result'} ${r?.reason ?? ''}`.trim());
        skip.add(item.id);
      }
    }
    for (const o of ok) this.ownWrites.set(o.out.id, o.rev);
    const applied = await applyPushResults(db, ok, rejects, this.ctx);
    this.report.pushed += applied.synced;
    this.report.stillDirty += applied.stillDirty;
    this.report.rejected += rejects.length;
    if (conflicts.length) await this.landConflicts(conflicts);
  }

  /** The hub's current versions of these documents, as landing takes them (`_all_docs` by keys). */
  private async current(ids: string[]): Promise<RemoteDoc[]> {
    const res = await this.client.request<{ rows: AllDocsRow[] }>('POST', `${this.dbPath}/_all_docs`, {
      query: { include_docs: true, conflicts: true },
      body: { keys: ids },
    });
    return (res.body.rows ?? []).map((row) => {
      if (row.error || !row.value) return { id: row.key, rev: null, deleted: false, doc: null, missing: true };
      return { id: row.key, rev: row.value.rev, deleted: !!row.value.deleted, doc: row.doc && !row.value.deleted ? row.doc : null };
    });
  }

  /** 409 on push: fetch what the hub has and land it (lost response → synced; else merge). */
  private async landConflicts(items: Outgoing[]): Promise<void> {
    const stats = await applyServerVersions(this.o.db, await this.current(items.map((i) => i.id)), this.ctx);
    this.report.merged += stats.merged;
    this.report.settingsChanged ||= stats.settingsChanged;
  }

  /**
   * Documents in quarantine are offered again at every session (the app may have been updated, or
   * the hub fixed): the hub's current version lands if it can now be accepted.
   */
  private async retryQuarantine(): Promise<void> {
    const ids = await quarantinedIds(this.o.db);
    for (let i = 0; i < ids.length; i += 200) {
      const remotes = await this.current(ids.slice(i, i + 200));
      const gone = remotes.filter((r) => r.missing || r.deleted);
      await dropQuarantine(this.o.db, gone.map((r) => r.id));
      const stats = await applyServerVersions(this.o.db, remotes.filter((r) => !r.missing && !r.deleted), this.ctx);
      this.report.pulled += stats.applied;
    }
  }

  /**
   * A `_changes` page: with the documents, or (`idsOnly`) only ids and every leaf revision
   * (`style=all_docs`), for a pull after this PC's own writes.
   */
  private changes(since: unknown, limit: number, idsOnly = false) {
    const query = idsOnly
      ? { since: sinceParam(since), limit, style: 'all_docs', seq_interval: limit }
      : { since: sinceParam(since), limit, include_docs: true, conflicts: true, seq_interval: limit };
    return this.client.request<ChangesAnswer['body']>('GET', `${this.dbPath}/_changes`, { query });
  }

  /**
   * An ids-only page as landing takes it: a row whose only leaf is the revision this PC wrote
   * (its own push) is left out; the others are fetched with `_all_docs`.
   */
  private async fillPage(rows: ChangesRow[]): Promise<RemoteDoc[]> {
    const need = rows.filter((r) => {
      const revs = (r.changes ?? []).map((c) => c.rev);
      return r.deleted || revs.length !== 1 || this.ownWrites.get(r.id) !== revs[0];
    });
    const remotes: RemoteDoc[] = [];
    for (let i = 0; i < need.length; i += 250) remotes.push(...(await this.current(need.slice(i, i + 250).map((r) => r.id))).filter((r) => !r.missing));
    return remotes;
  }

  /** A `_changes` page as landing takes it, with what landing needs from each document alone worked out. */
  private async readPage(answer: Promise<ChangesAnswer>, since: unknown, size: number, idsOnly: boolean): Promise<PulledPage> {
    const res = await answer;
    const rows = res.body?.results;
    const last = res.body?.last_seq;
    if (!Array.isArray(rows) || last === undefined) throw new SyncError('bad-response', '_changes without results/last_seq');
    // The end: a short page (pouchdb-server has no `pending`), or a hub that does not move on.
    const end = rows.length < size || sameValue(last, since) || res.body.pending === 0;
    let remotes: RemoteDoc[];
    if (idsOnly) {
      const page = rows.filter((r) => typeof r.id === 'string');
      remotes = await this.fillPage(page);
      for (const r of page) this.ownWrites.delete(r.id);
    } else {
      remotes = rows
        .filter((r) => typeof r.id === 'string')
        .map((r) => ({
          id: r.id,
          rev: r.doc?._rev ?? r.changes?.[0]?.rev ?? null,
          deleted: !!(r.deleted || r.doc?._deleted),
          doc: r.doc && !r.doc._deleted ? r.doc : null,
        }));
    }
    await prepareLanding(remotes, this.ctx);
    return { remotes, last, end, pending: res.body.pending };
  }

  /**
   * `_changes` pages, each landed with its checkpoint in one transaction. While one page is
   * written, the next is fetched and prepared (`prepareLanding`: validation and derived fields, in
   * time slices), so the hub's time, the disk's time and the checks overlap instead of adding up;
   * a page is only ever landed after the one before it.
   */
  private async pull(epoch: string): Promise<void> {
    // The unique keys of the registers that have them, kept for the session (db/sync-keys.ts).
    const tables = REGISTER_TABLES.filter((t) => this.ctx.defs(t)?.uniqueKeys?.length);
    const keys = this.mode === 'station' && tables.length ? new PullKeys(this.o.db.name, tables) : undefined;
    try {
      await this.pullPages(epoch, { ...this.ctx, uniqueKeys: keys });
    } finally {
      keys?.close();
    }
  }

  private async pullPages(epoch: string, ctx: ApplyContext): Promise<void> {
    const { db } = this.o;
    const limit = this.o.pullBatch ?? DEFAULT_PULL_BATCH;
    const cp = (await readMeta<Checkpoint>(db, CHECKPOINT_KEY))!;
    // After this PC's own writes the feed holds them: read ids (and leaf revisions) only until
    // every one has gone by, then documents again.
    let idsOnly = this.ownWrites.size > 0;
    // Pages of ids are small: four times as many rows per request.
    const pageSize = (ids: boolean) => (ids ? limit * 4 : limit);
    let next = this.readPage(this.changes(cp.seq, pageSize(idsOnly), idsOnly), cp.seq, pageSize(idsOnly), idsOnly);
    for (let batchNo = 0; ; batchNo++) {
      const { remotes, last, end, pending } = await next;
      if (idsOnly) idsOnly = this.ownWrites.size > 0;
      if (!end) {
        next = this.readPage(this.changes(last, pageSize(idsOnly), idsOnly), last, pageSize(idsOnly), idsOnly);
        next.catch(() => undefined); // awaited (and reported) on the next turn, unless this batch fails first
      }
      const checkpoint: Checkpoint = { url: this.o.hub.url, db: this.o.hub.db, epoch, seq: last };
      const hook = this.o.hooks?.beforeCheckpointCommit;
      const stats = await applyPullBatch(db, remotes, checkpoint, ctx, hook ? () => hook(batchNo) : undefined);
      this.report.pulled += stats.applied;
      this.report.merged += stats.merged;
      this.report.removed += stats.removed;
      this.report.hubDeleted += stats.hubDeleted;
      this.report.hubEdits += stats.hubEdits;
      this.report.quarantined += stats.quarantined;
      this.report.settingsChanged ||= stats.settingsChanged;
      if (typeof pending === 'number') this.pullTotal = this.report.pulled + pending;
      this.progress('pull');
      if (end) break;
      await this.yieldToUi();
    }
    this.ownWrites.clear();
  }

  /**
   * Fold hub conflict leaves (§7.3 step 4, design §3.14). Every live leaf is read; leaves another
   * body already folded (its `foldedRevs`) are skipped; the rest are folded the same way on every
   * PC (merge.ts `foldLeaves`) and written on top of the hub's current winner, with `foldedRevs`
   * naming the other leaves. A station never deletes a leaf: the hub's admin job does, for leaves
   * named in `foldedRevs`. The written version lands here like any pulled document.
   */
  private async resolve(ids: string[]): Promise<void> {
    const remotes: RemoteDoc[] = [];
    const done: string[] = [];
    const logs: { recordId: string; table: string; fields: MergedField[] }[] = [];
    for (const id of ids) {
      const kind = classify(id);
      const res = await this.client.request<{ ok?: HubDoc }[]>('GET', `${this.dbPath}/${docPath(id)}`, { query: { open_revs: 'all' }, accept: [404] });
      const live = Array.isArray(res.body) ? res.body.map((x) => x.ok).filter((d): d is HubDoc => !!d && !d._deleted && typeof d._rev === 'string') : [];
      if (res.status === 404 || !live.length || kind.kind !== 'register') {
        done.push(id);
        continue;
      }
      // CouchDB's own winner (most edits, then the greatest hash): the fold goes on top of it.
      const winner = [...live].sort(byRevDesc)[0]!;
      const folded = new Set(live.flatMap((d) => (Array.isArray(d.foldedRevs) ? (d.foldedRevs as string[]) : [])));
      const open = live.filter((d) => !folded.has(d._rev!));
      if (open.length === 1 && open[0]!._rev === winner._rev) {
        remotes.push({ id, rev: winner._rev!, deleted: false, doc: { ...winner, _conflicts: undefined } });
        done.push(id);
        continue;
      }
      const leaves = [winner, ...open.filter((d) => d._rev !== winner._rev)].map((d) => ({ rev: d._rev!, record: docToRecord(d, 'synced') }));
      const r = foldLeaves(leaves, winner._rev!, this.ctx.defs(kind.table), istDate(this.ctx.now()));
      const foldedRevs = live.map((d) => d._rev!).filter((rev) => rev !== winner._rev).sort();
      const doc: HubDoc = stampWriter({ ...recordToDoc({ ...r.record, _rev: null }), _rev: winner._rev, foldedRevs }, this.o.hub.username);
      const put = await this.client.request<BulkResult[]>('POST', `${this.dbPath}/_bulk_docs`, { body: { docs: [doc] } });
      const result = Array.isArray(put.body) ? (put.body.find((x) => x.id === id) ?? put.body[0]) : undefined;
      if (result && !result.error && result.rev) {
        this.report.resolved++;
        this.ownWrites.set(id, result.rev);
        remotes.push({ id, rev: result.rev, deleted: false, doc: { ...doc, _rev: result.rev } });
        logs.push({ recordId: id, table: kind.table, fields: r.fields });
        done.push(id);
      } else if (result?.error !== 'conflict') {
        // Refused by the hub: kept in the list, reported; a 409 means another PC folded it first.
        this.report.problems.push(`${id}: ${result?.error ?? 'no result'} ${result?.reason ?? ''}`.trim());
      }
    }
    const stats = await applyResolved(this.o.db, remotes, done, logs, this.ctx);
    this.report.merged += stats.merged;
  }

  /**
   * `_local/sync-<clientId>` (§7.3 step 5), written at the start and at the end of a session with a
   * new token each time; the last token is kept here. A hub restored from a backup shows an older
   * token (or none), which is how the restore is noticed.
   */
  private async writeMarker(clientId: string, knownRev: string | undefined, epoch: string): Promise<string | undefined> {
    const path = `${this.dbPath}/_local/sync-${encodeURIComponent(clientId)}`;
    const token = this.ctx.newId();
    const body = { token, at: this.ctx.now().toISOString(), appVersion: this.o.appVersion ?? '', epoch };
    let rev = knownRev;
    for (let i = 0; i < 3; i++) {
      const res = await this.client.request<{ rev?: string }>('PUT', path, { body: { ...body, ...(rev ? { _rev: rev } : {}) }, accept: [409] });
      if (res.status !== 409) {
        await writeMeta(this.o.db, MARKER_TOKEN_KEY, token);
        return res.body?.rev;
      }
      const again = await this.client.request<Marker>('GET', path, { accept: [404] });
      rev = again.status === 404 ? undefined : again.body?._rev;
    }
    return rev;
  }
}
