/**
 * Running totals of the outreach register. The repository adds an entry's contributions in the
 * same transaction as the entry, takes them back before a correction adds the new ones, and
 * takes them back on cancellation — so a view reads a handful of rows instead of re-adding every
 * entry (issue #5: 100,000 entries must not be rescanned per view).
 *
 * Attribution (decided here; see README.md in this folder):
 * - a team gets its entries in full;
 * - EVERY Mitan present gets the whole activity: +1 activity and all of its people, households
 *   and contacts. A Mitan's figure answers "how many people were reached at activities this Mitan
 *   took part in", which is what a per-Mitan target ("people reached per Mitan per week") needs.
 *   Splitting would give fractions and a figure no one on the ground recognises. Hence per-Mitan
 *   figures must never be summed to get a team's or the thana's: read those keys instead.
 */
import type { TotalContribution } from '../registers/types';
import { addDays, isValidDate } from '../dates';
import { mitansPresent, num, peopleTotal } from './rules';

/** The figures every outreach total row carries (a missing one reads as 0). */
export const TOTAL_FIELDS = [
  'activities',
  'men',
  'women',
  'other',
  'under18',
  'total',
  'households',
  'contacts',
  'pamphlets',
  'pledges',
  'complaintsHelped',
  /** Entries verified by the nodal officer (activities − verified = awaiting verification). */
  'verified',
] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];
export type OutreachTotals = Record<TotalField, number>;

export const EMPTY_TOTALS: Readonly<OutreachTotals> = Object.freeze(
  Object.fromEntries(TOTAL_FIELDS.map((f) => [f, 0])) as OutreachTotals,
);

const P = 'outreach';

/**
 * Keys of the totals table. Day-first keys ("day:<date>:mitan:<id>") make a date range one
 * index range: who was active in the last N days is one query, without a key per Mitan.
 */
export const outreachKey = {
  all: `${P}:all`,
  day: (date: string) => `${P}:day:${date}`,
  dayType: (date: string, type: string) => `${P}:day:${date}:type:${type}`,
  dayMode: (date: string, mode: string) => `${P}:day:${date}:mode:${mode}`,
  dayArea: (date: string, area: string) => `${P}:day:${date}:area:${area}`,
  dayTeam: (date: string, teamId: string) => `${P}:day:${date}:team:${teamId}`,
  dayMitan: (date: string, mitanId: string) => `${P}:day:${date}:mitan:${mitanId}`,
  dayPlace: (date: string, placeId: string) => `${P}:day:${date}:place:${placeId}`,
  /** Everything of one date, its own row and its breakdowns: `[dayPrefix(d), dayPrefix(d) + '\uffff']`. */
  dayPrefix: (date: string) => `${P}:day:${date}`,
  month: (ym: string) => `${P}:month:${ym}`,
  monthType: (ym: string, type: string) => `${P}:month:${ym}:type:${type}`,
  monthMode: (ym: string, mode: string) => `${P}:month:${ym}:mode:${mode}`,
  monthArea: (ym: string, area: string) => `${P}:month:${ym}:area:${area}`,
  type: (type: string) => `${P}:type:${type}`,
  mode: (mode: string) => `${P}:mode:${mode}`,
  area: (area: string) => `${P}:area:${area}`,
  team: (teamId: string) => `${P}:team:${teamId}`,
  mitan: (mitanId: string) => `${P}:mitan:${mitanId}`,
  place: (placeId: string) => `${P}:place:${placeId}`,
};

/** What one entry adds to each total row (zeros left out; `activities` always 1). */
export function entryFigures(data: Record<string, unknown>): Partial<OutreachTotals> {
  const v: Partial<OutreachTotals> = { activities: 1 };
  const put = (k: TotalField, n: number) => {
    if (n) v[k] = n;
  };
  put('men', num(data.men));
  put('women', num(data.women));
  put('other', num(data.other));
  put('under18', num(data.under18));
  put('total', peopleTotal(data));
  put('households', num(data.households));
  put('contacts', num(data.contacts));
  put('pamphlets', num(data.pamphlets));
  put('pledges', num(data.pledges));
  put('complaintsHelped', num(data.complaintsHelped));
  put('verified', data.verifiedAt ? 1 : 0);
  return v;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Every total row an entry counts in. The register definition's `totals`. */
export function outreachTotals(data: Record<string, unknown>): TotalContribution[] {
  const date = str(data.date);
  if (!date) return [];
  const values = entryFigures(data) as Record<string, number>;
  const ym = date.slice(0, 7);
  const type = str(data.activityType);
  const mode = str(data.mode);
  const area = str(data.area);
  const team = str(data.teamId);
  const place = str(data.placeId);
  const keys: string[] = [outreachKey.all, outreachKey.day(date), outreachKey.month(ym)];
  if (type) keys.push(outreachKey.type(type), outreachKey.dayType(date, type), outreachKey.monthType(ym, type));
  if (mode) keys.push(outreachKey.mode(mode), outreachKey.dayMode(date, mode), outreachKey.monthMode(ym, mode));
  if (area) keys.push(outreachKey.area(area), outreachKey.dayArea(date, area), outreachKey.monthArea(ym, area));
  if (team) keys.push(outreachKey.team(team), outreachKey.dayTeam(date, team));
  if (place) keys.push(outreachKey.place(place), outreachKey.dayPlace(date, place));
  for (const m of new Set(mitansPresent(data))) keys.push(outreachKey.mitan(m), outreachKey.dayMitan(date, m));
  return keys.map((key) => ({ key, values: { ...values } }));
}

/** A stored total row as a full set of figures. */
export function asTotals(values: Record<string, number> | undefined | null): OutreachTotals {
  const out = { ...EMPTY_TOTALS };
  if (values) for (const f of TOTAL_FIELDS) out[f] = values[f] ?? 0;
  return out;
}

export function addTotals(a: OutreachTotals, b: Partial<Record<string, number>>): OutreachTotals {
  const out = { ...a };
  for (const f of TOTAL_FIELDS) out[f] += b[f] ?? 0;
  return out;
}

/**
 * The totals recomputed from the entries themselves: what the running totals must always equal.
 * Tests compare against it after corrections and cancellations; the bench uses it as the scan.
 */
export function recomputeOutreachTotals(
  entries: Iterable<{ data: Record<string, unknown>; cancelled: unknown }>,
  keep: (key: string) => boolean = () => true,
): Map<string, OutreachTotals> {
  const map = new Map<string, OutreachTotals>();
  for (const e of entries) {
    if (e.cancelled) continue;
    for (const c of outreachTotals(e.data)) {
      if (!keep(c.key)) continue;
      map.set(c.key, addTotals(map.get(c.key) ?? { ...EMPTY_TOTALS }, c.values));
    }
  }
  return map;
}

/** Parse a day-first key back into its parts (null for other keys). */
export function parseDayKey(key: string): { date: string; dim: 'type' | 'mode' | 'area' | 'team' | 'mitan' | 'place' | null; id: string | null } | null {
  const m = /^outreach:day:(\d{4}-\d{2}-\d{2})(?::(type|mode|area|team|mitan|place):(.+))?$/.exec(key);
  if (!m) return null;
  return { date: m[1]!, dim: (m[2] as 'type') ?? null, id: m[3] ?? null };
}

/** Dates from `from` to `to` inclusive (for reading per-day rows of a week or month). */
export function datesBetween(from: string, to: string): string[] {
  if (!isValidDate(from) || !isValidDate(to) || to < from) return [];
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Which number is the thana's outreach target. `profile.thanaTarget` counts Mitans (the thana's
 * share of the district's 2 lakh, issue #8 and domain.md §7 report 5), so outreach does not
 * measure people reached against it directly. People reached are measured against the setting
 * `outreachPeopleTarget` when the in-charge has set one, else against ten times the Mitan
 * target: the 2020 campaign's ratio (2 lakh people to join, 20 lakh to reach; domain.md §2.2).
 */
export const PEOPLE_PER_MITAN_TARGET = 10;

export interface OutreachProgress {
  reached: number;
  target: number;
  /** Where the target came from: the setting, or derived from the thana's Mitan target. */
  basis: 'setting' | 'thanaTarget' | 'none';
  /** 0–100, one decimal; null without a target. */
  percent: number | null;
  remaining: number;
}

export function outreachPeopleTarget(settings: Record<string, unknown>): { target: number; basis: OutreachProgress['basis'] } {
  const own = settings.outreachPeopleTarget;
  if (typeof own === 'number' && Number.isInteger(own) && own > 0) return { target: own, basis: 'setting' };
  const thana = settings.thanaTarget;
  if (typeof thana === 'number' && Number.isInteger(thana) && thana > 0) return { target: thana * PEOPLE_PER_MITAN_TARGET, basis: 'thanaTarget' };
  return { target: 0, basis: 'none' };
}

export function outreachProgress(all: OutreachTotals, settings: Record<string, unknown>): OutreachProgress {
  const { target, basis } = outreachPeopleTarget(settings);
  const reached = all.total;
  return {
    reached,
    target,
    basis,
    percent: target ? Math.round((reached / target) * 1000) / 10 : null,
    remaining: Math.max(0, target - reached),
  };
}
