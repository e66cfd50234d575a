/**
 * The Dexie side of sync (issue #9): every read and write the replicator makes on the station
 * database goes through here, each batch in ONE transaction. The decisions (which version wins,
 * how two versions merge) are in src/sync/merge.ts; this module applies them and keeps the totals,
 * the shadows, the merge log, the rejects and the pull checkpoint right in the same transaction.
 */
import Dexie, { liveQuery, type Table } from 'dexie';
import type { StoredRecord } from '@/domain/records';
import type { RegisterDef, TotalContribution } from '@/domain/registers/types';
import {
  auditToDoc,
  bodyOf,
  classify,
  docToAudit,
  docToRecord,
  jsonSize,
  recordToDoc,
  sameValue,
  settingDocId,
  settingToDoc,
  SETTING_DOCS,
  type HubDoc,
  type SettingDocType,
} from '@/sync/doc';
import { mergeRecords, mergeValues, relate, type MergedField } from '@/sync/merge';
import type { StationContext } from './context';
import { auditRow, contributions } from './repository';
import { REGISTER_TABLES, type AuditRow, type RegisterTable, type ShadowRow, type StationDb, type SyncConflictRow, type SyncRejectRow } from './schema';

/** Tables a sync transaction may touch. */
export function syncTables(db: StationDb): Table[] {
  return [...REGISTER_TABLES.map((t) => db.registerTable(t)), db.audit, db.settings, db.totals, db.shadows, db.syncMeta, db.syncRejects, db.syncConflicts];
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping

export async function readMeta<T>(db: StationDb, key: string): Promise<T | undefined> {
  return (await db.syncMeta.get(key))?.value as T | undefined;
}

export async function writeMeta(db: StationDb, key: string, value: unknown): Promise<void> {
  await db.syncMeta.put({ key, value });
}

/** This PC's identity towards the hub (the `_local/sync-<clientId>` marker). Made once, kept forever. */
export async function ensureClientId(db: StationDb, make: () => string): Promise<string> {
  return db.transaction('rw', db.syncMeta, async () => {
    const have = await readMeta<string>(db, 'clientId');
    if (have) return have;
    const id = make();
    await writeMeta(db, 'clientId', id);
    return id;
  });
}

/**
 * Where the pull stands, keyed by (hub, database, epoch) — reference/sync.md C3. `seq` is the hub's
 * `last_seq` exactly as received: opaque, never compared or computed with.
 */
export interface Checkpoint {
  url: string;
  db: string;
  epoch: string;
  seq: unknown;
}

export const CHECKPOINT_KEY = 'checkpoint';

// ---------------------------------------------------------------------------------------------
// Landing hub documents on local rows

/** A hub document as the replicator hands it over: from `_changes`, or `_all_docs` after a 409. */
export interface RemoteDoc {
  id: string;
  rev: string | null;
  deleted: boolean;
  doc: HubDoc | null;
  /** `_all_docs` said not_found: the hub has never had it. */
  missing?: boolean;
}

export interface ApplyContext {
  /** The station's thana code; '' in district mode. */
  thana: string;
  mode: 'station' | 'district';
  defs: (type: string) => RegisterDef | undefined;
  now: () => Date;
  newId: () => string;
}

export interface LandStats {
  applied: number;
  skipped: number;
  merged: number;
  removed: number;
  settingsChanged: boolean;
  /** Ids whose hub version has conflict leaves (`_conflicts`): for the resolver. */
  conflicted: string[];
}

function emptyStats(): LandStats {
  return { applied: 0, skipped: 0, merged: 0, removed: 0, settingsChanged: false, conflicted: [] };
}

/** Rows per bulkPut inside a batch's transaction: each chunk's synchronous work is one short task. */
const PUT_CHUNK = 50;

/**
 * bulkPut in chunks, the next chunk issued before the previous one is awaited (two in flight): the
 * transaction never idles, and the main thread gets a turn between chunks (a 500-row put in one
 * call is one long task of structured cloning).
 */
async function putInChunks(table: Table, rows: unknown[]): Promise<void> {
  let previous: Promise<unknown> | null = null;
  for (let i = 0; i < rows.length; i += PUT_CHUNK) {
    const current = table.bulkPut(rows.slice(i, i + PUT_CHUNK));
    if (previous) await previous;
    previous = current;
  }
  if (previous) await previous;
}

class Workset {
  readonly puts = new Map<string, Map<string, StoredRecord>>();
  readonly deletes = new Map<string, Set<string>>();
  readonly auditPuts = new Map<string, AuditRow>();
  readonly shadowPuts = new Map<string, ShadowRow>();
  readonly shadowDeletes = new Set<string>();
  readonly settingPuts = new Map<string, unknown>();
  readonly conflicts: SyncConflictRow[] = [];
  readonly newAudits: AuditRow[] = [];
  readonly totals = new Map<string, Record<string, number>>();

  put(table: string, rec: StoredRecord): void {
    if (!this.puts.has(table)) this.puts.set(table, new Map());
    this.puts.get(table)!.set(rec.id, rec);
    this.deletes.get(table)?.delete(rec.id);
  }
  remove(table: string, id: string): void {
    if (!this.deletes.has(table)) this.deletes.set(table, new Set());
    this.deletes.get(table)!.add(id);
    this.puts.get(table)?.delete(id);
  }
  shadow(row: ShadowRow): void {
    this.shadowPuts.set(row.id, row);
    this.shadowDeletes.delete(row.id);
  }
  dropShadow(id: string): void {
    this.shadowPuts.delete(id);
    this.shadowDeletes.add(id);
  }
  addTotals(list: TotalContribution[], sign: 1 | -1): void {
    for (const c of list) {
      const row = this.totals.get(c.key) ?? {};
      for (const [k, v] of Object.entries(c.values)) row[k] = (row[k] ?? 0) + sign * v;
      this.totals.set(c.key, row);
    }
  }

  async flush(db: StationDb): Promise<void> {
    for (const [table, rows] of this.puts) if (rows.size) await putInChunks(db.table(table), [...rows.values()]);
    for (const [table, ids] of this.deletes) if (ids.size) await db.table(table).bulkDelete([...ids]);
    if (this.auditPuts.size) await db.audit.bulkPut([...this.auditPuts.values()]);
    if (this.newAudits.length) await db.audit.bulkAdd(this.newAudits);
    if (this.shadowPuts.size) await db.shadows.bulkPut([...this.shadowPuts.values()]);
    if (this.shadowDeletes.size) await db.shadows.bulkDelete([...this.shadowDeletes]);
    for (const [key, value] of this.settingPuts) await db.settings.put({ key, value });
    if (this.conflicts.length) await db.syncConflicts.bulkAdd(this.conflicts);
    const keys = [...this.totals.keys()].filter((k) => Object.values(this.totals.get(k)!).some((v) => v !== 0));
    if (keys.length) {
      const rows = await db.totals.bulkGet(keys);
      await db.totals.bulkPut(
        keys.map((key, i) => {
          const values = { ...(rows[i]?.values ?? {}) };
          for (const [k, v] of Object.entries(this.totals.get(key)!)) values[k] = (values[k] ?? 0) + v;
          return { key, values };
        }),
      );
    }
  }
}

function auditCtx(db: StationDb, ctx: ApplyContext): StationContext {
  return { db, thana: ctx.thana, pcSeries: '', now: ctx.now, settings: () => ({}) };
}

function logConflict(ws: Workset, ctx: ApplyContext, table: string, recordId: string, kind: string, fields: MergedField[]): void {
  ws.conflicts.push({ id: ctx.newId(), recordId, table, at: ctx.now().toISOString(), kind, fields });
}

/** Keep the totals right when `after` replaces `before` (either may be absent). */
function totalsDelta(ws: Workset, def: RegisterDef | undefined, before: StoredRecord | undefined, after: StoredRecord | undefined): void {
  if (!def?.totals) return;
  ws.addTotals(contributions(def, before), -1);
  ws.addTotals(contributions(def, after), 1);
}

function landRegister(
  db: StationDb,
  ws: Workset,
  stats: LandStats,
  ctx: ApplyContext,
  table: RegisterTable,
  remote: RemoteDoc,
  local: StoredRecord | undefined,
  shadow: ShadowRow | undefined,
): void {
  const def = ctx.defs(table);
  if (remote.missing) {
    // The hub never had it (or lost it): send it again as new.
    if (local && local._rev !== null) ws.put(table, { ...local, _rev: null, syncState: local.syncState === 'rejected' ? 'rejected' : 'dirty' });
    return;
  }
  if (remote.deleted) {
    if (!local) {
      if (shadow) ws.dropShadow(remote.id);
      return;
    }
    if (local._rev === remote.rev) return stats.skipped++, undefined;
    if (local.syncState === 'dirty') {
      // Edited here, deleted on the hub: the edit wins (R4) and brings the entry back.
      ws.put(table, { ...local, _rev: remote.rev });
      logConflict(ws, ctx, table, local.id, 'resurrect', []);
      return;
    }
    ws.remove(table, local.id);
    ws.dropShadow(local.id);
    totalsDelta(ws, def, local, undefined);
    stats.removed++;
    if (ctx.mode === 'station') {
      // Nothing is lost: the removed entry stays readable in the audit log.
      ws.newAudits.push(
        auditRow(auditCtx(db, ctx), null, 'sync', {
          recordType: table,
          recordId: local.id,
          summary: 'हब पर हटाई गई प्रविष्टि / entry deleted on the hub',
          before: recordToDoc(local),
        }),
      );
      logConflict(ws, ctx, table, local.id, 'removed', []);
    }
    return;
  }
  const doc = remote.doc!;
  const server = docToRecord(doc, 'synced');
  if (doc._conflicts?.length) stats.conflicted.push(doc._id);
  if (!local) {
    ws.put(table, server);
    totalsDelta(ws, def, undefined, server);
    stats.applied++;
    return;
  }
  if (local._rev === doc._rev) {
    stats.skipped++; // the echo of our own push
    return;
  }
  if (ctx.mode === 'district') {
    // The district copy mirrors the hub: it never edits, so the hub's version simply replaces it.
    ws.put(table, server);
    totalsDelta(ws, def, local, server);
    stats.applied++;
    return;
  }
  if (local.syncState === 'rejected') {
    // The refused version is kept whole in syncRejects; the hub's version is the one to show.
    ws.put(table, server);
    ws.dropShadow(local.id);
    totalsDelta(ws, def, local, server);
    stats.applied++;
    return;
  }
  const rel = relate(local, server);
  if (rel === 'same') {
    // Our own write, whose answer was lost: it is on the hub.
    ws.put(table, { ...local, _rev: doc._rev ?? null, syncState: 'synced' });
    ws.dropShadow(local.id);
    stats.applied++;
  } else if (rel === 'server-ahead') {
    ws.put(table, server);
    ws.dropShadow(local.id);
    totalsDelta(ws, def, local, server);
    stats.applied++;
  } else if (rel === 'local-ahead') {
    // The hub has an older version of ours: keep ours, based on the hub's revision, and send it.
    ws.put(table, { ...local, _rev: doc._rev ?? null, syncState: 'dirty' });
    ws.dropShadow(local.id);
    stats.applied++;
  } else {
    const shadowRec = shadow && !shadow.parked ? docToRecord({ _id: shadow.id, _rev: shadow.rev, ...shadow.body }, 'synced') : null;
    const { record, fields } = mergeRecords({ local, server, shadow: shadowRec, def, now: ctx.now(), mutationId: ctx.newId() });
    ws.put(table, record);
    ws.shadow({ id: local.id, rev: doc._rev!, body: bodyOf(doc) });
    totalsDelta(ws, def, local, record);
    logConflict(ws, ctx, table, local.id, 'merge', fields);
    ws.newAudits.push(
      auditRow(auditCtx(db, ctx), null, 'merge', {
        recordType: table,
        recordId: local.id,
        summary: `${local.serial ?? ''} सिंक मिलान / sync merge`.trim(),
        before: Object.fromEntries(fields.map((f) => [f.field, f.kept === 'server' ? f.local : f.server])),
        after: Object.fromEntries(fields.map((f) => [f.field, f.kept === 'server' ? f.server : f.local])),
      }),
    );
    stats.merged++;
  }
}

function landAudit(ws: Workset, stats: LandStats, remote: RemoteDoc, local: AuditRow | undefined): void {
  if (remote.missing) {
    if (local && local._rev !== null) ws.auditPuts.set(local.id, { ...local, _rev: null, syncState: 'dirty' });
    return;
  }
  if (remote.deleted) return; // audit rows are never removed here
  const doc = remote.doc!;
  if (local && local._rev === doc._rev) return stats.skipped++, undefined;
  // Audit rows never change after they are written: the hub's copy and ours are the same row.
  ws.auditPuts.set(doc._id, local ? { ...local, _rev: doc._rev ?? null, syncState: 'synced' } : docToAudit(doc, 'synced'));
  stats.applied++;
}

function landSetting(
  ws: Workset,
  stats: LandStats,
  ctx: ApplyContext,
  setting: SettingDocType,
  remote: RemoteDoc,
  localValue: unknown,
  shadow: ShadowRow | undefined,
): void {
  if (ctx.mode === 'district') {
    if (!remote.deleted && remote.doc) {
      ws.settingPuts.set(remote.id, remote.doc.value);
      stats.applied++;
    }
    return;
  }
  if (remote.missing || remote.deleted) {
    if (shadow) ws.dropShadow(remote.id); // pushed again as new
    return;
  }
  const doc = remote.doc!;
  if (shadow && shadow.rev === doc._rev) return stats.skipped++, undefined;
  const remoteValue = doc.value as Record<string, unknown> | undefined;
  if (setting === 'profile' && (remoteValue as { thanaCode?: string } | undefined)?.thanaCode !== ctx.thana) return stats.skipped++, undefined;
  const baseValue = shadow?.body.value as Record<string, unknown> | undefined;
  ws.shadow({ id: remote.id, rev: doc._rev!, body: bodyOf(doc) });
  stats.applied++;
  if (localValue === undefined || sameValue(localValue, baseValue) || baseValue === undefined && sameValue(localValue, remoteValue)) {
    if (!sameValue(localValue, remoteValue)) {
      ws.settingPuts.set(setting, remoteValue);
      stats.settingsChanged = true;
    }
    return;
  }
  if (sameValue(localValue, remoteValue)) return;
  // Changed here and on the hub: field by field, the hub's value wins a clash; ours is logged.
  const { value, fields } = mergeValues(baseValue ?? {}, localValue as Record<string, unknown>, remoteValue ?? {});
  ws.settingPuts.set(setting, value);
  stats.settingsChanged = true;
  stats.merged++;
  logConflict(ws, ctx, 'settings', remote.id, 'merge', fields);
}

/**
 * Land hub documents on the local rows. Call INSIDE a transaction over {@link syncTables}.
 * Idempotent: landing the same documents twice changes nothing the second time.
 */
export async function landDocs(db: StationDb, remotes: RemoteDoc[], ctx: ApplyContext): Promise<LandStats> {
  const stats = emptyStats();
  const ws = new Workset();
  // The last word per id wins within a batch (a replayed feed may repeat rows).
  const byId = new Map<string, RemoteDoc>();
  for (const r of remotes) byId.set(r.id, r);
  const groups = new Map<string, RemoteDoc[]>();
  const shadowIds: string[] = [];
  const settingKinds = new Map<string, SettingDocType>();
  for (const r of byId.values()) {
    const k = classify(r.id);
    let group: string;
    if (k.kind === 'register') group = k.table;
    else if (k.kind === 'audit') group = 'audit';
    else if (k.kind === 'setting') {
      group = 'settings';
      settingKinds.set(r.id, k.setting);
      shadowIds.push(r.id);
    } else if (k.kind === 'unknown' && r.doc && !r.deleted) {
      // A type this version does not know (a newer app wrote it): kept whole, never dropped.
      if (ctx.mode === 'district' || k.thana === ctx.thana) ws.shadow({ id: r.id, rev: r.doc._rev!, body: bodyOf(r.doc), parked: true });
      continue;
    } else continue; // design and meta documents are the hub's own
    if (ctx.mode === 'station' && k.thana !== ctx.thana) continue;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(r);
  }

  const locals = new Map<string, Map<string, StoredRecord>>();
  for (const t of REGISTER_TABLES) {
    const list = groups.get(t);
    if (!list?.length) continue;
    const rows = await db.registerTable(t).where(':id').anyOf(list.map((r) => r.id)).toArray();
    const m = new Map(rows.map((row) => [row.id, row]));
    locals.set(t, m);
    // Shadows matter only where a local row exists and differs from the hub's revision.
    for (const r of list) {
      const l = m.get(r.id);
      if (l && l._rev !== r.rev) shadowIds.push(r.id);
    }
  }
  const shadows = new Map<string, ShadowRow>();
  if (shadowIds.length) for (const s of await db.shadows.bulkGet(shadowIds)) if (s) shadows.set(s.id, s);

  for (const t of REGISTER_TABLES) {
    for (const r of groups.get(t) ?? []) landRegister(db, ws, stats, ctx, t, r, locals.get(t)!.get(r.id), shadows.get(r.id));
  }
  const auditList = groups.get('audit');
  if (auditList?.length) {
    const rows = await db.audit.where(':id').anyOf(auditList.map((r) => r.id)).toArray();
    const m = new Map(rows.map((row) => [row.id, row]));
    for (const r of auditList) landAudit(ws, stats, r, m.get(r.id));
  }
  for (const r of groups.get('settings') ?? []) {
    const setting = settingKinds.get(r.id)!;
    const key = ctx.mode === 'district' ? r.id : setting;
    const local = ws.settingPuts.has(key) ? ws.settingPuts.get(key) : (await db.settings.get(key))?.value;
    landSetting(ws, stats, ctx, setting, r, local, shadows.get(r.id));
  }
  await ws.flush(db);
  return stats;
}

/** Pull one batch: land it and move the checkpoint in the SAME transaction (reference/sync.md C2). */
export async function applyPullBatch(
  db: StationDb,
  remotes: RemoteDoc[],
  checkpoint: Checkpoint,
  ctx: ApplyContext,
  /** Test hook: runs last inside the transaction (a throw here must leave no trace). */
  beforeCommit?: () => void,
): Promise<LandStats> {
  return db.transaction('rw', syncTables(db), async () => {
    const stats = await landDocs(db, remotes, ctx);
    await writeMeta(db, CHECKPOINT_KEY, checkpoint);
    beforeCommit?.();
    return stats;
  });
}

/** Land the hub's current versions of documents whose push got a 409. */
export async function applyServerVersions(db: StationDb, remotes: RemoteDoc[], ctx: ApplyContext): Promise<LandStats> {
  return db.transaction('rw', syncTables(db), () => landDocs(db, remotes, ctx));
}

// ---------------------------------------------------------------------------------------------
// The outbox

/** A document on its way to the hub, with what it looked like when it was read. */
export interface Outgoing {
  id: string;
  /** Register table, 'audit' or 'settings'. */
  table: string;
  doc: HubDoc;
  /** mutationId:version of the row (or the stable JSON of a setting's value) at read time. */
  snapshot: string;
}

function rowSnapshot(r: { mutationId?: string; version?: number }): string {
  return `${r.mutationId ?? ''}:${r.version ?? 0}`;
}

function dirtyRange(table: Table, index: string) {
  return table.where(index).between(['dirty', Dexie.minKey], ['dirty', Dexie.maxKey]);
}

/** Entries waiting to go: indexed counts on [syncState+updatedAt] (audit: [syncState+at]). */
export async function countWaiting(db: StationDb): Promise<number> {
  let n = 0;
  for (const t of REGISTER_TABLES) n += await dirtyRange(db.registerTable(t), '[syncState+updatedAt]').count();
  n += await dirtyRange(db.audit, '[syncState+at]').count();
  return n;
}

export async function countRejected(db: StationDb): Promise<number> {
  return db.syncRejects.count();
}

/** Calls back with the number of entries waiting to go whenever it may have changed; returns stop(). */
export function watchWaiting(db: StationDb, cb: (n: number) => void): () => void {
  const sub = liveQuery(() => countWaiting(db)).subscribe({ next: cb, error: () => undefined });
  return () => sub.unsubscribe();
}

export async function listRejects(db: StationDb, limit = 200): Promise<SyncRejectRow[]> {
  return db.syncRejects.orderBy('at').reverse().limit(limit).toArray();
}

export async function listConflicts(db: StationDb, limit = 50): Promise<SyncConflictRow[]> {
  return db.syncConflicts.orderBy('at').reverse().limit(limit).toArray();
}

export interface OutboxOptions {
  limit: number;
  maxBytes: number;
  /** Ids already finished (or given up) in this session. */
  skip: Set<string>;
  maxDocBytes: number;
}

/**
 * The next push batch: dirty register rows, dirty audit rows, and changed thana settings.
 * Rows that can never be accepted (another thana's id, too large) are marked rejected here,
 * without a request.
 */
export async function collectOutgoing(db: StationDb, ctx: ApplyContext, o: OutboxOptions): Promise<Outgoing[]> {
  const out: Outgoing[] = [];
  let bytes = 0;
  const localRejects: { out: Outgoing; error: string; reason: string }[] = [];
  const full = () => out.length >= o.limit || bytes >= o.maxBytes;
  const consider = (item: Outgoing): void => {
    const size = jsonSize(item.doc);
    if (!item.id.startsWith(`${ctx.thana}:`) || (item.doc.thana !== undefined && item.doc.thana !== ctx.thana)) {
      localRejects.push({ out: item, error: 'local', reason: `not of thana ${ctx.thana}` });
    } else if (size > o.maxDocBytes) {
      localRejects.push({ out: item, error: 'too-large', reason: `${size} bytes` });
    } else if (out.length === 0 || bytes + size <= o.maxBytes) {
      out.push(item);
      bytes += size;
    } else {
      bytes = o.maxBytes; // the batch is full
    }
  };
  // Thana settings first: small, and the district reads thana names and targets from them.
  for (const setting of Object.keys(SETTING_DOCS) as SettingDocType[]) {
    if (full()) break;
    const id = settingDocId(ctx.thana, setting);
    if (o.skip.has(id)) continue;
    const value = (await db.settings.get(setting))?.value;
    if (value === undefined || value === null) continue;
    const shadow = await db.shadows.get(id);
    if (shadow && sameValue(shadow.body.value, value)) continue;
    const rejected = await db.syncRejects.get(id);
    if (rejected && sameValue((rejected.body as { value?: unknown } | null)?.value, value)) continue;
    consider({ id, table: 'settings', doc: settingToDoc(ctx.thana, setting, value, ctx.newId(), shadow?.rev ?? null), snapshot: JSON.stringify(value) });
  }
  for (const t of REGISTER_TABLES) {
    if (full()) break;
    const rows = await dirtyRange(db.registerTable(t), '[syncState+updatedAt]')
      .filter((r) => !o.skip.has(r.id))
      .limit(o.limit - out.length)
      .toArray();
    for (const r of rows) if (!full()) consider({ id: r.id, table: t, doc: recordToDoc(r), snapshot: rowSnapshot(r) });
  }
  if (!full()) {
    const rows = await dirtyRange(db.audit, '[syncState+at]')
      .filter((r) => !o.skip.has(r.id))
      .limit(o.limit - out.length)
      .toArray();
    for (const r of rows) if (!full()) consider({ id: r.id, table: 'audit', doc: auditToDoc(r), snapshot: r.id });
  }
  if (localRejects.length) await applyPushResults(db, [], localRejects, ctx);
  for (const r of localRejects) o.skip.add(r.out.id);
  return out;
}

/**
 * The hub accepted (`ok`) or refused (`rejects`) these documents. An accepted row becomes synced
 * only if nobody changed it while the request was away; otherwise it stays dirty on the new revision.
 */
export async function applyPushResults(
  db: StationDb,
  ok: { out: Outgoing; rev: string }[],
  rejects: { out: Outgoing; error: string; reason: string }[],
  ctx: ApplyContext,
): Promise<{ synced: number; stillDirty: number }> {
  let synced = 0;
  let stillDirty = 0;
  await db.transaction('rw', syncTables(db), async () => {
    for (const { out, rev } of ok) {
      if (out.table === 'settings') {
        await db.shadows.put({ id: out.id, rev, body: bodyOf(out.doc) });
        await db.syncRejects.delete(out.id);
        synced++;
        continue;
      }
      const table = db.table(out.table) as Table<StoredRecord | AuditRow, string>;
      const row = await table.get(out.id);
      if (!row) continue;
      const unchanged = out.table === 'audit' || rowSnapshot(row as StoredRecord) === out.snapshot;
      await table.put({ ...row, _rev: rev, syncState: unchanged ? 'synced' : 'dirty' } as StoredRecord & AuditRow);
      await db.shadows.delete(out.id);
      await db.syncRejects.delete(out.id);
      if (unchanged) synced++;
      else stillDirty++;
    }
    const at = ctx.now().toISOString();
    for (const { out, error, reason } of rejects) {
      const reject: SyncRejectRow = { id: out.id, table: out.table, at, error, reason, body: bodyOf(out.doc) };
      await db.syncRejects.put(reject);
      if (out.table === 'settings') continue;
      const table = db.table(out.table) as Table<StoredRecord | AuditRow, string>;
      const row = await table.get(out.id);
      // Only the version that was refused is marked; a newer edit gets its own chance.
      if (row && (out.table === 'audit' || rowSnapshot(row as StoredRecord) === out.snapshot))
        await table.put({ ...row, syncState: 'rejected' } as StoredRecord & AuditRow);
    }
  });
  return { synced, stillDirty };
}

/** The user asks to send refused entries again (after the hub or the entry was fixed). */
export async function requeueRejected(db: StationDb, ids?: string[]): Promise<number> {
  return db.transaction('rw', syncTables(db), async () => {
    const rejects = ids ? (await db.syncRejects.bulkGet(ids)).filter((r): r is SyncRejectRow => !!r) : await db.syncRejects.toArray();
    for (const r of rejects) {
      if (r.table !== 'settings') {
        const table = db.table(r.table) as Table<StoredRecord | AuditRow, string>;
        const row = await table.get(r.id);
        if (row && row.syncState === 'rejected') await table.put({ ...row, syncState: 'dirty' } as StoredRecord & AuditRow);
      }
      await db.syncRejects.delete(r.id);
    }
    return rejects.length;
  });
}

// ---------------------------------------------------------------------------------------------
// A hub that was recreated or restored

/** Ids and revisions of rows the hub is believed to have, a page at a time (keyset on id). */
export async function pageHubKnown(db: StationDb, table: string, after: string, limit: number): Promise<{ id: string; rev: string }[]> {
  const t = db.table(table) as Table<{ id: string; _rev: string | null }, string>;
  const rows = await (after ? t.where(':id').above(after) : t.toCollection()).limit(limit).toArray();
  return rows.map((r) => ({ id: r.id, rev: r._rev ?? '' }));
}

/** The hub lacks these: they become dirty with no base revision, so the next push sends them. */
export async function markMissingOnHub(db: StationDb, table: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  return db.transaction('rw', syncTables(db), async () => {
    const t = db.table(table) as Table<StoredRecord | AuditRow, string>;
    const rows = (await t.bulkGet(ids)).filter((r): r is StoredRecord | AuditRow => !!r);
    await t.bulkPut(rows.map((r) => ({ ...r, _rev: null, syncState: r.syncState === 'rejected' ? 'rejected' : 'dirty' }) as StoredRecord & AuditRow));
    await db.shadows.bulkDelete(ids);
    return rows.length;
  });
}

/** After a reset the settings documents are offered again (the hub may lack them). */
export async function forgetSettingShadows(db: StationDb, thana: string): Promise<void> {
  await db.shadows.bulkDelete((Object.keys(SETTING_DOCS) as SettingDocType[]).map((s) => settingDocId(thana, s)));
}

export { Dexie };
