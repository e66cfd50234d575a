/**
 * The figures a return is made of, for one thana and one period: what the report lines
 * (lines.ts) read. db/dashboard.ts fills them from the running totals and a few index walks; the
 * district will fill one per thana from the hub and print the same lines thana-wise.
 */
import { complaintTotalValues, type ComplaintTotalValues } from '../complaints/totals';
import { isOpen, ageDays } from '../complaints/followups';
import type { StoredRecord } from '../records';
import { isTrained } from '../roster/rules';
import { EMPTY_TOTALS, type OutreachTotals } from '../outreach/totals';
import { EMPTY_COMPLAINT_VALUES } from './review';
import { countsIn, figureDef } from './definitions';

/** Figures over one window of dates (the period, or the campaign up to the period's end). */
export interface WindowFigures {
  outreach: OutreachTotals;
  byType: Record<string, OutreachTotals>;
  byMode: Record<string, OutreachTotals>;
  byArea: Record<string, OutreachTotals>;
  /** Places of the master list with an activity in the window, by kind (village, ward, locality). */
  placesCovered: Record<string, number>;
  /** Distinct schools and colleges (by name) where sessions were held. */
  institutions: { school: number; college: number };
  /** Distinct Mitans present at an activity in the window. */
  mitansTookPart: number;
  /** Mitans whose consent (joining) date / training date falls in the window (definitions.ts: enrolled, trained). */
  mitans: { enrolled: number; trained: number };
  teamsFormed: number;
  complaints: ComplaintTotalValues;
  complaintsBySource: Record<string, ComplaintTotalValues>;
  complaintsByCategory: Record<string, ComplaintTotalValues>;
}

export type ReturnKind = 'daily' | 'weekly' | 'monthly';

export interface ReturnFigures {
  kind: ReturnKind;
  from: string;
  to: string;
  /**
   * The first day the to-date window has data for (its first activity, or the period's start):
   * the to-date column counts everything up to the period's end, however early.
   */
  cumulativeFrom: string;
  campaignStart: string | null;
  campaignEnd: string | null;
  thanaTarget: number | null;
  /** The master list of villages and wards, by kind. */
  places: Record<string, number>;
  /** Team strength as it stands (strength has no history): teams at their target, of all live teams. */
  teams: { total: number; atStrength: number };
  /** Active Mitans as the roster stands (a standing figure: definitions.ts 'active'). */
  mitansActive: number;
  /** Complaints received by the period's end and still open, by age at the period's end. */
  pendency: { open: number; over7: number; over30: number };
  period: WindowFigures;
  cumulative: WindowFigures;
}

export function emptyWindow(): WindowFigures {
  return {
    outreach: { ...EMPTY_TOTALS },
    byType: {},
    byMode: {},
    byArea: {},
    placesCovered: {},
    institutions: { school: 0, college: 0 },
    mitansTookPart: 0,
    mitans: { enrolled: 0, trained: 0 },
    teamsFormed: 0,
    complaints: { ...EMPTY_COMPLAINT_VALUES },
    complaintsBySource: {},
    complaintsByCategory: {},
  };
}

export function addComplaintValues(a: ComplaintTotalValues, b: ComplaintTotalValues): ComplaintTotalValues {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof ComplaintTotalValues)[]) out[k] += b[k];
  return out;
}

const inWindow = (d: unknown, from: string, to: string) => typeof d === 'string' && d.slice(0, 10) >= from && d.slice(0, 10) <= to;

/** Complaints received in a window, folded into the abstract (cancelled ones left out). */
export function foldComplaints(w: WindowFigures, complaints: Iterable<StoredRecord>, from: string, to: string): void {
  for (const r of complaints) {
    if (r.cancelled || !inWindow(r.data.receivedAt, from, to)) continue;
    const v = complaintTotalValues(r.data);
    w.complaints = addComplaintValues(w.complaints, v);
    const s = String(r.data.source ?? '');
    const c = String(r.data.ncrpCategory ?? '');
    w.complaintsBySource[s] = addComplaintValues(w.complaintsBySource[s] ?? { ...EMPTY_COMPLAINT_VALUES }, v);
    w.complaintsByCategory[c] = addComplaintValues(w.complaintsByCategory[c] ?? { ...EMPTY_COMPLAINT_VALUES }, v);
  }
}

/** Mitans who joined (consent date) or were trained in a window ('' from: to date), by the one definition of each. */
export function foldMitans(w: WindowFigures, mitans: Iterable<StoredRecord>, from: string, to: string): void {
  const win = { from: from || null, to };
  const enrolled = figureDef('enrolled');
  const trained = figureDef('trained');
  for (const r of mitans) {
    if (countsIn(enrolled, r, win)) w.mitans.enrolled++;
    if (isTrained(r.data) && countsIn(trained, r, win)) w.mitans.trained++;
  }
}

export function foldTeams(w: WindowFigures, teams: Iterable<StoredRecord>, from: string, to: string): void {
  for (const t of teams) if (!t.cancelled && inWindow(t.data.formedOn, from, to)) w.teamsFormed++;
}

/** The name of a school or college as written, for counting distinct ones. */
export function institutionKey(name: unknown): string {
  return typeof name === 'string' ? name.normalize('NFC').toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim() : '';
}

/** Distinct schools and colleges among outreach entries of a window. */
export function foldInstitutions(w: WindowFigures, entries: Iterable<StoredRecord>, from: string, to: string): void {
  const seen = { school: new Set<string>(), college: new Set<string>() };
  for (const e of entries) {
    const type = e.data.activityType;
    if (e.cancelled || (type !== 'school' && type !== 'college') || !inWindow(e.data.date, from, to)) continue;
    const key = institutionKey(e.data.institution) || `place:${String(e.data.placeId ?? e.id)}`;
    seen[type].add(key);
  }
  w.institutions = { school: seen.school.size, college: seen.college.size };
}

/** Open complaints received by `asOf`, by age at `asOf` (the follow-up lists' 7 and 30 days). */
export function pendencyAt(complaints: Iterable<StoredRecord>, asOf: string): ReturnFigures['pendency'] {
  const out = { open: 0, over7: 0, over30: 0 };
  for (const r of complaints) {
    if (r.cancelled || !isOpen(r) || String(r.data.receivedAt ?? '').slice(0, 10) > asOf) continue;
    out.open++;
    const age = ageDays(r, asOf);
    if (age > 7) out.over7++;
    if (age > 30) out.over30++;
  }
  return out;
}
