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
import { addDays, istDate } from '@/domain/dates';
import { followUpLists } from '@/domain/complaints/followups';
import { COMPLAINT_TOTAL_KEYS } from '@/domain/complaints/totals';
import { OPEN_STATUSES } from '@/domain/complaints/workflow';
import { mitansPresent } from '@/domain/outreach/rules';
import { addTotals, asTotals, entryFigures, outreachKey, type OutreachTotals } from '@/domain/outreach/totals';
import type { StoredRecord } from '@/domain/records';
import { complaintRegister } from '@/domain/registers/complaint';
import { mitanRegister, teamTotalKey } from '@/domain/registers/mitan';
import { outreachRegister } from '@/domain/registers/outreach';
import type { RegisterDef } from '@/domain/registers/types';
import { institutionKey } from '@/domain/reports/figures';
import { composeDashboard, type ActiveMitan, type ComposeOptions, type DashboardFigures, type FigureSource, type FollowUpCounts, type PeriodSums } from '@/domain/reports/review';
import { countsFrom, teamStrength, teamTarget, type TeamStrength } from '@/domain/roster/strength';
import { idleDaysOf } from '@/domain/targets/definitions';
import type { StationContext } from './context';
import { getMany, lastMitanActivity, readPeriodBreakdown } from './outreach';
import { contributions, pageRecords, readTotals, type Page, type PageQuery } from './repository';
import { listPlaces, listTeams, mitansOfTeam } from './roster';

// ─── The app's source: totals and index walks ─────────────────────────────────────────────

/**
 * Live, active Mitans with their team from two key-only index walks (no entry is read). A
 * cancelled Mitan keeps its index entries but leaves the running totals, so a team whose count
 * differs from its `mitan:team:<id>` row has its few entries read to leave the cancelled out.
 */
async function activeMitansByIndex(ctx: StationContext, teams: StoredRecord[]): Promise<ActiveMitan[]> {
  const { mitan } = ctx.db;
  const [activeIds, pairs, totals] = await Promise.all([
    mitan.where('[data.status+id]').between(['active', Dexie.minKey], ['active', Dexie.maxKey]).primaryKeys(),
    mitan.orderBy('[data.teamId+id]').keys(),
    readTotals(ctx, teams.map((t) => teamTotalKey(t.id))),
  ]);
  const teamOf = new Map<string, string>();
  for (const pair of pairs as unknown as [string, string][]) teamOf.set(pair[1], pair[0]);
  const byTeam = new Map<string | null, string[]>();
  for (const id of activeIds) {
    const t = teamOf.get(id) ?? null;
    const list = byTeam.get(t);
    if (list) list.push(id);
    else byTeam.set(t, [id]);
  }
  const out: ActiveMitan[] = [];
  for (const [teamId, ids] of byTeam) {
    if (teamId && totals.get(teamTotalKey(teamId))?.active === ids.length) {
      for (const id of ids) out.push({ id, teamId });
      continue;
    }
    for (const r of await mitan.bulkGet(ids)) if (r && !r.cancelled && r.data.status === 'active') out.push({ id: r.id, teamId });
  }
  return out;
}

/**
 * The follow-up lists' sizes (domain/complaints/followups.ts) by index: counts of open complaints
 * received before the 7- and 30-day cut-offs, the money cases without an NCRP number from the
 * totals, and the few entries with a refund pending. A status whose index count differs from its
 * total has a cancelled entry: its old entries are read and counted live.
 */
async function followUpsByIndex(ctx: StationContext, today: string): Promise<FollowUpCounts> {
  const table = ctx.db.complaint;
  const c7 = addDays(today, -7);
  const c30 = addDays(today, -30);
  const totals = await readTotals(ctx, [COMPLAINT_TOTAL_KEYS.all, ...OPEN_STATUSES.map((s) => COMPLAINT_TOTAL_KEYS.status(s))]);
  const range = (s: string, upper: string) => table.where('[data.status+data.receivedAt]').between([s, ''], [s, upper], true, false);
  let pending7 = 0;
  let pending30 = 0;
  for (const s of OPEN_STATUSES) {
    const [all, n7, n30] = await Promise.all([range(s, '\uffff').count(), range(s, c7).count(), range(s, c30).count()]);
    if (all === (totals.get(COMPLAINT_TOTAL_KEYS.status(s))?.count ?? 0)) {
      pending7 += n7;
      pending30 += n30;
      continue;
    }
    const old = (await range(s, c7).toArray()).filter((r) => !r.cancelled);
    pending7 += old.length;
    pending30 += old.filter((r) => String(r.data.receivedAt) < c30).length;
  }
  const held = (await table.where('data.pendingRefund').above(0).toArray()).filter((r) => !r.cancelled);
  return {
    pending7,
    pending30,
    noNcrp: totals.get(COMPLAINT_TOTAL_KEYS.all)?.ncrpMissing ?? 0,
    holdNoCourt: held.filter((r) => !r.data.courtApplicationDate).length,
    refundAwaited: held.length,
  };
}

export function indexedSource(ctx: StationContext): FigureSource {
  return {
    totals: (keys) => readTotals(ctx, keys),
    period: async (from, to) => {
      const b = await readPeriodBreakdown(ctx, from, to);
      return { day: b.day, byTeam: b.byTeam, byMitan: b.byMitan };
    },
    teams: () => listTeams(ctx),
    places: () => listPlaces(ctx),
    activeMitans: (teams) => activeMitansByIndex(ctx, teams),
    mitans: (ids) => getMany(ctx, 'mitan', ids),
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
  const mitanById = new Map(mitans.map((m) => [m.id, m]));
  return {
    totals: async (keys) => new Map(keys.map((k) => [k, totals.get(k) ?? {}])),
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
    activeMitans: async () => mitans.filter((m) => !m.cancelled && m.data.status === 'active').map((m) => ({ id: m.id, teamId: typeof m.data.teamId === 'string' ? m.data.teamId : null })),
    mitans: async (ids) => ids.map((id) => mitanById.get(id)).filter((r): r is StoredRecord => !!r),
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
