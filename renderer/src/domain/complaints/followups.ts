/**
 * Follow-up lists for the nodal officer (domain.md §7, thana item 6): old pending complaints,
 * money cases with no NCRP number, holds with no court application, refunds awaiting.
 * Pure functions over entries; the database side picks candidates through indexes first.
 */
import { bi, type Bilingual } from '../bilingual';
import { daysBetween } from '../dates';
import type { Paise } from '../money';
import type { StoredRecord } from '../records';
import { hasNcrpAck } from './flags';
import { moneyRowsOf, moneyTotals } from './money-rows';
import { OPEN_STATUSES, type ComplaintStatus } from './workflow';

export type FollowUpKind = 'pending7' | 'pending30' | 'noNcrp' | 'holdNoCourt' | 'refundAwaited';

export const FOLLOW_UPS: { kind: FollowUpKind; label: Bilingual; help: Bilingual }[] = [
  { kind: 'pending7', label: bi('7 दिन से अधिक लंबित', 'Pending over 7 days'), help: bi('प्राप्ति से 7 दिन से अधिक, अभी खुली', 'Received over 7 days ago and still open') },
  { kind: 'pending30', label: bi('30 दिन से अधिक लंबित', 'Pending over 30 days'), help: bi('प्राप्ति से 30 दिन से अधिक, अभी खुली', 'Received over 30 days ago and still open') },
  { kind: 'noNcrp', label: bi('राशि वाले मामले, एनसीआरपी क्रमांक नहीं', 'Money cases without NCRP number'), help: bi('ठगी की राशि है पर एनसीआरपी पावती क्रमांक नहीं', 'Money was lost but no NCRP acknowledgement is recorded') },
  { kind: 'holdNoCourt', label: bi('होल्ड, न्यायालय आवेदन नहीं', 'Holds without court application'), help: bi('राशि होल्ड है, वापसी शेष है, न्यायालय में आवेदन नहीं', 'Money on hold, still to be refunded, no court application') },
  { kind: 'refundAwaited', label: bi('वापसी प्रतीक्षित', 'Refunds awaited'), help: bi('होल्ड राशि जिसकी वापसी शेष है', 'Held money still to be refunded') },
];

function live(r: StoredRecord): boolean {
  return !r.cancelled;
}

export function isOpen(r: StoredRecord): boolean {
  return OPEN_STATUSES.includes(r.data.status as ComplaintStatus);
}

/** Whole days since the complaint was received. */
export function ageDays(r: StoredRecord, today: string): number {
  const at = r.data.receivedAt;
  return typeof at === 'string' ? daysBetween(at.slice(0, 10), today) : 0;
}

export function pendingOver(records: Iterable<StoredRecord>, today: string, days: number): StoredRecord[] {
  return [...records].filter((r) => live(r) && isOpen(r) && ageDays(r, today) > days).sort(byReceived);
}

export function moneyWithoutNcrp(records: Iterable<StoredRecord>): StoredRecord[] {
  return [...records].filter((r) => live(r) && moneyTotals(r.data).lost > 0 && !hasNcrpAck(r.data)).sort(byReceived);
}

export function holdsWithoutCourtApplication(records: Iterable<StoredRecord>): StoredRecord[] {
  return [...records].filter((r) => live(r) && moneyTotals(r.data).pending > 0 && !r.data.courtApplicationDate).sort(byFirstHold);
}

export function refundsAwaited(records: Iterable<StoredRecord>): StoredRecord[] {
  return [...records].filter((r) => live(r) && moneyTotals(r.data).pending > 0).sort(byFirstHold);
}

function byReceived(a: StoredRecord, b: StoredRecord): number {
  return String(a.data.receivedAt ?? '').localeCompare(String(b.data.receivedAt ?? ''));
}

/** The date money was first put on hold, or null. */
export function firstHoldDate(r: StoredRecord): string | null {
  return (
    moneyRowsOf(r.data)
      .holds.map((h) => h.date)
      .filter((d) => typeof d === 'string' && d)
      .sort()[0] ?? null
  );
}

function byFirstHold(a: StoredRecord, b: StoredRecord): number {
  return String(firstHoldDate(a) ?? '').localeCompare(String(firstHoldDate(b) ?? '')) || byReceived(a, b);
}

export type FollowUps = Record<FollowUpKind, StoredRecord[]>;

/** Every list at once, from the same entries. */
export function followUpLists(records: StoredRecord[], today: string): FollowUps {
  return {
    pending7: pendingOver(records, today, 7),
    pending30: pendingOver(records, today, 30),
    noNcrp: moneyWithoutNcrp(records),
    holdNoCourt: holdsWithoutCourtApplication(records),
    refundAwaited: refundsAwaited(records),
  };
}

export interface HeldByYear {
  year: string;
  count: number;
  held: Paise;
  refunded: Paise;
  pending: Paise;
}

/** Held amounts awaiting refund, year by year of receipt (the ACCU Bilaspur list). */
export function heldAwaitingByYear(records: Iterable<StoredRecord>): HeldByYear[] {
  const by = new Map<string, HeldByYear>();
  for (const r of records) {
    if (!live(r)) continue;
    const t = moneyTotals(r.data);
    if (t.pending <= 0) continue;
    const year = String(r.data.receivedAt ?? '').slice(0, 4) || '—';
    const row = by.get(year) ?? { year, count: 0, held: 0, refunded: 0, pending: 0 };
    row.count += 1;
    row.held += t.held;
    row.refunded += t.refunded;
    row.pending += t.pending;
    by.set(year, row);
  }
  return [...by.values()].sort((a, b) => a.year.localeCompare(b.year));
}
