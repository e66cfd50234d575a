// Serials issued twice before PC accounts carried their series are found and listed (issue #13 §6).
import { describe, expect, it } from 'vitest';
import { createOutreach } from '../../../renderer/src/db/outreach';
import { findDuplicateSerials } from '../../../renderer/src/db/serials';
import { makeCtx, seedThana, writer } from '../dashboard/fixtures';

describe('duplicate serials', () => {
  it('two entries of one register with the same serial (two PCs in the plain series) are listed; other series and registers are not', async () => {
    const ctx = makeCtx();
    await ctx.db.open();
    const scene = await seedThana(ctx);
    expect(await findDuplicateSerials(ctx.db)).toEqual([]);
    // The second PC, before this change: its own counter in the same plain series.
    const other = { ...makeCtx(), db: ctx.db };
    await other.db.serials.clear();
    const twin = (await createOutreach(other, writer, { ...scene.entries[0]!.data, date: '2026-11-27' })).record;
    const b = (await createOutreach({ ...other, pcSeries: 'B-' }, writer, { ...scene.entries[0]!.data, date: '2026-11-27' })).record;
    expect(b.serial).toMatch(/\/B-0001$/);
    const dups = await findDuplicateSerials(ctx.db);
    expect(dups).toEqual([{ type: 'outreach', serial: twin.serial, records: expect.arrayContaining([expect.objectContaining({ id: twin.id })]) }]);
    expect(dups[0]!.records).toHaveLength(2);
  });
});
