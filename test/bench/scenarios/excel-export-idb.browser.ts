// Browser side of "excel-export-idb": the whole app path in Chromium. A fresh StationDb is filled
// with the bench register's entries, then, on the same database:
//   read   = every entry read page by page with pageRecords (keyset, 500 a page): the floor
//   export = exportRegisterXlsx, which reads the same pages and writes the workbook (streaming
//            writer: CompressionStream in Chromium), yielding to the event loop every 1,000 rows
// The JS heap (performance.memory, Chromium only) is sampled at each progress report.
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { pageRecords } from '@/db/repository';
import type { Actor } from '@/domain/records';
import { toPageQuery } from '@/export/filter';
import { PAGE_SIZE, exportRegisterXlsx } from '@/export/runner';
import { AT, benchRegister, entryPages } from './excel-export.records';

export interface ExportIdbResult {
  records: number;
  seedMs: number;
  readMs: number;
  exportMs: number;
  bytes: number;
  mode: string;
  /** Highest usedJSHeapSize seen during the export, MiB (null outside Chromium). */
  heapPeakMB: number | null;
  heapStartMB: number | null;
  /** Longest gap between two progress reports, ms: how long the page could not respond. */
  longestGapMs: number;
}

const actor: Actor = { userId: 'u1', name: 'रामकुमार कश्यप', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'रक' };
const profile = { district: 'बिलासपुर', thanaName: 'कोटा', nodalName: 'सुनीता वर्मा', nodalRank: 'उप निरीक्षक', inchargeName: 'राजेश साहू', inchargeRank: 'निरीक्षक' };

function heapMB(): number | null {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize / 2 ** 20 : null;
}

export async function measure({ count }: { count: number }): Promise<ExportIdbResult> {
  const db = new StationDb(`bench-export-${count}`);
  await db.open();
  const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date(AT), settings: () => ({}) };
  try {
    let t = performance.now();
    for await (const page of entryPages(count, 2000)) await db.mitan.bulkPut(page);
    const seedMs = performance.now() - t;

    t = performance.now();
    const query = toPageQuery(benchRegister, {});
    let after: string | null = null;
    let read = 0;
    for (;;) {
      const page = await pageRecords(ctx, benchRegister, { ...query, after, limit: PAGE_SIZE });
      read += page.rows.length;
      if (!page.next) break;
      after = page.next;
    }
    const readMs = performance.now() - t;
    if (read !== count) throw new Error(`read ${read} of ${count}`);

    const heapStartMB = heapMB();
    let heapPeakMB = heapStartMB;
    let last = performance.now();
    let longestGapMs = 0;
    t = performance.now();
    const result = await exportRegisterXlsx({
      ctx,
      actor,
      profile,
      def: benchRegister,
      onProgress: () => {
        const now = performance.now();
        longestGapMs = Math.max(longestGapMs, now - last);
        last = now;
        const h = heapMB();
        if (h !== null && (heapPeakMB === null || h > heapPeakMB)) heapPeakMB = h;
      },
    });
    const exportMs = performance.now() - t;
    if (result.rows !== count) throw new Error(`exported ${result.rows} of ${count}`);
    return { records: count, seedMs, readMs, exportMs, bytes: result.data.length, mode: result.mode, heapPeakMB, heapStartMB, longestGapMs };
  } finally {
    db.close();
  }
}
