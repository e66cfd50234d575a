/**
 * Related complaints: entries sharing a complainant mobile, a UTR, a suspect mobile, UPI id,
 * account (IFSC + last 4), website or social handle. Each identifier becomes a lookup key stored
 * in the indexed `keys` of the entry, so "related" is one index lookup per key, not a scan; the
 * district view reuses the same keys across thanas.
 */
import { bi, type Bilingual } from '../bilingual';
import type { StoredRecord } from '../records';
import { last4, maskMobile, normalizeMobile } from '../normalize';
import { moneyRowsOf } from './money-rows';

/** Key prefixes, one per kind of identifier. */
export const KEY_KINDS = {
  cmob: bi('प्रार्थी मोबाइल', 'Complainant mobile'),
  smob: bi('संदेही मोबाइल', 'Suspect mobile'),
  upi: bi('यूपीआई आईडी', 'UPI id'),
  utr: bi('यूटीआर', 'UTR'),
  acct: bi('खाता (आईएफएससी + अंतिम 4)', 'Account (IFSC + last 4)'),
  url: bi('वेबसाइट/ऐप', 'Website/app'),
  sh: bi('सोशल मीडिया आईडी', 'Social handle'),
  ncrp: bi('एनसीआरपी पावती', 'NCRP acknowledgement'),
} as const satisfies Record<string, Bilingual>;

export type KeyKind = keyof typeof KEY_KINDS;

/** 'a, b; c' or an array → trimmed non-empty parts. */
export function splitList(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(splitList);
  if (typeof v !== 'string') return [];
  return v
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Suspect numbers may be foreign: Indian ones as 10 digits, others as their digits (8 or more). */
export function suspectMobileKey(raw: string): string | null {
  const m = normalizeMobile(raw);
  if (m) return m;
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 8 ? digits : null;
}

export function urlKey(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (!s) return null;
  const host = s.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0]!;
  return host || null;
}

export function handleKey(raw: string): string | null {
  const s = raw.trim().toLowerCase().replace(/^@/, '');
  return s || null;
}

function ifscLast4(ifsc: unknown, account: unknown): string | null {
  const code = typeof ifsc === 'string' ? ifsc.replace(/\s/g, '').toUpperCase() : '';
  const l4 = last4(account);
  // Last 4 digits alone match 1 in 10,000 accounts: only with the IFSC is it an identifier.
  return code && l4 ? `${code}:${l4}` : null;
}

/** The lookup keys of a complaint (stored in `keys`, indexed). */
export function complaintLookupKeys(data: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  const add = (kind: KeyKind, v: string | null | undefined) => {
    if (v) keys.add(`${kind}:${v}`);
  };
  add('cmob', normalizeMobile(data.complainantMobile));
  for (const m of splitList(data.suspectMobiles)) add('smob', suspectMobileKey(m));
  for (const u of splitList(data.suspectUpiIds)) add('upi', u.replace(/\s/g, '').toLowerCase());
  add('acct', ifscLast4(data.suspectIfsc, data.suspectAccount));
  for (const u of splitList(data.suspectUrl)) add('url', urlKey(u));
  for (const h of splitList(data.suspectHandle)) add('sh', handleKey(h));
  if (data.ncrpState === 'filed' && typeof data.ncrpAck === 'string') add('ncrp', data.ncrpAck.replace(/\s/g, '') || null);
  for (const t of moneyRowsOf(data).transactions) {
    if (typeof t.utr === 'string') add('utr', t.utr.replace(/\s/g, '').toUpperCase() || null);
    if (typeof t.beneficiaryUpi === 'string') add('upi', t.beneficiaryUpi.replace(/\s/g, '').toLowerCase() || null);
    add('acct', ifscLast4(t.beneficiaryIfsc, t.beneficiaryAccount));
  }
  return [...keys];
}

export function keyKind(key: string): KeyKind | null {
  const kind = key.slice(0, key.indexOf(':'));
  return kind in KEY_KINDS ? (kind as KeyKind) : null;
}

/** A key as a person reads it; complainant mobiles masked unless `unmasked`. */
export function describeKey(key: string, unmasked: boolean): Bilingual {
  const kind = keyKind(key);
  const value = key.slice(key.indexOf(':') + 1);
  if (!kind) return bi(key, key);
  const shown = kind === 'cmob' && !unmasked ? maskMobile(value) : kind === 'acct' ? value.replace(':', ' XXXX') : value;
  return bi(`${KEY_KINDS[kind].hi}: ${shown}`, `${KEY_KINDS[kind].en}: ${shown}`);
}

export interface RelatedComplaint {
  record: StoredRecord;
  /** The keys both entries have. */
  shared: string[];
}

/** Orders related entries: most shared identifiers first, then newest. */
export function rankRelated(list: RelatedComplaint[]): RelatedComplaint[] {
  return list.sort((a, b) => b.shared.length - a.shared.length || (b.record.id > a.record.id ? 1 : b.record.id < a.record.id ? -1 : 0));
}

/**
 * Related entries among `candidates` by comparing keys: the pure rule, also the full-scan baseline
 * the benchmark compares the indexed lookup with. Cancelled entries and the entry itself are left out.
 */
export function matchRelated(target: Pick<StoredRecord, 'id' | 'keys'>, candidates: Iterable<StoredRecord>): RelatedComplaint[] {
  const mine = new Set(target.keys.filter((k) => keyKind(k)));
  const out: RelatedComplaint[] = [];
  if (mine.size === 0) return out;
  for (const c of candidates) {
    if (c.id === target.id || c.cancelled) continue;
    const shared = c.keys.filter((k) => mine.has(k));
    if (shared.length) out.push({ record: c, shared });
  }
  return rankRelated(out);
}

/** Merges per-key lookup results (each key's matching entries) into related entries. */
export function mergeKeyHits(target: Pick<StoredRecord, 'id'>, hits: [key: string, records: StoredRecord[]][]): RelatedComplaint[] {
  const byId = new Map<string, RelatedComplaint>();
  for (const [key, records] of hits) {
    for (const r of records) {
      if (r.id === target.id || r.cancelled) continue;
      const entry = byId.get(r.id) ?? { record: r, shared: [] };
      if (!entry.shared.includes(key)) entry.shared.push(key);
      byId.set(r.id, entry);
    }
  }
  return rankRelated([...byId.values()]);
}
