import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { adaptiveChunks } from '../../../renderer/src/domain/timeslice';
import type { StoredRecord } from '../../../renderer/src/domain/records';
import { openImport, prepareImport, writeImport } from '../../../renderer/src/import/session';
import { seedRoster, station, writer } from '../roster/fixture';
import { generatedRows, rosterWorkbook } from '../roster/workbooks';

async function planned(rows: number) {
  const ctx = station();
  await seedRoster(ctx);
  const session = await openImport(mitanRegister, await rosterWorkbook(generatedRows(rows)), 'roster.xlsx');
  const plan = await prepareImport(ctx, session);
  const before = {
    mitans: await ctx.db.mitan.count(),
    audit: await ctx.db.audit.count(),
    serials: await ctx.db.serials.toArray(),
    totals: await ctx.db.totals.toArray(),
  };
  const unchanged = async () => ({
    mitans: await ctx.db.mitan.count(),
    audit: await ctx.db.audit.count(),
    serials: await ctx.db.serials.toArray(),
    totals: await ctx.db.totals.toArray(),
  });
  return { ctx, session, plan, before, unchanged };
}

describe('The import writes in short slices, and still all or nothing', () => {
  it('a failure while writing a late slice leaves no entry, serial, total or audit row behind', async () => {
    const { ctx, session, plan, before, unchanged } = await planned(600);
    expect(plan.accepted).toHaveLength(600);
    // The disk fills up (or the PC loses power) while the 550th entry is being written: the
    // slices before it were already handed to IndexedDB inside the same transaction.
    let seen = 0;
    ctx.db.mitan.hook('creating', (_key, rec: StoredRecord) => {
      seen++;
      if (rec.serialNo === 550) throw new DOMException('The disk is full', 'QuotaExceededError');
    });
    const e = await writeImport(ctx, writer, session, plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(seen).toBeGreaterThanOrEqual(550);
    expect(await unchanged()).toEqual(before);
  }, 120_000);

  it('the rows the writer saw are written as planned; a day change before the confirmation validates them again', async () => {
    const { ctx, session, plan, before, unchanged } = await planned(30);
    // Row 30's consent date is the day of the preview…
    const last = plan.accepted.at(-1)!;
    last.data.consentDate = '2026-03-15';
    // …and the PC's clock goes back a day before the writer confirms: under the new day the
    // date is in the future, so the lot is refused and nothing is written.
    const real = ctx.now;
    ctx.now = () => new Date('2026-03-14T06:00:00Z');
    const e = await writeImport(ctx, writer, session, plan).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).bilingual.en).toMatch(/^Entry 30:/);
    expect(await unchanged()).toEqual(before);
    // On the day of the preview the same plan goes in whole.
    ctx.now = real;
    const result = await writeImport(ctx, writer, session, plan);
    expect(result.created).toHaveLength(30);
    expect(await ctx.db.mitan.count()).toBe(30);
  }, 60_000);

  it('slices shrink at once when a slice is slow and grow by half at most', () => {
    const sizes = adaptiveChunks(50, 10, 500, 30);
    expect(sizes.took(50, 150)).toBe(10); // 3 ms a row: 10 rows fit 30 ms
    expect(sizes.took(10, 1)).toBe(15); // quick: grows by half, not to 300
    expect(sizes.took(15, 1)).toBe(22);
    expect(sizes.took(22, 22)).toBe(30); // 1 ms a row: 30 fit
    expect(sizes.took(30, 0)).toBe(45);
  });
});
