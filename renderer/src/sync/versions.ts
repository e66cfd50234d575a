/**
 * Versions are identified by their content, not by the `mutationId` they carry (design §3.14).
 * Anything may write to the hub — Fauxton, curl, PouchDB, an old app version — so a hub body is
 * checked against the history it claims: every data value it holds must be explained by a
 * version in that history. What is not explained was changed on the hub by another tool; it
 * becomes a version of kind 'hub' ("changed on the hub by <user>") with its field changes, so it
 * is neither skipped nor overwritten, and stays readable (and printable, struck through) forever.
 *
 * Pure and deterministic: two PCs that see the same hub revision write the same version (its
 * mutationId comes from the revision, its time from the document), so they converge on one `_rev`.
 */
import type { FieldChange, StoredRecord, VersionEntry } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { sameValue, stableStringify, WRITER_FIELD, writerOf, type HubDoc } from './doc';

/** The field naming the CouchDB user who wrote a revision (doc.ts). Not content. */
const WRITER_FIELDS = [WRITER_FIELD] as const;

/** Body fields that are bookkeeping or derived indexes, not part of a version's content. */
const NOT_CONTENT = new Set<string>([
  'id',
  '_id',
  '_rev',
  '_conflicts',
  '_revisions',
  '_deleted',
  'syncState',
  'tokens',
  'keys',
  'updatedAt',
  'updatedBy',
  'foldedRevs',
  ...WRITER_FIELDS,
]);

/** The content of a version as one stable string: equal strings = the same version. */
export function contentKey(rec: object): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!NOT_CONTENT.has(k)) out[k] = v;
  return stableStringify(out);
}

export function sameContent(a: object, b: object): boolean {
  return contentKey(a) === contentKey(b);
}

/**
 * The CouchDB user a hub body names as its writer. The hub checks the name for station accounts; an
 * admin's edit (Fauxton, curl) may leave the previous writer's name in place, so this names the
 * account the document names, which for an admin's edit is the last station that wrote it.
 */
export function hubUserOf(doc: Record<string, unknown>): string | null {
  return writerOf(doc as HubDoc);
}

/** Fields computed from others (never typed): recomputed, never taken as a hub edit. */
export function computedFields(def: RegisterDef | undefined): Set<string> {
  return new Set((def?.fields ?? []).filter((f) => f.compute).map((f) => f.key));
}

function byVersion(a: VersionEntry, b: VersionEntry): number {
  return a.version - b.version || (a.mutationId < b.mutationId ? -1 : a.mutationId > b.mutationId ? 1 : 0);
}

/**
 * The data the hub body should hold if every change were recorded: our version with our own
 * unshared versions undone, then the hub's unshared versions applied. Null when the two share no
 * version (nothing to compare with).
 */
export function explainedData(server: StoredRecord, local: StoredRecord): Record<string, unknown> | null {
  const serverIds = new Set(server.history.map((h) => h.mutationId));
  const localIds = new Set(local.history.map((h) => h.mutationId));
  if (!local.history.some((h) => serverIds.has(h.mutationId))) return null;
  const data: Record<string, unknown> = { ...local.data };
  const localOnly = local.history.filter((h) => !serverIds.has(h.mutationId)).sort(byVersion).reverse();
  for (const h of localOnly) for (const c of h.changes) data[c.field] = c.before;
  const serverOnly = server.history.filter((h) => !localIds.has(h.mutationId)).sort(byVersion);
  for (const h of serverOnly) for (const c of h.changes) data[c.field] = c.after;
  return data;
}

/** Top-level fields of a body besides data and history (serial, cancelled, …), for the same-head case. */
function topLevelChanges(server: StoredRecord, local: StoredRecord): FieldChange[] {
  const skip = new Set([...NOT_CONTENT, 'data', 'history', 'version', 'mutationId']);
  const keys = new Set([...Object.keys(server), ...Object.keys(local)].filter((k) => !skip.has(k)));
  const out: FieldChange[] = [];
  const s = server as unknown as Record<string, unknown>;
  const l = local as unknown as Record<string, unknown>;
  for (const k of [...keys].sort()) if (!sameValue(s[k], l[k])) out.push({ field: `@${k}`, before: l[k] ?? null, after: s[k] ?? null });
  return out;
}

/**
 * Changes in the hub body that no version in its history explains (an edit made on the hub by
 * another tool). Computed fields are left out: they are recomputed from the register anyway.
 */
export function unrecordedChanges(server: StoredRecord, local: StoredRecord | undefined, def: RegisterDef | undefined): FieldChange[] {
  if (!local) return [];
  const expected = explainedData(server, local);
  if (!expected) return [];
  const computed = computedFields(def);
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(expected), ...Object.keys(server.data ?? {})]);
  for (const k of [...keys].sort()) {
    if (computed.has(k)) continue;
    if (!sameValue(expected[k], server.data[k])) changes.push({ field: k, before: expected[k] ?? null, after: server.data[k] ?? null });
  }
  if (server.mutationId === local.mutationId && !changes.length) changes.push(...topLevelChanges(server, local));
  return changes;
}

export const HUB_INITIALS = 'हब';

/** The deterministic id of the version a hub revision becomes (the same on every PC). */
export function hubMutationId(rev: string | null, what: 'edit' | 'delete' = 'edit'): string {
  return `${what === 'edit' ? 'hub' : 'hubdel'}-${rev ?? 'none'}`;
}

/** Time of a hub version: the body's own `updatedAt` if it moved forward, else the last version's (no PC clock). */
function hubVersionAt(rec: StoredRecord): string {
  const last = rec.history.reduce((m, h) => (h.at > m ? h.at : m), '');
  return typeof rec.updatedAt === 'string' && rec.updatedAt > last ? rec.updatedAt : last;
}

export function hubVersion(rec: StoredRecord, kind: 'edit' | 'delete', user: string | null, changes: FieldChange[], rev: string | null): VersionEntry {
  const who = user ?? 'हब / hub';
  const version = rec.history.reduce((m, h) => Math.max(m, h.version), 0) + 1;
  return {
    version,
    kind: 'hub',
    at: hubVersionAt(rec),
    by: `hub:${user ?? ''}`,
    byName: who,
    initials: HUB_INITIALS,
    reason:
      kind === 'edit'
        ? `हब पर बदला गया (${who}) / Changed on the hub by ${who}`
        : `हब पर हटाया गया (${who}); प्रविष्टि रखी गई / Deleted on the hub by ${who}; the entry was kept`,
    changes,
    mutationId: hubMutationId(rev, kind),
  };
}

/** Append a version to a record (a new head). */
export function withVersion<R extends StoredRecord>(rec: R, entry: VersionEntry, data: Record<string, unknown> = rec.data): R {
  return { ...rec, data, history: [...rec.history, entry], version: entry.version, mutationId: entry.mutationId, updatedAt: entry.at, updatedBy: entry.by };
}
