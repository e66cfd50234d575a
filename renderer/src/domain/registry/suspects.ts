/**
 * The district suspect registry (issue #15 §5): the identifiers of fraud in a thana's complaints,
 * written by the station as small documents beside the complaints, gathered from every thana by
 * the hub's filtered replication, pulled by every station and matched offline.
 *
 * A registry entry holds ONLY: the identifier (normalised, as the complaint's lookup key), the
 * thana, the complaint's id and serial, its received date, NCRP category and an amount band —
 * never the complainant (name, mobile, address, account) nor the exact amount. The hub's
 * validation function refuses any other field (vdu-rules.ts), so a future edit that adds one
 * cannot leak it either.
 */
import { bi, type Bilingual } from '../bilingual';
import type { StoredRecord } from '../records';
import { complaintLookupKeys, describeKey, keyKind } from '../complaints/related';

/** The document type, the second part of `<THANA>:suspect:<complaint ULID>-<hash>`. */
export const SUSPECT_TYPE = 'suspect';
export const SUSPECT_SCHEMA_VERSION = 1;

/** Identifier kinds that go to the registry: suspects only (the complainant's mobile never does). */
export const REGISTRY_KINDS = ['utr', 'smob', 'upi', 'acct', 'url'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** Amount bands instead of amounts (upper bounds in paise, exclusive). */
export const AMOUNT_BANDS: { band: string; below: number; label: Bilingual }[] = [
  { band: 'nil', below: 1, label: bi('कोई राशि नहीं', 'No money lost') },
  { band: 'lt10k', below: 10_000_00, label: bi('₹10 हज़ार से कम', 'Under ₹10 thousand') },
  { band: '10k-1l', below: 1_00_000_00, label: bi('₹10 हज़ार – ₹1 लाख', '₹10 thousand – ₹1 lakh') },
  { band: '1l-10l', below: 10_00_000_00, label: bi('₹1 लाख – ₹10 लाख', '₹1 lakh – ₹10 lakh') },
  { band: 'ge10l', below: Number.POSITIVE_INFINITY, label: bi('₹10 लाख या अधिक', '₹10 lakh or more') },
];

export function amountBand(paise: unknown): string {
  const n = typeof paise === 'number' && Number.isFinite(paise) && paise > 0 ? paise : 0;
  return AMOUNT_BANDS.find((b) => n < b.below)!.band;
}

export function bandLabel(band: string): Bilingual {
  return AMOUNT_BANDS.find((b) => b.band === band)?.label ?? bi(band, band);
}

export function isRegistryKey(key: string): boolean {
  const kind = keyKind(key);
  return !!kind && (REGISTRY_KINDS as readonly string[]).includes(kind);
}

/** The registry identifiers of a complaint's data (normalised exactly as its lookup keys). */
export function registryKeys(data: Record<string, unknown>): string[] {
  return complaintLookupKeys(data).filter(isRegistryKey);
}

/** An identifier as a person reads it (suspect identifiers are shown whole; accounts as IFSC XXXX1234). */
export function describeIdentifier(key: string): Bilingual {
  return describeKey(key, false);
}

/** 32-bit FNV-1a of a text, 8 hex digits: a stable short name for an identifier inside a complaint. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `<THANA>:suspect:<complaint ULID>-<hash of the key>`: the same identifier of a complaint always has the same document. */
export function suspectDocId(complaintId: string, key: string): string {
  const [thana, , ulid] = complaintId.split(':');
  return `${thana}:${SUSPECT_TYPE}:${ulid}-${shortHash(key)}`;
}

/** What a registry entry says (the hub document's body, without `_id`/`_rev`/`hubUser`). */
export interface SuspectBody {
  thana: string;
  type: typeof SUSPECT_TYPE;
  schemaVersion: number;
  mutationId: string;
  complaintId: string;
  key: string;
  serial: string;
  /** The complaint's received date, YYYY-MM-DD. */
  date: string;
  /** NCRP category value. */
  category: string;
  band: string;
  /** The complaint was cancelled, or this identifier corrected away: kept, never deleted. */
  withdrawn: boolean;
  updatedAt: string;
}

/** The fields of a registry document: the hub refuses any other (vdu-rules.ts). */
export const SUSPECT_FIELDS = ['thana', 'type', 'schemaVersion', 'mutationId', 'complaintId', 'key', 'serial', 'date', 'category', 'band', 'withdrawn', 'updatedAt'] as const;

/** The content that decides whether a registry entry changed (mutationId and time aside). */
export function suspectContent(b: Pick<SuspectBody, 'key' | 'serial' | 'date' | 'category' | 'band' | 'withdrawn'>): string {
  return [b.key, b.serial, b.date, b.category, b.band, b.withdrawn ? 1 : 0].join('|');
}

/**
 * The registry entries a complaint should have now, given the ones it has: one live entry per
 * current identifier; an identifier corrected away, or every one of a cancelled complaint, is
 * marked withdrawn. Returns only what changes (new or different bodies).
 */
export function planSuspectBodies(
  rec: Pick<StoredRecord, 'id' | 'thana' | 'serial' | 'data' | 'cancelled'>,
  existing: readonly (SuspectBody & { id: string })[],
  at: string,
  newId: () => string,
): (SuspectBody & { id: string })[] {
  const live = rec.cancelled ? new Set<string>() : new Set(registryKeys(rec.data));
  const base = {
    thana: rec.thana,
    type: SUSPECT_TYPE,
    schemaVersion: SUSPECT_SCHEMA_VERSION,
    complaintId: rec.id,
    serial: rec.serial ?? '',
    date: typeof rec.data.receivedAt === 'string' ? rec.data.receivedAt.slice(0, 10) : '',
    category: typeof rec.data.ncrpCategory === 'string' ? rec.data.ncrpCategory : '',
    band: amountBand(rec.data.totalLost),
  } as const;
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const out: (SuspectBody & { id: string })[] = [];
  for (const key of new Set([...live, ...byKey.keys()])) {
    const want = { ...base, key, withdrawn: !live.has(key) };
    const have = byKey.get(key);
    if (have && suspectContent(have) === suspectContent(want)) continue;
    if (!have && want.withdrawn) continue;
    out.push({ ...want, id: have?.id ?? suspectDocId(rec.id, key), mutationId: newId(), updatedAt: at });
  }
  return out;
}
