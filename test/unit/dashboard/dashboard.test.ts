// The nodal officer's dashboard on one small thana whose figures are worked out by hand
// (fixtures.ts): targets, the team table, idle Mitans, coverage and the complaint summary. The
// same figures from one plain scan of the tables must agree with the ones read from the totals.
import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import {
  loadDashboard,
  loadDashboardByScan,
  loadInstitutions,
  loadMitanActivity,
  loadPlaceActivity,
  loadTeamActivity,
  pageOutreachByKey,
} from '../../../renderer/src/db/dashboard';
import { cancelRecord, correctRecord } from '../../../renderer/src/db/repository';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import type { TargetId } from '../../../renderer/src/domain/targets/definitions';
import type { DashboardFigures } from '../../../renderer/src/domain/reports/review';
import { NOW, TODAY, dropCtx, incharge, makeCtx, seedThana, type Scene } from './fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

async function scene(options: Record<string, unknown> = {}, now?: () => Date): Promise<{ ctx: StationContext; s: Scene; d: DashboardFigures }> {
  ctx = makeCtx(options, now);
  const s = await seedThana(ctx);
  return { ctx, s, d: await loadDashboard(ctx, TODAY) };
}

const target = (d: DashboardFigures, id: TargetId) => d.targets.find((t) => t.def.id === id)!;

describe('targets on the dashboard', () => {
  it('Mitans enrolled and trained against the thana’s share, with run-rate and projection', async () => {
    const { d } = await scene();
    expect(d.clock).toMatchObject({ start: '2026-11-01', end: '2027-01-31', elapsedDays: 28, daysLeft: 64, totalDays: 92 });
    // 6 live Mitans (M7 cancelled) of 100; 6 in 28 days = 0.2 a day; 94 more at that pace take 439 days.
    expect(target(d, 'mitansEnrolled')).toMatchObject({ value: 6, goal: 100, percent: 6, runRate: 0.2, requiredRate: 1.5, remaining: 94, projectedDate: '2028-02-10', pace: 'behind' });
    // Trained: M1, M2 and M4; 97 more at 3 per 28 days take 906 days.
    expect(target(d, 'mitansTrained')).toMatchObject({ value: 3, goal: 100, percent: 3, runRate: 0.1, remaining: 97, projectedDate: '2029-05-22', pace: 'behind' });
  });

  it('teams at strength and Mitans meeting their weekly number are shares of units ("N of M")', async () => {
    const { d } = await scene();
    // Team 1 has 3 active of 3; team 2 has 1 (one inactive); team 3 has 1 (one cancelled).
    expect(target(d, 'teamsAtStrength')).toMatchObject({ value: 1, of: 3, share: 33.3, goal: 100, percent: 33.3, pace: 'unpaced', runRate: null });
    // Last 7 days, people at activities each active Mitan took part in: M1 30, M2 10, M3 10, M4 0, M6 45 → 2 of 5 reach 25.
    expect(target(d, 'peoplePerMitanWeek')).toMatchObject({ value: 2, of: 5, share: 40, goal: 80, percent: 50, perUnit: 25 });
  });

  it('villages and wards covered against the master list, and people reached against the outreach target', async () => {
    const { d } = await scene();
    // बेलतरा, करगीकला and वार्ड 5 have activities; खमरिया only a cancelled one. 1 more at 3 per 28 days: 10 days.
    expect(target(d, 'placesCovered')).toMatchObject({ value: 3, of: 4, goal: 4, percent: 75, runRate: 0.1, projectedDate: '2026-12-08', pace: 'on-track' });
    // 258 people; the goal is 10 × the thana's share (1,000): 742 more at 258 per 28 days take 81 days.
    expect(target(d, 'peopleReached')).toMatchObject({ value: 258, goal: 1000, percent: 25.8, runRate: 9.2, projectedDate: '2027-02-17', pace: 'behind' });
  });

  it('the in-charge’s goals replace the defaults', async () => {
    const { d } = await scene({
      targets: { mitansEnrolled: { goal: 8 }, peoplePerMitanWeek: { goal: 40, perUnit: 10 }, placesCovered: { goal: 3 } },
      outreachPeopleTarget: 258,
      idleDays: 3,
    });
    expect(target(d, 'mitansEnrolled')).toMatchObject({ value: 6, goal: 8, percent: 75, projectedDate: '2026-12-08', pace: 'on-track' });
    // 10 people a week: M1, M2, M3 and M6 reach it → 4 of 5 = 80%, against a goal of 40%.
    expect(target(d, 'peoplePerMitanWeek')).toMatchObject({ value: 4, of: 5, share: 80, goal: 40, pace: 'reached' });
    expect(target(d, 'placesCovered')).toMatchObject({ goal: 3, percent: 100, pace: 'reached' });
    expect(target(d, 'peopleReached')).toMatchObject({ goal: 258, percent: 100, pace: 'reached', projectedDate: null });
  });
});

describe('teams and idle Mitans', () => {
  it('the team table: strength against the target and the gap, the last 7 days, idle Mitans, idle teams', async () => {
    const { d, s } = await scene();
    expect(d.idleDays).toBe(7);
    expect(d.teams.map((t) => [t.teamNo, t.strength.active, t.strength.target, t.strength.gap, t.week.activities, t.week.people, t.cumulative.activities, t.cumulative.people, t.idleMitans, t.idle])).toEqual([
      [1, 3, 3, 0, 2, 40, 4, 190, 0, false],
      [2, 1, 3, 2, 0, 0, 1, 23, 1, true],
      [3, 1, 3, 2, 1, 45, 1, 45, 0, false],
    ]);
    expect(d.idleTeams).toBe(1);
    expect(d.idleMitanCount).toBe(1);
    expect(d.idleMitans).toEqual([{ id: s.mitans.m4.id, name: 'अनिल वर्मा', serial: s.mitans.m4.serial, teamId: s.teams.t2.id, teamNo: 2, lastActivity: '2026-11-18' }]);
    expect(d.week).toMatchObject({ activities: 3, total: 85 });
  });

  it('N idle days comes from settings', async () => {
    const { d, s } = await scene({ idleDays: 3 });
    // 26–28 Nov: team 1 (26th, 27th) and team 3 (28th) worked; M1, M2, M3, M6 were out.
    expect(d.idleTeams).toBe(1);
    expect(d.idleMitans.map((m) => m.id)).toEqual([s.mitans.m4.id]);
    const { d: d2 } = await scene({ idleDays: 1 });
    // Only 28 Nov: team 3 with M6. Idle: M1, M2, M3 (team 1), M4 (team 2), by team number then roster order.
    expect(d2.idleTeams).toBe(2);
    expect(d2.idleMitans.map((m) => [m.name, m.teamNo, m.lastActivity])).toEqual([
      ['गीता साहू', 1, '2026-11-26'],
      ['रवि यादव', 1, '2026-11-27'],
      ['सीमा पटेल', 1, '2026-11-27'],
      ['अनिल वर्मा', 2, '2026-11-18'],
    ]);
    expect(d2.teams.map((t) => t.idleMitans)).toEqual([3, 1, 0]);
  });

  it('a cancelled activity stops counting, and a Mitan whose only activity is cancelled becomes idle', async () => {
    const { ctx, s } = await scene();
    await cancelRecord(ctx, incharge, outreachRegister, s.entries[4]!.id, 'गलत दिनांक');
    const d = await loadDashboard(ctx, TODAY);
    expect(d.idleMitans.map((m) => m.name)).toEqual(['अनिल वर्मा', 'पूजा केंवट']);
    expect(d.idleMitans[1]!.lastActivity).toBeNull();
    expect(d.teams.find((t) => t.teamNo === 3)!.idle).toBe(true);
    expect(d.outreach.total).toBe(213);
  });
});

describe('cancelled Mitans (their index entries stay, the totals drop them)', () => {
  it('a Mitan cancelled after taking part counts neither as active nor towards the weekly number', async () => {
    const { ctx, s } = await scene();
    await cancelRecord(ctx, incharge, mitanRegister, s.mitans.m1.id, 'दोहरी प्रविष्टि');
    const d = await loadDashboard(ctx, TODAY);
    expect(d.mitans).toEqual({ total: 5, active: 4, trained: 2 });
    // Active: M2 10, M3 10, M4 0, M6 45 → 1 of 4 reach 25.
    expect(target(d, 'peoplePerMitanWeek')).toMatchObject({ value: 1, of: 4 });
    expect(d.idleMitans.map((m) => m.name)).toEqual(['अनिल वर्मा']);
    expect(d).toEqual(await loadDashboardByScan(ctx, TODAY));
  });
});

describe('coverage', () => {
  it('villages and wards covered and not yet covered, by kind; schools and colleges', async () => {
    const { d, s } = await scene();
    expect(d.coverage).toMatchObject({ total: 4, covered: 3, byKind: { village: { total: 3, covered: 2 }, ward: { total: 1, covered: 1 } } });
    expect(d.coverage.notCovered.map((p) => p.id)).toEqual([s.places.khamaria.id]);
    expect(d.coverage.coveredPlaces.map((p) => [p.name, p.activities, p.people])).toEqual([
      ['करगीकला', 1, 23],
      ['बेलतरा', 2, 60],
      ['वार्ड 5', 3, 175],
    ]);
    expect(d.coverage.schools).toEqual({ sessions: 2, people: 130 });
    expect(d.coverage.colleges).toEqual({ sessions: 1, people: 45 });
  });

  it('the schools and colleges themselves, distinct by name as written', async () => {
    const { ctx } = await scene();
    const list = await loadInstitutions(ctx);
    expect(list.map((i) => [i.type, i.name, i.sessions, i.people, i.lastDate])).toEqual([
      ['college', 'शासकीय महाविद्यालय कोटा', 1, 45, '2026-11-28'],
      ['school', 'शा. उ. मा. वि. कोटा', 2, 130, '2026-11-26'],
    ]);
  });
});

describe('charts', () => {
  it('people reached per day over 30 days, by activity type and mode', async () => {
    const { d } = await scene();
    expect(d.perDay).toHaveLength(30);
    expect(d.perDay[0]!.date).toBe('2026-10-30');
    expect(d.perDay.filter((p) => p.people).map((p) => [p.date, p.activities, p.people])).toEqual([
      ['2026-11-05', 1, 50],
      ['2026-11-18', 1, 23],
      ['2026-11-20', 1, 100],
      ['2026-11-26', 1, 30],
      ['2026-11-27', 1, 10],
      ['2026-11-28', 1, 45],
    ]);
    expect(d.byType.filter((t) => t.activities).map((t) => [t.type, t.activities, t.people])).toEqual([
      ['door-to-door', 1, 23],
      ['chaupal', 1, 50],
      ['school', 2, 130],
      ['college', 1, 45],
      ['phone-whatsapp', 1, 10],
    ]);
    expect(d.byMode).toEqual([
      { mode: 'in-person', activities: 5, people: 248 },
      { mode: 'mobile', activities: 1, people: 10 },
    ]);
  });
});

describe('complaint summary', () => {
  it('counts by source and category, the four amounts, golden-hour share, follow-ups due', async () => {
    const { d } = await scene();
    const c = d.complaints;
    // C1 ₹40,000 (₹15,000 held, ₹5,000 refunded), C2 no money, C3 ₹1,00,000; C4 cancelled.
    expect(c.all).toMatchObject({ count: 3, moneyCases: 2, lost: 140_000_00, held: 15_000_00, refunded: 5_000_00, pending: 10_000_00, goldenHour: 1, within24h: 1, ncrpMissing: 1, open: 3 });
    expect(c.bySource.filter((s) => s.values.count).map((s) => [s.value, s.values.count])).toEqual([
      ['walkin', 1],
      ['1930', 1],
      ['ncrp', 1],
    ]);
    expect(c.byCategory.filter((s) => s.values.count).map((s) => [s.value, s.values.count, s.values.lost])).toEqual([
      ['financial', 2, 140_000_00],
      ['social', 1, 0],
    ]);
    expect([c.goldenHourShare, c.within24hShare, c.holdShare]).toEqual([50, 50, 11]);
    // C2 is 18 days old, C3 39: both over 7 days, C3 over 30. The cancelled C4 (13 days) is not counted.
    expect(c.followUps).toEqual({ pending7: 2, pending30: 1, noNcrp: 1, holdNoCourt: 1, refundAwaited: 1 });
  });
});

describe('the same figures from one plain scan', () => {
  it('agree with the ones read from the running totals and indexes', async () => {
    const { ctx, s } = await scene({ idleDays: 1 });
    // A correction moves an activity between teams and places: the totals follow.
    await correctRecord(ctx, incharge, outreachRegister, s.entries[0]!.id, { teamId: s.teams.t2.id, mitanIds: [s.mitans.m4.id], placeId: s.places.khamaria.id }, 'गलत दल लिखा गया');
    const fromTotals = await loadDashboard(ctx, TODAY);
    const fromScan = await loadDashboardByScan(ctx, TODAY);
    expect(fromTotals).toEqual(fromScan);
    expect(fromTotals.coverage.notCovered).toEqual([]);
  });
});

describe('drill-down', () => {
  it('a team leads to its Mitans with their activity; idle ones first', async () => {
    const { ctx, s } = await scene({ idleDays: 1 });
    const t = (await loadTeamActivity(ctx, s.teams.t1.id, TODAY))!;
    expect(t.strength).toMatchObject({ active: 3, target: 3, gap: 0 });
    expect(t.week).toEqual({ activities: 2, people: 40 });
    expect(t.cumulative).toEqual({ activities: 4, people: 190 });
    expect(t.members.map((m) => [m.record.data.name, m.week.activities, m.week.people, m.cumulative.activities, m.cumulative.people, m.lastActivity, m.idle])).toEqual([
      ['गीता साहू', 1, 30, 3, 180, '2026-11-26', true],
      ['रवि यादव', 1, 10, 2, 60, '2026-11-27', true],
      ['सीमा पटेल', 1, 10, 1, 10, '2026-11-27', true],
    ]);
    const t3 = (await loadTeamActivity(ctx, s.teams.t3.id, TODAY))!;
    expect(t3.members.map((m) => [m.record.data.name, m.idle])).toEqual([['पूजा केंवट', false]]);
  });

  it('a Mitan leads to their entries, a village to the activities held there', async () => {
    const { ctx, s } = await scene();
    const m = (await loadMitanActivity(ctx, s.mitans.m1.id, TODAY))!;
    expect(m.cumulative).toMatchObject({ activities: 3, total: 180 });
    expect(m.week).toEqual({ activities: 1, people: 30 });
    expect(m.lastActivity).toBe('2026-11-26');
    const page = await pageOutreachByKey(ctx, `mitan:${s.mitans.m1.id}`, { limit: 2 });
    expect(page.rows.map((r) => r.data.date)).toEqual(['2026-11-26', '2026-11-20']);
    const next = await pageOutreachByKey(ctx, `mitan:${s.mitans.m1.id}`, { limit: 2, after: page.next });
    expect(next.rows.map((r) => r.data.date)).toEqual(['2026-11-05']);
    expect(next.next).toBeNull();

    const p = (await loadPlaceActivity(ctx, s.places.ward5.id, TODAY))!;
    expect(p.cumulative).toMatchObject({ activities: 3, total: 175 });
    expect(p.week).toEqual({ activities: 2, people: 75 });
    const atKhamaria = await pageOutreachByKey(ctx, `place:${s.places.khamaria.id}`, { limit: 50 });
    // The cancelled activity is listed (struck through in the list), and counts nowhere.
    expect(atKhamaria.rows.map((r) => !!r.cancelled)).toEqual([true]);
    const searched = await pageOutreachByKey(ctx, `place:${s.places.ward5.id}`, { limit: 50, search: 'महाविद्यालय' });
    expect(searched.rows.map((r) => r.data.activityType)).toEqual(['college']);
  });

  it('works the same on another day: the clock only sets "today"', async () => {
    const { ctx } = await scene({}, () => NOW);
    const d = await loadDashboard(ctx, '2026-11-21');
    // On 21 Nov the last 7 days (15–21) hold E3 (18th, team 2) and E2 (20th, team 1).
    expect(d.week).toMatchObject({ activities: 2, total: 123 });
    expect(d.idleTeams).toBe(1);
  });
});
