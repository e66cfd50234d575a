import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelRecord, correctRecord, createRecord, getRecord, pageRecords } from '../../../renderer/src/db/repository';
import type { StationDb } from '../../../renderer/src/db/schema';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { correctionsByField, dataAtVersion } from '../../../renderer/src/domain/records';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { freshDb, incharge, makeCtx, nodal, writer, type Clock } from './fixtures';

let db: StationDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('append-only versions', () => {
  it('a correction keeps every earlier version, with reason, user and time', async () => {
    const clock: Clock = { now: new Date('2026-11-28T06:30:00Z') };
    const ctx = makeCtx(db, clock);
    const { record } = await createRecord(ctx, writer, placeRegister, { name: 'खमरिया', kind: 'village', area: 'rural', beat: '3' });
    clock.now = new Date('2026-11-28T07:00:00Z');
    const v2 = await correctRecord(ctx, writer, placeRegister, record.id, { name: 'खमरिया कला' }, 'वर्तनी सुधारी', { expectedVersion: 1 });
    clock.now = new Date('2026-11-29T07:00:00Z');
    const v3 = await correctRecord(ctx, nodal, placeRegister, record.id, { beat: '4', area: 'urban' }, 'बीट बदली', { expectedVersion: 2 });

    const stored = (await getRecord(ctx, placeRegister, record.id))!;
    expect(stored.version).toBe(3);
    expect(stored.history.map((h) => [h.version, h.kind, h.byName, h.reason])).toEqual([
      [1, 'create', writer.name, null],
      [2, 'correct', writer.name, 'वर्तनी सुधारी'],
      [3, 'correct', nodal.name, 'बीट बदली'],
    ]);
    expect(stored.history[1]!.at).toBe('2026-11-28T07:00:00.000Z');
    expect(dataAtVersion(stored, 1)).toMatchObject({ name: 'खमरिया', beat: '3', area: 'rural' });
    expect(dataAtVersion(stored, 2)).toMatchObject({ name: 'खमरिया कला', beat: '3', area: 'rural' });
    expect(dataAtVersion(stored, 3)).toMatchObject({ name: 'खमरिया कला', beat: '4', area: 'urban' });
    expect(stored.data).toEqual(v3.record.data);
    expect(v2.record.history).toHaveLength(2);
    // Prints show the struck-through earlier value with the corrector's initials.
    expect(correctionsByField(stored).get('name')).toEqual([{ before: 'खमरिया', initials: writer.initials, at: '2026-11-28T07:00:00.000Z' }]);
    // Search follows the current data.
    expect((await pageRecords(ctx, placeRegister, { limit: 10, search: 'कला' })).rows.map((r) => r.id)).toEqual([record.id]);
    // The audit log has each change with before and after.
    const audit = await db.audit.where('recordId').equals(record.id).sortBy('id');
    expect(audit.map((a) => a.action)).toEqual(['create', 'correct', 'correct']);
    expect(audit[1]).toMatchObject({ before: { name: 'खमरिया' }, after: { name: 'खमरिया कला' }, userName: writer.name });
  });

  it('refuses a correction without a reason, without a change, or over someone else’s newer version', async () => {
    const ctx = makeCtx(db);
    const { record } = await createRecord(ctx, writer, placeRegister, { name: 'लखराम', kind: 'village', area: 'rural' });
    expect((await refusal(correctRecord(ctx, writer, placeRegister, record.id, { name: 'लखराम 2' }, ' '))).code).toBe('reason');
    expect((await refusal(correctRecord(ctx, writer, placeRegister, record.id, { name: 'लखराम' }, 'कोई कारण'))).code).toBe('no-change');
    await correctRecord(ctx, writer, placeRegister, record.id, { beat: '7' }, 'बीट जोड़ी', { expectedVersion: 1 });
    const stale = await refusal(correctRecord(ctx, nodal, placeRegister, record.id, { beat: '8' }, 'बीट बदली', { expectedVersion: 1 }));
    expect(stale.code).toBe('stale');
    expect((await getRecord(ctx, placeRegister, record.id))!.data.beat).toBe('7');
  });

  it('a cancelled entry stays, with its reason, and can be neither corrected nor cancelled again', async () => {
    const ctx = makeCtx(db);
    const { record } = await createRecord(ctx, writer, placeRegister, { name: 'बेलगहना', kind: 'village', area: 'rural' });
    expect((await refusal(cancelRecord(ctx, writer, placeRegister, record.id, 'दोहरी प्रविष्टि'))).code).toBe('forbidden');
    expect((await refusal(cancelRecord(ctx, incharge, placeRegister, record.id, ''))).code).toBe('reason');
    await cancelRecord(ctx, incharge, placeRegister, record.id, 'दोहरी प्रविष्टि', 1);

    const stored = (await getRecord(ctx, placeRegister, record.id))!;
    expect(stored.cancelled).toMatchObject({ reason: 'दोहरी प्रविष्टि', byName: incharge.name, by: incharge.userId });
    expect(stored.history.map((h) => h.kind)).toEqual(['create', 'cancel']);
    expect(stored.data.name).toBe('बेलगहना');
    expect(await db.place.count()).toBe(1);
    expect((await pageRecords(ctx, placeRegister, { limit: 10 })).rows).toHaveLength(1);

    const e = await refusal(correctRecord(ctx, writer, placeRegister, record.id, { name: 'बेलगहना 2' }, 'नाम बदला'));
    expect(e.code).toBe('cancelled');
    expect(e.bilingual.hi).toContain('निरस्त');
    expect((await refusal(cancelRecord(ctx, incharge, placeRegister, record.id, 'फिर से'))).code).toBe('cancelled');
    const audit = await db.audit.where('recordId').equals(record.id).sortBy('id');
    expect(audit.map((a) => a.action)).toEqual(['create', 'cancel']);
    expect(audit[1]!.summary).toContain('दोहरी प्रविष्टि');
  });
});
