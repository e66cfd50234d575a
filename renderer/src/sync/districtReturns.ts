/**
 * The figures of a daily, weekly or monthly return for one thana, answered by the hub's views
 * (issue #15 §4): the same `ReturnFigures` db/returns.ts fills at the thana from its running
 * totals, so domain/reports prints them thana-wise with the same lines. Each window is a handful
 * of key-range queries; no document is read.
 */
import { addDays, isValidDate } from '@/domain/dates';
import { ACTIVITY_TYPES, MODES } from '@/domain/outreach/options';
import { addTotals, asTotals, type OutreachTotals } from '@/domain/outreach/totals';
import { AREA_TYPES } from '@/domain/registers/place';
import { addComplaintValues, emptyWindow, type ReturnFigures, type WindowFigures } from '@/domain/reports/figures';
import { EMPTY_COMPLAINT_VALUES } from '@/domain/reports/review';
import type { ReturnPeriod } from '@/domain/reports/returns';
import { complaintsOf, HIGH, outreachOf, strengthsOf, type ThanaInfo, type ViewReader } from './districtFigures';
import { HELD_FIELDS } from './districtViews';

const BREAKDOWNS: ['type' | 'mode' | 'area', string[]][] = [
  ['type', ACTIVITY_TYPES.map((a) => a.value)],
  ['mode', MODES.map((m) => m.value)],
  ['area', AREA_TYPES.map((a) => a.value)],
];

const ym = (d: string) => d.slice(0, 7);

interface Standing {
  placeKind: Map<string, string>;
  teams: { formedOn: string | null }[];
}

/** One window: dates from `from` to `to`, or to date when `from` is '' (no lower bound: definitions.ts). */
async function windowFigures(views: ViewReader, T: string, from: string, to: string, s: Standing): Promise<WindowFigures> {
  const w = emptyWindow();
  const lo = (...rest: string[]) => (from ? [T, ...rest] : [T]);
  const [outreach, days, complaints, byDim, enrolled, trained] = await Promise.all([
    views<number[]>('outreach', { startkey: lo(ym(from), from), endkey: [T, ym(to), to], group_level: 1 }),
    views<number[]>('outreach_day', { startkey: lo(from), endkey: [T, to, HIGH], group_level: 4 }),
    views<number[]>('complaints', { startkey: lo(ym(from), from), endkey: [T, ym(to), to], group_level: 1 }),
    views<number[]>('complaints_by', { startkey: lo(from), endkey: [T, to, HIGH], group_level: 4 }),
    views<number>('joined', { startkey: [T, 'enrolled', from], endkey: [T, 'enrolled', to], group_level: 2 }),
    views<number>('joined', { startkey: [T, 'trained', from], endkey: [T, 'trained', to], group_level: 2 }),
  ]);
  w.outreach = outreachOf(outreach[0]?.value);
  for (const [dim, values] of BREAKDOWNS) {
    const map: Record<string, OutreachTotals> = dim === 'type' ? w.byType : dim === 'mode' ? w.byMode : w.byArea;
    for (const v of values) map[v] = asTotals(null);
  }
  const places = new Set<string>();
  const mitans = new Set<string>();
  const inst = { school: new Set<string>(), college: new Set<string>() };
  for (const r of days) {
    const dim = String(r.key[2]);
    const id = String(r.key[3]);
    if (dim === 'type' || dim === 'mode' || dim === 'area') {
      const map = dim === 'type' ? w.byType : dim === 'mode' ? w.byMode : w.byArea;
      if (map[id]) map[id] = addTotals(map[id], outreachOf(r.value));
    } else if (dim === 'place') places.add(id);
    else if (dim === 'mitan') mitans.add(id);
    else if (dim === 'inst') {
      const type = id.slice(0, id.indexOf(':'));
      if (type === 'school' || type === 'college') inst[type].add(id);
    }
  }
  for (const id of places) {
    const kind = s.placeKind.get(id);
    if (kind) w.placesCovered[kind] = (w.placesCovered[kind] ?? 0) + 1;
  }
  w.mitansTookPart = mitans.size;
  w.institutions = { school: inst.school.size, college: inst.college.size };
  w.complaints = complaintsOf(complaints[0]?.value);
  for (const r of byDim) {
    const map = r.key[2] === 'source' ? w.complaintsBySource : w.complaintsByCategory;
    const k = String(r.key[3]);
    map[k] = addComplaintValues(map[k] ?? { ...EMPTY_COMPLAINT_VALUES }, complaintsOf(r.value));
  }
  w.mitans = { enrolled: enrolled[0]?.value ?? 0, trained: trained[0]?.value ?? 0 };
  w.teamsFormed = s.teams.filter((t) => t.formedOn !== null && t.formedOn.slice(0, 10) >= from && t.formedOn.slice(0, 10) <= to).length;
  return w;
}

/** Open complaints received by `asOf`, by age (domain/reports/figures pendencyAt), from the `open` figure by date. */
async function pendency(views: ViewReader, T: string, asOf: string): Promise<ReturnFigures['pendency']> {
  const upTo = async (d: string) => {
    const rows = await views<number[]>('complaints', { startkey: [T, '0'], endkey: [T, ym(d), d], group_level: 1 });
    return complaintsOf(rows[0]?.value).open;
  };
  // Older than 7 days at asOf: received on or before asOf − 8 (ages are whole days).
  const [open, over7, over30] = await Promise.all([upTo(asOf), upTo(addDays(asOf, -8)), upTo(addDays(asOf, -31))]);
  return { open, over7, over30 };
}

/** Every figure of one thana's return for the period and for the campaign up to its end. */
export async function loadDistrictReturnFigures(views: ViewReader, thana: ThanaInfo, period: ReturnPeriod): Promise<ReturnFigures> {
  const T = thana.code;
  const settings = thana.settings;
  const { from, to } = period;
  const [first, places, teams, roster] = await Promise.all([
    views<number[]>('outreach', { startkey: [T], endkey: [T, HIGH], reduce: false, limit: 1 }),
    views<unknown>('places', { startkey: [T], endkey: [T, HIGH], reduce: false }),
    views<{ formedOn: string | null }>('teams', { startkey: [T], endkey: [T, HIGH] }),
    views<number[]>('roster', { startkey: [T], endkey: [T, HIGH], group_level: 2 }),
  ]);
  // The first activity: where the to-date window has data from (db/returns.ts says the same).
  const start = first[0] ? String(first[0].key[2]) : null;
  const cumulativeFrom = start && start < from ? start : from;
  const placeKind = new Map(places.map((p) => [String(p.key[1]), String(p.value ?? 'other')]));
  const masterList: Record<string, number> = {};
  for (const k of placeKind.values()) masterList[k] = (masterList[k] ?? 0) + 1;
  const standing: Standing = { placeKind, teams: teams.map((t) => t.value) };
  const strengths = [...strengthsOf(roster, () => settings).values()].map((s) => s.strength);
  const active = roster.reduce((n, r) => n + (r.value[1] ?? 0), 0);
  const [period_, cumulative, pend] = await Promise.all([
    windowFigures(views, T, from, to, standing),
    windowFigures(views, T, '', to, standing),
    pendency(views, T, to),
  ]);
  const thanaTarget = typeof settings.thanaTarget === 'number' && settings.thanaTarget > 0 ? settings.thanaTarget : null;
  return {
    kind: period.kind,
    from,
    to,
    cumulativeFrom,
    campaignStart: isValidDate(settings.campaignStart) ? settings.campaignStart : null,
    campaignEnd: isValidDate(settings.campaignEnd) ? settings.campaignEnd : null,
    thanaTarget,
    places: masterList,
    teams: { total: strengths.length, atStrength: strengths.filter((s) => s.active >= s.target).length },
    mitansActive: active,
    pendency: pend,
    period: period_,
    cumulative,
  };
}

export interface HeldYearRow {
  year: string;
  /** The thana's code, or '' for the district's line of the year. */
  thana: string;
  cases: number;
  /** Paise. */
  held: number;
  refunded: number;
  pending: number;
  pendingCases: number;
}

/** Amounts held, refunded and awaiting refund, year-wise (by date received): district lines and thana lines. */
export async function loadHeldByYear(views: ViewReader): Promise<{ district: HeldYearRow[]; thanas: HeldYearRow[] }> {
  const [years, thanas] = await Promise.all([views<number[]>('held_by_year', { group_level: 1 }), views<number[]>('held_by_year', { group_level: 2 })]);
  const row = (r: { key: unknown[]; value: number[] }, thana: string): HeldYearRow => {
    const v = Object.fromEntries(HELD_FIELDS.map((f, i) => [f, r.value[i] ?? 0])) as Record<(typeof HELD_FIELDS)[number], number>;
    return { year: String(r.key[0]), thana, ...v };
  };
  return { district: years.map((r) => row(r, '')), thanas: thanas.map((r) => row(r, String(r.key[1]))) };
}
