import { describe, expect, it } from 'vitest';
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import { createRecord, pageRecords } from '../../../renderer/src/db/repository';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import type { Actor } from '../../../renderer/src/domain/records';

const writer: Actor = { userId: 'user:2', name: 'सुनील कुमार', rank: 'आरक्षक', role: 'writer', initials: 'सक' };
// Places with a lookup key shared by every entry, to page through one key.
const shared = { ...placeRegister, lookupKeys: () => ['beat:same'] };

describe('paging by lookup key', () => {
  it('pages through entries of one key with the keyset cursor, newest first, without repeats', async () => {
    const db = new StationDb(`t-${crypto.randomUUID()}`);
    const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date(), settings: () => ({}) };
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await createRecord(ctx, writer, shared, { name: `ग्राम ${i}`, kind: 'village', area: 'rural' })).record.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page = await pageRecords(ctx, shared, { key: 'beat:same', limit: 3, after });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual([...made].reverse());
  });
});
