import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { cancelRecord } from '../../../renderer/src/db/repository';
import {
  correctOutreach,
  createOutreach,
  readDayTotals,
  readOutreachTotals,
  readPeriodBreakdown,
  verifyOutreach,
} from '../../../renderer/src/db/outreach';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import {
  asTotals,
  datesBetween,
  EMPTY_TOTALS,
  outreachKey as K,
  outreachProgress,
  outreachTotals,
  parseDayKey,
  recomputeOutreachTotals,
  TOTAL_FIELDS,
  type OutreachTotals,
} from '../../../renderer/src/domain/outreach/totals';
import { ACTIVITY_TYPES } from '../../../renderer/src/domain/outreach/options';
import { M1, M2, M3, PLACE_KARGI, PLACE_KOTA, TEAM_A, TEAM_B, entry, makeCtx, nodal, writer } from './fixtures';

let ctx: StationContext;
afterEach(async () => {
  ctx?.db.close();
  if (ctx) await ctx.db.delete();
});

const t = (over: Partial<OutreachTotals>): OutreachTotals => ({ ...EMPTY_TOTALS, ...over });

async function totalsOf(...keys: string[]): Promise<OutreachTotals[]> {
  const m = await readOutreachTotals(ctx, keys);
  return keys.map((k) => m.get(k)!);
}

/** The running totals must equal a recomputation from every entry, key by key. */
async function expectTotalsEqualRecomputation(): Promise<number> {
  const entries = await ctx.db.outreach.toArray();
  const expected = recomputeOutreachTotals(entries);
  const stored = await ctx.db.totals.where('key').startsWith('outreach:').toArray();
  const keys = new Set([...expected.keys(), ...stored.map((r) => r.key)]);
  const storedMap = new Map(stored.map((r) => [r.key, asTotals(r.values)]));
  for (const k of keys) expect(storedMap.get(k) ?? EMPTY_TOTALS, k).toEqual(expected.get(k) ?? EMPTY_TOTALS);
  return keys.size;
}

// Chaupal, 27 Nov, team A, Mitans 1+2, Kota, rural: 30 men, 25 women, 5 under 18, 4 contacts,
// 60 pamphlets, 40 pledges, 1 complaint helped.
const CHAUPAL = t({ activities: 1, men: 30, women: 25, under18: 5, total: 55, contacts: 4, pamphlets: 60, pledges: 40, complaintsHelped: 1 });

describe('what one entry adds', () => {
  it('counts in every total it belongs to, and nowhere else', () => {
    const keys = outreachTotals(entry({ total: 55 })).map((c) => c.key);
    expect(keys.sort()).toEqual(
      [
        K.all,
        K.day('2026-11-27'),
        K.month('2026-11'),
        K.type('chaupal'),
        K.dayType('2026-11-27', 'chaupal'),
        K.monthType('2026-11', 'chaupal'),
        K.mode('in-person'),
        K.dayMode('2026-11-27', 'in-person'),
        K.monthMode('2026-11', 'in-person'),
        K.area('rural'),
        K.dayArea('2026-11-27', 'rural'),
        K.monthArea('2026-11', 'rural'),
        K.team(TEAM_A),
        K.dayTeam('2026-11-27', TEAM_A),
        K.place(PLACE_KOTA),
        K.dayPlace('2026-11-27', PLACE_KOTA),
        K.mitan(M1),
        K.dayMitan('2026-11-27', M1),
        K.mitan(M2),
        K.dayMitan('2026-11-27', M2),
      ].sort(),
    );
  });

  it('an entry without a team (police alone) has no team totals', () => {
    const keys = outreachTotals(entry({ teamId: null, mitanIds: [] })).map((c) => c.key);
    expect(keys.some((k) => k.includes(':team:'))).toBe(false);
    expect(keys.some((k) => k.includes(':mitan:'))).toBe(false);
  });

  it('day keys parse back into date, dimension and id (ids contain colons)', () => {
    expect(parseDayKey(K.day('2026-11-27'))).toEqual({ date: '2026-11-27', dim: null, id: null });
    expect(parseDayKey(K.dayMitan('2026-11-27', M1))).toEqual({ date: '2026-11-27', dim: 'mitan', id: M1 });
    expect(parseDayKey(K.team(TEAM_A))).toBeNull();
  });

  it('datesBetween lists a period inclusive', () => {
    expect(datesBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(datesBetween('2026-12-02', '2026-11-29')).toEqual([]);
  });
});

describe('running totals', () => {
  it('per day, team, Mitan, activity type, place, mode, area, month and the thana', async () => {
    ctx = makeCtx();
    await createOutreach(ctx, writer, entry());
    await createOutreach(
      ctx,
      writer,
      entry({
        activityType: 'door-to-door',
        teamId: TEAM_B,
        mitanIds: [M2, M3],
        placeId: PLACE_KARGI,
        men: 10,
        women: 12,
        other: 1,
        under18: 3,
        households: 20,
        contacts: 0,
        pamphlets: 20,
        pledges: 0,
        complaintsHelped: 0,
      }),
    );
    await createOutreach(ctx, writer, entry({ date: '2026-11-26', activityType: 'phone-whatsapp', mode: 'mobile', mitanIds: [M1], men: 2, women: 3, under18: 0, contacts: 50, pamphlets: 0, pledges: 0, complaintsHelped: 0 }));

    const D2D = t({ activities: 1, men: 10, women: 12, other: 1, under18: 3, total: 23, households: 20, pamphlets: 20 });
    const PHONE = t({ activities: 1, men: 2, women: 3, total: 5, contacts: 50 });
    const sum = (...xs: OutreachTotals[]) => xs.reduce((a, b) => Object.fromEntries(TOTAL_FIELDS.map((f) => [f, a[f] + b[f]])) as OutreachTotals, t({}));

    const [all, day27, day26, teamA, teamB, m1, m2, m3] = await totalsOf(
      K.all,
      K.day('2026-11-27'),
      K.day('2026-11-26'),
      K.team(TEAM_A),
      K.team(TEAM_B),
      K.mitan(M1),
      K.mitan(M2),
      K.mitan(M3),
    );
    expect(all).toEqual(sum(CHAUPAL, D2D, PHONE));
    expect(day27).toEqual(sum(CHAUPAL, D2D));
    expect(day26).toEqual(PHONE);
    expect(teamA).toEqual(sum(CHAUPAL, PHONE));
    expect(teamB).toEqual(D2D);
    // Every Mitan present is credited with the whole activity (see domain/outreach/README.md).
    expect(m1).toEqual(sum(CHAUPAL, PHONE));
    expect(m2).toEqual(sum(CHAUPAL, D2D));
    expect(m3).toEqual(D2D);

    const [typeChaupal, typeD2D, placeKota, placeKargi, inPerson, byMobile, rural, month, teamADay27] = await totalsOf(
      K.type('chaupal'),
      K.type('door-to-door'),
      K.place(PLACE_KOTA),
      K.place(PLACE_KARGI),
      K.mode('in-person'),
      K.mode('mobile'),
      K.area('rural'),
      K.month('2026-11'),
      K.dayTeam('2026-11-27', TEAM_A),
    );
    expect(typeChaupal).toEqual(CHAUPAL);
    expect(typeD2D).toEqual(D2D);
    expect(placeKota).toEqual(sum(CHAUPAL, PHONE));
    expect(placeKargi).toEqual(D2D);
    expect(inPerson).toEqual(sum(CHAUPAL, D2D));
    expect(byMobile).toEqual(PHONE);
    expect(rural).toEqual(all);
    expect(month).toEqual(all);
    expect(teamADay27).toEqual(CHAUPAL);
    expect(await readDayTotals(ctx, '2026-11-25')).toEqual(EMPTY_TOTALS);
    await expectTotalsEqualRecomputation();
  });

  it('a correction moves the figures: old values out, new values in', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    await correctOutreach(ctx, writer, record.id, { date: '2026-11-26', teamId: TEAM_B, mitanIds: [M3], men: 31 }, 'दिनांक, दल व गिनती सुधार');
    const moved = t({ ...CHAUPAL, men: 31, total: 56 });
    const [day27, day26, teamA, teamB, m1, m3, all] = await totalsOf(
      K.day('2026-11-27'),
      K.day('2026-11-26'),
      K.team(TEAM_A),
      K.team(TEAM_B),
      K.mitan(M1),
      K.mitan(M3),
      K.all,
    );
    expect([day27, teamA, m1]).toEqual([EMPTY_TOTALS, EMPTY_TOTALS, EMPTY_TOTALS]);
    expect([day26, teamB, m3, all]).toEqual([moved, moved, moved, moved]);
    await expectTotalsEqualRecomputation();
  });

  it('a cancelled entry contributes nothing', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    await createOutreach(ctx, writer, entry({ men: 1, women: 1, under18: 0 }));
    await cancelRecord(ctx, nodal, outreachRegister, a.record.id, 'दोहरी प्रविष्टि');
    const [all, m1] = await totalsOf(K.all, K.mitan(M1));
    const second = t({ ...CHAUPAL, men: 1, women: 1, under18: 0, total: 2 });
    expect(all).toEqual(second);
    expect(m1).toEqual(second);
    await expectTotalsEqualRecomputation();
  });

  it('verification is counted, and a writer’s correction takes it back out', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    const b = await createOutreach(ctx, writer, entry());
    await verifyOutreach(ctx, nodal, [a.record.id, b.record.id]);
    expect((await readDayTotals(ctx, '2026-11-27')).verified).toBe(2);
    await correctOutreach(ctx, writer, b.record.id, { pledges: 41 }, 'गिनती सुधार');
    const day = await readDayTotals(ctx, '2026-11-27');
    expect(day.verified).toBe(1);
    expect(day.activities - day.verified).toBe(1);
    await expectTotalsEqualRecomputation();
  });

  it('a period breakdown sums the day rows split by dimension, leaving out cancelled ones', async () => {
    ctx = makeCtx();
    await createOutreach(ctx, writer, entry({ date: '2026-11-20' }));
    await createOutreach(ctx, writer, entry({ date: '2026-11-22', teamId: TEAM_B, mitanIds: [M3], activityType: 'rally' }));
    const c = await createOutreach(ctx, writer, entry({ date: '2026-11-23', mitanIds: [M2] }));
    await createOutreach(ctx, writer, entry({ date: '2026-11-27', mitanIds: [M1] }));
    await cancelRecord(ctx, nodal, outreachRegister, c.record.id, 'गलत दिनांक');
    const b = await readPeriodBreakdown(ctx, '2026-11-21', '2026-11-26');
    expect(b.day.activities).toBe(1);
    expect([...b.byMitan.keys()]).toEqual([M3]);
    expect([...b.byTeam.keys()]).toEqual([TEAM_B]);
    expect([...b.byType.keys()]).toEqual(['rally']);
    const week = await readPeriodBreakdown(ctx, '2026-11-20', '2026-11-27');
    expect(week.day.activities).toBe(3);
    expect(week.byMitan.get(M1)!.activities).toBe(2);
    expect(week.byMitan.get(M2)!.activities).toBe(1); // the 23rd was cancelled
    expect(week.byType.get('chaupal')!.total).toBe(110);
  });

  it('equal a recomputation from scratch after a long random day of creates, corrections, verifications and cancellations', async () => {
    ctx = makeCtx();
    let seed = 20261128;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
    const mitans = [M1, M2, M3];
    const ids: string[] = [];
    const randomEntry = () => {
      const type = pick(ACTIVITY_TYPES).value;
      const men = rnd(40);
      const women = rnd(40);
      return entry({
        date: `2026-11-${String(1 + rnd(27)).padStart(2, '0')}`,
        activityType: type,
        mode: pick(['in-person', 'mobile']),
        teamId: pick([TEAM_A, TEAM_B, null]),
        mitanIds: mitans.filter(() => rnd(2) === 0),
        policeCount: 1,
        placeId: pick([PLACE_KOTA, PLACE_KARGI]),
        area: pick(['rural', 'urban']),
        institution: 'शा. उ.मा. वि.',
        targetGroup: pick(['students', 'general', 'women']),
        men,
        women,
        other: rnd(3),
        under18: rnd(Math.max(1, Math.min(men + women, 10))),
        households: rnd(30),
        contacts: rnd(30),
        pamphlets: rnd(100),
        pledges: rnd(50),
        complaintsHelped: rnd(3),
      });
    };
    for (let step = 0; step < 120; step++) {
      const op = ids.length < 5 ? 0 : rnd(10);
      if (op < 6) ids.push((await createOutreach(ctx, writer, randomEntry())).record.id);
      else if (op < 8) {
        const id = pick(ids);
        const r = await ctx.db.outreach.get(id);
        if (r!.cancelled) continue;
        await correctOutreach(ctx, pick([writer, nodal]), id, randomEntry(), 'सुधार परीक्षण');
      } else if (op < 9) {
        await verifyOutreach(ctx, nodal, [pick(ids), pick(ids)]);
      } else {
        const id = pick(ids);
        if (!(await ctx.db.outreach.get(id))!.cancelled) await cancelRecord(ctx, nodal, outreachRegister, id, 'निरस्त परीक्षण');
      }
    }
    expect(await expectTotalsEqualRecomputation()).toBeGreaterThan(100);
  });
});

describe('progress against the thana target', () => {
  it('people reached against the outreach target the in-charge set', () => {
    const p = outreachProgress(t({ total: 12_345 }), { outreachPeopleTarget: 50_000, thanaTarget: 5000 });
    expect(p).toEqual({ reached: 12_345, target: 50_000, basis: 'setting', percent: 24.7, remaining: 37_655 });
  });

  it('else ten people per Mitan of the thana’s target (the 2020 ratio)', () => {
    expect(outreachProgress(t({ total: 100 }), { thanaTarget: 5000 })).toMatchObject({ target: 50_000, basis: 'thanaTarget', percent: 0.2 });
  });

  it('no target: no percentage', () => {
    expect(outreachProgress(t({ total: 100 }), {})).toEqual({ reached: 100, target: 0, basis: 'none', percent: null, remaining: 0 });
  });
});
