import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { cancelRecord, correctRecord, createRecord, findByKey, getRecord, type ChangeOptions } from '../../../renderer/src/db/repository';
import {
  correctOutreach,
  createOutreach,
  lastMitanActivity,
  lastTeamActivity,
  outreachOfDay,
  placeOnTheSpot,
  seedOutreachTopics,
  unverifiedOutreach,
  verifyOutreach,
} from '../../../renderer/src/db/outreach';
import { readThanaOptions } from '../../../renderer/src/db/settings';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { DEFAULT_OUTREACH_TOPICS } from '../../../renderer/src/domain/outreach/topics';
import { M1, M2, M3, NOW, TEAM_A, TEAM_B, entry, incharge, makeCtx, nodal, viewer, writer } from './fixtures';

let ctx: StationContext;
afterEach(async () => {
  ctx?.db.close();
  if (ctx) await ctx.db.delete();
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('outreach entries', () => {
  it('get a gap-free serial by the year of the activity date', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    const b = await createOutreach(ctx, writer, entry({ timeFrom: '12:00', timeTo: '13:00' }));
    expect([a.record.serial, b.record.serial]).toEqual(['2026/0001', '2026/0002']);
    expect(a.record.id).toMatch(/^BSPKOTA:outreach:[0-9A-Z]{26}$/);
    expect(a.record.data.total).toBe(55);
  });

  it('a bad entry writes nothing, and says why in both languages', async () => {
    ctx = makeCtx();
    const e = await refusal(createOutreach(ctx, writer, entry({ under18: 99 })));
    expect(e.code).toBe('validation');
    expect(e.issues.map((i) => i.code)).toEqual(['under18.total']);
    expect(await ctx.db.outreach.count()).toBe(0);
    expect(await ctx.db.totals.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
  });

  it('refuses a future date and a date before the campaign start', async () => {
    ctx = makeCtx();
    expect((await refusal(createOutreach(ctx, writer, entry({ date: '2026-11-29' })))).issues[0]!.code).toBe('future');
    expect((await refusal(createOutreach(ctx, writer, entry({ date: '2026-10-20' })))).issues[0]!.code).toBe('before-campaign');
  });

  it('an entry made more than 7 days after its date is accepted and marked late', async () => {
    ctx = makeCtx();
    const seven = await createOutreach(ctx, writer, entry({ date: '2026-11-21' }));
    const eight = await createOutreach(ctx, writer, entry({ date: '2026-11-20' }));
    const ten = await createOutreach(ctx, writer, entry({ date: '2026-11-18' }));
    expect([seven.record.late, eight.record.late, ten.record.late]).toEqual([false, true, true]);
  });

  it('verification fields cannot be typed in: a new entry is always unverified', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry({ verifiedBy: 'कोई', verifiedAt: '2026-11-28T10:00' }));
    expect(record.data.verifiedBy).toBeNull();
    expect(record.data.verifiedAt).toBeNull();
    expect(record.keys).toContain('unverified');
  });

  it('the day sheet reads the day’s entries in register order, cancelled ones included', async () => {
    ctx = makeCtx();
    const late = await createOutreach(ctx, writer, entry({ timeFrom: '15:00', timeTo: '16:00' }));
    const early = await createOutreach(ctx, writer, entry({ timeFrom: '09:00', timeTo: '10:00' }));
    await createOutreach(ctx, writer, entry({ date: '2026-11-26' }));
    await cancelRecord(ctx, nodal, outreachRegister, late.record.id, 'दोहरी प्रविष्टि');
    const day = await outreachOfDay(ctx, '2026-11-27');
    expect(day.map((r) => r.id)).toEqual([late.record.id, early.record.id]);
    expect(day[0]!.cancelled?.reason).toBe('दोहरी प्रविष्टि');
  });

  it('a writer cannot cancel; the nodal officer can, with a reason', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    expect((await refusal(cancelRecord(ctx, writer, outreachRegister, record.id, 'गलत'))).code).toBe('forbidden');
    expect((await refusal(cancelRecord(ctx, nodal, outreachRegister, record.id, ''))).code).toBe('reason');
    const c = await cancelRecord(ctx, nodal, outreachRegister, record.id, 'दोहरी प्रविष्टि');
    expect(c.cancelled?.byName).toBe(nodal.name);
  });
});

describe('verification by the nodal officer', () => {
  it('a writer cannot verify, nor a district viewer', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    expect((await refusal(verifyOutreach(ctx, writer, [record.id]))).code).toBe('forbidden');
    expect((await refusal(verifyOutreach(ctx, viewer, [record.id]))).code).toBe('forbidden');
    // Nor by going round the outreach functions to the generic repository.
    // The permission an insider would name is ignored: the kind of change decides it.
    const override = { kind: 'verify', permission: 'record.correct' } as ChangeOptions;
    const sneaky = correctRecord(ctx, writer, outreachRegister, record.id, { verifiedBy: 'x', verifiedAt: '2026-11-28T10:00' }, null, override);
    expect((await refusal(sneaky)).code).toBe('forbidden');
    expect((await getRecord(ctx, outreachRegister, record.id))!.data.verifiedAt).toBeNull();
  });

  it('marks many entries verified at once, with who and when, as a verify version', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    const b = await createOutreach(ctx, writer, entry({ timeFrom: '12:00', timeTo: '13:00' }));
    const r = await verifyOutreach(ctx, nodal, [a.record.id, b.record.id]);
    expect(r.verified).toEqual([a.record.id, b.record.id]);
    const after = (await getRecord(ctx, outreachRegister, a.record.id))!;
    expect(after.data.verifiedBy).toBe('सीमा वर्मा (उप निरीक्षक)');
    expect(after.data.verifiedAt).toBe('2026-11-28T18:30');
    expect(after.version).toBe(2);
    expect(after.history[1]).toMatchObject({ kind: 'verify', by: nodal.userId, reason: null });
    expect(after.keys).not.toContain('unverified');
    expect((await ctx.db.audit.where('action').equals('verify').count())).toBe(2);
  });

  it('the thana in-charge may verify too', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    expect((await verifyOutreach(ctx, incharge, [record.id])).verified).toEqual([record.id]);
  });

  it('skips entries already verified or cancelled', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    const b = await createOutreach(ctx, writer, entry());
    const c = await createOutreach(ctx, writer, entry());
    await verifyOutreach(ctx, nodal, [a.record.id]);
    await cancelRecord(ctx, nodal, outreachRegister, b.record.id, 'दोहरी प्रविष्टि');
    const r = await verifyOutreach(ctx, nodal, [a.record.id, b.record.id, c.record.id]);
    expect(r).toEqual({ verified: [c.record.id], skipped: [a.record.id, b.record.id] });
    expect((await getRecord(ctx, outreachRegister, a.record.id))!.version).toBe(2);
  });

  it('verifies all or none', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    const e = await refusal(verifyOutreach(ctx, nodal, [a.record.id, 'BSPKOTA:outreach:MISSING']));
    expect(e.code).toBe('not-found');
    expect((await getRecord(ctx, outreachRegister, a.record.id))!.data.verifiedAt).toBeNull();
  });

  it('the verification queue lists unverified entries that stand, oldest first', async () => {
    ctx = makeCtx();
    const a = await createOutreach(ctx, writer, entry());
    const b = await createOutreach(ctx, writer, entry());
    const c = await createOutreach(ctx, writer, entry());
    const d = await createOutreach(ctx, writer, entry());
    await verifyOutreach(ctx, nodal, [b.record.id]);
    await cancelRecord(ctx, nodal, outreachRegister, c.record.id, 'दोहरी प्रविष्टि');
    expect((await unverifiedOutreach(ctx)).rows.map((r) => r.id)).toEqual([a.record.id, d.record.id]);
    const first = await unverifiedOutreach(ctx, 1);
    expect(first.rows.map((r) => r.id)).toEqual([a.record.id]);
    expect((await unverifiedOutreach(ctx, 1, first.next)).rows.map((r) => r.id)).toEqual([d.record.id]);
  });
});

describe('corrections', () => {
  it('need a reason, keep the earlier values, and recompute the total', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    expect((await refusal(correctOutreach(ctx, writer, record.id, { men: 40 }, ''))).code).toBe('reason');
    const { record: next } = await correctOutreach(ctx, writer, record.id, { men: 40 }, 'गिनती में भूल');
    expect(next.data.total).toBe(65);
    expect(next.history.at(-1)).toMatchObject({ kind: 'correct', reason: 'गिनती में भूल' });
    expect(next.history.at(-1)!.changes).toEqual(
      expect.arrayContaining([
        { field: 'men', before: 30, after: 40 },
        { field: 'total', before: 55, after: 65 },
      ]),
    );
  });

  it('a verified entry changes only by a correction with a reason', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    await verifyOutreach(ctx, nodal, [record.id]);
    expect((await refusal(correctOutreach(ctx, nodal, record.id, { women: 26 }, ' '))).code).toBe('reason');
    const { record: next } = await correctOutreach(ctx, nodal, record.id, { women: 26 }, 'महिलाओं की गिनती');
    // The verifier's own correction keeps the verification.
    expect(next.data.verifiedBy).toBe('सीमा वर्मा (उप निरीक्षक)');
    expect(next.history.map((h) => h.kind)).toEqual(['create', 'verify', 'correct']);
  });

  it('a writer’s correction of a verified entry sends it back for verification', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    await verifyOutreach(ctx, nodal, [record.id]);
    const { record: next } = await correctOutreach(ctx, writer, record.id, { pledges: 45 }, 'संकल्प पत्र गिनती');
    expect(next.data.verifiedAt).toBeNull();
    expect(next.data.verifiedBy).toBeNull();
    expect(next.keys).toContain('unverified');
    expect(next.history.at(-1)!.changes.map((c) => c.field).sort()).toEqual(['pledges', 'verifiedAt', 'verifiedBy']);
    expect((await unverifiedOutreach(ctx)).rows.map((r) => r.id)).toEqual([record.id]);
  });

  it('a writer cannot verify through a correction either', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    const e = await refusal(correctOutreach(ctx, writer, record.id, { verifiedBy: 'मैं', verifiedAt: '2026-11-28T10:00' }, 'सत्यापन'));
    expect(e.code).toBe('no-change');
  });

  it('a correction to a bad value is refused and leaves the entry as it was', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    const e = await refusal(correctOutreach(ctx, writer, record.id, { mitanIds: [], policeNames: '', policeCount: 0 }, 'उपस्थिति'));
    expect(e.issues.map((i) => i.code)).toEqual(['presence']);
    expect((await getRecord(ctx, outreachRegister, record.id))!.version).toBe(1);
  });
});

describe('places added on the spot', () => {
  it('creates a new place marked as new, and finds it again by name', async () => {
    ctx = makeCtx();
    const p = await placeOnTheSpot(ctx, writer, '  नया   टोला ', 'rural');
    expect(p.data).toMatchObject({ name: 'नया टोला', kind: 'village', area: 'rural', isNew: true });
    const again = await placeOnTheSpot(ctx, writer, 'नया टोला', 'rural');
    expect(again.id).toBe(p.id);
    const ward = await placeOnTheSpot(ctx, writer, 'Ward 7', 'urban');
    expect(ward.data).toMatchObject({ kind: 'ward', area: 'urban', isNew: true });
    expect((await placeOnTheSpot(ctx, writer, 'ward 7', 'urban')).id).toBe(ward.id);
  });

  it('a place already on the master list is used as it is', async () => {
    ctx = makeCtx();
    const { record } = await createRecord(ctx, writer, placeRegister, { name: 'करगी रोड', kind: 'ward', area: 'urban' });
    expect((await placeOnTheSpot(ctx, writer, 'करगी रोड', 'rural')).id).toBe(record.id);
    expect(await findByKey(ctx, placeRegister, 'place:करगी रोड')).toHaveLength(1);
  });

  it('an empty name is refused', async () => {
    ctx = makeCtx();
    expect((await refusal(placeOnTheSpot(ctx, writer, '  ', 'rural'))).code).toBe('place.name');
  });
});

describe('last activity (for idle Mitans and teams)', () => {
  it('is the latest date that still stands; a cancellation moves it back', async () => {
    ctx = makeCtx();
    await createOutreach(ctx, writer, entry({ date: '2026-11-20', mitanIds: [M1, M2], teamId: TEAM_A }));
    const later = await createOutreach(ctx, writer, entry({ date: '2026-11-25', mitanIds: [M1], teamId: TEAM_A }));
    await createOutreach(ctx, writer, entry({ date: '2026-11-22', mitanIds: [M3], teamId: TEAM_B }));
    expect(await lastMitanActivity(ctx, M1)).toBe('2026-11-25');
    expect(await lastMitanActivity(ctx, M2)).toBe('2026-11-20');
    expect(await lastTeamActivity(ctx, TEAM_A)).toBe('2026-11-25');
    await cancelRecord(ctx, nodal, outreachRegister, later.record.id, 'गलत दल');
    expect(await lastMitanActivity(ctx, M1)).toBe('2026-11-20');
    expect(await lastTeamActivity(ctx, TEAM_A)).toBe('2026-11-20');
    expect(await lastMitanActivity(ctx, 'BSPKOTA:mitan:NONE')).toBeNull();
    expect(await lastTeamActivity(ctx, 'BSPKOTA:team:NONE')).toBeNull();
  });

  it('follows a correction that moves the date or the Mitans', async () => {
    ctx = makeCtx();
    const { record } = await createOutreach(ctx, writer, entry({ date: '2026-11-20', mitanIds: [M1] }));
    await correctOutreach(ctx, writer, record.id, { date: '2026-11-24', mitanIds: [M2] }, 'दिनांक व मितान सुधार');
    expect(await lastMitanActivity(ctx, M1)).toBeNull();
    expect(await lastMitanActivity(ctx, M2)).toBe('2026-11-24');
  });
});

describe('topics in settings', () => {
  it('the in-charge’s first visit writes the seed list; a writer’s does not', async () => {
    ctx = makeCtx();
    expect(await seedOutreachTopics(ctx, writer)).toBe(false);
    expect((await readThanaOptions(ctx.db)).outreachTopics).toBeUndefined();
    expect(await seedOutreachTopics(ctx, incharge)).toBe(true);
    expect((await readThanaOptions(ctx.db)).outreachTopics).toEqual(DEFAULT_OUTREACH_TOPICS);
    expect(await seedOutreachTopics(ctx, incharge)).toBe(false);
  });
});

it('the clock of these tests is 28 Nov 2026 in IST', () => {
  expect(NOW.toISOString()).toBe('2026-11-28T13:00:00.000Z');
});
