/**
 * The figures of a daily, weekly or monthly return (domain/reports), read for this thana:
 * outreach from the per-day totals rows (one point read per day and breakdown, and one short key
 * range per day for the places and Mitans), complaints through the date-received index, schools
 * and colleges through their type keys, teams and villages from their small registers.
 *
 * The roster is read once: joining and training dates are not indexed, and a return is printed
 * a few times a month (the dashboard never does this; it reads `mitan:all`).
 */
import { bi, DomainError } from '@/domain/bilingual';
import { isValidDate } from '@/domain/dates';
import { OPEN_STATUSES } from '@/domain/complaints/workflow';
import { ACTIVITY_TYPES, MODES } from '@/domain/outreach/options';
import { addTotals, asTotals, datesBetween, outreachKey, type OutreachTotals } from '@/domain/outreach/totals';
import type { Actor, StoredRecord } from '@/domain/records';
import { AREA_TYPES } from '@/domain/registers/place';
import { emptyWindow, foldComplaints, foldInstitutions, foldMitans, foldTeams, pendencyAt, type ReturnFigures, type WindowFigures } from '@/domain/reports/figures';
import type { ReturnDef, ReturnPeriod } from '@/domain/reports/returns';
import { evaluateFigure, figureDef } from '@/domain/reports/definitions';
import { assertCan } from '@/domain/roles';
import type { StationContext } from './context';
import { auditRow, readTotals } from './repository';
import { listPlaces, listTeams, teamStrengths } from './roster';

type Breakdown = 'type' | 'mode' | 'area';
const BREAKDOWNS: [Breakdown, string[], (d: string, v: string) => string][] = [
  ['type', ACTIVITY_TYPES.map((a) => a.value), outreachKey.dayType],
  ['mode', MODES.map((m) => m.value), outreachKey.dayMode],
  ['area', AREA_TYPES.map((a) => a.value), outreachKey.dayArea],
];

/** Ids with at least one standing activity on any of the dates, from the day-first keys of one dimension. */
async function activeIdsOnDays(ctx: StationContext, dates: string[], dim: 'place' | 'mitan'): Promise<Set<string>> {
  const ids = new Set<string>();
  await Promise.all(
    dates.map(async (d) => {
      const prefix = `${outreachKey.dayPrefix(d)}:${dim}:`;
      const rows = await ctx.db.totals.where('key').between(prefix, `${prefix}\uffff`, true, true).toArray();
      // Ids hold colons themselves ('BSPKOTA:place:…'): cut the prefix, never split.
      for (const r of rows) if ((r.values.activities ?? 0) > 0) ids.add(r.key.slice(prefix.length));
    }),
  );
  return ids;
}

async function outreachWindow(ctx: StationContext, w: WindowFigures, dates: string[], placeKind: Map<string, string>): Promise<void> {
  const keys = dates.flatMap((d) => [outreachKey.day(d), ...BREAKDOWNS.flatMap(([, values, key]) => values.map((v) => key(d, v)))]);
  const totals = await readTotals(ctx, keys);
  for (const d of dates) {
    w.outreach = addTotals(w.outreach, totals.get(outreachKey.day(d)) ?? {});
    for (const [dim, values, key] of BREAKDOWNS) {
      const map: Record<string, OutreachTotals> = dim === 'type' ? w.byType : dim === 'mode' ? w.byMode : w.byArea;
      for (const v of values) map[v] = addTotals(map[v] ?? asTotals(null), totals.get(key(d, v)) ?? {});
    }
  }
  const [places, mitans] = await Promise.all([activeIdsOnDays(ctx, dates, 'place'), activeIdsOnDays(ctx, dates, 'mitan')]);
  for (const id of places) {
    const kind = placeKind.get(id);
    // Only places on the master list count as covered (a cancelled or unknown place does not).
    if (kind) w.placesCovered[kind] = (w.placesCovered[kind] ?? 0) + 1;
  }
  w.mitansTookPart = mitans.size;
}

async function earliestActivity(ctx: StationContext): Promise<string | null> {
  const first = await ctx.db.outreach.orderBy('data.date').first();
  return typeof first?.data.date === 'string' ? first.data.date : null;
}

/**
 * Every figure of a return for the period, and to date: everything up to the period's end, however
 * early (domain/reports/definitions.ts; the dashboard shows the same figures up to today).
 */
export async function loadReturnFigures(ctx: StationContext, period: ReturnPeriod): Promise<ReturnFigures> {
  const settings = ctx.settings();
  const { from, to } = period;
  // The per-day outreach rows are read from the first activity on (none can count before it).
  const first = await earliestActivity(ctx);
  const cumulativeFrom = first && first < from ? first : from;
  const [teams, places, mitans] = await Promise.all([listTeams(ctx), listPlaces(ctx), ctx.db.mitan.toArray()]);
  const placeKind = new Map(places.map((p) => [p.id, String(p.data.kind ?? 'other')]));
  const masterList: Record<string, number> = {};
  for (const k of placeKind.values()) masterList[k] = (masterList[k] ?? 0) + 1;

  const [complaints, open, institutions, strengths] = await Promise.all([
    ctx.db.complaint.where('data.receivedAt').between('', `${to}\uffff`, true, true).toArray(),
    Promise.all(OPEN_STATUSES.map((s) => ctx.db.complaint.where('[data.status+data.receivedAt]').between([s, ''], [s, `${to}\uffff`], true, true).toArray())),
    ctx.db.outreach.where('keys').anyOf(['type:school', 'type:college']).toArray(),
    teamStrengths(ctx, teams),
  ]);

  // The period, and to date ('' : no lower bound).
  const windows: [WindowFigures, string][] = [
    [emptyWindow(), from],
    [emptyWindow(), ''],
  ];
  for (const [w, wFrom] of windows) {
    await outreachWindow(ctx, w, datesBetween(wFrom || cumulativeFrom, to), placeKind);
    foldComplaints(w, complaints, wFrom, to);
    foldMitans(w, mitans, wFrom, to);
    foldTeams(w, teams, wFrom, to);
    foldInstitutions(w, institutions, wFrom, to);
  }
  const thanaTarget = typeof settings.thanaTarget === 'number' && settings.thanaTarget > 0 ? settings.thanaTarget : null;
  const standing = [...strengths.values()];
  return {
    kind: period.kind,
    from,
    to,
    cumulativeFrom,
    campaignStart: isValidDate(settings.campaignStart) ? settings.campaignStart : null,
    campaignEnd: isValidDate(settings.campaignEnd) ? settings.campaignEnd : null,
    thanaTarget,
    places: masterList,
    teams: { total: standing.length, atStrength: standing.filter((s) => s.active >= s.target).length },
    mitansActive: evaluateFigure(figureDef('active'), mitans, { to }),
    pendency: pendencyAt(open.flat() as StoredRecord[], to),
    period: windows[0]![0],
    cumulative: windows[1]![0],
  };
}

/** A return printed or exported: one audit row (the figures carry no personal data, but who printed what is kept). */
export async function auditReturn(ctx: StationContext, actor: Actor, action: 'print' | 'export', def: ReturnDef, subtitle: string): Promise<void> {
  assertCan(actor.role, 'register.export');
  if (!subtitle) throw new DomainError('report.period', bi('अवधि चुनें', 'Choose the period'));
  await ctx.db.audit.add(auditRow(ctx, actor, action, { recordType: 'report', recordId: null, summary: `${def.id} (${action === 'print' ? 'PDF' : 'Excel'}): ${subtitle}` }));
}
