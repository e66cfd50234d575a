/**
 * The complaint's money as paper prints it (issue #16 item 4): each transaction (date-time, UTR,
 * amount), each hold and refund, the flags, and the amount lost in Hindi words. Lines of text: the
 * print keeps each value whole (a no-break space inside a date-time) and wraps only between them.
 */
import { formatDateIN } from '../dates';
import { formatRupees, isPaise, rupeesInHindiWords } from '../money';
import { REFUND_ROUTES, TRANSACTION_MODES } from '../registers/complaint-options';
import { complaintFlags, flagBadges, formatDelay } from './flags';
import { moneyRowsOf, moneyTotals } from './money-rows';

const NBSP = '\u00a0';

/** '12-11-2026 14:05' with a no-break space: a date-time never splits on paper. */
export function paperDateTime(at: unknown): string {
  if (typeof at !== 'string' || at.length < 10) return '—';
  const date = formatDateIN(at.slice(0, 10));
  return at.length >= 16 ? `${date}${NBSP}${at.slice(11, 16)}` : date;
}

const amount = (paise: unknown) => (isPaise(paise) ? `₹${formatRupees(paise)}` : '—');
const label = (options: { value: string; label: { hi: string } }[], v: unknown) => options.find((o) => o.value === v)?.label.hi ?? (v ? String(v) : '');
const acct = (last4: unknown) => (last4 ? `XXXX${String(last4)}` : '');

/** One line per transaction: date-time · mode · UTR · amount. */
export function transactionLines(data: Record<string, unknown>): string[] {
  return moneyRowsOf(data).transactions.map((t, i) =>
    [`${i + 1}.`, paperDateTime(t.at), label(TRANSACTION_MODES, t.mode), t.utr ? `यूटीआर ${t.utr}` : 'यूटीआर —', amount(t.amount)].filter(Boolean).join(' '),
  );
}

/** One line per hold (bank, account, date, amount), then one per refund (date, route, amount). */
export function holdRefundLines(data: Record<string, unknown>): string[] {
  const { holds, refunds } = moneyRowsOf(data);
  return [
    ...holds.map((h) => ['होल्ड', h.bank, acct(h.account), formatDateIN(h.date), amount(h.amount)].filter(Boolean).join(' ')),
    ...refunds.map((r) => ['वापसी', formatDateIN(r.date), label(REFUND_ROUTES, r.route), amount(r.amount)].filter(Boolean).join(' ')),
  ];
}

/** The amount lost in Hindi words ('एक लाख … रुपये'), when money was lost. */
export function lostInWords(data: Record<string, unknown>): string[] {
  const { lost } = moneyTotals(data);
  return lost > 0 ? [`(${rupeesInHindiWords(lost)})`] : [];
}

/** The flags worth printing: golden hour, within 24 h or late, ₹10 lakh or more, no NCRP number, the delay. */
export function flagLines(data: Record<string, unknown>): string[] {
  const lines = flagBadges(data).map((b) => b.label.hi);
  const f = complaintFlags(data);
  if (f.delayMinutes !== null && f.goldenHour !== null) lines.push(`सूचना में विलंब: ${formatDelay(f.delayMinutes).hi}`);
  return lines;
}
