/**
 * Local rows ↔ hub documents. A document is the entry itself (its `syncStates` row gives the
 * `_rev` it was based on, and nothing else of it travels), with `_id` = the record id. Fields this
 * app version does not know are carried through untouched (a newer PC may have written them).
 */
import { stableStringify } from '@/domain/canonical';
import type { StoredRecord, SyncedRecord, SyncState } from '@/domain/records';
import { REGISTER_TABLES, type AuditRow, type RegisterTable } from '@/db/schema';

export interface HubDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

/** Thana-wide settings that travel with the registers (per-PC settings never do). */
export const SETTING_DOCS = { profile: 'profile', options: 'options' } as const;
export type SettingDocType = keyof typeof SETTING_DOCS;

export type DocKind =
  | { kind: 'register'; thana: string; table: RegisterTable }
  | { kind: 'audit'; thana: string }
  | { kind: 'setting'; thana: string; setting: SettingDocType }
  | { kind: 'meta'; thana: string }
  | { kind: 'design' }
  | { kind: 'unknown'; thana: string; type: string };

export function classify(id: string): DocKind {
  if (id.startsWith('_design/')) return { kind: 'design' };
  const m = /^([^:]+):([^:]+):(.+)$/.exec(id);
  if (!m) return { kind: 'unknown', thana: '', type: '' };
  const thana = m[1]!;
  const type = m[2]!;
  if ((REGISTER_TABLES as readonly string[]).includes(type)) return { kind: 'register', thana, table: type as RegisterTable };
  if (type === 'audit') return { kind: 'audit', thana };
  if (type === 'profile' || type === 'options') return { kind: 'setting', thana, setting: type };
  if (type === 'meta') return { kind: 'meta', thana };
  return { kind: 'unknown', thana, type };
}

export function settingDocId(thana: string, setting: SettingDocType): string {
  return `${thana}:${setting}:main`;
}

export function epochDocId(thana: string): string {
  return `${thana}:meta:epoch`;
}

/** The district database's own epoch (thana epochs replicate into it too, under their own ids). */
export const DISTRICT_EPOCH_ID = 'district:meta:epoch';

/**
 * The CouchDB user who wrote a hub version. The station sets it on every document it pushes
 * (`stampWriter`) and the hub's validation function refuses a version that names anyone else; it is
 * not part of the record's content (a PC does not keep it), so `bodyOf` leaves it out.
 */
export const WRITER_FIELD = 'hubUser';

/**
 * Revisions of a document's conflict leaves whose values are already folded into its history. The
 * station writes them on the winner instead of deleting the leaves (it may not delete); the hub's
 * admin job `npm run hub -- retire-leaves` deletes the leaves listed here.
 */
export const FOLDED_FIELD = 'foldedRevs';

const HUB_FIELDS = ['_id', '_rev', '_deleted', '_conflicts', '_revisions', '_revs_info', '_attachments', '_deleted_conflicts', '_local_seq', WRITER_FIELD];

/** The document as this hub account sends it: named by its writer (the hub checks the name). */
export function stampWriter(doc: HubDoc, username: string): HubDoc {
  return { ...doc, [WRITER_FIELD]: username };
}

/** Who wrote this hub version, if it says. */
export function writerOf(doc: HubDoc): string | null {
  const w = doc[WRITER_FIELD];
  return typeof w === 'string' ? w : null;
}

/** The body of a hub doc without CouchDB's own underscore fields (nor the writer's name). */
export function bodyOf(doc: HubDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!HUB_FIELDS.includes(k)) out[k] = v;
  return out;
}

/** The hub document of an entry: its `_rev` when it carries one (a `SyncedRecord`), never its `syncState`. */
export function recordToDoc(rec: StoredRecord & Partial<Pick<SyncedRecord, '_rev' | 'syncState'>>): HubDoc {
  const { id, _rev, syncState: _s, ...body } = rec;
  return { _id: id, ...(_rev ? { _rev } : {}), ...body };
}

export function docToRecord(doc: HubDoc, syncState: SyncState): SyncedRecord {
  const body = bodyOf(doc) as Omit<StoredRecord, 'id' | '_rev' | 'syncState'>;
  return { ...body, id: doc._id, _rev: doc._rev ?? null, syncState };
}

/** The ULID part of an id (`<thana>:audit:<ULID>`). */
function idKey(id: string): string {
  return id.slice(id.lastIndexOf(':') + 1);
}

/**
 * Audit rows are immutable, so their mutationId is their own ULID; `type` and `schemaVersion` are
 * added for the hub's validation function (required metadata on every document).
 */
export function auditToDoc(row: AuditRow): HubDoc {
  const { id, _rev, syncState: _s, ...body } = row;
  return { _id: id, ...(_rev ? { _rev } : {}), type: 'audit', schemaVersion: 1, mutationId: idKey(id), ...body };
}

export function docToAudit(doc: HubDoc, syncState: AuditRow['syncState']): AuditRow {
  const { type: _t, schemaVersion: _v, mutationId: _m, ...rest } = bodyOf(doc);
  const row: AuditRow = { ...(rest as Omit<AuditRow, 'id' | '_rev' | 'syncState'>), id: doc._id, _rev: doc._rev ?? null, syncState };
  // `hash: ''` means "link me into THIS PC's chain" (db/audit-chain.ts): a pulled row is never that.
  if (row.hash === '') delete row.hash;
  return row;
}

export function settingToDoc(thana: string, setting: SettingDocType, value: unknown, mutationId: string, rev: string | null): HubDoc {
  return { _id: settingDocId(thana, setting), ...(rev ? { _rev: rev } : {}), thana, type: setting, schemaVersion: 1, mutationId, value };
}

/** JSON with object keys sorted (the audit chain hashes the same text: domain/canonical.ts). */
export { stableStringify };

export function sameValue(a: unknown, b: unknown): boolean {
  return stableStringify(a ?? null) === stableStringify(b ?? null);
}

const encoder = new TextEncoder();
let encodeBuffer = new Uint8Array(0);

/**
 * UTF-8 bytes of a string, counted as the hub counts them: the encoder writes into a reused buffer
 * (3 to 5 times faster than a loop over the characters for a Devanagari document; every pushed
 * document is counted). A UTF-16 unit is at most 3 bytes; the buffer for a string of over 256 K
 * characters (768 KB) is not kept.
 */
export function utf8Length(s: string): number {
  const need = s.length * 3;
  if (encodeBuffer.length < need) {
    const buffer = new Uint8Array(need);
    if (need > 768 * 1024) return encoder.encodeInto(s, buffer).written;
    encodeBuffer = buffer;
  }
  return encoder.encodeInto(s, encodeBuffer).written;
}

/** Size of a doc on the wire in UTF-8 bytes: push batches and the hub's document limit count these. */
export function jsonSize(doc: unknown): number {
  return utf8Length(JSON.stringify(doc));
}
