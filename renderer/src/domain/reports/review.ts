/**
 * The nodal officer's review (issue #8): targets, the team table, idle Mitans, coverage and the
 * complaint summary, composed from a FigureSource. The app's source (db/dashboard.ts) reads the
 * running totals and walks indexes; the reference source reads every entry once and derives the
 * same totals in memory. Both go through this one composition, so the unit tests can check that
 * they agree and the bench compares like with like.
 */
import { addDays } from '../dates';
import type { StoredRecord } from '../records';
import { COMPLAINT_TOTAL_KEYS, percent, type ComplaintTotalValues } from '../complaints/totals';
import type { FollowUpKind } from '../complaints/followups';
import { COMPLAINT_SOURCES, NCRP_CATEGORIES } from '../registers/complaint-options';
import { MITAN_TOTAL_KEY, teamTotalKey } from '../registers/mitan';
import { ACTIVITY_TYPES, MODES } from '../outreach/options';
import { asTotals, outreachKey, type OutreachTotals } from '../outreach/totals';
import { countsFrom, teamStrength, teamTarget, type TeamStrength } from '../roster/strength';
import { idleDaysOf, type TargetInputs } from '../targets/definitions';
import { allTargetProgress, campaignClock, type CampaignClock, type TargetProgress } from '../targets/progress';

/** Sums of per-day rows over a period, split by team and by Mitan (db/outreach.ts readPeriodBreakdown). */
export interface PeriodSums {
  day: OutreachTotals;
  byTeam: Map<string, OutreachTotals>;
  byMitan: Map<string, OutreachTotals>;
}

export type FollowUpCounts = Record<FollowUpKind, number>;

/** The active Mitans: every id, and the entries of those idle in the window (their team, name, serial). */
export interface ActiveMitans {
  ids: string[];
  idle: StoredRecord[];
}

/** Where the figures come from. Every method answers for live (not cancelled) entries only. */
export interface FigureSource {
  totals(keys: string[]): Promise<Map<string, Record<string, number>>>;
  /** Every totals row whose key starts with the prefix (e.g. all teams' `outreach:team:` rows). */
  totalsWithPrefix(prefix: string): Promise<Map<string, Record<string, number>>>;
  period(from: string, to: string): Promise<PeriodSums>;
  teams(): Promise<StoredRecord[]>;
  places(): Promise<StoredRecord[]>;
  /** Live Mitans whose status is active; the entries of those for whom `isIdle` holds (known once the idle window is read). */
  activeMitans(isIdle: Promise<(id: string) => boolean>): Promise<ActiveMitans>;
  lastMitanActivity(id: string): Promise<string | null>;
  followUps(today: string): Promise<FollowUpCounts>;
}

export interface TeamRow {
  id: string;
  teamNo: number;
  name: string;
  leaderName: string;
  strength: TeamStrength;
  /** The last 7 days. */
  week: { activities: number; people: number };
  cumulative: { activities: number; people: number };
  activeMitans: number;
  idleMitans: number;
  /** No activity of the team in the idle window. */
  idle: boolean;
}

export interface IdleMitanRow {
  id: string;
  name: string;
  serial: string | null;
  teamId: string | null;
  teamNo: number | null;
  /** The last activity that still stands, or null: never. */
  lastActivity: string | null;
}

export interface PlaceRow {
  id: string;
  name: string;
  kind: string;
  activities: number;
  people: number;
}

export interface CoverageFigures {
  total: number;
  covered: number;
  byKind: Record<string, { total: number; covered: number }>;
  coveredPlaces: PlaceRow[];
  notCovered: PlaceRow[];
  schools: { sessions: number; people: number };
  colleges: { sessions: number; people: number };
}

export interface BreakdownRow {
  value: string;
  values: ComplaintTotalValues;
}

export interface ComplaintSummary {
  all: ComplaintTotalValues;
  bySource: BreakdownRow[];
  byCategory: BreakdownRow[];
  /** Percentages (whole numbers) or null with nothing to divide by. */
  goldenHourShare: number | null;
  within24hShare: number | null;
  holdShare: number | null;
  followUps: FollowUpCounts;
}

export interface DashboardFigures {
  today: string;
  idleDays: number;
  clock: CampaignClock;
  outreach: OutreachTotals;
  week: OutreachTotals;
  mitans: { total: number; active: number; trained: number };
  targets: TargetProgress[];
  perDay: { date: string; activities: number; people: number }[];
  byType: { type: string; activities: number; people: number }[];
  byMode: { mode: string; activities: number; people: number }[];
  teams: TeamRow[];
  idleTeams: number;
  idleMitanCount: number;
  /** The first `idleLimit` idle Mitans, by team number then roster order. */
  idleMitans: IdleMitanRow[];
  coverage: CoverageFigures;
  complaints: ComplaintSummary;
}

export const CHART_DAYS = 30;
export const IDLE_LIST_LIMIT = 25;

export const EMPTY_COMPLAINT_VALUES: Readonly<ComplaintTotalValues> = Object.freeze({
  count: 0,
  moneyCases: 0,
  lost: 0,
  held: 0,
  refunded: 0,
  pending: 0,
  goldenHour: 0,
  within24h: 0,
  highValue: 0,
  ncrpMissing: 0,
  fir: 0,
  open: 0,
});

export function complaintValues(v: Record<string, number> | undefined): ComplaintTotalValues {
  const out = { ...EMPTY_COMPLAINT_VALUES };
  if (v) for (const k of Object.keys(out) as (keyof ComplaintTotalValues)[]) out[k] = v[k] ?? 0;
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface ComposeOptions {
  /** How many idle Mitans to name (the count is always exact). */
  idleLimit?: number;
}

export async function composeDashboard(src: FigureSource, settings: Record<string, unknown>, today: string, opts: ComposeOptions = {}): Promise<DashboardFigures> {
  const idleDays = idleDaysOf(settings);
  const clock = campaignClock(settings, today);
  const days = Array.from({ length: CHART_DAYS }, (_, i) => addDays(today, i - CHART_DAYS + 1));
  const keys = [
    outreachKey.all,
    MITAN_TOTAL_KEY,
    COMPLAINT_TOTAL_KEYS.all,
    ...ACTIVITY_TYPES.map((t) => outreachKey.type(t.value)),
    ...MODES.map((m) => outreachKey.mode(m.value)),
    ...days.map((d) => outreachKey.day(d)),
    ...COMPLAINT_SOURCES.map((s) => COMPLAINT_TOTAL_KEYS.source(s.value)),
    ...NCRP_CATEGORIES.map((c) => COMPLAINT_TOTAL_KEYS.category(c.value)),
  ];
  const weekFrom = addDays(today, -6);
  const idleFrom = addDays(today, -(idleDays - 1));
  // Every read at once; only the idle Mitans' entries wait for the idle window.
  const weekP = src.period(weekFrom, today);
  const idleP = idleDays === 7 ? weekP : src.period(idleFrom, today);
  const [teams, places, fixed, perTeam, strengths, perPlace, week, idleSums, followUps, active] = await Promise.all([
    src.teams(),
    src.places(),
    src.totals(keys),
    src.totalsWithPrefix(outreachKey.team('')),
    src.totalsWithPrefix(teamTotalKey('')),
    src.totalsWithPrefix(outreachKey.place('')),
    weekP,
    idleP,
    src.followUps(today),
    src.activeMitans(idleP.then((w) => (id: string) => !w.byMitan.has(id))),
  ]);
  const totals = new Map([...fixed, ...perTeam, ...strengths, ...perPlace]);
  const o = (k: string) => asTotals(totals.get(k));
  const mitans = countsFrom(totals.get(MITAN_TOTAL_KEY));

  // Teams: strength against the target, the last 7 days, idle Mitans.
  const teamOf = (r: StoredRecord) => (typeof r.data.teamId === 'string' ? r.data.teamId : null);
  const idleByTeam = new Map<string, number>();
  for (const m of active.idle) {
    const t = teamOf(m);
    if (t) idleByTeam.set(t, (idleByTeam.get(t) ?? 0) + 1);
  }
  const teamRows: TeamRow[] = teams
    .map((t) => {
      const cum = o(outreachKey.team(t.id));
      const wk = week.byTeam.get(t.id);
      const strength = teamStrength(countsFrom(totals.get(teamTotalKey(t.id))), teamTarget(t.data, settings));
      return {
        id: t.id,
        teamNo: Number(t.data.teamNo) || 0,
        name: str(t.data.name),
        leaderName: str(t.data.leaderName),
        strength,
        week: { activities: wk?.activities ?? 0, people: wk?.total ?? 0 },
        cumulative: { activities: cum.activities, people: cum.total },
        activeMitans: strength.active,
        idleMitans: idleByTeam.get(t.id) ?? 0,
        idle: !idleSums.byTeam.has(t.id),
      };
    })
    .sort((a, b) => a.teamNo - b.teamNo);

  // Idle Mitans: the exact count, and the first few by team with their last activity.
  const teamNo = new Map(teamRows.map((t) => [t.id, t.teamNo]));
  const order = (r: StoredRecord) => teamNo.get(teamOf(r) ?? '') ?? Number.MAX_SAFE_INTEGER;
  const firstIdle = [...active.idle].sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id)).slice(0, opts.idleLimit ?? IDLE_LIST_LIMIT);
  const lastDates = await Promise.all(firstIdle.map((m) => src.lastMitanActivity(m.id)));
  const idleMitans: IdleMitanRow[] = firstIdle.map((r, i) => {
    const t = teamOf(r);
    return { id: r.id, name: str(r.data.name), serial: r.serial ?? null, teamId: t, teamNo: t ? (teamNo.get(t) ?? null) : null, lastActivity: lastDates[i] ?? null };
  });

  // Coverage against the master list of villages and wards.
  const placeRows: PlaceRow[] = places
    .map((p) => {
      const t = o(outreachKey.place(p.id));
      return { id: p.id, name: str(p.data.name), kind: str(p.data.kind), activities: t.activities, people: t.total };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'hi'));
  const byKind: CoverageFigures['byKind'] = {};
  for (const p of placeRows) {
    const k = (byKind[p.kind || 'other'] ??= { total: 0, covered: 0 });
    k.total++;
    if (p.activities > 0) k.covered++;
  }
  const covered = placeRows.filter((p) => p.activities > 0);
  const school = o(outreachKey.type('school'));
  const college = o(outreachKey.type('college'));
  const coverage: CoverageFigures = {
    total: placeRows.length,
    covered: covered.length,
    byKind,
    coveredPlaces: covered,
    notCovered: placeRows.filter((p) => p.activities <= 0),
    schools: { sessions: school.activities, people: school.total },
    colleges: { sessions: college.activities, people: college.total },
  };

  const all = complaintValues(totals.get(COMPLAINT_TOTAL_KEYS.all));
  const complaints: ComplaintSummary = {
    all,
    bySource: COMPLAINT_SOURCES.map((s) => ({ value: s.value, values: complaintValues(totals.get(COMPLAINT_TOTAL_KEYS.source(s.value))) })),
    byCategory: NCRP_CATEGORIES.map((c) => ({ value: c.value, values: complaintValues(totals.get(COMPLAINT_TOTAL_KEYS.category(c.value))) })),
    goldenHourShare: percent(all.goldenHour, all.moneyCases),
    within24hShare: percent(all.within24h, all.moneyCases),
    holdShare: percent(all.held, all.lost),
    followUps,
  };

  const outreach = o(outreachKey.all);
  const inputs: TargetInputs = {
    mitans,
    teams: { total: teamRows.length, atStrength: teamRows.filter((t) => t.strength.active >= t.strength.target).length },
    mitanWeekPeople: active.ids.map((id) => week.byMitan.get(id)?.total ?? 0),
    places: { covered: coverage.covered, total: coverage.total },
    people: outreach.total,
  };

  return {
    today,
    idleDays,
    clock,
    outreach,
    week: week.day,
    mitans,
    targets: allTargetProgress(inputs, settings, clock),
    perDay: days.map((d) => {
      const t = o(outreachKey.day(d));
      return { date: d, activities: t.activities, people: t.total };
    }),
    byType: ACTIVITY_TYPES.map((t) => {
      const v = o(outreachKey.type(t.value));
      return { type: t.value, activities: v.activities, people: v.total };
    }),
    byMode: MODES.map((m) => {
      const v = o(outreachKey.mode(m.value));
      return { mode: m.value, activities: v.activities, people: v.total };
    }),
    teams: teamRows,
    idleTeams: teamRows.filter((t) => t.idle).length,
    idleMitanCount: active.idle.length,
    idleMitans,
    coverage,
    complaints,
  };
}
