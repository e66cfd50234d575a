/**
 * Landing hub documents on the station's rows (pull batches and the hub's answers to a 409), each
 * batch in ONE transaction with its totals, shadows, lists, quarantine and checkpoint. The
 * decisions are in src/sync/: versions.ts (what counts as a new version), merge.ts (how two
 * versions merge), validity.ts (what can be accepted, what must be reviewed).
 */
import Dexie, { type Table } from 'dexie';
import type { Issue } from '@/domain/bilingual';
import { istDate } from '@/domain/dates';
import type { StoredRecord, SyncedRecord } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { bodyOf, classify, docToAudit, docToRecord, sameValue, type HubDoc, type SettingDocType } from '@/sync/doc';
import { SYNC_MARKER_TYPE } from '@/sync/districtViews';
import { mergeRecords, mergeValues, relate, type MergedField } from '@/sync/merge';
import { checkRegisterDoc, refuseAuditDoc, refuseSettingDoc, rederive, type Refusal, type Rederived } from '@/sync/validity';
import { timeSlicer } from '@/domain/timeslice';
import { hubMutationId, hubUserOf, hubVersion, unrecordedChanges, withVersion } from '@/sync/versions';
import type { StationContext } from './context';
import { auditRow, contributions } from './repository';
import { REGISTER_TABLES, type AuditRow, type RegisterTable, type ShadowRow, type StationDb, type SuspectRow } from './schema';
import type { PullKeys } from './sync-keys';
import { CHECKPOINT_KEY, readMeta, writeMeta, type Checkpoint } from './sync-meta';
import { PENDING_LEAVES_KEY, syncTables, Workset } from './sync-workset';
import { docToSuspect } from './registry';
import { withSync } from './sync-state';
import { planSuspectBodies, SUSPECT_TYPE } from '@/domain/registry/suspects';

/** A hub document as the replicator hands it over: from `_changes`, or `_all_docs` after a 409. */
export interface RemoteDoc {
  id: string;
  rev: string | null;
  deleted: boolean;
  doc: HubDoc | null;
  /** `_all_docs` said not_found: the hub has never had it. */
  missing?: boolean;
  /** What landing needs from the document alone, worked out before the batch's transaction (`prepareLanding`). */
  prep?: PreparedDoc;
}

/**
 * The part of landing a register document that depends on the document alone, not on this PC's
 * rows: can it be accepted, and the record it becomes with its derived fields recomputed and its
 * rules checked (one run of the register's validation for both). Worked out for the next batch
 * while the previous one is written, in time slices, so a batch's transaction holds only the
 * comparisons with local rows and the writes.
 */
export interface PreparedDoc {
  /** The document and the day it was prepared for (landing prepares again if either differs). */
  doc: HubDoc;
  today: string;
  refusal: Refusal | null;
  /** The body as a record, as the hub holds it. */
  raw?: SyncedRecord;
  /** `raw` re-derived from the register (station mode). */
  rd?: Rederived;
}

export interface ApplyContext {
  /** The station's thana code; '' in district mode. */
  thana: string;
  mode: 'station' | 'district';
  defs: (type: string) => RegisterDef | undefined;
  now: () => Date;
  newId: () => string;
  /** The pull session's unique keys (db/sync-keys.ts); without it each key is looked up in the index. */
  uniqueKeys?: PullKeys;
}

export interface LandStats {
  applied: number;
  skipped: number;
  merged: number;
  /** District mode: entries removed because the hub deleted them. */
  removed: number;
  /** Station mode: entries deleted on the hub, kept here and listed for the in-charge. */
  hubDeleted: number;
  /** Hub versions with changes no version explained (another tool's edit), written down as 'hub' versions. */
  hubEdits: number;
  quarantined: number;
  settingsChanged: boolean;
  /** Ids whose hub version has conflict leaves not yet folded: for the resolver. */
  conflicted: string[];
}

function emptyStats(): LandStats {
  return { applied: 0, skipped: 0, merged: 0, removed: 0, hubDeleted: 0, hubEdits: 0, quarantined: 0, settingsChanged: false, conflicted: [] };
}

/** Per-batch state of landing: the workset plus what the review lists need at the end. */
interface Landing {
  db: StationDb;
  ws: Workset;
  stats: LandStats;
  ctx: ApplyContext;
  today: string;
  /** Ids of the review/deleted lists as they stood before the batch (to clear only what exists). */
  listed: Set<string>;
  /** Register rules broken by records landed in this batch. */
  problems: Map<string, { table: string; problems: Issue[]; fields: MergedField[] }>;
  /** Records landed in this batch (their review row is cleared unless they still break a rule). */
  landed: Map<string, string>;
  /** Records merged here in this batch: their suspect-registry entries are re-derived (db/registry.ts). */
  merged: Set<string>;
}

function auditCtx(l: Landing): StationContext {
  return { db: l.db, thana: l.ctx.thana, pcSeries: '', now: l.ctx.now, settings: () => ({}) };
}

function logConflict(l: Landing, table: string, recordId: string, kind: string, fields: MergedField[]): void {
  l.ws.conflicts.push({ id: l.ctx.newId(), recordId, table, at: l.ctx.now().toISOString(), kind, fields });
}

function quarantine(l: Landing, remote: RemoteDoc, refusal: Refusal): void {
  l.ws.quarantine.set(remote.id, { id: remote.id, rev: remote.rev, at: l.ctx.now().toISOString(), reason: refusal.reason, detail: refusal.detail, body: remote.doc });
  l.stats.quarantined++;
}

/** Keep the totals right when `after` replaces `before` (either may be absent). */
function totalsDelta(ws: Workset, def: RegisterDef | undefined, before: StoredRecord | undefined, after: StoredRecord | undefined): void {
  if (!def?.totals) return;
  const minus = contributions(def, before);
  const plus = contributions(def, after);
  ws.addTotals(minus, -1);
  ws.addTotals(plus, 1);
}

function landed(l: Landing, table: string, rec: StoredRecord, problems: Issue[] = [], fields: MergedField[] = []): void {
  l.landed.set(rec.id, table);
  if (problems.length) l.problems.set(rec.id, { table, problems, fields });
  else l.problems.delete(rec.id);
}

function prepareDoc(doc: HubDoc, def: RegisterDef | undefined, today: string, mode: ApplyContext['mode']): PreparedDoc {
  const { refusal, validated } = checkRegisterDoc(doc, def, today);
  if (refusal) return { doc, today, refusal };
  const raw = docToRecord(doc, 'synced');
  return { doc, today, refusal, raw, rd: mode === 'station' ? rederive(def, raw, today, validated) : undefined };
}

/**
 * Work out what landing needs from each register document alone (`RemoteDoc.prep`), outside any
 * transaction and in time slices (no long task). Landing works it out itself for a document
 * without it, so this only moves work earlier; a document whose preparation throws is left
 * without, and landing quarantines it as it would.
 */
export async function prepareLanding(remotes: RemoteDoc[], ctx: ApplyContext): Promise<void> {
  const today = istDate(ctx.now());
  const slicer = timeSlicer();
  for (const r of remotes) {
    if (slicer.due()) await slicer.pause();
    if (!r.doc || r.deleted || r.missing) continue;
    const k = classify(r.id);
    if (k.kind !== 'register' || (ctx.mode === 'station' && k.thana !== ctx.thana)) continue;
    try {
      r.prep = prepareDoc(r.doc, ctx.defs(k.table), today, ctx.mode);
    } catch {
      r.prep = undefined;
    }
  }
}

/** A hub tombstone for an entry: it is never erased here (design §3.14). */
function landTombstone(l: Landing, table: RegisterTable, remote: RemoteDoc, local: SyncedRecord | undefined, shadow: ShadowRow | undefined): void {
  const { ws, stats, ctx } = l;
  if (!local) {
    if (shadow) ws.dropShadow(remote.id);
    return;
  }
  if (local._rev === remote.rev) return void stats.skipped++;
  if (ctx.mode === 'district') {
    // The district copy mirrors the hub.
    ws.remove(table, local.id);
    totalsDelta(ws, ctx.defs(table), local, undefined);
    stats.removed++;
    return;
  }
  if (local.history.some((h) => h.mutationId === hubMutationId(remote.rev, 'delete'))) return void stats.skipped++;
  const kept = withVersion(local, hubVersion(local, 'delete', null, [], remote.rev));
  // Edited here meanwhile: the edit goes to the hub and brings the entry back there. Otherwise it
  // waits for the in-charge: cancel it (निरस्त) with a reason, or send it back to the hub.
  ws.put(table, { ...kept, _rev: remote.rev, syncState: local.syncState === 'dirty' ? 'dirty' : 'conflict' });
  ws.list({ id: `deleted:${local.id}`, recordId: local.id, table, at: ctx.now().toISOString(), kind: 'hub-deleted', fields: [], by: null });
  l.listed.add(`deleted:${local.id}`);
  stats.hubDeleted++;
}

function landRegister(l: Landing, table: RegisterTable, remote: RemoteDoc, local: SyncedRecord | undefined, shadow: ShadowRow | undefined): void {
  const { ws, stats, ctx } = l;
  const def = ctx.defs(table);
  if (remote.missing) {
    // The hub never had it (or lost it): send it again as new.
    if (local && local._rev !== null) ws.put(table, { ...local, _rev: null, syncState: local.syncState === 'rejected' ? 'rejected' : 'dirty' });
    return;
  }
  if (remote.deleted) return landTombstone(l, table, remote, local, shadow);
  const doc = remote.doc!;
  if (local && local._rev === doc._rev) {
    ws.accepted.add(doc._id);
    return void stats.skipped++; // the echo of our own push
  }
  const prep = remote.prep?.doc === doc && remote.prep.today === l.today ? remote.prep : prepareDoc(doc, def, l.today, ctx.mode);
  if (prep.refusal) return quarantine(l, remote, prep.refusal);
  ws.accepted.add(doc._id);
  if (ctx.mode === 'district') {
    // The district copy mirrors the hub: it never edits, so the hub's version simply replaces it.
    const server = prep.raw!;
    ws.put(table, server);
    totalsDelta(ws, def, local, server);
    stats.applied++;
    return;
  }
  const folded = Array.isArray(doc.foldedRevs) ? (doc.foldedRevs as string[]) : [];
  if ((doc._conflicts ?? []).some((r) => !folded.includes(r))) {
    // Conflict leaves not folded yet: the resolver reads every leaf and lands the result once.
    ws.pendingLeaves.add(doc._id);
    stats.conflicted.push(doc._id);
    return;
  }
  // What the body holds beyond what its history explains was changed on the hub by another tool.
  const raw = prep.raw!;
  const unrecorded = unrecordedChanges(raw, local && local.syncState !== 'rejected' ? local : undefined, def);
  const rd = prep.rd ?? rederive(def, raw, l.today);
  let server = rd.record;
  if (unrecorded.length || rd.fixes.length) {
    const changes = [...unrecorded, ...rd.fixes.filter((f) => !unrecorded.some((u) => u.field === f.field))];
    server = { ...withVersion(server, hubVersion(raw, 'edit', hubUserOf(doc), changes, doc._rev ?? null)), syncState: 'dirty' };
    stats.hubEdits++;
  }
  if (!local || local.syncState === 'rejected') {
    // New here, or our refused version (kept whole in syncRejects): the hub's version is the one to show.
    ws.put(table, server);
    if (local) ws.dropShadow(local.id);
    totalsDelta(ws, def, local, server);
    landed(l, table, server, rd.problems);
    stats.applied++;
    return;
  }
  const rel = relate(local, server);
  if (rel === 'same') {
    // Our own write, whose answer was lost: it is on the hub.
    ws.put(table, { ...local, _rev: doc._rev ?? null, syncState: 'synced' });
    ws.dropShadow(local.id);
    if (l.listed.has(`deleted:${local.id}`)) ws.unlist(`deleted:${local.id}`);
    landed(l, table, local, rd.problems);
    stats.applied++;
  } else if (rel === 'server-ahead') {
    ws.put(table, server);
    ws.dropShadow(local.id);
    if (l.listed.has(`deleted:${local.id}`)) ws.unlist(`deleted:${local.id}`);
    totalsDelta(ws, def, local, server);
    landed(l, table, server, rd.problems);
    stats.applied++;
  } else if (rel === 'local-ahead') {
    // The hub has an older version of ours: keep ours, based on the hub's revision, and send it.
    ws.put(table, { ...local, _rev: doc._rev ?? null, syncState: local.syncState === 'conflict' ? 'conflict' : 'dirty' });
    ws.dropShadow(local.id);
    stats.applied++;
  } else {
    const shadowRec = shadow ? docToRecord({ _id: shadow.id, _rev: shadow.rev, ...shadow.body }, 'synced') : null;
    const { record, fields, problems } = mergeRecords({ local, server, shadow: shadowRec, def, now: ctx.now(), mutationId: ctx.newId(), today: l.today });
    ws.put(table, record);
    ws.shadow({ id: local.id, rev: doc._rev!, body: bodyOf(doc) });
    totalsDelta(ws, def, local, record);
    logConflict(l, table, local.id, 'merge', fields);
    landed(l, table, record, problems, fields);
    if (fields.length)
      ws.newAudits.push(
        auditRow(auditCtx(l), null, 'merge', {
          recordType: table,
          recordId: local.id,
          summary: `${local.serial ?? ''} सिंक मिलान / sync merge`.trim(),
          before: Object.fromEntries(fields.map((f) => [f.field, f.kept === 'server' ? f.local : f.server])),
          after: Object.fromEntries(fields.map((f) => [f.field, record.data[f.field]])),
        }),
      );
    l.merged.add(local.id);
    stats.merged++;
  }
}

function landAudit(l: Landing, remote: RemoteDoc, local: AuditRow | undefined): void {
  const { ws, stats } = l;
  if (remote.missing) {
    if (local && local._rev !== null) ws.auditPuts.set(local.id, { ...local, _rev: null, syncState: 'dirty' });
    return;
  }
  if (remote.deleted) return; // audit rows are never removed here
  const doc = remote.doc!;
  if (local && local._rev === doc._rev) return void stats.skipped++;
  const refusal = refuseAuditDoc(doc);
  if (refusal) return quarantine(l, remote, refusal);
  ws.accepted.add(doc._id);
  // Audit rows never change after they are written: the hub's copy and ours are the same row.
  ws.auditPuts.set(doc._id, local ? { ...local, _rev: doc._rev ?? null, syncState: 'synced' } : docToAudit(doc, 'synced'));
  stats.applied++;
}

/**
 * A merged complaint may hold other identifiers than either PC wrote entries for: its entries are
 * planned again from the merged record (new ones added, ones no longer in it withdrawn), dirty, so
 * the registry never keeps an identifier the complaint lost in the merge.
 */
async function rederiveSuspects(l: Landing, recs: StoredRecord[]): Promise<void> {
  const stored = await l.db.suspect.where('complaintId').anyOf(recs.map((r) => r.id)).toArray();
  const current = new Map(stored.map((s) => [s.id, s]));
  for (const s of l.ws.suspectPuts.values()) current.set(s.id, s);
  const at = l.ctx.now().toISOString();
  for (const rec of recs) {
    const mine = [...current.values()].filter((s) => s.complaintId === rec.id);
    for (const b of planSuspectBodies(rec, mine, at, l.ctx.newId)) l.ws.suspectPuts.set(b.id, { ...b, _rev: current.get(b.id)?._rev ?? null, syncState: 'dirty' });
  }
}

/**
 * A suspect-registry entry of this thana (written by this PC or the thana's other PC). It is derived
 * from a complaint, so a PC that changed it since (dirty) keeps its own content on the hub's revision
 * and sends it again; otherwise the hub's version is taken. A hub deletion removes nothing here.
 */
function landSuspect(l: Landing, remote: RemoteDoc, local: SuspectRow | undefined): void {
  const { ws, stats } = l;
  if (remote.missing) {
    if (local && local._rev !== null) ws.suspectPuts.set(local.id, { ...local, _rev: null, syncState: local.syncState === 'rejected' ? 'rejected' : 'dirty' });
    return;
  }
  if (remote.deleted) return;
  const doc = remote.doc!;
  if (local && local._rev === doc._rev) return void stats.skipped++;
  const row = docToSuspect(doc, 'synced');
  if (!row.key || !row.complaintId.startsWith(`${l.ctx.thana}:complaint:`))
    return quarantine(l, remote, { reason: 'shape', detail: 'suspect entry without key or complaintId' });
  ws.accepted.add(doc._id);
  ws.suspectPuts.set(doc._id, local && local.syncState === 'dirty' ? { ...local, _rev: doc._rev ?? null } : row);
  stats.applied++;
}

function landSetting(l: Landing, setting: SettingDocType, remote: RemoteDoc, localValue: unknown, shadow: ShadowRow | undefined): void {
  const { ws, stats, ctx } = l;
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
  if (shadow && shadow.rev === doc._rev) return void stats.skipped++;
  const refusal = refuseSettingDoc(doc);
  if (refusal) return quarantine(l, remote, refusal);
  ws.accepted.add(doc._id);
  const remoteValue = doc.value as Record<string, unknown> | undefined;
  if (setting === 'profile' && (remoteValue as { thanaCode?: string } | undefined)?.thanaCode !== ctx.thana) return void stats.skipped++;
  const baseValue = shadow?.body.value as Record<string, unknown> | undefined;
  ws.shadow({ id: remote.id, rev: doc._rev!, body: bodyOf(doc) });
  stats.applied++;
  if (localValue === undefined || sameValue(localValue, baseValue) || (baseValue === undefined && sameValue(localValue, remoteValue))) {
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
  logConflict(l, 'settings', remote.id, 'merge', fields);
}

/**
 * Lookup keys a register keeps unique among live entries (a Mitan's mobile): after landing, two
 * live entries sharing one are both listed for review — sync never cancels either by itself.
 */
async function checkUnique(l: Landing): Promise<void> {
  for (const [table, rows] of l.ws.puts) {
    const def = l.ctx.defs(table);
    const prefixes = def?.uniqueKeys ?? [];
    if (!prefixes.length || !rows.size) continue;
    const keys = new Set<string>();
    for (const r of rows.values()) if (!r.cancelled) for (const k of r.keys ?? []) if (prefixes.some((p) => k.startsWith(p))) keys.add(k);
    const session = l.ctx.uniqueKeys;
    if (!keys.size) {
      session?.add(table, prefixes, rows.values());
      continue;
    }
    // The ids that may hold each key: from the pull session's set, or one index request per key
    // (all at once; anyOf would walk a cursor). Then the rows of those not in this batch, read
    // here (usually none): only what they hold now counts.
    const known = session ? await session.holders(l.db, table, prefixes, keys) : null;
    const holders = known ? [...known.values()] : await Promise.all([...keys].map((k) => l.db.registerTable(table).where('keys').equals(k).primaryKeys()));
    session?.add(table, prefixes, rows.values());
    const others = [...new Set(holders.flat())].filter((id) => !rows.has(id));
    const current = new Map<string, StoredRecord>();
    if (others.length) for (const r of await l.db.registerTable(table).bulkGet(others)) if (r) current.set(r.id, r);
    for (const r of rows.values()) current.set(r.id, r);
    const byKey = new Map<string, StoredRecord[]>();
    for (const r of current.values()) {
      if (r.cancelled) continue;
      for (const k of r.keys ?? []) if (keys.has(k)) byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    for (const [key, group] of byKey) {
      if (group.length < 2) continue;
      const what = key.slice(key.indexOf(':') + 1);
      for (const r of group) {
        const others = group.filter((o) => o.id !== r.id).map((o) => o.serial ?? o.id).join(', ');
        const issue: Issue = {
          field: key.slice(0, key.indexOf(':')),
          code: 'duplicate',
          severity: 'error',
          message: { hi: `"${what}" एक और जीवित प्रविष्टि (${others}) में भी है; एक को सुधारें या निरस्त करें`, en: `"${what}" is also on another live entry (${others}); correct or cancel one of them` },
        };
        const have = l.problems.get(r.id);
        l.landed.set(r.id, table);
        l.problems.set(r.id, { table, problems: [...(have?.problems ?? []), issue], fields: have?.fields ?? [] });
      }
    }
  }
}

/** The review list after a batch: a row per record that breaks a rule, cleared when it no longer does. */
function writeReviews(l: Landing): void {
  const at = l.ctx.now().toISOString();
  for (const [recordId, table] of l.landed) {
    const id = `review:${recordId}`;
    const p = l.problems.get(recordId);
    if (p) l.ws.list({ id, recordId, table, at, kind: 'review', fields: p.fields, problems: p.problems.map((i) => ({ field: i.field, message: i.message })) });
    else if (l.listed.has(id)) l.ws.unlist(id);
  }
}

function byKey<T extends { id: string }>(rows: (T | undefined)[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const row of rows) if (row) m.set(row.id, row);
  return m;
}

/**
 * The rows of these ids this PC holds. A page of a first pull is mostly ids this PC has never
 * seen, in a narrow range (ULIDs follow time, and a PC pushes in order): one key-only read of that
 * range (inside the batch's transaction, so it is exact) says which exist, and only those are read.
 * A range holding many other rows falls back to one read per id (bulkGet: all at once, where
 * anyOf would walk a cursor with a round trip per id).
 */
function heldRows<T extends { id: string }>(table: Table<T, string>, ids: string[]): PromiseLike<Map<string, T>> {
  // One chain of Dexie promises, no async wrapper: inside the transaction an await of a native
  // promise between requests lost the transaction's zone (PrematureCommitError).
  if (ids.length < 8) return table.bulkGet(ids).then((rows) => byKey(rows));
  const sorted = [...ids].sort();
  const cap = ids.length * 4;
  return table
    .where(':id')
    .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
    .limit(cap + 1)
    .primaryKeys()
    .then((present) => {
      if (present.length > cap) return table.bulkGet(ids).then((rows) => byKey(rows));
      const wanted = new Set(ids);
      const held = present.filter((id) => wanted.has(id));
      return held.length ? table.bulkGet(held).then((rows) => byKey(rows)) : new Map<string, T>();
    });
}

/** `heldRows` of a register table, each entry with its sync state beside it (db/sync-state.ts). */
function heldEntries(db: StationDb, table: RegisterTable, ids: string[]): PromiseLike<Map<string, SyncedRecord>> {
  return heldRows(db.registerTable(table), ids).then((m) => {
    if (!m.size) return new Map<string, SyncedRecord>();
    return db.syncStates.bulkGet([...m.keys()]).then((states) => {
      let i = 0;
      const out = new Map<string, SyncedRecord>();
      for (const [id, r] of m) out.set(id, withSync(r, states[i++]));
      return out;
    });
  });
}

/**
 * Land hub documents on the local rows. Call INSIDE a transaction over the sync tables.
 * Idempotent: landing the same documents twice changes nothing the second time.
 */
export async function landDocs(db: StationDb, remotes: RemoteDoc[], ctx: ApplyContext): Promise<LandStats> {
  const l: Landing = {
    db,
    ws: new Workset(),
    stats: emptyStats(),
    ctx,
    today: istDate(ctx.now()),
    listed: new Set(),
    problems: new Map(),
    landed: new Map(),
    merged: new Set(),
  };
  const { ws } = l;
  ctx.uniqueKeys?.ownTransaction(Dexie.currentTransaction?.idbtrans);
  // The last word per id wins within a batch (a replayed feed may repeat rows).
  const byId = new Map<string, RemoteDoc>();
  for (const r of remotes) byId.set(r.id, r);
  const groups = new Map<string, RemoteDoc[]>();
  const shadowIds: string[] = [];
  const settingKinds = new Map<string, SettingDocType>();
  for (const r of byId.values()) {
    const k = classify(r.id);
    let group: string;
    if (k.kind === 'design' || k.kind === 'meta') continue; // the hub's own
    if (k.kind === 'unknown' && k.type === SYNC_MARKER_TYPE) continue; // PCs' last-sync markers, for the district
    if (k.kind === 'unknown' && k.type === SUSPECT_TYPE && ctx.mode === 'district') continue; // registry entries: the registry database's
    if (ctx.mode === 'station' && k.thana !== ctx.thana) {
      if (r.doc && !r.deleted) quarantine(l, r, { reason: 'other-thana', detail: r.id });
      continue;
    }
    if (k.kind === 'register') group = k.table;
    else if (k.kind === 'audit') group = 'audit';
    else if (k.kind === 'unknown' && k.type === SUSPECT_TYPE) group = SUSPECT_TYPE;
    else if (k.kind === 'setting') {
      group = 'settings';
      settingKinds.set(r.id, k.setting);
      shadowIds.push(r.id);
    } else {
      // A type this version does not know (a newer app wrote it): kept whole in the quarantine.
      if (r.doc && !r.deleted) quarantine(l, r, { reason: 'unknown-type', detail: k.type });
      continue;
    }
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(r);
  }

  const locals = new Map<string, Map<string, SyncedRecord>>();
  for (const t of REGISTER_TABLES) {
    const list = groups.get(t);
    if (!list?.length) continue;
    const m = await heldEntries(db, t, list.map((r) => r.id));
    locals.set(t, m);
    // Shadows matter only where a local row exists and differs from the hub's revision.
    for (const r of list) {
      const local = m.get(r.id);
      if (local && local._rev !== r.rev) shadowIds.push(r.id);
    }
  }
  if (ctx.mode === 'station') {
    // Review and hub-deletion rows exist only for entries this PC holds: look up those of this
    // batch's entries (not every row of the lists, which would grow with each batch).
    const held = [...locals.values()].flatMap((m) => [...m.keys()]);
    const keys = held.flatMap((id) => [`review:${id}`, `deleted:${id}`]);
    if (keys.length) for (const row of await db.syncConflicts.bulkGet(keys)) if (row) l.listed.add(row.id);
  }
  const shadows = new Map<string, ShadowRow>();
  if (shadowIds.length) for (const s of await db.shadows.bulkGet(shadowIds)) if (s) shadows.set(s.id, s);

  for (const t of REGISTER_TABLES) {
    for (const r of groups.get(t) ?? []) {
      try {
        landRegister(l, t, r, locals.get(t)!.get(r.id), shadows.get(r.id));
      } catch (e) {
        // A fault in this app's code on one document: that document waits, the pull goes on.
        // (Totals are added last in landRegister, so taking back its row is all there is to undo.)
        ws.puts.get(t)?.delete(r.id);
        ws.accepted.delete(r.id);
        quarantine(l, r, { reason: 'error', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      }
    }
  }
  const auditList = groups.get('audit');
  if (auditList?.length) {
    const m = byKey(await db.audit.bulkGet(auditList.map((r) => r.id)));
    for (const r of auditList) landAudit(l, r, m.get(r.id));
  }
  const suspects = groups.get(SUSPECT_TYPE);
  if (suspects?.length) {
    const m = byKey(await db.suspect.bulkGet(suspects.map((r) => r.id)));
    for (const r of suspects) landSuspect(l, r, m.get(r.id));
  }
  for (const r of groups.get('settings') ?? []) {
    const setting = settingKinds.get(r.id)!;
    const key = ctx.mode === 'district' ? r.id : setting;
    const local = ws.settingPuts.has(key) ? ws.settingPuts.get(key) : (await db.settings.get(key))?.value;
    landSetting(l, setting, r, local, shadows.get(r.id));
  }
  if (ctx.mode === 'station') {
    // Awaited only when there is work: an await with no IndexedDB request in it, before any request
    // of the transaction, lets it commit early (PrematureCommitError, seen with fake-indexeddb).
    if (l.ws.puts.size) await checkUnique(l);
    const merged = [...l.merged].map((id) => l.ws.puts.get('complaint')?.get(id)).filter((r): r is SyncedRecord => !!r);
    if (merged.length) await rederiveSuspects(l, merged);
    writeReviews(l);
  }
  await ws.flush(db);
  return l.stats;
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

/** Land the hub's current versions of documents whose push got a 409 (or that the resolver settled). */
export async function applyServerVersions(db: StationDb, remotes: RemoteDoc[], ctx: ApplyContext): Promise<LandStats> {
  return db.transaction('rw', syncTables(db), () => landDocs(db, remotes, ctx));
}

/**
 * The resolver's results in one transaction: the folded documents it wrote land like any pulled
 * document, the fold is logged with what the record ended with, and the ids leave the list of
 * pending conflict leaves.
 */
export async function applyResolved(
  db: StationDb,
  remotes: RemoteDoc[],
  done: string[],
  logs: { recordId: string; table: string; fields: MergedField[] }[],
  ctx: ApplyContext,
): Promise<LandStats> {
  return db.transaction('rw', syncTables(db), async () => {
    const stats = await landDocs(db, remotes, ctx);
    const at = ctx.now().toISOString();
    if (logs.length) await db.syncConflicts.bulkAdd(logs.map((x) => ({ id: ctx.newId(), recordId: x.recordId, table: x.table, at, kind: 'leaves', fields: x.fields })));
    const have = (await readMeta<string[]>(db, PENDING_LEAVES_KEY)) ?? [];
    const landedNow = new Set(remotes.map((r) => r.id));
    const finished = new Set(done.filter((id) => landedNow.has(id) ? !stats.conflicted.includes(id) : true));
    await writeMeta(db, PENDING_LEAVES_KEY, have.filter((id) => !finished.has(id)));
    return stats;
  });
}

/** Quarantine rows of documents the hub no longer has. */
export async function dropQuarantine(db: StationDb, ids: string[]): Promise<void> {
  if (ids.length) await db.syncQuarantine.bulkDelete(ids);
}
