// 100,000 register-shaped records (~740 bytes of JSON, Hindi text) written into a fresh
// IndexedDB with 5 indexes, in real Chromium.
//   value    = Dexie 4 bulkPut throughput, in the shape the app uses for bulk writes
//   baseline = raw IndexedDB put of the same records in ONE transaction, same store and indexes
// Every sample of every side runs in a fresh browser profile and a fresh database.
//
// Shape: chunks of 2,000 records inside ONE db.transaction('rw'), the next chunk issued before
// the previous one is awaited (tx-pipelined:2000), so IndexedDB's queue never drains while
// JavaScript prepares the next chunk. The app can use it as-is for an import: all-or-nothing,
// and a progress bar can advance per chunk. Measured on the 2-core build machine, all shapes
// interleaved in one run (records/s, medians; the machine was shared, samples varied ±20 %):
//   raw put, one transaction 3,964 | one-call 4,885 | tx-chunks:2000 4,173 |
//   tx-pipelined:2000 3,953 | tx-pipelined:5000 3,515 | tx-per-chunk:5000 3,402
// i.e. every shape is within noise of raw IndexedDB; one-call (a single bulkPut of 100k) was not
// reliably faster and blocks the window with no progress for the whole write, tx-chunks leaves
// IndexedDB idle while each chunk is prepared, tx-per-chunk loses all-or-nothing.
// BENCH_DEXIE_SHAPE=<one-call|tx-chunks|tx-pipelined|tx-per-chunk>[:<chunk>] and BENCH_DEXIE_CACHE=<cloned|immutable|disabled> try others.
const DEFAULT_SHAPE = 'tx-pipelined';
const DEFAULT_CHUNK = 2000;

function dexieOptions() {
  const [shape = DEFAULT_SHAPE, chunk] = (process.env.BENCH_DEXIE_SHAPE ?? '').split(':').filter(Boolean);
  if (!['one-call', 'tx-chunks', 'tx-pipelined', 'tx-per-chunk'].includes(shape)) throw new Error(`BENCH_DEXIE_SHAPE: unknown shape ${shape}`);
  const cache = process.env.BENCH_DEXIE_CACHE || undefined;
  return { shape, chunk: chunk ? Number(chunk) : DEFAULT_CHUNK, cache };
}

export default {
  name: 'dexie-bulkput-100k',
  kind: 'browser',
  description: 'Dexie bulkPut vs raw IndexedDB put, 100k records, 5 indexes (records/s)',
  async run(ctx) {
    const count = ctx.scaled(100_000);
    const options = dexieOptions();
    const r = await ctx.compare({
      baseline: () => ctx.browser.run('dexie-bulkput-100k', 'raw', { count }),
      value: () => ctx.browser.run('dexie-bulkput-100k', 'dexie', { count, ...options }, { diskBytes: true }),
      metric: (res) => res.recordsPerSecond,
    });
    const v = r.valueResults[0];
    return {
      value: Math.round(r.value),
      unit: 'records/s',
      baseline: Math.round(r.baseline),
      target: 0.9,
      better: 'higher',
      samples: { value: r.valueSamples.map(Math.round), baseline: r.baselineSamples.map(Math.round) },
      pairRatioMedian: ctx.round(ctx.median(r.pairRatios), 3),
      records: count,
      recordBytes: v.recordBytes,
      shape: v.shape,
      seconds_value: ctx.round(ctx.median(r.valueResults.map((x) => x.ms)) / 1000, 2),
      seconds_baseline: ctx.round(ctx.median(r.baselineResults.map((x) => x.ms)) / 1000, 2),
      diskMB: ctx.round(ctx.median(r.valueResults.map((x) => x.diskBytes)) / 1e6, 1),
    };
  },
};
