/**
 * What one complaint adds to the running totals the dashboard and the returns read
 * (domain.md §7 SP item 3: counts, lost / held / refunded / pending, golden-hour share, FIRs).
 * The repository keeps these in the same transaction as the entry.
 */
import type { TotalContribution } from '../registers/types';
import { complaintFlags } from './flags';
import { moneyTotals } from './money-rows';
import { OPEN_STATUSES, type ComplaintStatus } from './workflow';

export const COMPLAINT_TOTAL_KEYS = {
  all: 'complaint:all',
  year: (y: string | number) => `complaint:year:${y}`,
  month: (ym: string) => `complaint:month:${ym}`,
  source: (s: string) => `complaint:source:${s}`,
  category: (c: string) => `complaint:category:${c}`,
  modus: (m: string) => `complaint:modus:${m}`,
  status: (s: string) => `complaint:status:${s}`,
};

/** The values each key carries: counts and paise sums. */
export interface ComplaintTotalValues {
  count: number;
  /** Entries with money lost. */
  moneyCases: number;
  lost: number;
  held: number;
  refunded: number;
  pending: number;
  goldenHour: number;
  within24h: number;
  highValue: number;
  ncrpMissing: number;
  fir: number;
  open: number;
}

export function complaintTotalValues(data: Record<string, unknown>): ComplaintTotalValues {
  const m = moneyTotals(data);
  const f = complaintFlags(data);
  return {
    count: 1,
    moneyCases: m.lost > 0 ? 1 : 0,
    lost: m.lost,
    held: m.held,
    refunded: m.refunded,
    pending: m.pending,
    goldenHour: f.goldenHour ? 1 : 0,
    within24h: f.within24h ? 1 : 0,
    highValue: f.highValue ? 1 : 0,
    ncrpMissing: f.ncrpMissing ? 1 : 0,
    fir: data.action === 'fir' ? 1 : 0,
    open: OPEN_STATUSES.includes(data.status as ComplaintStatus) ? 1 : 0,
  };
}

export function complaintTotals(data: Record<string, unknown>): TotalContribution[] {
  const values = complaintTotalValues(data) as unknown as Record<string, number>;
  const at = typeof data.receivedAt === 'string' ? data.receivedAt : '';
  const keys = [COMPLAINT_TOTAL_KEYS.all];
  if (at) keys.push(COMPLAINT_TOTAL_KEYS.year(at.slice(0, 4)), COMPLAINT_TOTAL_KEYS.month(at.slice(0, 7)));
  if (typeof data.source === 'string') keys.push(COMPLAINT_TOTAL_KEYS.source(data.source));
  if (typeof data.ncrpCategory === 'string') keys.push(COMPLAINT_TOTAL_KEYS.category(data.ncrpCategory));
  if (typeof data.modus === 'string') keys.push(COMPLAINT_TOTAL_KEYS.modus(data.modus));
  if (typeof data.status === 'string') keys.push(COMPLAINT_TOTAL_KEYS.status(data.status));
  return keys.map((key) => ({ key, values: { ...values } }));
}

/** Whole-number percentage, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 100) / whole) : null;
}
