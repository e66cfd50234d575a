// The unique keys of a pull session (db/sync-keys.ts): a Mitan's mobile is checked against a set
// loaded once per pull instead of one index request per key, and the set never misses a key
// written on this PC while the pull goes on (issue #13 item 3, the #14 speed target).
import { describe, expect, it } from 'vitest';
import { applyPullBatch } from '../../../renderer/src/db/sync';
import { PullKeys } from '../../../renderer/src/db/sync-keys';
import { correctMitan } from '../../../renderer/src/db/roster';
import type { StationDb } from '../../../renderer/src/db/schema';
import { docToRecord, type HubDoc } from '../../../renderer/src/sync/doc';
import { seedRoster, station, writer } from '../roster/fixture';
import { checkpoint, ctx, mitanDoc, remote } from './pulled';

/** Pulled Mitans `from`..`from + n - 1`, some with another mobile. */
function page(from: number, n: number, mobiles: Record<number, string> = {}): HubDoc[] {
  return Array.from({ length: n }, (_, k) => mitanDoc(from + k, mobiles[from + k] ? { mobile: mobiles[from + k] } : {}));
}

/** A station with its roster, and a pull session landing pages on it (with or without the session's set). */
async function pulling(withSet = true) {
  const sc = station();
  await sc.db.open();
  const roster = await seedRoster(sc);
  const keys = withSet ? new PullKeys(sc.db.name, ['mitan', 'place', 'team']) : undefined;
  const c = { ...ctx(), uniqueKeys: keys };
  let seq = 0;
  const pull = (docs: HubDoc[]) => applyPullBatch(sc.db, docs.map(remote), checkpoint(++seq), c);
  return { sc, keys, pull, ...roster };
}

async function reviewed(db: StationDb): Promise<string[]> {
  return (await db.syncConflicts.toArray())
    .filter((r) => r.kind === 'review')
    .map((r) => r.recordId)
    .sort();
}

const id = (i: number) => mitanDoc(i)._id;

describe('unique keys kept for a pull session', () => {
  it('a mobile on two pages of one pull lists both entries, as the per-key lookups do', async () => {
    const lists: string[][] = [];
    for (const withSet of [true, false]) {
      const { sc, keys, pull } = await pulling(withSet);
      await pull(page(0, 40));
      if (keys) expect(keys.loaded('mitan')).toBe(true);
      await pull(page(40, 40, { 45: '9100000005' }));
      lists.push(await reviewed(sc.db));
      keys?.close();
    }
    expect(lists[0]).toEqual([id(5), id(45)].sort());
    expect(lists[1]).toEqual(lists[0]);
  });

  it('a Mitan saved on this PC between two pages is found by the page that brings its mobile', async () => {
    const { sc, keys, pull, addMitan } = await pulling();
    await pull(page(0, 40));
    expect(keys!.loaded('mitan')).toBe(true);
    const mine = (await addMitan({ name: 'स्थानीय मितान', mobile: '9100000077' })).record;
    await pull(page(40, 40));
    expect(await reviewed(sc.db)).toEqual([mine.id, id(77)].sort());
    keys!.close();
  });

  it('a correction on this PC between two pages moves its mobile: the old one is free, the new one clashes', async () => {
    const { sc, keys, pull, addMitan } = await pulling();
    const mine = (await addMitan({ name: 'स्थानीय मितान', mobile: '9400000001' })).record;
    await pull(page(0, 40));
    await correctMitan(sc, writer, mine.id, { mobile: '9100000090' }, 'नंबर सुधारा');
    await pull(page(40, 60));
    expect(await reviewed(sc.db)).toEqual([mine.id, id(90)].sort());
    // A later page brings the old mobile: nobody holds it any more.
    await pull(page(100, 40, { 120: '9400000001' }));
    expect(await reviewed(sc.db)).toEqual([mine.id, id(90)].sort());
    keys!.close();
  });

  it('an entry written in a transaction queued behind a page is found by a later page', async () => {
    const { sc, keys, pull } = await pulling();
    await pull(page(0, 40));
    // Its transaction is created while the page's runs: IndexedDB runs it after that page.
    const during = pull(page(40, 40));
    const mine = docToRecord(mitanDoc(900, { mobile: '9100000095' }), 'dirty');
    const written = sc.db.transaction('rw', sc.db.mitan, () => sc.db.mitan.put(mine));
    await Promise.all([during, written]);
    await pull(page(80, 40));
    expect(await reviewed(sc.db)).toEqual([mine.id, id(95)].sort());
    keys!.close();
  });
});
