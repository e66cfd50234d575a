import { describe, expect, it } from 'vitest';
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import { createRecords, pageRecords, SPARSE_SEARCH_LIMIT } from '../../../renderer/src/db/repository';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import type { Actor } from '../../../renderer/src/domain/records';

const writer: Actor = { userId: 'user:2', name: 'सुनील कुमार', rank: 'आरक्षक', role: 'writer', initials: 'सक' };

async function pageAll(ctx: StationContext, search: string, limit: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const p = await pageRecords(ctx, placeRegister, { search, limit, after });
    out.push(...p.rows.map((r) => r.id));
    if (!p.next) break;
    after = p.next;
  }
  return out;
}

describe('search paging', () => {
  it('pages a common word (dense, walked in id order) and a rare word (sparse, from the index) to the same answer as a scan', async () => {
    const db = new StationDb(`t-${crypto.randomUUID()}`);
    const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date(), settings: () => ({}) };
    const n = SPARSE_SEARCH_LIMIT + 200;
    // Every place is in beat "सेमरताल"; every 50th is also named "कोनी".
    const inputs = Array.from({ length: n }, (_, i) => ({ name: i % 50 === 0 ? `कोनी ${i}` : `ग्राम ${i}`, kind: 'village', area: 'rural', beat: 'सेमरताल' }));
    await createRecords(ctx, writer, placeRegister, inputs);
    const all = (await db.place.toCollection().primaryKeys()).sort().reverse();
    const all2 = await db.place.toArray();
    const expectedRare = all2.filter((r) => String(r.data.name).startsWith('कोनी')).map((r) => r.id).sort().reverse();

    const dense = await pageAll(ctx, 'सेमर', 37);
    expect(dense).toEqual(all);
    const rare = await pageAll(ctx, 'कोन', 7);
    expect(rare).toEqual(expectedRare);
    expect(rare.length).toBe(Math.ceil(n / 50));
  });
});
