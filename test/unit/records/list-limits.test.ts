/**
 * Every text a user can type has a limit (issue #14 item 8), lists included: the topics of an
 * outreach entry or a training session (a topic typed into an import cell is kept as typed), the
 * Mitans present, a team's villages. Checked by the domain validation that forms and import share,
 * and by the topics editor's own check; and the reason of a correction, cancellation or status step.
 */
import { describe, expect, it } from 'vitest';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import { trainingRegister } from '../../../renderer/src/domain/registers/training';
import { teamRegister } from '../../../renderer/src/domain/registers/team';
import { validateRecord } from '../../../renderer/src/domain/validation';
import { DEFAULT_OUTREACH_TOPICS, newTopicProblem, TOPIC_MAX_LENGTH, TOPICS_MAX } from '../../../renderer/src/domain/outreach/topics';
import { planImport } from '../../../renderer/src/import/plan';
import { registerShape } from '../../../renderer/src/sync/vdu-shapes';
import type { Option } from '../../../renderer/src/domain/registers/types';
import { cancelRecord, correctRecord, createRecord } from '../../../renderer/src/db/repository';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { REASON_MAX_LENGTH } from '../../../renderer/src/domain/records';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { freshDb, incharge, makeCtx } from './fixtures';

const ctx = { today: '2026-11-28', settings: {} };
const issueOf = (def: typeof outreachRegister, data: Record<string, unknown>, field: string) =>
  validateRecord(def, data, ctx).issues.filter((i) => i.field === field && i.severity === 'error');

describe('list fields have limits', () => {
  it('an outreach topic longer than 80 characters, or more than 60 topics, is refused in both languages', () => {
    const long = issueOf(outreachRegister, { topics: ['ठ'.repeat(TOPIC_MAX_LENGTH + 1)] }, 'topics');
    expect(long.map((i) => i.code)).toEqual(['length']);
    expect(long[0]!.message.hi).toContain('80 अक्षरों');
    expect(long[0]!.message.en).toContain('at most 80 characters');
    const many = issueOf(outreachRegister, { topics: Array.from({ length: TOPICS_MAX + 1 }, (_, i) => `विषय ${i}`) }, 'topics');
    expect(many.map((i) => i.code)).toEqual(['items']);
    expect(many[0]!.message.en).toBe('"Topics covered" cannot hold more than 60 (it has 61)');
    // At the limits: no error (unknown topics stay a warning, as before).
    expect(issueOf(outreachRegister, { topics: ['ठ'.repeat(TOPIC_MAX_LENGTH)] }, 'topics')).toEqual([]);
    expect(issueOf(outreachRegister, { topics: DEFAULT_OUTREACH_TOPICS.map((o) => o.value) }, 'topics')).toEqual([]);
  });

  it('training topics and Mitans present, outreach Mitans present and a team’s villages are limited too', () => {
    expect(issueOf(trainingRegister, { topics: ['x'.repeat(81)] }, 'topics').map((i) => i.code)).toEqual(['length']);
    expect(issueOf(trainingRegister, { mitanIds: Array.from({ length: 501 }, (_, i) => `BSPKOTA:mitan:${i}`) }, 'mitanIds').map((i) => i.code)).toContain('items');
    expect(issueOf(outreachRegister, { mitanIds: Array.from({ length: 201 }, (_, i) => `BSPKOTA:mitan:${i}`) }, 'mitanIds').map((i) => i.code)).toEqual(['items']);
    expect(issueOf(outreachRegister, { mitanIds: ['m'.repeat(81)] }, 'mitanIds').map((i) => i.code)).toEqual(['length']);
    expect(issueOf(teamRegister, { placeIds: Array.from({ length: 101 }, (_, i) => `BSPKOTA:place:${i}`) }, 'placeIds').map((i) => i.code)).toEqual(['items']);
    // The hub's shape carries the same limits (the validation function refuses longer lists).
    expect(registerShape(outreachRegister).f.topics).toEqual(['a', 80, 60]);
    expect(registerShape(outreachRegister).f.mitanIds).toEqual(['a', 80, 200]);
    expect(registerShape(trainingRegister).f.topics).toEqual(['a', 80, 60]);
  });

  it('an import row whose topics cell holds a topic over the limit is rejected with the reason', async () => {
    const cell = `1930 हेल्पलाइन, ${'लंबा विषय '.repeat(10)}`;
    const plan = await planImport({
      def: outreachRegister,
      sheet: { name: 'Sheet1', rows: [['विषय'], [cell], ['1930 हेल्पलाइन']], rowNumbers: [1, 2, 3], width: 1 },
      header: { index: 0, score: 1, extra: [] },
      mapping: ['topics'],
      validation: ctx,
    });
    const row2 = plan.rejected.find((r) => r.rowNumber === 2);
    const row3 = plan.rejected.find((r) => r.rowNumber === 3);
    expect(plan.rejected.map((r) => r.rowNumber)).toContain(2);
    const reasons = JSON.stringify(row2);
    expect(reasons).toContain('at most 80 characters');
    // The row with a short topic fails only for the other fields it lacks, not for its topics.
    expect(JSON.stringify(row3)).not.toContain('at most 80 characters');
  });

  it('the topics editor refuses a name over 80 characters and a 61st topic', () => {
    expect(newTopicProblem(DEFAULT_OUTREACH_TOPICS, 'न'.repeat(81), '')?.en).toBe('A topic’s name can be at most 80 characters');
    const full: Option[] = Array.from({ length: TOPICS_MAX }, (_, i) => ({ value: `t${i}`, label: { hi: `विषय ${i}`, en: `Topic ${i}` } }));
    expect(newTopicProblem(full, 'नया विषय', 'New')?.en).toContain('at most 60 topics');
    expect(newTopicProblem(DEFAULT_OUTREACH_TOPICS, 'नया विषय', 'New')).toBeNull();
  });
});

describe('a reason has a limit too', () => {
  it('a correction or cancellation reason over 300 characters is refused in both languages and nothing is written', async () => {
    const db = freshDb();
    const ctx = makeCtx(db);
    const { record } = await createRecord(ctx, incharge, placeRegister, { name: 'बेलतरा', kind: 'village', area: 'rural', beat: 'बीट 1' });
    const long = 'क'.repeat(REASON_MAX_LENGTH + 1);
    const e1 = (await correctRecord(ctx, incharge, placeRegister, record.id, { beat: 'बीट 2' }, long).catch((e: unknown) => e)) as DomainError;
    expect(e1).toBeInstanceOf(DomainError);
    expect(e1.bilingual.en).toBe('A reason can be at most 300 characters (301 typed)');
    expect(e1.bilingual.hi).toContain('300 अक्षरों तक');
    await expect(cancelRecord(ctx, incharge, placeRegister, record.id, long)).rejects.toBeInstanceOf(DomainError);
    const after = await db.place.get(record.id);
    expect([after?.version, after?.cancelled, after?.data.beat]).toEqual([1, null, 'बीट 1']);
    // At the limit it is accepted.
    await correctRecord(ctx, incharge, placeRegister, record.id, { beat: 'बीट 2' }, 'क'.repeat(REASON_MAX_LENGTH));
    expect((await db.place.get(record.id))?.version).toBe(2);
  });
});
