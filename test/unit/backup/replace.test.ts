/**
 * replaceTableRows ends exactly where clear() + bulkAdd() would, writes only what differs,
 * and stays inside the caller's one transaction (a failure leaves the table as it was).
 */
import { describe, expect, it } from 'vitest';
import Dexie, { type Table } from 'dexie';
import { replaceTableRows } from '../../../renderer/src/backup/replace';

interface Row {
  id: string;
  n: number;
  text: string;
  tags: string[];
}

class TestDb extends Dexie {
  rows!: Table<Row, string>;
  constructor() {
    super(`replace-${crypto.randomUUID()}`);
    this.version(1).stores({ rows: 'id, n, *tags' });
  }
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const row = (i: number, text = `प्रविष्टि ${i}`): Row => ({ id: `BSPKOTA:mitan:${String(i).padStart(6, '0')}`, n: i, text, tags: [`t${i % 3}`] });

async function replaced(current: Row[], incoming: Row[], chunk: number) {
  const db = new TestDb();
  await db.rows.bulkAdd(current);
  const stats = await db.transaction('rw', db.rows, () => replaceTableRows(db.rows, incoming, chunk));
  return { db, stats };
}

describe('replaceTableRows', () => {
  it.each([1, 3, 7, 2000])('ends with exactly the backup rows (chunk %i), whatever was there', async (chunk) => {
    const r = rng(chunk);
    const current = Array.from({ length: 60 }, (_, i) => row(i * 2)).filter(() => r() < 0.8);
    const incoming = Array.from({ length: 60 }, (_, i) => row(i * 2 + (r() < 0.3 ? 1 : 0), r() < 0.2 ? 'सुधार' : undefined)).filter(
      (x, i, all) => all.findIndex((y) => y.id === x.id) === i && r() < 0.85,
    );
    const { db, stats } = await replaced(current, incoming, chunk);
    const expected = [...incoming].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await db.rows.toArray()).toEqual(expected);
    // Indexes follow the rows.
    expect(await db.rows.where('tags').equals('t1').primaryKeys()).toEqual(expected.filter((x) => x.tags[0] === 't1').map((x) => x.id));

    const currentById = new Map(current.map((x) => [x.id, x]));
    const incomingIds = new Set(incoming.map((x) => x.id));
    const unchanged = incoming.filter((x) => JSON.stringify(currentById.get(x.id)) === JSON.stringify(x)).length;
    expect(stats).toEqual({
      unchanged,
      written: incoming.length - unchanged,
      deleted: current.filter((x) => !incomingIds.has(x.id)).length,
    });
  });

  it('writes nothing when the backup holds what the table holds', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i));
    expect((await replaced(rows, [...rows].reverse(), 4)).stats).toEqual({ written: 0, deleted: 0, unchanged: 25 });
  });

  it('fills an empty table, and empties a table the backup does not have rows for', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => row(i));
    expect((await replaced([], rows, 4)).stats).toEqual({ written: 9, deleted: 0, unchanged: 0 });
    const { db, stats } = await replaced(rows, [], 4);
    expect(stats).toEqual({ written: 0, deleted: 9, unchanged: 0 });
    expect(await db.rows.count()).toBe(0);
  });

  it('refuses two backup rows with one key, or a row without a key, before writing anything', async () => {
    const rows = [row(1), row(2)];
    for (const bad of [[row(5), row(3), row(5)], [row(4), { n: 1 } as unknown as Row]]) {
      const db = new TestDb();
      await db.rows.bulkAdd(rows);
      await expect(db.transaction('rw', db.rows, () => replaceTableRows(db.rows, bad, 2))).rejects.toMatchObject({ code: 'backup.damaged' });
      expect(await db.rows.toArray()).toEqual(rows);
    }
  });

  it('is part of the caller\'s transaction: a failure after it leaves the table as it was', async () => {
    const current = Array.from({ length: 12 }, (_, i) => row(i));
    const db = new TestDb();
    await db.rows.bulkAdd(current);
    const failed = db.transaction('rw', db.rows, async () => {
      await replaceTableRows(db.rows, [row(100), row(3, 'बदला')], 2);
      throw new Error('power cut');
    });
    await expect(failed).rejects.toThrow('power cut');
    expect(await db.rows.toArray()).toEqual(current);
  });
});
