/**
 * The money of a complaint: transactions, holds and refunds as repeatable rows kept inside the
 * complaint's data (keys `transactions`, `holds`, `refunds`). The generic field types have no row
 * type, so these keys are not FieldDefs: the register keeps them as data, `normalizeMoneyRows`
 * turns what a form hands over into the stored shape, and the register's `validateRecord` refuses
 * anything else (so import and sync obey the same rules). Amounts are integer paise; accounts
 * and cards are kept as their last four digits only.
 */
import { bi, type Bilingual, type Issue } from '../bilingual';
import { isValidDate, isValidDateTime } from '../dates';
import { formatRupees, isPaise, parseRupees, sumPaise, type Paise } from '../money';
import { last4 } from '../normalize';
import { REFUND_ROUTES, TRANSACTION_MODES } from '../registers/complaint-options';
import type { RowArrayDef } from '../registers/types';

export interface TransactionRow {
  /** 'YYYY-MM-DDTHH:mm' IST: when the money left the victim's account. */
  at: string;
  amount: Paise;
  mode: string;
  /** UTR / transaction id, upper-case without spaces. */
  utr: string | null;
  victimBank: string | null;
  /** Last 4 digits only. */
  victimAccount: string | null;
  beneficiaryBank: string | null;
  /** Last 4 digits only. */
  beneficiaryAccount: string | null;
  beneficiaryIfsc: string | null;
  beneficiaryUpi: string | null;
}

export interface HoldRow {
  bank: string;
  /** Last 4 digits only. */
  account: string | null;
  amount: Paise;
  /** 'YYYY-MM-DD' */
  date: string;
}

export interface RefundRow {
  amount: Paise;
  date: string;
  route: string;
}

export interface MoneyRows {
  transactions: TransactionRow[];
  holds: HoldRow[];
  refunds: RefundRow[];
}

export const MONEY_ROW_KEYS = ['transactions', 'holds', 'refunds'] as const;

/** The rows' shape and limits, declared on the complaint register (read by the hub's validation). */
export const MONEY_ROW_ARRAYS: RowArrayDef[] = [
  {
    key: 'transactions',
    maxRows: 200,
    fields: [
      { key: 'at', type: 'datetime', maxLength: 16 },
      { key: 'amount', type: 'money' },
      { key: 'mode', type: 'select', maxLength: 40 },
      { key: 'utr', type: 'text', maxLength: 40 },
      { key: 'victimBank', type: 'text', maxLength: 100 },
      { key: 'victimAccount', type: 'last4', maxLength: 4 },
      { key: 'beneficiaryBank', type: 'text', maxLength: 100 },
      { key: 'beneficiaryAccount', type: 'last4', maxLength: 4 },
      { key: 'beneficiaryIfsc', type: 'text', maxLength: 11 },
      { key: 'beneficiaryUpi', type: 'text', maxLength: 100 },
    ],
  },
  {
    key: 'holds',
    maxRows: 200,
    fields: [
      { key: 'bank', type: 'text', maxLength: 100 },
      { key: 'account', type: 'last4', maxLength: 4 },
      { key: 'amount', type: 'money' },
      { key: 'date', type: 'date', maxLength: 10 },
    ],
  },
  {
    key: 'refunds',
    maxRows: 200,
    fields: [
      { key: 'amount', type: 'money' },
      { key: 'date', type: 'date', maxLength: 10 },
      { key: 'route', type: 'select', maxLength: 40 },
    ],
  },
];

export interface MoneyTotals {
  lost: Paise;
  held: Paise;
  refunded: Paise;
  /** held − refunded: what still waits to go back to the victim. */
  pending: Paise;
}

/** Refunds under this amount may go by the MHA SOP without a court order (Jan 2026; confirm locally). */
export const SOP_LIMIT_PAISE = 50_000_00;

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
}

/** The stored rows of a complaint (missing arrays read as empty). */
export function moneyRowsOf(data: Record<string, unknown>): MoneyRows {
  return {
    transactions: list(data.transactions) as unknown as TransactionRow[],
    holds: list(data.holds) as unknown as HoldRow[],
    refunds: list(data.refunds) as unknown as RefundRow[],
  };
}

function amountsOf(rows: { amount: unknown }[]): Paise {
  return sumPaise(rows.map((r) => r.amount).filter(isPaise));
}

/** Lost, held, refunded and pending, summed in paise from the rows (never typed). */
export function moneyTotals(data: Record<string, unknown>): MoneyTotals {
  const rows = moneyRowsOf(data);
  const lost = amountsOf(rows.transactions);
  const held = amountsOf(rows.holds);
  const refunded = amountsOf(rows.refunds);
  return { lost, held, refunded, pending: Math.max(0, held - refunded) };
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
};

/** Whatever was typed for an account or card (full number, 'XXXX1234') → its last 4 digits. */
function account(v: unknown): string | null {
  const s = text(v);
  if (s === null) return null;
  return last4(s) ?? s.replace(/\D/g, '');
}

function wallClock(v: unknown): string | null {
  const s = text(v);
  return s === null ? null : s.replace(' ', 'T').slice(0, 16);
}

/** A stored amount is paise (number); a typed amount is rupee text. */
function amount(v: unknown, field: string, issues: Issue[]): Paise {
  if (typeof v === 'number') return v;
  const { paise, error } = parseRupees(v);
  if (error) issues.push({ field, code: 'money', severity: 'error', message: error });
  return paise ?? 0;
}

/**
 * Form or stored rows → stored rows. Amounts given as text are rupees, numbers are already paise;
 * account numbers are cut to their last four digits here, before anything is saved.
 */
export function normalizeMoneyRows(input: Record<string, unknown>): { rows: MoneyRows; issues: Issue[] } {
  const issues: Issue[] = [];
  const transactions = list(input.transactions).map(
    (r, i): TransactionRow => ({
      at: wallClock(r.at) ?? '',
      amount: amount(r.amount, `transactions.${i}.amount`, issues),
      mode: text(r.mode) ?? '',
      utr: text(r.utr)?.replace(/\s/g, '').toUpperCase() ?? null,
      victimBank: text(r.victimBank),
      victimAccount: account(r.victimAccount),
      beneficiaryBank: text(r.beneficiaryBank),
      beneficiaryAccount: account(r.beneficiaryAccount),
      beneficiaryIfsc: text(r.beneficiaryIfsc)?.replace(/\s/g, '').toUpperCase() ?? null,
      beneficiaryUpi: text(r.beneficiaryUpi)?.replace(/\s/g, '').toLowerCase() ?? null,
    }),
  );
  const holds = list(input.holds).map(
    (r, i): HoldRow => ({
      bank: text(r.bank) ?? '',
      account: account(r.account),
      amount: amount(r.amount, `holds.${i}.amount`, issues),
      date: text(r.date) ?? '',
    }),
  );
  const refunds = list(input.refunds).map(
    (r, i): RefundRow => ({
      amount: amount(r.amount, `refunds.${i}.amount`, issues),
      date: text(r.date) ?? '',
      route: text(r.route) ?? '',
    }),
  );
  return { rows: { transactions, holds, refunds }, issues };
}

function rupees(p: Paise): string {
  return `₹${formatRupees(p)}`;
}

export const IFSC_RE = /^[A-Z]{4}0[A-Z0-9]{6}$/;

/**
 * Rules on the stored rows: each row complete and well-formed, accounts as last 4 only, and the
 * amounts consistent (held ≤ lost, refunded ≤ held). Returns errors and warnings.
 */
export function validateMoneyRows(data: Record<string, unknown>, today: string): Issue[] {
  const issues: Issue[] = [];
  const err = (field: string, code: string, message: Bilingual) => issues.push({ field, code, severity: 'error', message });
  const warn = (field: string, code: string, message: Bilingual) => issues.push({ field, code, severity: 'warning', message });
  for (const key of ['transactions', 'holds', 'refunds'] as const) {
    const v = data[key];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((r) => r && typeof r === 'object')))
      err(key, 'money.rows', bi('राशि की पंक्तियाँ सही रूप में नहीं हैं', 'The money rows are not in the right shape'));
  }
  if (issues.length) return issues;
  issues.push(...moneyRowLimitIssues(data));
  if (issues.length) return issues;
  const rows = moneyRowsOf(data);
  const amountOk = (field: string, v: unknown, hiRow: string, enRow: string) => {
    if (!isPaise(v) || v <= 0) err(field, 'money.amount', bi(`${hiRow}: राशि शून्य से अधिक होनी चाहिए`, `${enRow}: the amount must be more than zero`));
  };
  const last4Ok = (field: string, v: unknown, hiRow: string, enRow: string) => {
    if (v !== null && v !== undefined && !(typeof v === 'string' && /^\d{4}$/.test(v)))
      err(field, 'last4', bi(`${hiRow}: खाता/कार्ड के केवल अंतिम 4 अंक लिखें`, `${enRow}: enter only the last 4 digits of the account/card`));
  };
  const dateOk = (field: string, v: unknown, hiRow: string, enRow: string) => {
    if (!isValidDate(v)) err(field, 'date', bi(`${hiRow}: सही दिनांक लिखें`, `${enRow}: enter a valid date`));
    else if (v > today) err(field, 'future', bi(`${hiRow}: दिनांक भविष्य का नहीं हो सकता`, `${enRow}: the date cannot be in the future`));
  };

  rows.transactions.forEach((t, i) => {
    const f = `transactions.${i}`;
    const hiRow = `लेन-देन ${i + 1}`;
    const enRow = `Transaction ${i + 1}`;
    if (!isValidDateTime(t.at)) err(`${f}.at`, 'datetime', bi(`${hiRow}: सही दिनांक-समय लिखें`, `${enRow}: enter a valid date and time`));
    else if (t.at.slice(0, 10) > today) err(`${f}.at`, 'future', bi(`${hiRow}: दिनांक भविष्य का नहीं हो सकता`, `${enRow}: the date cannot be in the future`));
    amountOk(`${f}.amount`, t.amount, hiRow, enRow);
    if (!TRANSACTION_MODES.some((o) => o.value === t.mode)) err(`${f}.mode`, 'option', bi(`${hiRow}: माध्यम सूची में से चुनें`, `${enRow}: choose the mode from the list`));
    last4Ok(`${f}.victimAccount`, t.victimAccount, hiRow, enRow);
    last4Ok(`${f}.beneficiaryAccount`, t.beneficiaryAccount, hiRow, enRow);
    if (t.beneficiaryIfsc && !IFSC_RE.test(t.beneficiaryIfsc))
      warn(`${f}.beneficiaryIfsc`, 'ifsc', bi(`${hiRow}: आईएफएससी 11 अक्षर का होता है (जैसे SBIN0001234)`, `${enRow}: an IFSC has 11 characters (e.g. SBIN0001234)`));
    if (t.beneficiaryUpi && !t.beneficiaryUpi.includes('@'))
      warn(`${f}.beneficiaryUpi`, 'upi', bi(`${hiRow}: यूपीआई आईडी में @ होता है`, `${enRow}: a UPI id contains @`));
    if (!t.utr && (t.mode === 'upi' || t.mode === 'imps' || t.mode === 'neft' || t.mode === 'rtgs'))
      warn(`${f}.utr`, 'utr.missing', bi(`${hiRow}: यूटीआर क्रमांक लिखें (बैंक से होल्ड के लिए आवश्यक)`, `${enRow}: enter the UTR (the bank needs it for a hold)`));
  });
  rows.holds.forEach((h, i) => {
    const f = `holds.${i}`;
    const hiRow = `होल्ड ${i + 1}`;
    const enRow = `Hold ${i + 1}`;
    if (!h.bank) err(`${f}.bank`, 'required', bi(`${hiRow}: बैंक का नाम लिखें`, `${enRow}: enter the bank`));
    last4Ok(`${f}.account`, h.account, hiRow, enRow);
    amountOk(`${f}.amount`, h.amount, hiRow, enRow);
    dateOk(`${f}.date`, h.date, hiRow, enRow);
  });
  rows.refunds.forEach((r, i) => {
    const f = `refunds.${i}`;
    const hiRow = `वापसी ${i + 1}`;
    const enRow = `Refund ${i + 1}`;
    amountOk(`${f}.amount`, r.amount, hiRow, enRow);
    dateOk(`${f}.date`, r.date, hiRow, enRow);
    if (!REFUND_ROUTES.some((o) => o.value === r.route)) err(`${f}.route`, 'option', bi(`${hiRow}: वापसी का माध्यम चुनें`, `${enRow}: choose how the money came back`));
    if (r.route === 'mha-sop' && isPaise(r.amount) && r.amount >= SOP_LIMIT_PAISE)
      warn(`${f}.route`, 'sop.limit', bi(`${hiRow}: एसओपी मार्ग ₹50,000 से कम की राशि के लिए है`, `${enRow}: the SOP route is for amounts under ₹50,000`));
    if (r.route === 'court-order' && !data.courtOrderDate)
      warn(`${f}.route`, 'court.order', bi(`${hiRow}: न्यायालय आदेश दिनांक भी लिखें`, `${enRow}: also enter the court order date`));
  });
  if (issues.some((i) => i.severity === 'error')) return issues;

  const t = moneyTotals(data);
  if (t.held > t.lost)
    err(
      'holds',
      'money.hold-exceeds-loss',
      bi(
        `कुल होल्ड राशि (${rupees(t.held)}) कुल ठगी की राशि (${rupees(t.lost)}) से अधिक नहीं हो सकती`,
        `Total held (${rupees(t.held)}) cannot be more than the total lost (${rupees(t.lost)})`,
      ),
    );
  if (t.refunded > t.held)
    err(
      'refunds',
      'money.refund-exceeds-hold',
      bi(
        `कुल वापसी (${rupees(t.refunded)}) कुल होल्ड राशि (${rupees(t.held)}) से अधिक नहीं हो सकती`,
        `Total refunded (${rupees(t.refunded)}) cannot be more than the total held (${rupees(t.held)})`,
      ),
    );
  return issues;
}

/** Empty rows for the form (amounts as rupee text). */
export function blankTransaction(at = ''): Record<keyof TransactionRow, string> {
  return {
    at,
    amount: '',
    mode: 'upi',
    utr: '',
    victimBank: '',
    victimAccount: '',
    beneficiaryBank: '',
    beneficiaryAccount: '',
    beneficiaryIfsc: '',
    beneficiaryUpi: '',
  };
}

export function blankHold(date = ''): Record<keyof HoldRow, string> {
  return { bank: '', account: '', amount: '', date };
}

export function blankRefund(date = ''): Record<keyof RefundRow, string> {
  return { amount: '', date, route: 'bank-reversal' };
}

const ROW_NAMES: Record<string, Bilingual> = {
  transactions: bi('लेन-देन', 'Transaction'),
  holds: bi('होल्ड', 'Hold'),
  refunds: bi('वापसी', 'Refund'),
};

/** What the typed texts of a row are called, for the messages. */
const TEXT_NAMES: Record<string, Bilingual> = {
  utr: bi('यूटीआर', 'UTR'),
  victimBank: bi('पीड़ित का बैंक', 'victim’s bank'),
  beneficiaryBank: bi('लाभार्थी बैंक', 'beneficiary bank'),
  beneficiaryIfsc: bi('आईएफएससी', 'IFSC'),
  beneficiaryUpi: bi('यूपीआई आईडी', 'UPI id'),
  bank: bi('बैंक', 'bank'),
};

/** The most characters a typed text of a money row may have (MONEY_ROW_ARRAYS); forms use it as maxlength. */
export function moneyTextLimit(rows: 'transactions' | 'holds' | 'refunds', key: string): number | undefined {
  return MONEY_ROW_ARRAYS.find((a) => a.key === rows)?.fields.find((f) => f.key === key)?.maxLength;
}

/** Row counts and text lengths against the limits the register declares (MONEY_ROW_ARRAYS). */
function moneyRowLimitIssues(data: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const arr of MONEY_ROW_ARRAYS) {
    const rows = list(data[arr.key]);
    const name = ROW_NAMES[arr.key] ?? bi(arr.key, arr.key);
    if (rows.length > arr.maxRows)
      issues.push({ field: arr.key, code: 'money.rows.max', severity: 'error', message: bi(`${name.hi} की पंक्तियाँ ${arr.maxRows} से अधिक नहीं हो सकतीं`, `No more than ${arr.maxRows} ${name.en.toLowerCase()} rows`) });
    rows.forEach((r, i) => {
      for (const f of arr.fields) {
        const v = r[f.key];
        // An account field is checked below as "last 4 digits only", the message that tells the
        // writer what to do with a full account number; the length alone would not.
        if (f.type === 'last4') continue;
        if (f.maxLength === undefined || v === null || v === undefined || String(v).length <= f.maxLength) continue;
        const what = TEXT_NAMES[f.key] ?? bi(f.key, f.key);
        issues.push({
          field: `${arr.key}.${i}.${f.key}`,
          code: 'length',
          severity: 'error',
          message: bi(`${name.hi} ${i + 1}: "${what.hi}" ${f.maxLength} अक्षरों से अधिक नहीं हो सकता`, `${name.en} ${i + 1}: the ${what.en} cannot be longer than ${f.maxLength} characters`),
        });
      }
    });
  }
  return issues;
}
