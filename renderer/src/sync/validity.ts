/**
 * What a station accepts from the hub, and how a record that sync put together is made valid
 * again (design §3.14): derived fields come from the register definition (money totals, pending
 * refund, lookup keys, search tokens — the same code the forms use), then the register's rules
 * run. A document that cannot be a record at all is quarantined; a record that breaks a rule is
 * kept and marked for review.
 */
import { bi, type Bilingual, type Issue } from '@/domain/bilingual';
import type { FieldChange, StoredRecord, SyncedRecord } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { validateRecord, type Validated } from '@/domain/validation';
import { derived } from '@/db/repository';
import { sameValue, type HubDoc } from './doc';

export type QuarantineReason = 'shape' | 'unknown-type' | 'newer-schema' | 'invalid' | 'other-thana' | 'error';

/** What each reason means and what to do about it, for the Sync page. */
export const QUARANTINE_TEXT: Record<QuarantineReason, Bilingual> = {
  shape: bi(
    'हब पर यह दस्तावेज़ अधूरा या गलत रूप में है (जैसे "data" नहीं है)। इसे नहीं लिया गया; बाकी सिंक चलता रहा। जिला आईटी सेल हब पर इसे ठीक करे या हटाए।',
    'This document on the hub is incomplete or in the wrong shape (e.g. it has no "data"). It was not taken; the rest of sync went on. The district IT cell should fix or remove it on the hub.',
  ),
  'unknown-type': bi(
    'यह पंजी इस ऐप संस्करण में नहीं है (शायद नए संस्करण ने लिखी)। ऐप अपडेट करें; अपडेट के बाद यह अपने-आप ले ली जाएगी।',
    'This register is not in this version of the app (a newer version probably wrote it). Update the app; it is taken in by itself after the update.',
  ),
  'newer-schema': bi(
    'यह प्रविष्टि ऐप के नए संस्करण की है। ऐप अपडेट करें; अपडेट के बाद यह अपने-आप ले ली जाएगी।',
    'This entry was written by a newer version of the app. Update the app; it is taken in by itself after the update.',
  ),
  invalid: bi(
    'इस प्रविष्टि में किसी फ़ील्ड का मान सही प्रकार का नहीं है (जैसे राशि की जगह लेख)। जिला आईटी सेल हब पर इसे ठीक करे; ठीक होते ही यह अपने-आप ले ली जाएगी।',
    'A field of this entry holds a value of the wrong kind (e.g. text where an amount belongs). The district IT cell should fix it on the hub; it is taken in as soon as it is fixed.',
  ),
  'other-thana': bi(
    'यह दस्तावेज़ किसी दूसरे थाने का है पर इस थाने के डेटाबेस में मिला। जिला आईटी सेल को सूचित करें।',
    'This document belongs to another thana but was found in this thana’s database. Inform the district IT cell.',
  ),
  error: bi(
    'इस दस्तावेज़ को लेते समय ऐप में आंतरिक त्रुटि हुई (नेटवर्क की समस्या नहीं)। बाकी सिंक चलता रहा। जिला आईटी सेल को यह पंक्ति दिखाएँ।',
    'An internal error of the app happened while taking this document (not a network problem). The rest of sync went on. Show this line to the district IT cell.',
  ),
};

export interface Refusal {
  reason: QuarantineReason;
  detail: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Issue codes that mean "a value of the wrong kind": such a body cannot be a record here. */
const TYPE_CODES = new Set(['int', 'money', 'money.rows', 'date', 'datetime', 'time', 'last4']);

function historyProblem(h: unknown): string | null {
  if (!Array.isArray(h) || !h.length) return 'history is missing';
  for (const e of h) {
    if (!isObject(e)) return 'a history entry is not an object';
    if (typeof e.version !== 'number' || typeof e.mutationId !== 'string' || !Array.isArray(e.changes)) return 'a history entry lacks version, mutationId or changes';
  }
  return null;
}

/**
 * Can this hub document be a record of this register here? `refusal` null = yes; `validated` is the
 * register's validation of its data, which `rederive` can take instead of running it again.
 */
export function checkRegisterDoc(doc: HubDoc, def: RegisterDef | undefined, today: string): { refusal: Refusal | null; validated?: Validated } {
  if (!def) return { refusal: { reason: 'unknown-type', detail: String(doc.type ?? '') } };
  if (!isObject(doc.data)) return { refusal: { reason: 'shape', detail: 'data is missing' } };
  if (doc.type !== def.type) return { refusal: { reason: 'shape', detail: `type ${String(doc.type)} does not match the id` } };
  if (typeof doc.mutationId !== 'string' || typeof doc.version !== 'number') return { refusal: { reason: 'shape', detail: 'mutationId or version is missing' } };
  const hp = historyProblem(doc.history);
  if (hp) return { refusal: { reason: 'shape', detail: hp } };
  if (typeof doc.schemaVersion !== 'number') return { refusal: { reason: 'shape', detail: 'schemaVersion is missing' } };
  if (doc.schemaVersion > def.schemaVersion) return { refusal: { reason: 'newer-schema', detail: `schema ${doc.schemaVersion} > ${def.schemaVersion}` } };
  const validated = validateRecord(def, doc.data, { today, settings: {} });
  const wrong = validated.issues.filter((i) => i.severity === 'error' && TYPE_CODES.has(i.code));
  if (wrong.length) return { refusal: { reason: 'invalid', detail: wrong.map((i) => `${i.field ?? ''}: ${i.message.en}`).join('; ') }, validated };
  return { refusal: null, validated };
}

/** Can this hub document be a record of this register here? (null = yes) */
export function refuseRegisterDoc(doc: HubDoc, def: RegisterDef | undefined, today: string): Refusal | null {
  return checkRegisterDoc(doc, def, today).refusal;
}

export function refuseAuditDoc(doc: HubDoc): Refusal | null {
  if (typeof doc.at !== 'string' || typeof doc.action !== 'string') return { reason: 'shape', detail: 'an audit row needs at and action' };
  return null;
}

export function refuseSettingDoc(doc: HubDoc): Refusal | null {
  if (!isObject(doc.value)) return { reason: 'shape', detail: 'value is missing' };
  return null;
}

export interface Rederived<R extends StoredRecord = SyncedRecord> {
  record: R;
  /** Computed fields whose stored value was wrong: before = stored, after = recomputed. */
  fixes: FieldChange[];
  /** Rule breaks (errors) the record has after recomputation: kept, marked for review. */
  problems: Issue[];
}

/**
 * Recompute what the register derives (computed fields, tokens, lookup keys) and run its rules.
 * Only computed fields change: other values are what people entered and stay as they are.
 * `validated`: the register's validation of `rec.data` on `today` if already run (checkRegisterDoc).
 */
export function rederive<R extends StoredRecord = SyncedRecord>(def: RegisterDef | undefined, rec: R, today: string, validated?: Validated): Rederived<R> {
  if (!def || (rec.schemaVersion ?? 0) > def.schemaVersion) return { record: rec, fixes: [], problems: [] };
  const { data: normal, issues } = validated ?? validateRecord(def, rec.data, { today, settings: {} });
  const data = { ...rec.data };
  const fixes: FieldChange[] = [];
  for (const f of def.fields) {
    if (!f.compute) continue;
    if (!sameValue(rec.data[f.key], normal[f.key])) {
      fixes.push({ field: f.key, before: rec.data[f.key] ?? null, after: normal[f.key] ?? null });
      data[f.key] = normal[f.key];
    }
  }
  const problems = issues.filter((i) => i.severity === 'error');
  return { record: { ...rec, data, ...derived(def, data) }, fixes, problems };
}
