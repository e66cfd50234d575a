/**
 * Computed flags of a complaint (domain.md §1.4, §1.6): the golden hour, ₹10 lakh or more, and a
 * money case with no NCRP acknowledgement. Computed from the entry, never typed.
 */
import { bi, type Bilingual } from '../bilingual';
import { isValidDateTime, istToInstant } from '../dates';
import type { Paise } from '../money';
import { moneyRowsOf, moneyTotals } from './money-rows';

/** ₹10 lakh: NCRP/1930 complaints above this become e-Zero FIRs (May 2025 pilot). */
export const HIGH_VALUE_PAISE: Paise = 10_00_000_00;
export const GOLDEN_HOUR_MINUTES = 60;
export const DAY_MINUTES = 24 * 60;

/** The earliest fraudulent transaction ('YYYY-MM-DDTHH:mm'), or null without transactions. */
export function firstTransactionAt(data: Record<string, unknown>): string | null {
  const times = moneyRowsOf(data)
    .transactions.map((t) => t.at)
    .filter(isValidDateTime)
    .sort();
  return times[0] ?? null;
}

/** When the victim (or the thana) first reported to 1930 or NCRP: the earlier of the two times. */
export function reportedToHelplineAt(data: Record<string, unknown>): string | null {
  const times = [data.called1930 ? data.called1930At : null, data.ncrpState === 'filed' ? data.ncrpFiledAt : null]
    .filter(isValidDateTime)
    .sort();
  return times[0] ?? null;
}

/** Minutes from the first transaction to the report (0 when reported before it), or null. */
export function reportingDelayMinutes(data: Record<string, unknown>): number | null {
  const first = firstTransactionAt(data);
  const reported = reportedToHelplineAt(data);
  if (!first || !reported) return null;
  return Math.max(0, Math.round((istToInstant(reported).getTime() - istToInstant(first).getTime()) / 60_000));
}

export function hasNcrpAck(data: Record<string, unknown>): boolean {
  return data.ncrpState === 'filed' && typeof data.ncrpAck === 'string' && data.ncrpAck.trim() !== '';
}

export interface ComplaintFlags {
  /** null when no money was lost (not a money case). */
  goldenHour: boolean | null;
  within24h: boolean | null;
  highValue: boolean;
  ncrpMissing: boolean;
  delayMinutes: number | null;
}

export function complaintFlags(data: Record<string, unknown>): ComplaintFlags {
  const { lost } = moneyTotals(data);
  const delay = reportingDelayMinutes(data);
  const moneyCase = lost > 0;
  return {
    goldenHour: moneyCase ? delay !== null && delay <= GOLDEN_HOUR_MINUTES : null,
    within24h: moneyCase ? delay !== null && delay <= DAY_MINUTES : null,
    highValue: lost >= HIGH_VALUE_PAISE,
    ncrpMissing: moneyCase && !hasNcrpAck(data),
    delayMinutes: delay,
  };
}

/** '2 घंटे 5 मिनट' / '2 h 5 min'; days for long delays. */
export function formatDelay(minutes: number | null): Bilingual {
  if (minutes === null) return bi('—', '—');
  const d = Math.floor(minutes / DAY_MINUTES);
  const h = Math.floor((minutes % DAY_MINUTES) / 60);
  const m = minutes % 60;
  const hi: string[] = [];
  const en: string[] = [];
  if (d) {
    hi.push(`${d} दिन`);
    en.push(`${d} d`);
  }
  if (h) {
    hi.push(`${h} घंटे`);
    en.push(`${h} h`);
  }
  if (m || (!d && !h)) {
    hi.push(`${m} मिनट`);
    en.push(`${m} min`);
  }
  return bi(hi.join(' '), en.join(' '));
}

export interface FlagBadge {
  key: 'goldenHour' | 'within24h' | 'late' | 'highValue' | 'ncrpMissing';
  label: Bilingual;
  tone: 'ok' | 'warn' | 'danger';
}

/** The flags worth showing on the entry, in order of urgency. */
export function flagBadges(data: Record<string, unknown>): FlagBadge[] {
  const f = complaintFlags(data);
  const out: FlagBadge[] = [];
  if (f.highValue) out.push({ key: 'highValue', tone: 'danger', label: bi('₹10 लाख या अधिक', '₹10 lakh or more') });
  if (f.ncrpMissing) out.push({ key: 'ncrpMissing', tone: 'danger', label: bi('एनसीआरपी पावती क्रमांक नहीं', 'No NCRP acknowledgement') });
  if (f.goldenHour) out.push({ key: 'goldenHour', tone: 'ok', label: bi('गोल्डन ऑवर में सूचना', 'Reported within the golden hour') });
  else if (f.within24h) out.push({ key: 'within24h', tone: 'warn', label: bi('24 घंटे के भीतर सूचना', 'Reported within 24 hours') });
  else if (f.goldenHour === false)
    out.push({ key: 'late', tone: 'warn', label: bi('1930/एनसीआरपी पर 24 घंटे बाद या सूचना नहीं', '1930/NCRP reported after 24 hours, or not at all') });
  return out;
}
