// Browser side of "records-indexed-search-100k" and "records-keyset-page-100k" (issue #3): the
// app's own StationDb and repository (pageRecords) over 100,000 Mitan-shaped entries in Chromium.
//   search: pageRecords({ key: 'mobile:…' }) through the multi-entry `keys` index and
//           pageRecords({ search: '<name word>' }) through `tokens`, vs reading every entry
//           and testing it (the full scan a list without indexes would need)
//   paging: pageRecords({ after }) at depth 90,000 vs the first page; offset(90,000) reported
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { pageRecords } from '@/db/repository';
import { searchTokens } from '@/domain/normalize';
import type { StoredRecord } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { makeRecords } from '../lib/records.mjs';

// The list machinery only needs the register's type; the stored shape is what createRecord writes.
const def = { type: 'mitan', searchFields: ['name', 'fatherName', 'village'] } as unknown as RegisterDef;

async function seed(count: number): Promise<{ db: StationDb; ctx: StationContext; seedMs: number; mobiles: string[]; words: string[] }> {
  const db = new StationDb('bench-records-lists');
  await db.open();
  const ctx: StationContext = { db, thana: 'BSP01', pcSeries: '', now: () => new Date(), settings: () => ({}) };
  const raw = makeRecords(count);
  const mobiles: string[] = [];
  const rows: StoredRecord[] = raw.map((r, i) => {
    // Unique mobiles, as the roster enforces; the generator's are random.
    const mobile = `9${String(100_000_000 + i).padStart(9, '0')}`;
    if (i % 997 === 0) mobiles.push(mobile);
    const data = { name: r.name, fatherName: r.fatherName, gender: r.gender, age: r.age, mobile, village: r.village, occupation: r.occupation, education: r.education, remarks: r.remarks };
    return {
      id: r.id,
      thana: r.thana,
      type: 'mitan',
      schemaVersion: 1,
      serial: `2026/${String(i + 1).padStart(6, '0')}`,
      serialYear: 2026,
      serialNo: i + 1,
      data,
      tokens: searchTokens(data.name, data.fatherName, data.village),
      keys: [`mobile:${mobile}`],
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      mutationId: r.mutationId,
      version: 1,
      history: [],
      cancelled: null,
      late: false,
      _rev: null,
      syncState: 'dirty',
    };
  });
  const t0 = performance.now();
  await db.transaction('rw', db.mitan, async () => {
    for (let i = 0; i < rows.length; i += 2000) await db.mitan.bulkPut(rows.slice(i, i + 2000));
  });
  const seedMs = performance.now() - t0;
  // Rare words (a serial-like remark would be unique; names repeat): use full names split.
  const words = [...new Set(rows.slice(0, 50).map((r) => String(r.data.name).split(' ')[0]!))];
  return { db, ctx, seedMs, mobiles: mobiles.slice(0, 40), words: words.slice(0, 4) };
}

export interface SearchResult {
  records: number;
  seedMs: number;
  keyMs: number;
  keyScanMs: number;
  tokenMs: number;
  tokenScanMs: number;
  tokenRows: number;
}

export async function search(args: { count: number }): Promise<SearchResult> {
  const { db, ctx, seedMs, mobiles, words } = await seed(args.count);
  const table = db.mitan;
  await pageRecords(ctx, def, { key: `mobile:${mobiles[0]}`, limit: 50 });
  let t = performance.now();
  for (const m of mobiles) {
    const page = await pageRecords(ctx, def, { key: `mobile:${m}`, limit: 50 });
    if (page.rows.length !== 1) throw new Error(`mobile ${m}: found ${page.rows.length}`);
  }
  const keyMs = (performance.now() - t) / mobiles.length;
  t = performance.now();
  const scanned = mobiles.slice(0, 3);
  for (const m of scanned) {
    const rows = await table.filter((r) => r.data.mobile === m).limit(50).toArray();
    if (rows.length !== 1) throw new Error(`scan ${m}: found ${rows.length}`);
  }
  const keyScanMs = (performance.now() - t) / scanned.length;

  // A name word: first page of 50 matches through the token index vs filtering every entry.
  t = performance.now();
  let tokenRows = 0;
  for (const w of words) tokenRows += (await pageRecords(ctx, def, { search: w, limit: 50 })).rows.length;
  const tokenMs = (performance.now() - t) / words.length;
  t = performance.now();
  for (const w of words.slice(0, 2)) {
    const lw = w.toLowerCase();
    await table
      .reverse()
      .filter((r) => r.tokens.some((x) => x.startsWith(lw)))
      .limit(50)
      .toArray();
  }
  const tokenScanMs = (performance.now() - t) / 2;
  const records = await table.count();
  db.close();
  return { records, seedMs, keyMs, keyScanMs, tokenMs, tokenScanMs, tokenRows };
}

export interface PageResult {
  records: number;
  seedMs: number;
  firstMs: number;
  deepMs: number;
  offsetMs: number;
  depth: number;
}

export async function paging(args: { count: number; depth: number; repeats: number }): Promise<PageResult> {
  const { db, ctx, seedMs } = await seed(args.count);
  // The cursor the list holds after scrolling `depth` rows (newest first): the id just above it.
  const ids = await db.mitan.toCollection().primaryKeys();
  const depth = Math.min(args.depth, ids.length - 51);
  const cursor = ids[ids.length - depth]!;
  await pageRecords(ctx, def, { limit: 50 });
  await pageRecords(ctx, def, { limit: 50, after: cursor });
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < args.repeats; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  };
  const firstMs = await time(async () => {
    const p = await pageRecords(ctx, def, { limit: 50 });
    if (p.rows.length !== 50) throw new Error('first page short');
  });
  const deepMs = await time(async () => {
    const p = await pageRecords(ctx, def, { limit: 50, after: cursor });
    if (p.rows.length !== 50 || p.rows[0]!.id >= cursor) throw new Error('deep page wrong');
  });
  const offsetMs = await time(() => db.mitan.orderBy('id').reverse().offset(depth).limit(50).toArray());
  const records = await db.mitan.count();
  db.close();
  return { records, seedMs, firstMs, deepMs, offsetMs, depth };
}
