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
 * - the history is the union of both histories by mutationId, sorted by (version, mutationId), plus
 *   one version of kind 'merge';
 * - a cancellation on either side stands (it is a supervisor's act, never undone by sync);
 * - ordering never depends on a PC's clock.
 */
import { searchTokens } from '@/domain/normalize';
import type { FieldChange, StoredRecord, VersionEntry } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { sameValue } from './doc';

export interface MergedField {
  field: string;
  local: unknown;
  server: unknown;
  /** 'both': a row list merged row by row (see rowsUnion), neither side's rows lost. */
  kept: 'local' | 'server' | 'both';
}

/** How a local version relates to the hub's version of the same record, judged by their histories. */
export type Relation = 'same' | 'local-ahead' | 'server-ahead' | 'diverged';

function ids(rec: StoredRecord): Set<string> {
  return new Set((rec.history ?? []).map((h) => h.mutationId));
}

export function relate(local: StoredRecord, server: StoredRecord): Relation {
  if (local.mutationId === server.mutationId) return 'same';
  const l = ids(local);
  const s = ids(server);
  const within = (a: Set<string>, b: Set<string>) => [...a].every((m) => b.has(m));
  if (l.has(server.mutationId) && within(s, l)) return 'local-ahead';
  if (s.has(local.mutationId) && within(l, s)) return 'server-ahead';
  return 'diverged';
}

/**
 * The common ancestor's data. A shadow (the hub body this PC last merged against) is used when both
 * sides descend from it; otherwise the local data with every local-only version undone (exact for
 * plain corrections, which record each field's value before).
 */
export function baseData(local: StoredRecord, server: StoredRecord, shadow?: StoredRecord | null): Record<string, unknown> {
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

function union(a: string[] | undefined, b: string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

export interface MergeInput {
  local: StoredRecord;
  server: StoredRecord;
  /** The hub body this PC merged against last, if any. */
  shadow?: StoredRecord | null;
  def?: RegisterDef;
  now: Date;
  mutationId: string;
}

export interface MergeResult {
  record: StoredRecord;
  fields: MergedField[];
}

/**
 * Merge two diverged versions. The result is based on the hub's revision and is dirty (it must be
 * pushed). Both histories are kept; one 'merge' version is added.
 */
export function mergeRecords({ local, server, shadow, def, now, mutationId }: MergeInput): MergeResult {
  const base = baseData(local, server, shadow);
  const { value: data, fields } = mergeValues(base, local.data ?? {}, server.data ?? {}, (f) => POLICIES.get(`${server.type}.${f}`));
  const byId = new Map<string, VersionEntry>();
  for (const h of [...(server.history ?? []), ...(local.history ?? [])]) if (!byId.has(h.mutationId)) byId.set(h.mutationId, h);
  const history = [...byId.values()].sort(byVersion);
  const version = history.reduce((m, h) => Math.max(m, h.version), 0) + 1;
  const changes: FieldChange[] = fields.map((f) => ({
    field: f.field,
    before: f.kept === 'server' ? f.local : f.server,
    after: f.kept === 'both' ? data[f.field] : f.kept === 'server' ? f.server : f.local,
  }));
  const at = now.toISOString();
  history.push({ version, kind: 'merge', at, by: SYNC_ACTOR.by, byName: SYNC_ACTOR.byName, initials: SYNC_ACTOR.initials, reason: MERGE_REASON, changes, mutationId });
  const schemaVersion = Math.max(local.schemaVersion ?? 0, server.schemaVersion ?? 0);
  // Derived indexes: recomputed when this app understands the record's schema, else both kept.
  const understood = def && def.schemaVersion >= schemaVersion;
  const tokens = understood ? searchTokens(...def.searchFields.map((k) => data[k])) : union(server.tokens, local.tokens);
  const keys = understood ? (def.lookupKeys ? [...new Set(def.lookupKeys(data))] : []) : union(server.keys, local.keys);
  const record: StoredRecord = {
    ...local,
    ...server,
    schemaVersion,
    data,
    tokens,
    keys,
    history,
    version,
    mutationId,
    cancelled: server.cancelled ?? local.cancelled ?? null,
    late: Boolean(server.late || local.late),
    updatedAt: at,
    updatedBy: SYNC_ACTOR.by,
    _rev: server._rev,
    syncState: 'dirty',
  };
  return { record, fields };
}

/**
 * Settle a hub conflict between leaves (reference/sync.md §7.3 step 4) the same way on every PC:
 * the leaves are ordered by content (longest history first, then mutationId), never by CouchDB's
 * arbitrary winner or a PC's clock, and folded with {@link mergeRecords}.
 */
export function foldLeaves(leaves: StoredRecord[], def: RegisterDef | undefined, now: Date, newId: () => string): { record: StoredRecord; fields: MergedField[]; merged: boolean } {
  const sorted = [...leaves].sort((a, b) => (b.history?.length ?? 0) - (a.history?.length ?? 0) || (a.mutationId < b.mutationId ? -1 : a.mutationId > b.mutationId ? 1 : 0));
  let acc = sorted[0]!;
  const fields: MergedField[] = [];
  let merged = false;
  for (const other of sorted.slice(1)) {
    const rel = relate(other, acc);
    if (rel === 'same' || rel === 'server-ahead') continue;
    if (rel === 'local-ahead') {
      acc = other;
      continue;
    }
    const r = mergeRecords({ local: other, server: acc, def, now, mutationId: newId() });
    acc = r.record;
    fields.push(...r.fields);
    merged = true;
  }
  return { record: acc, fields, merged };
}
