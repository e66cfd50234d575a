/**
 * District mode reads the hub's answers, not the documents (issue #15 §2–3, design §3.17): the
 * thana-wise progress is two view queries for the whole district, each answered by CouchDB from
 * its index; the drill-down (thana → teams → Mitans) is a few key ranges of the same views.
 *
 * Every figure goes through the thana dashboard's own definitions: targets and pace from
 * domain/targets (targetProgress, campaignClock), team strength from domain/roster/strength.
 */
import { addTotals, asTotals, type OutreachTotals } from '@/domain/outreach/totals';
import type { ComplaintTotalValues } from '@/domain/complaints/totals';
import { complaintValues } from '@/domain/reports/review';
import { teamStrength, teamTarget, type TeamCounts, type TeamStrength } from '@/domain/roster/strength';
import { targetDef, type TargetId, type TargetInputs } from '@/domain/targets/definitions';
import { campaignClock, targetProgress, type CampaignClock, type TargetProgress } from '@/domain/targets/progress';
import type { HubClient } from './http';
import { COMPLAINT_FIELDS, FIGURES_DESIGN_NAME, OUTREACH_FIELDS, PROGRESS_PLACE, ROSTER_FIELDS, SYNC_MARKER_TYPE, type FigureView } from './districtViews';

// ─── Reading views ─────────────────────────────────────────────────────────────────────────────

export interface ViewQuery {
  startkey?: unknown;
  endkey?: unknown;
  group_level?: number;
  reduce?: boolean;
  limit?: number;
  descending?: boolean;
}

export interface ViewRow<V = unknown> {
  key: unknown[];
  value: V;
  id?: string;
}

/** Answers one view query: the hub over HTTP in the app, anything else in tests and the bench. */
export type ViewReader = <V>(view: FigureView, q: ViewQuery) => Promise<ViewRow<V>[]>;

/** Sorts after every string in CouchDB's collation: the end of "all keys starting with …". */
export const HIGH = {};

export function hubViews(client: HubClient, db: string): ViewReader {
  return async <V>(view: FigureView, q: ViewQuery) => {
    const query: Record<string, string | number | boolean | undefined> = {
      startkey: q.startkey === undefined ? undefined : JSON.stringify(q.startkey),
      endkey: q.endkey === undefined ? undefined : JSON.stringify(q.endkey),
      group_level: q.group_level,
      reduce: q.reduce,
      limit: q.limit,
      descending: q.descending,
    };
    const res = await client.request<{ rows?: ViewRow<V>[] }>('GET', `${encodeURIComponent(db)}/_design/${FIGURES_DESIGN_NAME}/_view/${view}`, { query });
    return res.body?.rows ?? [];
  };
}

/** Runs `fn` over the items with at most `n` at a time (one PC should not open 30 connections). */
export async function limited<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

export const outreachOf = (v: number[] | undefined): OutreachTotals =>
  asTotals(v ? Object.fromEntries(OUTREACH_FIELDS.map((f, i) => [f, v[i] ?? 0])) : null);

export const complaintsOf = (v: number[] | undefined): ComplaintTotalValues =>
  complaintValues(v ? Object.fromEntries(COMPLAINT_FIELDS.map((f, i) => [f, v[i] ?? 0])) : undefined);

const rosterOf = (v: number[] | undefined) => Object.fromEntries(ROSTER_FIELDS.map((f, i) => [f, v?.[i] ?? 0])) as Record<(typeof ROSTER_FIELDS)[number], number>;

// ─── Thanas: profiles, options, last syncs ─────────────────────────────────────────────────────

export interface PcSync {
  pc: string;
  at: string | null;
  pcSeries: string;
  app: string;
}

export interface ThanaInfo {
  code: string;
  name: string;
  /** The thana's settings as its own PCs see them: profile, then options (station ctx.settings()). */
  settings: Record<string, unknown>;
  /** The thana's profile has reached the district (it has synced at least once). */
  synced: boolean;
  pcs: PcSync[];
  /** The latest successful sync of any of its PCs. */
  lastSync: string | null;
}

export async function readThanas(views: ViewReader): Promise<ThanaInfo[]> {
  const rows = await views<unknown>('thanas', {});
  const by = new Map<string, { profile?: Record<string, unknown>; options?: Record<string, unknown>; pcs: PcSync[] }>();
  for (const r of rows) {
    const [code, kind, pc] = r.key as [string, string, string?];
    if (code === 'district') continue;
    const t = by.get(code) ?? { pcs: [] };
    by.set(code, t);
    if (kind === 'profile') t.profile = (r.value ?? {}) as Record<string, unknown>;
    else if (kind === 'options') t.options = (r.value ?? {}) as Record<string, unknown>;
    else if (kind === SYNC_MARKER_TYPE) {
      const v = (r.value ?? {}) as Partial<PcSync>;
      t.pcs.push({ pc: String(pc ?? ''), at: typeof v.at === 'string' ? v.at : null, pcSeries: String(v.pcSeries ?? ''), app: String(v.app ?? '') });
    }
  }
  return [...by]
    .map(([code, t]) => {
      const settings = { ...(t.profile ?? {}), ...(t.options ?? {}) };
      const last = t.pcs.reduce<string | null>((a, p) => (p.at && (!a || p.at > a) ? p.at : a), null);
      return { code, name: typeof settings.thanaName === 'string' && settings.thanaName ? settings.thanaName : code, settings, synced: !!t.profile, pcs: t.pcs, lastSync: last };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'hi'));
}

// ─── Thana-wise progress ───────────────────────────────────────────────────────────────────────

/** The thana dashboard's targets the district can measure from the hub (the weekly per-Mitan one needs every Mitan's week). */
export const DISTRICT_TARGETS: TargetId[] = ['mitansEnrolled', 'mitansTrained', 'peopleReached', 'placesCovered', 'teamsAtStrength'];

export interface ThanaProgressRow {
  info: ThanaInfo;
  inputs: Omit<TargetInputs, 'mitanWeekPeople'>;
  outreach: OutreachTotals;
  complaints: ComplaintTotalValues;
  clock: CampaignClock;
  targets: Record<string, TargetProgress>;
}

export interface DistrictSettings {
  districtTarget: number;
  campaignStart: string;
  campaignEnd: string;
}

export interface DistrictProgress {
  today: string;
  thanas: ThanaProgressRow[];
  /** The district as a whole against its own target (2 lakh) and campaign dates. */
  district: ThanaProgressRow;
}

function progressOf(info: ThanaInfo, inputs: ThanaProgressRow['inputs'], outreach: OutreachTotals, complaints: ComplaintTotalValues, today: string): ThanaProgressRow {
  const clock = campaignClock(info.settings, today);
  const full: TargetInputs = { ...inputs, mitanWeekPeople: [] };
  const targets: Record<string, TargetProgress> = {};
  for (const id of DISTRICT_TARGETS) targets[id] = targetProgress(targetDef(id), full, info.settings, clock);
  return { info, inputs, outreach, complaints, clock, targets };
}

const emptyInputs = (): ThanaProgressRow['inputs'] => ({ mitans: { total: 0, active: 0, trained: 0 }, teams: { total: 0, atStrength: 0 }, places: { covered: 0, total: 0 }, people: 0 });

/** Team strength rows of the roster view (group_level=2): live teams against their targets. */
export function strengthsOf(rows: ViewRow<number[]>[], settingsOf: (code: string) => Record<string, unknown>): Map<string, { code: string; strength: TeamStrength }> {
  const out = new Map<string, { code: string; strength: TeamStrength }>();
  for (const r of rows) {
    const [code, teamId] = r.key as [string, string | null];
    const v = rosterOf(r.value);
    if (!teamId || v.teams < 1) continue;
    const counts: TeamCounts = { total: v.total, active: v.active, trained: v.trained };
    out.set(teamId, { code, strength: teamStrength(counts, teamTarget(v.ownTarget ? { target: v.ownTarget } : {}, settingsOf(code))) });
  }
  return out;
}

/**
 * The progress view's rows (one `group_level=3` query) split by kind: per place [listed,
 * activities] and its entries' outreach sums; per team the roster; per thana the complaints.
 */
function progressParts(rows: ViewRow<number[]>[]) {
  const places: ViewRow<number[]>[] = [];
  const roster: ViewRow<number[]>[] = [];
  const outreach = new Map<string, number[]>();
  const complaints: ViewRow<number[]>[] = [];
  const skip = PROGRESS_PLACE.length;
  for (const r of rows) {
    const [code, kind, id] = r.key as [string, string, string | null];
    if (kind === 'place') {
      places.push(r);
      if (r.value.length > skip) {
        const sum = outreach.get(code) ?? OUTREACH_FIELDS.map(() => 0);
        OUTREACH_FIELDS.forEach((_, i) => (sum[i]! += r.value[skip + i] ?? 0));
        outreach.set(code, sum);
      }
    } else if (kind === 'team') roster.push({ key: [code, id], value: r.value });
    else if (kind === 'complaints') complaints.push({ key: [code], value: r.value });
  }
  return { places, roster, outreach, complaints };
}

/**
 * The thana-wise progress page: two queries to the hub for the whole district, the thanas and the
 * `progress` view grouped per thana and place/team (its rows are one per document, so the hub
 * reads each document's row once, where the four separate views read the outreach entries twice).
 */
export async function loadDistrictProgress(views: ViewReader, district: DistrictSettings, today: string): Promise<DistrictProgress> {
  const [thanas, progressRows] = await Promise.all([readThanas(views), views<number[]>('progress', { group_level: 3 })]);
  const { places: coverage, roster, outreach, complaints } = progressParts(progressRows);
  const info = new Map(thanas.map((t) => [t.code, t]));
  const ensure = (code: string): ThanaInfo => {
    let t = info.get(code);
    if (!t) info.set(code, (t = { code, name: code, settings: {}, synced: false, pcs: [], lastSync: null }));
    return t;
  };
  const inputs = new Map<string, ThanaProgressRow['inputs']>();
  const inp = (code: string) => {
    ensure(code);
    let i = inputs.get(code);
    if (!i) inputs.set(code, (i = emptyInputs()));
    return i;
  };
  const people = new Map<string, OutreachTotals>();
  for (const [code, v] of outreach) {
    people.set(code, outreachOf(v));
    inp(code).people = outreachOf(v).total;
  }
  for (const r of roster) {
    const v = rosterOf(r.value);
    const i = inp(String(r.key[0]));
    i.mitans.total += v.total;
    i.mitans.active += v.active;
    i.mitans.trained += v.trained;
  }
  for (const { code, strength } of strengthsOf(roster, (c) => ensure(c).settings).values()) {
    const i = inp(code);
    i.teams.total++;
    if (strength.active >= strength.target) i.teams.atStrength++;
  }
  for (const r of coverage) {
    const [listed, activities] = r.value;
    if (!listed) continue;
    const i = inp(String(r.key[0]));
    i.places.total++;
    if ((activities ?? 0) > 0) i.places.covered++;
  }
  const comp = new Map(complaints.map((r) => [String(r.key[0]), complaintsOf(r.value)]));
  for (const code of comp.keys()) inp(code);

  const rows = [...info.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'hi'))
    .map((t) => progressOf(t, inputs.get(t.code) ?? emptyInputs(), people.get(t.code) ?? asTotals(null), comp.get(t.code) ?? complaintsOf(undefined), today));

  // The district: the thanas' figures added up, against the district's target and dates.
  const sum = emptyInputs();
  let outSum = asTotals(null);
  let compSum = complaintsOf(undefined);
  for (const r of rows) {
    for (const k of ['total', 'active', 'trained'] as const) sum.mitans[k] += r.inputs.mitans[k];
    sum.teams.total += r.inputs.teams.total;
    sum.teams.atStrength += r.inputs.teams.atStrength;
    sum.places.total += r.inputs.places.total;
    sum.places.covered += r.inputs.places.covered;
    sum.people += r.inputs.people;
    outSum = addTotals(outSum, r.outreach);
    compSum = complaintsOf(COMPLAINT_FIELDS.map((f) => compSum[f] + r.complaints[f]));
  }
  const districtInfo: ThanaInfo = {
    code: '',
    name: '',
    settings: { thanaTarget: district.districtTarget, campaignStart: district.campaignStart, campaignEnd: district.campaignEnd },
    synced: true,
    pcs: [],
    lastSync: null,
  };
  return { today, thanas: rows, district: progressOf(districtInfo, sum, outSum, compSum, today) };
}

// ─── Drill-down: thana → teams → Mitans ────────────────────────────────────────────────────────

export interface DistrictTeamRow {
  id: string;
  teamNo: number;
  name: string;
  leaderName: string;
  strength: TeamStrength;
  activities: number;
  people: number;
}

export async function loadThanaTeams(views: ViewReader, thana: ThanaInfo): Promise<DistrictTeamRow[]> {
  const T = thana.code;
  const [roster, teams, work] = await Promise.all([
    views<number[]>('roster', { startkey: [T], endkey: [T, HIGH], group_level: 2 }),
    views<{ teamNo: unknown; name: string; leaderName: string }>('teams', { startkey: [T], endkey: [T, HIGH] }),
    views<number[]>('outreach_by', { startkey: [T, 'team'], endkey: [T, 'team', HIGH], group_level: 3 }),
  ]);
  const strengths = strengthsOf(roster, () => thana.settings);
  const cum = new Map(work.map((r) => [String(r.key[2]), outreachOf(r.value)]));
  return teams
    .filter((t) => strengths.has(String(t.key[1])))
    .map((t) => {
      const id = String(t.key[1]);
      const o = cum.get(id) ?? asTotals(null);
      return { id, teamNo: Number(t.value.teamNo) || 0, name: t.value.name, leaderName: t.value.leaderName, strength: strengths.get(id)!.strength, activities: o.activities, people: o.total };
    })
    .sort((a, b) => a.teamNo - b.teamNo);
}

export interface DistrictMitanRow {
  id: string;
  name: string;
  serial: string | null;
  status: string | null;
  trained: boolean;
  activities: number;
  people: number;
  lastActivity: string | null;
}

export async function loadTeamMitans(views: ViewReader, thana: string, teamId: string): Promise<DistrictMitanRow[]> {
  const members = await views<{ name: string; serial: string | null; status: string | null; trained: boolean }>('members', { startkey: [thana, teamId], endkey: [thana, teamId, HIGH] });
  return limited(members, 6, async (m) => {
    const id = String(m.key[2]);
    const [sum, last] = await Promise.all([
      views<number[]>('outreach_by', { startkey: [thana, 'mitan', id], endkey: [thana, 'mitan', id, HIGH], group_level: 3 }),
      views<number[]>('outreach_by', { startkey: [thana, 'mitan', id, HIGH], endkey: [thana, 'mitan', id], descending: true, reduce: false, limit: 1 }),
    ]);
    const o = outreachOf(sum[0]?.value);
    return { id, name: m.value.name, serial: m.value.serial, status: m.value.status, trained: !!m.value.trained, activities: o.activities, people: o.total, lastActivity: last[0] ? String(last[0].key[3]) : null };
  });
}

/** Colour class of a pace (the dashboard's words stay beside it: never colour alone). */
export function paceClass(p: TargetProgress | undefined): 'good' | 'warn' | 'bad' | 'none' {
  if (!p) return 'none';
  if (p.pace === 'reached' || p.pace === 'on-track') return 'good';
  if (p.pace === 'behind' || p.pace === 'stalled') return 'bad';
  return p.pace === 'unpaced' ? 'warn' : 'none';
}

/** A thana silent for this many days shows in red. */
export const SILENT_DAYS = 2;

export function silence(lastSync: string | null, now: Date): { days: number | null; silent: boolean } {
  if (!lastSync) return { days: null, silent: true };
  const days = Math.floor((now.getTime() - Date.parse(lastSync)) / 86_400_000);
  return { days, silent: days >= SILENT_DAYS };
}
