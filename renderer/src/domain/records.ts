import type { Role } from './roles';

/** Who is acting: the signed-in person on this PC. */
export interface Actor {
  userId: string;
  name: string;
  rank: string;
  role: Role;
  /** Printed beside struck-through corrections, like a signature on paper. */
  initials: string;
}

export type SyncState = 'synced' | 'dirty' | 'conflict' | 'rejected';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** 'hub': a change made on the hub by another tool, or a deletion there (recorded by sync). */
export type VersionKind = 'create' | 'correct' | 'cancel' | 'verify' | 'status' | 'merge' | 'hub';

/** One step in a record's life. Entries are only ever appended (design §3.2). */
export interface VersionEntry {
  version: number;
  kind: VersionKind;
  at: string;
  by: string;
  byName: string;
  initials: string;
  reason: string | null;
  changes: FieldChange[];
  mutationId: string;
}

/** The stored shape of every register entry: metadata around the register's own fields. */
export interface StoredRecord<T extends Record<string, unknown> = Record<string, unknown>> {
  /** `<thanaCode>:<type>:<ULID>` */
  id: string;
  thana: string;
  type: string;
  schemaVersion: number;
  /** 'YYYY/NNNN' or null for registers without serials. */
  serial: string | null;
  serialYear: number | null;
  serialNo: number | null;
  data: T;
  /** Lower-cased words for indexed search. */
  tokens: string[];
  /** Lookup keys like 'mobile:9876543210' or 'utr:41234': duplicates and related entries. */
  keys: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  mutationId: string;
  version: number;
  history: VersionEntry[];
  cancelled: { at: string; by: string; byName: string; reason: string } | null;
  /** Entered more than the allowed days after the date it records (विलंबित प्रविष्टि). */
  late: boolean;
}

/**
 * A register entry with its sync state beside it, as the sync code handles it. The register tables
 * hold only the entry; `_rev` and `syncState` live in the small `syncStates` table
 * (db/sync-state.ts), so landing a push rewrites a small row instead of the entry and its indexes.
 */
export type SyncedRecord<T extends Record<string, unknown> = Record<string, unknown>> = StoredRecord<T> & {
  /** CouchDB revision last seen from the hub; null until first pushed. */
  _rev: string | null;
  syncState: SyncState;
};

/** A reason typed for a correction, cancellation, status step or verification (the hub allows 2000 for older entries). */
export const REASON_MAX_LENGTH = 300;

export function makeId(thana: string, type: string, id: string): string {
  return `${thana}:${type}:${id}`;
}

export function parseId(id: string): { thana: string; type: string; key: string } | null {
  const m = /^([^:]+):([^:]+):(.+)$/.exec(id);
  return m ? { thana: m[1]!, type: m[2]!, key: m[3]! } : null;
}

function same(a: unknown, b: unknown): boolean {
  // Strings, booleans and null compare as they are (the common case, thousands of times in an
  // import); objects and numbers as JSON, as always (NaN and Infinity stringify as null).
  if ((a ?? null) === (b ?? null)) return true;
  const plain = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean';
  if (plain(a) && plain(b)) return false;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Field-by-field differences between two versions of the register data. */
export function diffData(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: FieldChange[] = [];
  for (const k of keys) if (!same(before[k], after[k])) out.push({ field: k, before: before[k] ?? null, after: after[k] ?? null });
  return out;
}

/** The data as it stood at `version` (1 = as first entered), rebuilt from the history. */
export function dataAtVersion<T extends Record<string, unknown>>(rec: StoredRecord<T>, version: number): T {
  const data: Record<string, unknown> = { ...rec.data };
  for (const h of [...rec.history].sort((a, b) => b.version - a.version)) {
    if (h.version <= version) break;
    for (const c of h.changes) data[c.field] = c.before;
  }
  return data as T;
}

/** For paper-honest prints: each corrected field's earlier values with who corrected them. */
export function correctionsByField(rec: StoredRecord): Map<string, { before: unknown; initials: string; at: string }[]> {
  const map = new Map<string, { before: unknown; initials: string; at: string }[]>();
  for (const h of rec.history) {
    if (h.kind === 'create') continue;
    for (const c of h.changes) {
      const list = map.get(c.field) ?? [];
      list.push({ before: c.before, initials: h.initials, at: h.at });
      map.set(c.field, list);
    }
  }
  return map;
}

export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0])
    .join('')
    .toUpperCase()
    .slice(0, 4);
}
