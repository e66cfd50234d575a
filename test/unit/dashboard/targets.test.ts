// Targets as data: the campaign clock, progress and pace against a goal, goals the in-charge sets,
// and what the settings panel accepts. Pure functions, known answers.
import { describe, expect, it } from 'vitest';
import { goalOf, idleDaysOf, perUnitOf, targetDef, TARGETS, targetSettings, type TargetInputs } from '../../../renderer/src/domain/targets/definitions';
import { targetDraft, targetPatch } from '../../../renderer/src/domain/targets/editing';
import { campaignClock, paceText, progressText, targetProgress } from '../../../renderer/src/domain/targets/progress';

const CAMPAIGN = { campaignStart: '2026-11-01', campaignEnd: '2027-01-31', thanaTarget: 6000 };

const inputs = (over: Partial<TargetInputs> = {}): TargetInputs => ({
  mitans: { total: 1400, active: 1300, trained: 700 },
  teams: { total: 240, atStrength: 60 },
  mitanWeekPeople: [0, 10, 25, 40, 100],
  places: { covered: 45, total: 120 },
  people: 30_000,
  ...over,
});

describe('the campaign clock', () => {
  it('counts the days gone (today included) and the days left', () => {
    expect(campaignClock(CAMPAIGN, '2026-11-01')).toMatchObject({ elapsedDays: 1, daysLeft: 91, totalDays: 92, started: true, ended: false });
    expect(campaignClock(CAMPAIGN, '2026-11-28')).toMatchObject({ elapsedDays: 28, daysLeft: 64 });
    expect(campaignClock(CAMPAIGN, '2027-01-31')).toMatchObject({ elapsedDays: 92, daysLeft: 0, ended: false });
    expect(campaignClock(CAMPAIGN, '2027-02-10')).toMatchObject({ elapsedDays: 92, daysLeft: 0, ended: true });
    expect(campaignClock(CAMPAIGN, '2026-10-20')).toMatchObject({ elapsedDays: 0, daysLeft: 92, started: false });
    expect(campaignClock({}, '2026-11-28')).toMatchObject({ start: null, end: null, elapsedDays: 0, daysLeft: null, totalDays: null });
  });
});

describe('progress against a count target', () => {
  it('value, goal, percent, run-rate, projected date', () => {
    const clock = campaignClock(CAMPAIGN, '2026-11-28');
    const p = targetProgress(targetDef('mitansEnrolled'), inputs(), CAMPAIGN, clock);
    // 1,400 in 28 days = 50 a day; 4,600 more take 92 days → 28 Feb 2027, after the end.
    // To be on time: 4,600 over the 65 days left (today included) = 70.8 a day.
    expect(p).toMatchObject({ value: 1400, goal: 6000, percent: 23.3, runRate: 50, requiredRate: 70.8, remaining: 4600, projectedDate: '2027-02-28', pace: 'behind' });
    expect(paceText(p).hi).toBe('इस गति से अभियान समाप्ति (31-01-2027) तक पूरा नहीं होगा — अनुमान 28-02-2027');
    expect(paceText(p).en).toBe('Not at this pace before the campaign end (31-01-2027) — projected 28-02-2027');
    expect(progressText(p, String)).toEqual({ hi: '1400 / 6000 (23.3%)', en: '1400 of 6000 (23.3%)' });
    // Years away: the words say so instead of a date in another decade.
    const far = targetProgress(targetDef('mitansTrained'), inputs({ mitans: { total: 30, active: 30, trained: 28 } }), CAMPAIGN, clock);
    expect(far).toMatchObject({ runRate: 1, projectedDate: '2043-04-05', requiredRate: 91.9 });
    expect(paceText(far).en).toBe('Not at this pace before the campaign end (31-01-2027) — it would take over two years more');
  });

  it('on track, reached, stalled, not started, no goal', () => {
    const clock = campaignClock(CAMPAIGN, '2026-11-28');
    const onTrack = targetProgress(targetDef('mitansEnrolled'), inputs({ mitans: { total: 2800, active: 2800, trained: 0 } }), CAMPAIGN, clock);
    // 100 a day: 3,200 more take 32 days → 30 Dec 2026.
    expect(onTrack).toMatchObject({ runRate: 100, projectedDate: '2026-12-30', pace: 'on-track' });
    expect(paceText(onTrack).en).toBe('At this pace, reached by 30-12-2026');
    expect(targetProgress(targetDef('mitansTrained'), inputs({ mitans: { total: 6000, active: 6000, trained: 6100 } }), CAMPAIGN, clock)).toMatchObject({
      percent: 101.7,
      remaining: 0,
      pace: 'reached',
    });
    expect(targetProgress(targetDef('mitansTrained'), inputs({ mitans: { total: 1, active: 1, trained: 0 } }), CAMPAIGN, clock).pace).toBe('stalled');
    const early = campaignClock(CAMPAIGN, '2026-10-25');
    expect(targetProgress(targetDef('mitansEnrolled'), inputs({ mitans: { total: 5, active: 5, trained: 0 } }), CAMPAIGN, early)).toMatchObject({ runRate: null, pace: 'not-started' });
    const noGoal = targetProgress(targetDef('mitansEnrolled'), inputs(), { ...CAMPAIGN, thanaTarget: 0 }, clock);
    expect(noGoal).toMatchObject({ goal: null, percent: null, pace: 'no-goal' });
    expect(paceText(noGoal).hi).toBe('लक्ष्य निर्धारित नहीं');
  });

  it('people reached: the outreach target, or 10 × the thana’s share', () => {
    const clock = campaignClock(CAMPAIGN, '2026-11-28');
    expect(targetProgress(targetDef('peopleReached'), inputs(), CAMPAIGN, clock)).toMatchObject({ goal: 60_000, percent: 50 });
    expect(targetProgress(targetDef('peopleReached'), inputs(), { ...CAMPAIGN, outreachPeopleTarget: 40_000 }, clock)).toMatchObject({ goal: 40_000, percent: 75 });
  });

  it('villages and wards: against the whole master list unless the in-charge sets a number', () => {
    const clock = campaignClock(CAMPAIGN, '2026-11-28');
    expect(targetProgress(targetDef('placesCovered'), inputs(), CAMPAIGN, clock)).toMatchObject({ value: 45, of: 120, goal: 120, percent: 37.5 });
    expect(targetProgress(targetDef('placesCovered'), inputs(), { ...CAMPAIGN, targets: { placesCovered: { goal: 90 } } }, clock)).toMatchObject({ goal: 90, percent: 50 });
  });
});

describe('progress against a percent target ("N of M")', () => {
  it('teams at strength: the share of teams, against the goal percentage', () => {
    const clock = campaignClock(CAMPAIGN, '2026-11-28');
    const p = targetProgress(targetDef('teamsAtStrength'), inputs(), CAMPAIGN, clock);
    expect(p).toMatchObject({ value: 60, of: 240, share: 25, goal: 100, percent: 25, runRate: null, projectedDate: null, pace: 'unpaced' });
    expect(progressText(p, String)).toEqual({ hi: '60 / 240 — 25%, लक्ष्य (100%)', en: '60 of 240 — 25%, goal (100%)' });
  });

  it('Mitans meeting their weekly number, with the number the in-charge sets', () => {
    const clock = campaignClock(CAMPAIGN, '2026-11-28');
    const def = targetDef('peoplePerMitanWeek');
    expect(targetProgress(def, inputs(), CAMPAIGN, clock)).toMatchObject({ perUnit: 25, value: 3, of: 5, share: 60, goal: 80, percent: 75 });
    const own = { ...CAMPAIGN, targets: { peoplePerMitanWeek: { perUnit: 10, goal: 60 } } };
    expect(targetProgress(def, inputs(), own, clock)).toMatchObject({ perUnit: 10, value: 4, share: 80, goal: 60, pace: 'reached' });
    expect(targetProgress(def, inputs({ mitanWeekPeople: [] }), CAMPAIGN, clock)).toMatchObject({ of: 0, share: null, percent: null });
  });
});

describe('targets as data', () => {
  it('each names what it counts, its kind and period', () => {
    expect(TARGETS.map((t) => [t.id, t.type, t.period, t.paced])).toEqual([
      ['mitansEnrolled', 'count', 'campaign', true],
      ['mitansTrained', 'count', 'campaign', true],
      ['teamsAtStrength', 'percent', 'campaign', false],
      ['peoplePerMitanWeek', 'percent', 'week', false],
      ['placesCovered', 'count', 'campaign', true],
      ['peopleReached', 'count', 'campaign', true],
    ]);
    for (const t of TARGETS) expect(t.counts.hi && t.counts.en && t.label.hi && t.label.en).toBeTruthy();
  });

  it('settings: malformed goals are ignored, a percent goal is at most 100, idle days 1–90', () => {
    expect(targetSettings({ targets: { mitansEnrolled: { goal: -3 }, mitansTrained: { goal: 'x' }, placesCovered: { goal: 12 }, nope: { goal: 1 } } })).toEqual({ placesCovered: { goal: 12 } });
    expect(goalOf(targetDef('teamsAtStrength'), { targets: { teamsAtStrength: { goal: 250 } } })).toBe(100);
    expect(perUnitOf(targetDef('peoplePerMitanWeek'), {})).toBe(25);
    expect([idleDaysOf({}), idleDaysOf({ idleDays: 14 }), idleDaysOf({ idleDays: 0 }), idleDaysOf({ idleDays: 2.5 })]).toEqual([7, 14, 7, 7]);
  });

  it('the settings panel: blank means the default; bad numbers are refused with the field named', () => {
    const { patch, issues } = targetPatch({
      'goal.mitansEnrolled': '',
      'goal.mitansTrained': '5,000',
      'goal.peoplePerMitanWeek': '70',
      'perUnit.peoplePerMitanWeek': '30',
      'goal.peopleReached': '80000',
      idleDays: '10',
    });
    expect(issues).toEqual([]);
    expect(patch).toEqual({
      targets: { mitansTrained: { goal: 5000 }, peoplePerMitanWeek: { goal: 70, perUnit: 30 } },
      outreachPeopleTarget: 80000,
      idleDays: 10,
    });
    expect(targetDraft({ ...patch, thanaTarget: 6000 })).toMatchObject({
      'goal.mitansEnrolled': '',
      'goal.mitansTrained': '5000',
      'goal.peoplePerMitanWeek': '70',
      'perUnit.peoplePerMitanWeek': '30',
      'goal.peopleReached': '80000',
      idleDays: '10',
    });
    const bad = targetPatch({ 'goal.teamsAtStrength': '120', 'goal.mitansEnrolled': 'सौ', 'perUnit.peoplePerMitanWeek': '0', idleDays: '100' });
    expect(bad.issues.map((i) => i.field)).toEqual(['goal.mitansEnrolled', 'goal.teamsAtStrength', 'perUnit.peoplePerMitanWeek', 'idleDays']);
    expect(bad.issues[0]!.message.en).toBe('The goal must be a whole number of 1 or more, or blank');
    expect(targetPatch({}).patch).toEqual({ targets: {}, outreachPeopleTarget: null, idleDays: null });
  });
});
