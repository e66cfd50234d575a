/**
 * A new complaint as the form starts it, and the money rows between the form (rupee text) and
 * the stored entry (paise, last-4 accounts).
 */
import { bi, DomainError } from '../bilingual';
import { istDate, istDateTime } from '../dates';
import { paiseToInput } from '../money';
import { MONEY_ROW_KEYS, moneyRowsOf, normalizeMoneyRows, type HoldRow, type RefundRow, type TransactionRow } from './money-rows';

export type TransactionDraft = Record<keyof TransactionRow, string>;
export type HoldDraft = Record<keyof HoldRow, string>;
export type RefundDraft = Record<keyof RefundRow, string>;

export interface MoneyDrafts {
  transactions: TransactionDraft[];
  holds: HoldDraft[];
  refunds: RefundDraft[];
}

/** Defaults of a new entry: received now, not yet on NCRP, inquiry, status 'received'. */
export function newComplaintDraft(now: Date, settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receivedAt: istDateTime(now),
    gdDate: istDate(now),
    source: null,
    ncrpState: 'not-filed',
    called1930: false,
    victimDifferent: false,
    complainantThana: typeof settings.thanaName === 'string' && settings.thanaName ? settings.thanaName : null,
    complainantDistrict: typeof settings.district === 'string' && settings.district ? settings.district : null,
    action: 'inquiry',
    status: 'received',
    statusSince: istDate(now),
    transactions: [],
    holds: [],
    refunds: [],
  };
}

const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Stored rows → what the money editor shows (rupee text). */
export function moneyDraftsOf(data: Record<string, unknown>): MoneyDrafts {
  const rows = moneyRowsOf(data);
  return {
    transactions: rows.transactions.map((t) => ({
      at: s(t.at),
      amount: paiseToInput(t.amount),
      mode: s(t.mode),
      utr: s(t.utr),
      victimBank: s(t.victimBank),
      victimAccount: s(t.victimAccount),
      beneficiaryBank: s(t.beneficiaryBank),
      beneficiaryAccount: s(t.beneficiaryAccount),
      beneficiaryIfsc: s(t.beneficiaryIfsc),
      beneficiaryUpi: s(t.beneficiaryUpi),
    })),
    holds: rows.holds.map((h) => ({ bank: s(h.bank), account: s(h.account), amount: paiseToInput(h.amount), date: s(h.date) })),
    refunds: rows.refunds.map((r) => ({ amount: paiseToInput(r.amount), date: s(r.date), route: s(r.route) })),
  };
}

/**
 * The entry's input with its money rows in the stored shape. An amount that is not rupees is
 * refused here (nothing is saved), with the row and column in the issue's field.
 */
export function withStoredMoneyRows(input: Record<string, unknown>): Record<string, unknown> {
  const present = MONEY_ROW_KEYS.filter((k) => k in input);
  if (present.length === 0) return input;
  const { rows, issues } = normalizeMoneyRows(input);
  if (issues.length)
    throw new DomainError('validation', bi('राशि की पंक्तियों में त्रुटि है, कृपया सुधारें', 'The money rows have errors, please correct them'), issues);
  const out = { ...input };
  for (const k of present) out[k] = rows[k];
  return out;
}
