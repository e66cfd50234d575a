/**
 * The generic HistoryPanel prints fields it does not know as JSON. For a complaint it gets a copy
 * of the entry where the money rows (before and after each change) are readable text, and a
 * definition that names them, so a writer reads "होल्ड/लीन: 1) Axis XXXX7788 ₹30,000.00 …".
 */
import { bi } from '@/domain/bilingual';
import { formatDateIN } from '@/domain/dates';
import { formatRupees } from '@/domain/money';
import type { StoredRecord } from '@/domain/records';
import { MONEY_ROW_KEYS, moneyRowsOf } from '@/domain/complaints/money-rows';
import { optionLabel, REFUND_ROUTES, TRANSACTION_MODES } from '@/domain/registers/complaint-options';
import type { FieldDef, RegisterDef } from '@/domain/registers/types';
import { complaintRegister } from '@/domain/registers/complaint';
import { maskMobile } from '@/domain/normalize';

type Lang = 'hi' | 'en';

const ROW_FIELDS: FieldDef[] = [
  { key: 'transactions', label: bi('लेन-देन विवरण', 'Transactions'), type: 'text' },
  { key: 'holds', label: bi('होल्ड/लीन', 'Holds'), type: 'text' },
  { key: 'refunds', label: bi('राशि वापसी', 'Refunds'), type: 'text' },
];

/** The complaint register plus named text fields for its money rows (display only). */
export const historyDef: RegisterDef = { ...complaintRegister, fields: [...complaintRegister.fields, ...ROW_FIELDS] };

const acct = (v: string | null | undefined) => (v ? `XXXX${v}` : '');
const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && String(p).trim()).join(' ');

/** One money list as text, e.g. '1) Axis XXXX7788 ₹30,000.00 29-11-2026'. */
export function moneyRowsText(key: (typeof MONEY_ROW_KEYS)[number], value: unknown, lang: Lang): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rows = moneyRowsOf({ [key]: value });
  const label = (opts: typeof TRANSACTION_MODES, v: unknown) => optionLabel(opts, v)?.[lang] ?? String(v ?? '');
  const lines =
    key === 'transactions'
      ? rows.transactions.map((t) =>
          join(formatDateIN(t.at), `₹${formatRupees(t.amount)}`, label(TRANSACTION_MODES, t.mode), t.utr ? `UTR ${t.utr}` : '', t.victimBank, acct(t.victimAccount), t.beneficiaryBank || t.beneficiaryAccount || t.beneficiaryUpi ? '→' : '', t.beneficiaryBank, acct(t.beneficiaryAccount), t.beneficiaryIfsc, t.beneficiaryUpi),
        )
      : key === 'holds'
        ? rows.holds.map((h) => join(h.bank, acct(h.account), `₹${formatRupees(h.amount)}`, formatDateIN(h.date)))
        : rows.refunds.map((r) => join(`₹${formatRupees(r.amount)}`, formatDateIN(r.date), label(REFUND_ROUTES, r.route)));
  return lines.map((l, i) => `${i + 1}) ${l}`).join('; ');
}

const MOBILES = complaintRegister.fields.filter((f) => f.personal && f.type === 'mobile').map((f) => f.key);
const isRowKey = (k: string): k is (typeof MONEY_ROW_KEYS)[number] => (MONEY_ROW_KEYS as readonly string[]).includes(k);

/**
 * A display copy of the entry whose money rows, now and in every version, read as text; with
 * `unmasked` false the complainant's mobile is masked in every version too.
 */
export function historyRecord(rec: StoredRecord, lang: Lang, unmasked: boolean): StoredRecord {
  const shown = (field: string, v: unknown): unknown => {
    if (isRowKey(field)) return moneyRowsText(field, v, lang);
    if (!unmasked && MOBILES.includes(field) && typeof v === 'string') return maskMobile(v);
    return v;
  };
  const data = Object.fromEntries(Object.entries(rec.data).map(([k, v]) => [k, shown(k, v)]));
  const history = rec.history.map((h) => ({
    ...h,
    changes: h.changes.map((c) => ({ ...c, before: shown(c.field, c.before), after: shown(c.field, c.after) })),
  }));
  return { ...rec, data, history };
}
