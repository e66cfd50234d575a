// Issue 16 item 6: a training session is entered once and trains every Mitan present in one
// transaction; it prints as a register; trained Mitans get numbered certificates in a batch; the
// consent and notice form prints pre-filled.
import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { readTotals } from '../../../renderer/src/db/repository';
import { issueCertificates, recordTrainingSession, trainingsOfMitan } from '../../../renderer/src/db/training';
import { MITAN_TOTAL_KEY } from '../../../renderer/src/domain/registers/mitan';
import { TRAINING_TOTAL_KEY, trainingRegister } from '../../../renderer/src/domain/registers/training';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import { buildCertificates, buildConsentForms } from '../../../renderer/src/export/documents';
import { buildRegisterPrint } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, seedThana, writer, type Scene } from '../dashboard/fixtures';
import { nodePrintFonts } from '../export/fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

function session(mitanIds: string[], over: Record<string, unknown> = {}) {
  return { date: '2026-11-27', venue: 'थाना कोटा सभाकक्ष', trainerName: 'सीमा वर्मा', trainerRank: 'उप निरीक्षक', hours: 3, topics: ['helpline-1930', 'upi'], mitanIds, ...over };
}

async function scene(): Promise<Scene> {
  ctx = makeCtx();
  return seedThana(ctx);
}

describe('a training session', () => {
  it('is declared as a register like the others', () => {
    expect(REGISTERS.training).toBe(trainingRegister);
    expect(trainingRegister.fields.filter((f) => f.print).length).toBeGreaterThanOrEqual(8);
  });

  it('is entered once and trains every Mitan present, in one go', async () => {
    const s = await scene();
    const { m3, m5, m6 } = s.mitans;
    const before = (await readTotals(ctx!, [MITAN_TOTAL_KEY])).get(MITAN_TOTAL_KEY)!;
    const saved = await recordTrainingSession(ctx!, writer, session([m3.id, m5.id, m6.id]));
    expect(saved.record.serial).toBe('2026/0001');
    expect(saved.updated.map((m) => m.id).sort()).toEqual([m3.id, m5.id, m6.id].sort());
    for (const id of [m3.id, m5.id, m6.id]) {
      const m = (await ctx!.db.mitan.get(id))!;
      expect(m.data).toMatchObject({ trainingDate: '2026-11-27', trainingVenue: 'थाना कोटा सभाकक्ष', trainer: 'सीमा वर्मा, उप निरीक्षक' });
      expect(m.history.at(-1)).toMatchObject({ kind: 'correct', reason: expect.stringContaining('प्रशिक्षण सत्र 2026/0001') });
    }
    const after = (await readTotals(ctx!, [MITAN_TOTAL_KEY, TRAINING_TOTAL_KEY]));
    expect(after.get(MITAN_TOTAL_KEY)!.trained).toBe(before.trained! + 3);
    expect(after.get(TRAINING_TOTAL_KEY)).toEqual({ sessions: 1, present: 3 });
    expect((await trainingsOfMitan(ctx!, m5.id)).map((r) => r.id)).toEqual([saved.record.id]);
  });

  it('keeps the first training of a Mitan already trained, and lists them as present', async () => {
    const s = await scene();
    const saved = await recordTrainingSession(ctx!, writer, session([s.mitans.m1.id, s.mitans.m3.id]));
    expect(saved.alreadyTrained.map((m) => m.id)).toEqual([s.mitans.m1.id]);
    expect((await ctx!.db.mitan.get(s.mitans.m1.id))!.data.trainingDate).toBe('2026-11-05');
    expect(saved.record.data.presentCount).toBe(2);
  });

  it('writes nothing at all when one Mitan cannot take it (cancelled entry)', async () => {
    const s = await scene();
    const { m3, m7 } = s.mitans;
    const audit = await ctx!.db.audit.count();
    await expect(recordTrainingSession(ctx!, writer, session([m3.id, m7.id]))).rejects.toMatchObject({ bilingual: { en: expect.stringContaining('cancelled') } });
    expect(await ctx!.db.training.count()).toBe(0);
    expect((await ctx!.db.mitan.get(m3.id))!.data.trainingDate ?? null).toBeNull();
    expect(await ctx!.db.audit.count()).toBe(audit);
    expect(await ctx!.db.serials.get('training:2026')).toBeUndefined();
  });

  it('refuses a session with nobody present, in Hindi and English', async () => {
    await scene();
    type Refusal = { issues: { field: string; message: { hi: string; en: string } }[] };
    const e = (await recordTrainingSession(ctx!, writer, session([])).then(
      () => ({ issues: [] }),
      (x: unknown) => x,
    )) as Refusal;
    const issue = e.issues.find((i) => i.field === 'mitanIds')!;
    expect(issue.message.hi).toContain('मितान');
    expect(issue.message.en).toContain('Mitan');
    expect(await ctx!.db.training.count()).toBe(0);
  });

  it('prints as a register through the same machinery, naming the Mitans present', async () => {
    const s = await scene();
    await recordTrainingSession(ctx!, writer, session([s.mitans.m3.id, s.mitans.m6.id]));
    const p = await buildRegisterPrint({ ctx: ctx!, actor: writer, profile: PROFILE, def: trainingRegister, fonts: nodePrintFonts() });
    expect(p.rows).toBe(1);
    expect(p.html).toContain('साइबर मितान प्रशिक्षण पंजी');
    expect(p.html).toContain('सीमा पटेल');
    expect(p.html).toContain('पूजा केंवट');
    expect(p.html).toContain('थाना कोटा सभाकक्ष');
  });
});

describe('certificates (प्रमाण पत्र)', () => {
  it('are numbered once per Mitan, in a batch; a reprint keeps the number', async () => {
    const s = await scene();
    const { m1, m2, m4 } = s.mitans;
    const first = await issueCertificates(ctx!, writer, [m1.id, m2.id]);
    expect(first.map((c) => [c.number, c.fresh])).toEqual([
      ['BSPKOTA/2026/0001', true],
      ['BSPKOTA/2026/0002', true],
    ]);
    expect((await ctx!.db.mitan.get(m1.id))!.data).toMatchObject({ certificate: true, certificateNo: 'BSPKOTA/2026/0001', certificateDate: '2026-11-28' });
    const again = await issueCertificates(ctx!, writer, [m2.id, m4.id]);
    expect(again.map((c) => [c.number, c.fresh])).toEqual([
      ['BSPKOTA/2026/0002', false],
      ['BSPKOTA/2026/0003', true],
    ]);
  });

  it('refuse the whole batch when a Mitan is not trained', async () => {
    const s = await scene();
    await expect(issueCertificates(ctx!, writer, [s.mitans.m1.id, s.mitans.m3.id])).rejects.toMatchObject({ code: 'certificate.untrained' });
    expect((await ctx!.db.mitan.get(s.mitans.m1.id))!.data.certificateNo ?? null).toBeNull();
  });

  it('print in Hindi with the number, the thana, the trainer and the in-charge', async () => {
    const s = await scene();
    const p = await buildCertificates({ ctx: ctx!, actor: writer, profile: { ...PROFILE, campaignName: 'सायबर मितान' }, mitanIds: [s.mitans.m1.id, s.mitans.m4.id], fonts: nodePrintFonts() });
    expect(p.rows).toBe(2);
    expect(p.html.match(/<section class="sheet">/g)).toHaveLength(2);
    expect(p.html).toContain('प्रमाण पत्र');
    expect(p.html).toContain('BSPKOTA/2026/0001');
    expect(p.html).toContain('गीता साहू');
    expect(p.html).toContain('थाना कोटा');
    expect(p.html).toContain('उनि सीमा');
    expect(p.html).toContain('अजय सिंह, निरीक्षक');
    expect(p.html).toContain('सायबर मितान अभियान');
    expect(p.html).not.toContain('साइबर');
  });
});

describe('the consent and notice form (सहमति एवं सूचना पत्र)', () => {
  it('prints pre-filled from the roster entry, with the notice a Mitan signs', async () => {
    const s = await scene();
    const p = await buildConsentForms({ ctx: ctx!, actor: writer, profile: PROFILE, mitanIds: [s.mitans.m3.id], fonts: nodePrintFonts() });
    expect(p.html).toContain('सहमति एवं सूचना पत्र');
    expect(p.html).toContain('सीमा पटेल');
    expect(p.html).toContain('9826100003');
    expect(p.html).toContain('बेलतरा');
    expect(p.html).toContain('BSPKOTA/2026/0003');
    expect(p.html).toContain('सहमति वापस');
    expect(p.html).toContain('18 वर्ष');
    const blank = await buildConsentForms({ ctx: ctx!, actor: writer, profile: PROFILE, mitanIds: [], fonts: nodePrintFonts() });
    expect(blank.html).toContain('class="blank"');
  });
});
