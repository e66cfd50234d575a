/**
 * Deterministic field-level three-way merge (reference/sync.md §7.5). Pure: no Dexie, no clock
 * except the `now` and `mutationId` handed in, so every PC that merges the same two versions keeps
 * the same values.
 *
 * Rules:
 * - a field changed on one side only is taken from that side;
 * - a field changed on both sides to different values keeps the HUB's value (the value that
 *   reached the hub first), unless a per-field policy says otherwise; the losing value is written
 *   into the merge version's `changes` (before = the losing value), so it stays readable and prints
 *   struck through like any correction;
 * - the history is the hub's history followed by the versions only this PC has (renumbered, so
 *   numbers strictly increase), plus one version of kind 'merge' when a clash was decided;
 * - computed fields (money totals, pending refund, …) are recomputed from the register, then the
 *   register's rules run: a merged record that breaks one is kept and listed for review;
 * - a cancellation on either side stands (it is a supervisor's act, never undone by sync);
 * - ordering never depends on a PC's clock.
 */
import type { Issue } from '@/domain/bilingual';
import { istDate } from '@/domain/dates';
import type { FieldChange, SyncedRecord, VersionEntry } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { sameValue } from './doc';
import { rederive } from './validity';
import { computedFields, contentKey, hubUserOf, hubVersion, sameContent, unrecordedChanges, withVersion } from './versions';

export interface MergedField {
  field: string;
  local: unknown;
  server: unknown;
  /** 'both': a row list merged row by row (see rowsUnion), neither side's rows lost. */
  kept: 'local' | 'server' | 'both';
}

/** How a local version relates to the hub's version of the same record, judged by their histories. */
export type Relation = 'same' | 'local-ahead' | 'server-ahead' | 'diverged';

function ids(rec: SyncedRecord): Set<string> {
  return new Set((rec.history ?? []).map((h) => h.mutationId));
}

/**
 * Same content = the same version, whatever the labels say. Otherwise the one whose history holds
 * every version of the other is ahead (equal histories with different content: the hub's body
 * stands, its unrecorded changes were already written down by `unrecordedChanges`).
 */
export function relate(local: SyncedRecord, server: SyncedRecord): Relation {
  if (sameContent(local, server)) return 'same';
  const l = ids(local);
  const s = ids(server);
  const within = (a: Set<string>, b: Set<string>) => [...a].every((m) => b.has(m));
  if (within(l, s)) return 'server-ahead';
  if (within(s, l)) return 'local-ahead';
  return 'diverged';
}

/**
 * The common ancestor's data. A shadow (the hub body this PC last merged against) is used when both
 * sides descend from it; otherwise the local data with every local-only version undone (exact for
 * plain corrections, which record each field's value before).
 */
export function baseData(local: SyncedRecord, server: SyncedRecord, shadow?: SyncedRecord | null): Record<string, unknown> {
  if (shadow && ids(local).has(shadow.mutationId) && ids(server).has(shadow.mutationId)) return { ...shadow.data };
  const serverIds = ids(server);
  const data: Record<string, unknown> = { ...local.data };
  const localOnly = (local.history ?? []).filter((h) => !serverIds.has(h.mutationId));
  if (localOnly.length === (local.history ?? []).length) return {}; // nothing in common: no base
  for (const h of [...localOnly].sort(byVersionDesc)) for (const c of h.changes) data[c.field] = c.before;
  return data;
}

function byVersion(a: VersionEntry, b: VersionEntry): number {
  return a.version - b.version || (a.mutationId < b.mutationId ? -1 : a.mutationId > b.mutationId ? 1 : 0);
}
function byVersionDesc(a: VersionEntry, b: VersionEntry): number {
  return -byVersion(a, b);
}

/** Chooses the side kept when both changed one field, or combines them (`{ merged }`). */
export type FieldPolicy = (local: unknown, server: unknown, base: unknown) => 'local' | 'server' | { merged: unknown };

const POLICIES = new Map<string, FieldPolicy>();

/**
 * A register may rank values instead of "the hub's value wins", e.g. a complaint status that only
 * moves forward: `registerMergePolicy('complaint', 'status', rankPolicy(['open', …, 'closed']))`.
 */
export function registerMergePolicy(type: string, field: string, policy: FieldPolicy): void {
  POLICIES.set(`${type}.${field}`, policy);
}

/**
 * Lists of rows (a complaint's transactions, holds, refunds): rows added on either PC are all
 * kept, rows removed on either PC stay removed; the hub's order first, then this PC's additions.
 * Two writers adding a hold each while offline must both find their hold after sync.
 */
export const rowsUnion: FieldPolicy = (local, server, base) => {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const key = (row: unknown) => JSON.stringify(row);
  const b = new Set(list(base).map(key));
  const l = new Set(list(local).map(key));
  const s = new Set(list(server).map(key));
  const removedHere = new Set([...b].filter((k) => !l.has(k)));
  const merged = list(server).filter((row) => !removedHere.has(key(row)));
  for (const row of list(local)) if (!s.has(key(row)) && !b.has(key(row))) merged.push(row);
  return { merged };
};

for (const field of ['transactions', 'holds', 'refunds']) POLICIES.set(`complaint.${field}`, rowsUnion);

/** Keeps the value later in `order`; values not in the list lose to listed ones; ties keep the hub's. */
export function rankPolicy(order: readonly unknown[]): FieldPolicy {
  return (l, s) => (order.indexOf(l) > order.indexOf(s) ? 'local' : 'server');
}

/** Three-way merge of two plain objects against a base. */
export function mergeValues(
  base: Record<string, unknown>,
  local: Record<string, unknown>,
  server: Record<string, unknown>,
  policyFor: (field: string) => FieldPolicy | undefined = () => undefined,
): { value: Record<string, unknown>; fields: MergedField[] } {
  const keys: string[] = [];
  for (const k of [...Object.keys(server), ...Object.keys(local), ...Object.keys(base)]) if (!keys.includes(k)) keys.push(k);
  const value: Record<string, unknown> = {};
  const fields: MergedField[] = [];
  for (const k of keys) {
    const b = base[k];
    const l = local[k];
    const s = server[k];
    let out: unknown;
    if (sameValue(l, s)) out = s;
    else if (sameValue(l, b)) out = s;
    else if (sameValue(s, b)) out = l;
    else {
      const decision = policyFor(k)?.(l, s, b) ?? 'server';
      if (typeof decision === 'object') {
        out = decision.merged;
        fields.push({ field: k, local: l ?? null, server: s ?? null, kept: 'both' });
      } else {
        out = decision === 'local' ? l : s;
        fields.push({ field: k, local: l ?? null, server: s ?? null, kept: decision });
      }
    }
    if (out !== undefined) value[k] = out;
  }
  return { value, fields };
}

export const SYNC_ACTOR = { by: 'sync', byName: 'सिंक (स्वचालित मिलान) / Sync merge', initials: 'सिंक' } as const;

export const MERGE_REASON = 'दो कंप्यूटरों के बदलाव मिलाए गए / Changes from two computers merged';

export interface MergeInput {
  local: SyncedRecord;
  server: SyncedRecord;
  /** The hub body this PC merged against last, if any. */
  shadow?: SyncedRecord | null;
  def?: RegisterDef;
  now: Date;
  /** The merge version's id, used only when the merge decided something (a clash). */
  mutationId: string;
  /** Today (IST) for the register's rules; default: the date of `now`. */
  today?: string;
}

export interface MergeResult {
  record: SyncedRecord;
  fields: MergedField[];
  /** Register rules the merged record breaks: it is kept, and listed for review. */
  problems: Issue[];
}

/**
 * The history of a merged record: the hub's history unchanged (it stays a prefix, so the hub sees
 * its history extended), then the versions only this side has, renumbered after the hub's, so
 * version numbers strictly increase.
 */
export function extendHistory(prefix: VersionEntry[], others: VersionEntry[]): VersionEntry[] {
  const have = new Set(prefix.map((h) => h.mutationId));
  let version = prefix.reduce((m, h) => Math.max(m, h.version), 0);
  const out = [...prefix];
  for (const h of [...others].filter((x) => !have.has(x.mutationId)).sort(byVersion)) {
    have.add(h.mutationId);
    out.push({ ...h, version: ++version });
  }
  return out;
}

/**
 * Merge two diverged versions. The result is based on the hub's revision and is dirty (it must be
 * pushed). Both histories are kept; a 'merge' version is added only when the merge decided a clash
 * (it records the losing values). Computed fields are recomputed from the register afterwards,
 * never merged as values.
 */
export function mergeRecords({ local, server, shadow, def, now, mutationId, today }: MergeInput): MergeResult {
  const base = baseData(local, server, shadow);
  const computed = computedFields(def);
  const merged = mergeValues(base, local.data ?? {}, server.data ?? {}, (f) => POLICIES.get(`${server.type}.${f}`));
  const fields = merged.fields.filter((f) => !computed.has(f.field));
  let history = extendHistory(server.history ?? [], local.history ?? []);
  const schemaVersion = Math.max(local.schemaVersion ?? 0, server.schemaVersion ?? 0);
  const at = now.toISOString();
  const draft: SyncedRecord = {
    ...local,
    ...server,
    schemaVersion,
    data: merged.value,
    history,
    cancelled: server.cancelled ?? local.cancelled ?? null,
    late: Boolean(server.late || local.late),
    _rev: server._rev,
    syncState: 'dirty',
  };
  const { record: derivedRec, fixes, problems } = rederive(def, draft, today ?? istDate(now));
  let head = history[history.length - 1]!;
  if (fields.length) {
    const changes: FieldChange[] = fields.map((f) => ({
      field: f.field,
      before: f.kept === 'server' ? f.local : f.server,
      after: f.kept === 'both' ? derivedRec.data[f.field] : f.kept === 'server' ? f.server : f.local,
    }));
    for (const fix of fixes) if (!changes.some((c) => c.field === fix.field)) changes.push(fix);
    head = { version: head.version + 1, kind: 'merge', at, by: SYNC_ACTOR.by, byName: SYNC_ACTOR.byName, initials: SYNC_ACTOR.initials, reason: MERGE_REASON, changes, mutationId };
    history = [...history, head];
  }
  const record: SyncedRecord = {
    ...derivedRec,
    history,
    version: head.version,
    mutationId: head.mutationId,
    updatedAt: fields.length ? at : (server.updatedAt ?? at),
    updatedBy: fields.length ? SYNC_ACTOR.by : server.updatedBy,
  };
  return { record, fields, problems };
}

/** A conflict leaf of a hub document, with its revision. */
export interface Leaf {
  rev: string;
  record: SyncedRecord;
}

function leafOrder(a: SyncedRecord, b: SyncedRecord): number {
  const len = (b.history?.length ?? 0) - (a.history?.length ?? 0);
  if (len) return len;
  if (a.mutationId !== b.mutationId) return a.mutationId < b.mutationId ? -1 : 1;
  const ka = contentKey(a);
  const kb = contentKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Fold every live conflict leaf of a hub document into one record (reference/sync.md §7.3 step 4),
 * the same way on every PC: leaves are taken in an order given by their content, never by
 * CouchDB's arbitrary winner or a PC's clock; a leaf whose body its history does not explain gets a
 * 'hub' version first; clashes keep the value of the leaf taken first. The result is written on
 * top of the hub's current winner (its history stays the prefix), with one 'merge' version if
 * anything clashed, and the log rows say exactly what the record ended with.
 */
export function foldLeaves(leaves: Leaf[], winnerRev: string, def: RegisterDef | undefined, today: string): { record: SyncedRecord; fields: MergedField[]; problems: Issue[]; merged: boolean } {
  const normal = leaves.map((l): Leaf => ({ rev: l.rev, record: { ...l.record, _rev: l.rev } }));
  normal.sort((a, b) => leafOrder(a.record, b.record) || (a.rev < b.rev ? -1 : 1));
  let acc: SyncedRecord = normal[0]!.record;
  const clashes = new Map<string, MergedField>();
  const entries = new Map<string, VersionEntry>();
  const addEntries = (r: SyncedRecord) => {
    for (const h of r.history) if (h.mutationId !== FOLD_TMP && !entries.has(h.mutationId)) entries.set(h.mutationId, h);
  };
  addEntries(acc);
  for (const leaf of normal.slice(1)) {
    let other = leaf.record;
    const unrecorded = unrecordedChanges(other, acc, def);
    if (unrecorded.length) other = withVersion(other, hubVersion(other, 'edit', hubUserOf(other as unknown as Record<string, unknown>), unrecorded, leaf.rev));
    addEntries(other);
    const rel = relate(other, acc);
    if (rel === 'same' || rel === 'server-ahead') continue;
    if (rel === 'local-ahead') {
      acc = other;
      continue;
    }
    const r = mergeRecords({ local: other, server: acc, def, now: new Date(0), mutationId: FOLD_TMP, today });
    for (const f of r.fields) if (!clashes.has(f.field)) clashes.set(f.field, f);
    acc = { ...r.record, history: r.record.history.filter((h) => h.mutationId !== FOLD_TMP) };
  }
  const winner = normal.find((l) => l.rev === winnerRev)?.record ?? normal[0]!.record;
  const history = extendHistory(winner.history, [...entries.values()]);
  const { record: derivedRec, fixes, problems } = rederive(def, { ...acc, history }, today);
  // What the record ended with decides what the log says was kept.
  const fields = [...clashes.values()].map((f) => {
    const v = derivedRec.data[f.field];
    const kept: MergedField['kept'] = sameValue(v, f.server) ? 'server' : sameValue(v, f.local) ? 'local' : 'both';
    return { ...f, kept };
  });
  let head = history[history.length - 1]!;
  const finalHistory = [...history];
  if (fields.length) {
    const at = history.reduce((m, h) => (h.at > m ? h.at : m), '');
    const changes: FieldChange[] = fields.map((f) => ({ field: f.field, before: f.kept === 'server' ? f.local : f.server, after: derivedRec.data[f.field] }));
    for (const fix of fixes) if (!changes.some((c) => c.field === fix.field)) changes.push(fix);
    head = { version: head.version + 1, kind: 'merge', at, by: SYNC_ACTOR.by, byName: SYNC_ACTOR.byName, initials: SYNC_ACTOR.initials, reason: MERGE_REASON, changes, mutationId: `fold-${winnerRev}` };
    finalHistory.push(head);
  }
  const record: SyncedRecord = {
    ...derivedRec,
    history: finalHistory,
    version: head.version,
    mutationId: head.mutationId,
    updatedAt: head.at,
    updatedBy: head.by,
    _rev: winnerRev,
    syncState: 'synced',
  };
  return { record, fields, problems, merged: normal.length > 1 };
}

const FOLD_TMP = 'fold-step';
