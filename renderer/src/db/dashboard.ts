/**
 * The nodal officer's dashboard and its drill-downs: reads of the running totals and short index
 * walks, never a pass over the registers (issue #8; the outreach README lists the totals keys).
 *
 * - indexedSource: what the app uses. Totals rows by key, the per-day rows of the last week
 *   (readPeriodBreakdown), key-only walks of the roster's status and team indexes for the active
 *   Mitans, index counts for the complaint follow-ups.
 * - scanSource: the same answers from one plain read of every table (the bench's baseline and the
 *   tests' cross-check); it derives the totals from the entries exactly as the repository keeps them.
 */
import Dexie from 'dexie';
import { addDays, daysBetween, istDate } from '@/domain/dates';
import { followUpLists, isOpen } from '@/domain/complaints/followups';
import { COMPLAINT_TOTAL_KEYS } from '@/domain/complaints/totals';
import { mitansPresent } from '@/domain/outreach/rules';
import { addTotals, asTotals, datesBetween, entryFigures, outreachKey, type OutreachTotals } from '@/domain/outreach/totals';
import type { StoredRecord } from '@/domain/records';
import { complaintRegister } from '@/domain/registers/complaint';
import { MITAN_TOTAL_KEY, mitanRegister, teamTotalKey } from '@/domain/registers/mitan';
import { outreachRegister } from '@/domain/registers/outreach';
import type { RegisterDef } from '@/domain/registers/types';
import { institutionKey } from '@/domain/reports/figures';
import { monthEnd } from '@/domain/reports/returns';
import { composeDashboard, type ActiveMitans, type ComposeOptions, type DashboardFigures, type FigureSource, type FollowUpCounts, type PeriodSums } from '@/domain/reports/review';
import { countsFrom, teamStrength, teamTarget, type TeamStrength } from '@/domain/roster/strength';
import { idleDaysOf } from '@/domain/targets/definitions';
import type { StationContext } from './context';
import { lastMitanActivity } from './outreach';
import { contributions, pageRecords, readTotals, type Page, type PageQuery } from './repository';
import { listPlaces, listTeams, mitansOfTeam } from './roster';

// ─── The app's source: totals and index walks ─────────────────────────────────────────────

/**
 * Live, active Mitans: their ids from a key-only walk of the status index, and the entries of the
 * idle ones (read for their team and name). A cancelled Mitan keeps its index entries but leaves
 * the running totals, so `mitan:all` says how many ids are cancelled; when the idle entries do not
 * account for all of them, the others are read too (a Mitan cancelled after taking part).
 */
async function activeMitansByIndex(ctx: StationContext, idleTest: Promise<(id: string) => boolean>): Promise<ActiveMitans> {
  const { mitan } = ctx.db;
  const [ids, totals, isIdle] = await Promise.all([
    mitan.where('[data.status+id]').between(['active', Dexie.minKey], ['active', Dexie.maxKey]).primaryKeys(),
    readTotals(ctx, [MITAN_TOTAL_KEY]),
    idleTest,
  ]);
  const idleIds = ids.filter(isIdle);
  const idle = (await mitan.bulkGet(idleIds)).filter((r): r is StoredRecord => !!r && !r.cancelled);
  const cancelled = new Set(idleIds);
  for (const r of idle) cancelled.delete(r.id);
  if (ids.length - (totals.get(MITAN_TOTAL_KEY)?.active ?? 0) > cancelled.size)
    for (const r of await mitan.bulkGet(ids.filter((id) => !isIdle(id)))) if (!r || r.cancelled) cancelled.add(r?.id ?? '');
  return { ids: cancelled.size ? ids.filter((id) => !cancelled.has(id)) : ids, idle };
}

/**
 * Open complaints received before `cutoff`: whole months from the `complaint:month:<ym>` totals
 * (live entries only), and the cutoff's own month from the shorter side of it, read through the
 * date-received index (a few days of entries).
 */
async function openReceivedBefore(ctx: StationContext, cutoff: string, monthOpen: Map<string, number>): Promise<number> {
  const ym = cutoff.slice(0, 7);
  let n = 0;
  for (const [m, open] of monthOpen) if (m < ym) n += open;
  const start = `${ym}-01`;
  const end = monthEnd(ym);
  const liveOpen = (rows: StoredRecord[]) => rows.filter((r) => !r.cancelled && isOpen(r)).length;
  const byDate = ctx.db.complaint.where('data.receivedAt');
  if (daysBetween(start, cutoff) <= daysBetween(cutoff, end) + 1) return n + liveOpen(await byDate.between(start, cutoff, true, false).toArray());
  return n + (monthOpen.get(ym) ?? 0) - liveOpen(await byDate.between(cutoff, `${end}\uffff`, true, true).toArray());
}

/**
 * The follow-up lists' sizes (domain/complaints/followups.ts) without reading the register:
 * pending over 7 and 30 days from the monthly totals, money cases without an NCRP number from
 * `complaint:all`, and the few entries with a refund pending (for their court application).
 */
async function followUpsByIndex(ctx: StationContext, today: string): Promise<FollowUpCounts> {
  const prefix = 'complaint:month:';
  const [months, all, held] = await Promise.all([
    ctx.db.totals.where('key').between(prefix, `${prefix}\uffff`, true, true).toArray(),
    readTotals(ctx, [COMPLAINT_TOTAL_KEYS.all]),
    ctx.db.complaint.where('data.pendingRefund').above(0).toArray(),
  ]);
  const monthOpen = new Map(months.map((m) => [m.key.slice(prefix.length), m.values.open ?? 0]));
  const [pending7, pending30] = await Promise.all([openReceivedBefore(ctx, addDays(today, -7), monthOpen), openReceivedBefore(ctx, addDays(today, -30), monthOpen)]);
  const live = held.filter((r) => !r.cancelled);
  return {
    pending7,
    pending30,
    noNcrp: all.get(COMPLAINT_TOTAL_KEYS.all)?.ncrpMissing ?? 0,
    holdNoCourt: live.filter((r) => !r.data.courtApplicationDate).length,
    refundAwaited: live.length,
  };
}

/**
 * readPeriodBreakdown (db/outreach.ts) narrowed to what the dashboard needs: the day rows and the
 * per-day team and Mitan rows of each date, one key range per date and dimension (the places,
 * types, modes and areas of the week are not read).
 */
async function teamAndMitanPeriod(ctx: StationContext, from: string, to: string): Promise<PeriodSums> {
  const dates = datesBetween(from, to);
  const range = (d: string, dim: 'team' | 'mitan') => {
    const prefix = `${outreachKey.dayPrefix(d)}:${dim}:`;
    return ctx.db.totals.where('key').between(prefix, `${prefix}\uffff`, true, true).toArray();
  };
  const [days, teams, mitans] = await Promise.all([
    readTotals(ctx, dates.map((d) => outreachKey.day(d))),
    Promise.all(dates.map((d) => range(d, 'team'))),
    Promise.all(dates.map((d) => range(d, 'mitan'))),
  ]);
  const out: PeriodSums = { day: asTotals(null), byTeam: new Map(), byMitan: new Map() };
  for (const v of days.values()) out.day = addTotals(out.day, v);
  const fold = (map: Map<string, OutreachTotals>, pages: { key: string; values: Record<string, number> }[][], dim: string) => {
    for (const rows of pages)
      for (const r of rows) {
        // A row whose entries were all cancelled stays at zero: not an activity.
        if ((r.values.activities ?? 0) <= 0) continue;
        const id = r.key.slice(r.key.indexOf(`:${dim}:`) + dim.length + 2);
        map.set(id, addTotals(map.get(id) ?? asTotals(null), r.values));
      }
  };
  fold(out.byTeam, teams, 'team');
  fold(out.byMitan, mitans, 'mitan');
  return out;
}

export function indexedSource(ctx: StationContext): FigureSource {
  return {
    totals: (keys) => readTotals(ctx, keys),
    totalsWithPrefix: async (prefix) => {
      const rows = await ctx.db.totals.where('key').between(prefix, `${prefix}\uffff`, true, true).toArray();
      return new Map(rows.map((r) => [r.key, r.values]));
    },
    period: (from, to) => teamAndMitanPeriod(ctx, from, to),
    teams: () => listTeams(ctx),
    places: () => listPlaces(ctx),
    activeMitans: (isIdle) => activeMitansByIndex(ctx, isIdle),
    lastMitanActivity: (id) => lastMitanActivity(ctx, id),
    followUps: (today) => followUpsByIndex(ctx, today),
  };
}

// ─── The reference: one plain scan of the tables ──────────────────────────────────────────

function derivedTotals(defs: [RegisterDef, StoredRecord[]][]): Map<string, Record<string, number>> {
  const map = new Map<string, Record<string, number>>();
  for (const [def, records] of defs)
    for (const r of records)
      for (const c of contributions(def, r)) {
        const row = map.get(c.key) ?? {};
        for (const [k, v] of Object.entries(c.values)) row[k] = (row[k] ?? 0) + v;
        map.set(c.key, row);
      }
  return map;
}

/** Reads every entry of the registers once and answers from memory. */
export async function scanSource(ctx: StationContext): Promise<FigureSource> {
  const { db } = ctx;
  const [outreach, mitans, complaints, teams, places] = await Promise.all([
    db.outreach.toArray(),
    db.mitan.toArray(),
    db.complaint.toArray(),
    db.team.toArray(),
    db.place.toArray(),
  ]);
  const totals = derivedTotals([
    [outreachRegister, outreach],
    [mitanRegister, mitans],
    [complaintRegister, complaints],
  ]);
  const live = outreach.filter((e) => !e.cancelled);
  const lastByMitan = new Map<string, string>();
  for (const e of live)
    for (const m of mitansPresent(e.data)) {
      const d = String(e.data.date);
      if ((lastByMitan.get(m) ?? '') < d) lastByMitan.set(m, d);
    }
  return {
    totals: async (keys) => new Map(keys.map((k) => [k, totals.get(k) ?? {}])),
    totalsWithPrefix: async (prefix) => new Map([...totals].filter(([k]) => k.startsWith(prefix))),
    period: async (from, to): Promise<PeriodSums> => {
      const out: PeriodSums = { day: asTotals(null), byTeam: new Map(), byMitan: new Map() };
      for (const e of live) {
        const d = String(e.data.date);
        if (d < from || d > to) continue;
        const f = entryFigures(e.data);
        out.day = addTotals(out.day, f);
        const team = typeof e.data.teamId === 'string' && e.data.teamId ? e.data.teamId : null;
        if (team) out.byTeam.set(team, addTotals(out.byTeam.get(team) ?? asTotals(null), f));
        for (const m of new Set(mitansPresent(e.data))) out.byMitan.set(m, addTotals(out.byMitan.get(m) ?? asTotals(null), f));
      }
      return out;
    },
    teams: async () => teams.filter((t) => !t.cancelled),
    places: async () => places.filter((p) => !p.cancelled),
    activeMitans: async (idleTest) => {
      const isIdle = await idleTest;
      const active = mitans.filter((m) => !m.cancelled && m.data.status === 'active');
      return { ids: active.map((m) => m.id), idle: active.filter((m) => isIdle(m.id)) };
    },
    lastMitanActivity: async (id) => lastByMitan.get(id) ?? null,
    followUps: async (today) => {
      const l = followUpLists(complaints, today);
      return { pending7: l.pending7.length, pending30: l.pending30.length, noNcrp: l.noNcrp.length, holdNoCourt: l.holdNoCourt.length, refundAwaited: l.refundAwaited.length };
    },
  };
}

// ─── The dashboard ────────────────────────────────────────────────────────────────────────

export async function loadDashboard(ctx: StationContext, today = istDate(ctx.now()), opts: ComposeOptions = {}): Promise<DashboardFigures> {
  return composeDashboard(indexedSource(ctx), ctx.settings(), today, opts);
}

/** The same figures by one plain scan (the bench's baseline, the tests' cross-check). */
export async function loadDashboardByScan(ctx: StationContext, today = istDate(ctx.now())): Promise<DashboardFigures> {
  return composeDashboard(await scanSource(ctx), ctx.settings(), today);
}

// ─── Drill-down: team → Mitans → entries; village → activities ───────────────────────────

export interface ActivitySums {
  activities: number;
  people: number;
}

const sums = (t: OutreachTotals): ActivitySums => ({ activities: t.activities, people: t.total });

/** Sum of the per-day rows of one key over the dates (a handful of point reads). */
async function daysOf(ctx: StationContext, dates: string[], key: (d: string) => string): Promise<OutreachTotals> {
  const rows = await readTotals(ctx, dates.map(key));
  return [...rows.values()].reduce((a: OutreachTotals, v) => addTotals(a, v), asTotals(null));
}

const lastDays = (today: string, n: number) => Array.from({ length: n }, (_, i) => addDays(today, -i));

export interface MemberActivity {
  record: StoredRecord;
  week: ActivitySums;
  cumulative: ActivitySums;
  lastActivity: string | null;
  /** Active on the roster but no activity in the idle window. */
  idle: boolean;
}

export interface TeamActivity {
  team: StoredRecord;
  strength: TeamStrength;
  week: ActivitySums;
  cumulative: ActivitySums;
  members: MemberActivity[];
  idleDays: number;
}

/** One team: strength, its last 7 days and campaign figures, and each of its Mitans' activity. */
export async function loadTeamActivity(ctx: StationContext, teamId: string, today = istDate(ctx.now())): Promise<TeamActivity | null> {
  const team = await ctx.db.team.get(teamId);
  if (!team) return null;
  const settings = ctx.settings();
  const idleDays = idleDaysOf(settings);
  const idleFrom = addDays(today, -(idleDays - 1));
  const week = lastDays(today, 7);
  const members = await mitansOfTeam(ctx, teamId);
  const [totals, teamWeek] = await Promise.all([
    readTotals(ctx, [teamTotalKey(teamId), outreachKey.team(teamId), ...members.map((m) => outreachKey.mitan(m.id))]),
    daysOf(ctx, week, (d) => outreachKey.dayTeam(d, teamId)),
  ]);
  const rows = await Promise.all(
    members.map(async (m): Promise<MemberActivity> => {
      const [wk, last] = await Promise.all([daysOf(ctx, week, (d) => outreachKey.dayMitan(d, m.id)), lastMitanActivity(ctx, m.id)]);
      return {
        record: m,
        week: sums(wk),
        cumulative: sums(asTotals(totals.get(outreachKey.mitan(m.id)))),
        lastActivity: last,
        idle: m.data.status === 'active' && (last === null || last < idleFrom),
      };
    }),
  );
  rows.sort((a, b) => Number(b.idle) - Number(a.idle) || String(a.record.serial ?? '').localeCompare(String(b.record.serial ?? '')));
  return {
    team,
    strength: teamStrength(countsFrom(totals.get(teamTotalKey(teamId))), teamTarget(team.data, settings)),
    week: sums(teamWeek),
    cumulative: sums(asTotals(totals.get(outreachKey.team(teamId)))),
    members: rows,
    idleDays,
  };
}

export interface SubjectActivity {
  record: StoredRecord;
  week: ActivitySums;
  cumulative: OutreachTotals;
  lastActivity: string | null;
}

/** One Mitan's activity figures (their entries are paged with pageOutreachByKey). */
export async function loadMitanActivity(ctx: StationContext, mitanId: string, today = istDate(ctx.now())): Promise<SubjectActivity | null> {
  const record = await ctx.db.mitan.get(mitanId);
  if (!record) return null;
  const [cum, week, last] = await Promise.all([
    readTotals(ctx, [outreachKey.mitan(mitanId)]),
    daysOf(ctx, lastDays(today, 7), (d) => outreachKey.dayMitan(d, mitanId)),
    lastMitanActivity(ctx, mitanId),
  ]);
  return { record, week: sums(week), cumulative: asTotals(cum.get(outreachKey.mitan(mitanId))), lastActivity: last };
}

/** One village or ward and what was held there. */
export async function loadPlaceActivity(ctx: StationContext, placeId: string, today = istDate(ctx.now())): Promise<SubjectActivity | null> {
  const record = await ctx.db.place.get(placeId);
  if (!record) return null;
  const [cum, week] = await Promise.all([
    readTotals(ctx, [outreachKey.place(placeId)]),
    daysOf(ctx, lastDays(today, 7), (d) => outreachKey.dayPlace(d, placeId)),
  ]);
  // The entries below show their dates; a place keeps no "last activity" of its own.
  const last = null;
  return { record, week: sums(week), cumulative: asTotals(cum.get(outreachKey.place(placeId))), lastActivity: last };
}

/**
 * Outreach entries with one lookup key ('mitan:<id>', 'place:<id>', 'team:<id>'), newest first,
 * for the generic register list. A search goes through the token index and keeps the key.
 */
export async function pageOutreachByKey(ctx: StationContext, key: string, q: PageQuery): Promise<Page> {
  if (q.search) {
    const extra = q.filter;
    return pageRecords(ctx, outreachRegister, { ...q, filter: (r) => r.keys.includes(key) && (!extra || extra(r)) });
  }
  const after = q.after;
  const rows = await ctx.db.outreach
    .where('keys')
    .equals(key)
    .reverse()
    .filter((r) => (!after || r.id < after) && (!q.filter || q.filter(r)))
    .limit(q.limit)
    .toArray();
  return { rows, next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

export interface InstitutionRow {
  name: string;
  type: 'school' | 'college';
  sessions: number;
  people: number;
  lastDate: string;
  placeId: string | null;
}

/**
 * Schools and colleges where sessions were held (distinct by name as written), through the
 * `type:school` / `type:college` keys: only those entries are read, on request.
 */
export async function loadInstitutions(ctx: StationContext): Promise<InstitutionRow[]> {
  const entries = await ctx.db.outreach.where('keys').anyOf(['type:school', 'type:college']).toArray();
  const by = new Map<string, InstitutionRow>();
  for (const e of entries) {
    const type = e.data.activityType;
    if (e.cancelled || (type !== 'school' && type !== 'college')) continue;
    const key = `${type}:${institutionKey(e.data.institution) || `place:${String(e.data.placeId ?? e.id)}`}`;
    const row = by.get(key) ?? { name: String(e.data.institution ?? '').trim() || '—', type, sessions: 0, people: 0, lastDate: '', placeId: typeof e.data.placeId === 'string' ? e.data.placeId : null };
    row.sessions += 1;
    row.people += entryFigures(e.data).total ?? 0;
    if (String(e.data.date) > row.lastDate) row.lastDate = String(e.data.date);
    by.set(key, row);
  }
  return [...by.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name, 'hi'));
}
