import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/src/db/repository';
import type { StationDb } from '../../../renderer/src/db/schema';
import { byCreationDate, diaryRegister, freshDb, makeCtx, writer, type Clock } from './fixtures';

let db: StationDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('serial numbers', () => {
  it('50 entries saved at once never share a serial and leave no gap', async () => {
    const ctx = makeCtx(db);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createRecord(ctx, writer, diaryRegister, { date: '2026-11-28', note: `entry ${i}` })),
    );
    const serials = results.map((r) => r.record.serial);
    expect(new Set(serials).size).toBe(50);
    const numbers = results.map((r) => r.record.serialNo!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(serials).toContain('2026/0001');
    expect(serials).toContain('2026/0050');
    expect(await db.outreach.count()).toBe(50);
    expect(await db.audit.where('action').equals('create').count()).toBe(50);
  });

  it('restarts at 0001 on 1 January (IST), by the creation date', async () => {
    // 31 Dec 2026, 23:30 IST
    const clock: Clock = { now: new Date('2026-12-31T18:00:00Z') };
    const ctx = makeCtx(db, clock);
    const a = await createRecord(ctx, writer, byCreationDate, { date: '2026-12-31', note: 'a' });
    const b = await createRecord(ctx, writer, byCreationDate, { date: '2026-12-31', note: 'b' });
    // 1 Jan 2027, 00:10 IST (still 31 Dec in UTC)
    clock.now = new Date('2026-12-31T18:40:00Z');
    const c = await createRecord(ctx, writer, byCreationDate, { date: '2026-12-31', note: 'c' });
    const d = await createRecord(ctx, writer, byCreationDate, { date: '2026-12-31', note: 'd' });
    expect([a, b, c, d].map((r) => r.record.serial)).toEqual(['2026/0001', '2026/0002', '2027/0001', '2027/0002']);
    expect(c.record.serialYear).toBe(2027);
  });

  it('follows the register’s serial date field: a late entry for December continues the old year', async () => {
    const ctx = makeCtx(db, { now: new Date('2027-01-02T05:00:00Z') });
    const dec1 = await createRecord(ctx, writer, diaryRegister, { date: '2026-12-30', note: 'December' });
    const jan = await createRecord(ctx, writer, diaryRegister, { date: '2027-01-01', note: 'January' });
    const dec2 = await createRecord(ctx, writer, diaryRegister, { date: '2026-12-31', note: 'December again' });
    expect(dec1.record.serial).toBe('2026/0001');
    expect(jan.record.serial).toBe('2027/0001');
    expect(dec2.record.serial).toBe('2026/0002');
  });

  it('a second PC numbers in its own series, so two offline PCs never clash', async () => {
    const first = await createRecord(makeCtx(db), writer, diaryRegister, { date: '2026-11-28', note: 'PC A' });
    const second = await createRecord(makeCtx(db, undefined, 'B-'), writer, diaryRegister, { date: '2026-11-28', note: 'PC B' });
    expect(first.record.serial).toBe('2026/0001');
    expect(second.record.serial).toBe('2026/B-0001');
  });
});
