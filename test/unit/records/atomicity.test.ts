import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctRecord, createRecord, getRecord } from '../../../renderer/src/db/repository';
import type { StationDb } from '../../../renderer/src/db/schema';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { diaryRegister, freshDb, makeCtx, writer } from './fixtures';

let db: StationDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function counts() {
  return { records: await db.outreach.count(), audit: await db.audit.count(), serials: await db.serials.toArray(), totals: await db.totals.count() };
}

describe('nothing half-saved', () => {
  it('a validation error writes neither the entry, nor its serial, nor its audit row', async () => {
    const ctx = makeCtx(db);
    const e = await createRecord(ctx, writer, diaryRegister, { date: '31-02-2026', note: '' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation');
    expect((e as DomainError).issues.map((i) => [i.field, i.code])).toEqual([
      ['date', 'date'],
      ['note', 'required'],
    ]);
    expect((e as DomainError).issues[0]!.message.hi).toMatch(/[\u0900-\u097F]/);
    expect(await counts()).toEqual({ records: 0, audit: 0, serials: [], totals: 0 });
  });

  it('a failure after the entry was added rolls back the entry, its serial, totals and audit row', async () => {
    const ctx = makeCtx(db);
    const e = await createRecord(ctx, writer, diaryRegister, { date: '2026-11-28', note: 'boom' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Error);
    expect(String(e)).toContain('injected failure');
    expect(await counts()).toEqual({ records: 0, audit: 0, serials: [], totals: 0 });
    // The serial that failed is not lost: the next entry still gets 0001 (gap-free).
    const ok = await createRecord(ctx, writer, diaryRegister, { date: '2026-11-28', note: 'fine', count: 3 });
    expect(ok.record.serial).toBe('2026/0001');
    expect((await db.totals.get('test:day:2026-11-28'))!.values).toEqual({ entries: 1, count: 3 });
  });

  it('a correction that fails midway leaves the entry at its old version and writes no audit row', async () => {
    const ctx = makeCtx(db);
    const { record } = await createRecord(ctx, writer, diaryRegister, { date: '2026-11-28', note: 'fine', count: 2 });
    const e = await correctRecord(ctx, writer, diaryRegister, record.id, { note: 'boom' }, 'परीक्षण').catch((err: unknown) => err);
    expect(String(e)).toContain('injected failure');
    const stored = (await getRecord(ctx, diaryRegister, record.id))!;
    expect(stored.version).toBe(1);
    expect(stored.data.note).toBe('fine');
    expect(await db.audit.where('action').equals('correct').count()).toBe(0);
    expect((await db.totals.get('test:day:2026-11-28'))!.values).toEqual({ entries: 1, count: 2 });
  });
});
