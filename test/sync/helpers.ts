/**
 * Simulated station PCs, a district client and hub helpers for the sync suite. Each PC is its own
 * StationDb in fake-indexeddb with its own clientId and serial series; records are written through
 * the app's one write path (src/db/repository.ts), exactly as the registers do.
 */
import { afterEach, beforeAll, expect, inject } from 'vitest';
import { StationDb, REGISTER_TABLES } from '../../renderer/src/db/schema';
import type { StationContext } from '../../renderer/src/db/context';
import { cancelRecord, correctRecord, createRecord } from '../../renderer/src/db/repository';
import type { Actor, StoredRecord, SyncedRecord } from '../../renderer/src/domain/records';
import { attachSync } from '../../renderer/src/db/sync-state';
import type { RegisterDef } from '../../renderer/src/domain/registers/types';
import { bi } from '../../renderer/src/domain/bilingual';
import { syncOnce, type SyncOptions, type SyncReport } from '../../renderer/src/sync/replicator';
import { provisionHub, type ProvisionReport } from '../../renderer/src/sync/provision';
import { retireLeaves } from '../../renderer/src/sync/hub-jobs';
import { districtDbName, thanaDbName, thanaDesignId } from '../../renderer/src/sync/vdu';
import { DEFAULT_PROFILE } from '../../renderer/src/domain/setup';

export const hubUrl = (): string => inject('hubUrl');
export const hubAdmin = (): { username: string; password: string } => inject('hubAdmin');

/**
 * A small register of the test's own (on the 'outreach' table), so the sync suite does not depend
 * on the registers other issues are still shaping: a serial, totals and lookup keys, like the real ones.
 */
export const TEST_DEF: RegisterDef = {
  type: 'outreach',
  title: bi('परीक्षण पंजी', 'Test register'),
  printTitle: bi('परीक्षण पंजी', 'Test register'),
  serial: true,
  schemaVersion: 1,
  searchFields: ['title', 'note'],
  lookupKeys: (d) => (typeof d.utr === 'string' && d.utr ? [`utr:${d.utr}`] : []),
  totals: (d) => [{ key: 'test:all', values: { entries: 1, people: typeof d.people === 'number' ? d.people : 0 } }],
  fields: [
    { key: 'title', label: bi('शीर्षक', 'Title'), type: 'text', required: true, maxLength: 200 },
    { key: 'people', label: bi('लोग', 'People'), type: 'int', max: 100000 },
    { key: 'note', label: bi('टिप्पणी', 'Note'), type: 'longtext', maxLength: 2000 },
    { key: 'place', label: bi('स्थान', 'Place'), type: 'text', maxLength: 200 },
    { key: 'utr', label: bi('UTR', 'UTR'), type: 'text', maxLength: 40 },
  ],
};

export const defs = (type: string): RegisterDef | undefined => (type === 'outreach' ? TEST_DEF : undefined);

let seq = 0;
/** A thana code no other test file uses on the shared hub. */
export function uniqueCode(prefix: string): string {
  seq++;
  const r = Math.random().toString(36).slice(2, 6).toUpperCase();
  return `${prefix}${seq}${r}`.replace(/[^A-Z0-9]/g, '').slice(0, 12);
}

export function actor(name: string, role: Actor['role'] = 'incharge'): Actor {
  return { userId: `u-${name}`, name, rank: 'निरीक्षक', role, initials: name.slice(0, 2).toUpperCase() };
}

export interface ThanaSetup {
  code: string;
  db: string;
  district: string;
  districtDb: string;
  pcs: { username: string; password: string }[];
  districtUser: { username: string; password: string };
  report: ProvisionReport;
}

/**
 * A suite's thana, provisioned once (beforeAll), and its station PCs: `pc(name, i, series)` opens a
 * PC signed in with the thana's i-th account; every PC a test opens is closed after it.
 */
export function thanaSuite(prefix: string): { readonly setup: ThanaSetup; pc: (name: string, i: number, series?: string) => Promise<StationPc> } {
  let setup: ThanaSetup | null = null;
  const open: StationPc[] = [];
  beforeAll(async () => {
    setup = await provisionThana(prefix);
  });
  afterEach(async () => {
    for (const p of open.splice(0)) await p.close();
  });
  const provisioned = (): ThanaSetup => {
    if (!setup) throw new Error('the thana is provisioned in beforeAll');
    return setup;
  };
  return {
    get setup() {
      return provisioned();
    },
    async pc(name, i, series = '') {
      const s = provisioned();
      const p = await StationPc.open({ code: s.code, name, pcSeries: series, account: s.pcs[i]! });
      open.push(p);
      return p;
    },
  };
}

/** Provision one thana with `pcs` station accounts and a district account. */
export async function provisionThana(prefix: string, pcs = 2, district = `d${uniqueCode('').toLowerCase()}`): Promise<ThanaSetup> {
  const code = uniqueCode(prefix);
  const lower = code.toLowerCase();
  const accounts = Array.from({ length: pcs }, (_, i) => ({ username: `pc_${lower}_${i + 1}`, password: `pw-${lower}-${i + 1}` }));
  const districtUser = { username: `dist_${district}_${lower}`, password: `dpw-${lower}` };
  const report = await provisionHub(
    { url: hubUrl(), admin: hubAdmin() },
    { district, thanas: [{ code, pcs: accounts }], districtUsers: [districtUser], origins: ['http://127.0.0.1:4319'] },
  );
  return { code, db: thanaDbName(code), district, districtDb: districtDbName(district), pcs: accounts, districtUser, report };
}

export interface PcOptions {
  code: string;
  name: string;
  pcSeries?: string;
  account: { username: string; password: string };
  db?: string;
  /** The PC's clock (clock-skew tests). */
  now?: () => Date;
}

let dbNo = 0;

export class StationPc {
  readonly ctx: StationContext;
  readonly actor: Actor;
  constructor(
    readonly db: StationDb,
    readonly o: PcOptions,
  ) {
    const now = o.now ?? (() => new Date());
    this.ctx = { db, thana: o.code, pcSeries: o.pcSeries ?? '', now, settings: () => ({}) };
    this.actor = actor(o.name);
  }

  static async open(o: PcOptions): Promise<StationPc> {
    const db = new StationDb(`sync-test-${o.code}-${o.name}-${++dbNo}-${Date.now()}`);
    await db.open();
    await db.settings.put({ key: 'profile', value: { ...DEFAULT_PROFILE, thanaName: `थाना ${o.code}`, thanaCode: o.code, thanaTarget: 500 } });
    await db.settings.put({ key: 'pc', value: { idleLockMinutes: 10, pcSeries: o.pcSeries ?? '' } });
    return new StationPc(db, o);
  }

  async create(data: Record<string, unknown>): Promise<StoredRecord> {
    return (await createRecord(this.ctx, this.actor, TEST_DEF, data)).record;
  }

  async correct(id: string, patch: Record<string, unknown>, reason = 'सुधार किया'): Promise<StoredRecord> {
    return (await correctRecord(this.ctx, this.actor, TEST_DEF, id, patch, reason)).record;
  }

  async cancel(id: string, reason = 'गलत प्रविष्टि'): Promise<StoredRecord> {
    return cancelRecord(this.ctx, this.actor, TEST_DEF, id, reason);
  }

  /** The entry with its sync state (`_rev`, `syncState` from the syncStates table). */
  async get(id: string): Promise<SyncedRecord | undefined> {
    return (await attachSync(this.db, [await this.db.outreach.get(id)]))[0];
  }

  async all(): Promise<SyncedRecord[]> {
    return (await attachSync(this.db, await this.db.outreach.orderBy('id').toArray())) as SyncedRecord[];
  }

  async totals(): Promise<Record<string, number>> {
    return (await this.db.totals.get('test:all'))?.values ?? {};
  }

  sync(extra: Partial<SyncOptions> = {}, url = hubUrl()): Promise<SyncReport> {
    return syncOnce({
      db: this.db,
      thana: this.o.code,
      hub: { url, db: this.o.db ?? thanaDbName(this.o.code), username: this.o.account.username, password: this.o.account.password },
      defs,
      retry: { attempts: 4, baseMs: 5, capMs: 40 },
      timeoutMs: 5_000,
      pullBatch: 7,
      pushBatch: 5,
      now: this.o.now,
      ...extra,
    });
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

/** A district PC: a separate local database pulled read-only from the district database. */
export async function openDistrict(setup: ThanaSetup): Promise<{ db: StationDb; sync: (extra?: Partial<SyncOptions>) => Promise<SyncReport> }> {
  const db = new StationDb(`sync-test-district-${setup.district}-${++dbNo}`);
  await db.open();
  return {
    db,
    sync: (extra = {}) =>
      syncOnce({
        db,
        thana: '',
        mode: 'district',
        hub: { url: hubUrl(), db: setup.districtDb, ...setup.districtUser },
        defs,
        retry: { attempts: 4, baseMs: 5, capMs: 40 },
        timeoutMs: 5_000,
        pullBatch: 50,
        ...extra,
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The hub, seen as admin

/**
 * Runs `write` with the thana database's validation function lifted: pouchdb-server silently drops
 * `new_edits: false` writes into a database with one (pouchdb-validation overwrites `_revisions`),
 * so a test that plants conflict leaves needs this for the moment of its setup (CouchDB 3 needs no
 * such step). The design document stays, without its `validate_doc_update`, and is put back as it
 * was: deleting it instead crashed pouchdb-server 4.2 now and then, when a running replication job
 * (district, registry) read its filter from the deleted document (an uncaught `not_found` on a
 * changes feed, seen in CI).
 */
export async function withoutValidation<T>(setup: Pick<ThanaSetup, 'db' | 'code'>, write: () => Promise<T>): Promise<T> {
  const path = `${setup.db}/${thanaDesignId(setup.code)}`;
  const ddoc = (await admin<Record<string, unknown> & { _rev: string }>('GET', path)).body;
  const { validate_doc_update: vdu, ...lifted } = ddoc;
  if (typeof vdu !== 'string') throw new Error(`${path} has no validation function to lift`);
  const put = await admin<{ rev: string }>('PUT', path, lifted);
  if (put.status !== 201) throw new Error(`could not lift ${path}: ${put.status}`);
  const done = await write().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const back = await admin('PUT', path, { ...ddoc, _rev: put.body.rev });
  if (back.status !== 201) throw new Error(`could not restore ${path}: ${back.status}`);
  if (!done.ok) throw done.error;
  return done.value;
}

export async function admin<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const a = hubAdmin();
  const r = await fetch(`${hubUrl()}/${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function hubDocs(db: string): Promise<Map<string, Record<string, unknown>>> {
  const r = await admin<{ rows: { id: string; doc: Record<string, unknown> }[] }>('GET', `${db}/_all_docs?include_docs=true&conflicts=true`);
  return new Map(r.body.rows.filter((x) => /^[A-Z0-9]+:outreach:/.test(x.id)).map((x) => [x.id, x.doc]));
}

/** Wait until the district database has caught up with the thana database (server-side replication). */
export async function waitForDistrict(setup: ThanaSetup, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const a = await hubDocs(setup.db);
    const b = await hubDocs(setup.districtDb);
    const same = a.size === b.size && [...a].every(([id, d]) => b.get(id)?._rev === d._rev);
    if (same) return;
    if (Date.now() > until) throw new Error(`district did not catch up: thana ${a.size}, district ${b.size}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Comparable = { id: string; data: unknown; cancelled: unknown; version: number; mutationId: string; history: string[] };

/** Version numbers of a history strictly increase (no two versions numbered alike). */
export function expectIncreasingVersions(history: { version: number }[]): void {
  const v = history.map((h) => h.version);
  expect(v, 'version numbers').toEqual([...v].sort((a, b) => a - b));
  expect(new Set(v).size, 'version numbers repeat').toBe(v.length);
}

/**
 * The hub admin job (design §3.14; `npm run hub -- retire-leaves`): delete the conflict leaves the
 * winner names in `foldedRevs` whose versions are all in the winner's history; then `id` has none.
 */
export async function purgeFoldedLeaves(db: string, id: string): Promise<void> {
  await retireLeaves({ url: hubUrl(), admin: hubAdmin() }, db);
  const d = (await admin<{ _conflicts?: string[] }>('GET', `${db}/${encodeURIComponent(id)}?conflicts=true`)).body;
  expect(d._conflicts ?? [], `leaves left on ${id}`).toEqual([]);
}

function comparable(r: { id?: string; _id?: string; data?: unknown; cancelled?: unknown; version?: number; mutationId?: string; history?: { mutationId: string }[] }): Comparable {
  return {
    id: (r.id ?? r._id)!,
    data: r.data,
    cancelled: r.cancelled ?? null,
    version: r.version ?? 0,
    mutationId: r.mutationId ?? '',
    history: (r.history ?? []).map((h) => h.mutationId),
  };
}

/**
 * The end state every fault test demands: the same records on every PC, on the hub (and in the
 * district copy), nothing left to send, no hub conflict leaves, and every version ever written kept.
 */
export async function expectConverged(pcs: StationPc[], setup: ThanaSetup, opts: { versions?: Set<string>; district?: StationDb } = {}): Promise<StoredRecord[]> {
  const hub = await hubDocs(setup.db);
  // Conflict leaves may stay until the hub's admin job removes them, but only leaves already folded.
  for (const d of hub.values()) {
    const folded = (d.foldedRevs as string[] | undefined) ?? [];
    expect(((d._conflicts as string[] | undefined) ?? []).filter((r) => !folded.includes(r)), `unfolded hub conflict leaves on ${String(d._id)}`).toEqual([]);
  }
  const want = [...hub.values()].map(comparable).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const pc of pcs) {
    const rows = await pc.all();
    expect(rows.filter((r) => r.syncState !== 'synced').map((r) => `${r.id}:${r.syncState}`), `${pc.o.name} has unsynced rows`).toEqual([]);
    expect(rows.map(comparable), `${pc.o.name} differs from the hub`).toEqual(want);
    for (const r of rows) expect(r._rev, `${pc.o.name} ${r.id} rev`).toBe(hub.get(r.id)!._rev);
  }
  if (opts.district) {
    const rows = await opts.district.outreach.where('id').startsWith(`${setup.code}:`).sortBy('id');
    expect(rows.map(comparable), 'district copy differs from the hub').toEqual(want);
  }
  if (opts.versions) {
    const kept = new Set(want.flatMap((w) => w.history));
    for (const m of opts.versions) expect(kept.has(m), `version ${m} was lost`).toBe(true);
  }
  // Totals on every PC equal a recount from the records themselves.
  const rows = await pcs[0]!.all();
  const live = rows.filter((r) => !r.cancelled);
  const expected = { entries: live.length, people: live.reduce((n, r) => n + (typeof r.data.people === 'number' ? r.data.people : 0), 0) };
  for (const pc of pcs) {
    const t = await pc.totals();
    expect({ entries: t.entries ?? 0, people: t.people ?? 0 }, `${pc.o.name} totals`).toEqual(expected);
  }
  return rows;
}

/** Every mutationId in every history on these PCs: the versions that must survive. */
export async function allVersions(pcs: StationPc[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const pc of pcs) for (const r of await pc.all()) for (const h of r.history) out.add(h.mutationId);
  return out;
}

export { REGISTER_TABLES };
