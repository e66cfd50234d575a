// Import of a 5,000-row roster workbook (issue #4), in real Chromium with IndexedDB:
//   value    = the app's whole import: read, find header and mapping, coerce and validate every row,
//              duplicates in file and register, then ONE transaction writing the accepted rows with
//              serials, audit and totals (ms)
//   baseline = exceljs loading the same file, then a raw IndexedDB put of the rows the import
//              accepts, as records of the app's shape, into a store with the Mitan table's indexes,
//              in one transaction (ms) — the least any import must do (issue 17)
// The app's reader (a worker loading exceljs) is started before the clock, as the import screen
// starts it when it opens and the baseline has exceljs loaded before its clock (readerWarmMs).
// Target: the whole import within 1.3× of the baseline, and no main-thread task over 100 ms
// during the import (longestTaskMs, PerformanceObserver 'longtask'). Also reported: the phases.
export default {
  name: 'roster-import-5k',
  kind: 'browser',
  description: 'import of a 5,000-row roster workbook (parse, validate, write) vs exceljs reading the file plus a raw IndexedDB put of the accepted rows',
  async run(ctx) {
    const rows = ctx.scaled(5_000);
    const r = await ctx.compare({
      baseline: () => ctx.browser.run('roster-import-5k', 'readAndPut', { rows }),
      value: () => ctx.browser.run('roster-import-5k', 'fullImport', { rows }),
      metric: (res) => res.ms,
    });
    const full = r.valueResults;
    ctx.log(`import ${r.valueSamples.map((v) => v.toFixed(0)).join('/')} ms, exceljs read + raw put ${r.baselineSamples.map((v) => v.toFixed(0)).join('/')} ms`);
    const base = r.baselineResults;
    const med = (key) => ctx.round(ctx.median(full.map((x) => x[key])), 0);
    return {
      value: ctx.round(r.value, 0),
      unit: 'ms',
      baseline: ctx.round(r.baseline, 0),
      better: 'lower',
      target: 1.3,
      ratio: r.value / r.baseline,
      samples: { value: r.valueSamples.map((v) => ctx.round(v, 0)), baseline: r.baselineSamples.map((v) => ctx.round(v, 0)) },
      rows,
      fileKB: Math.round(full[0].bytes / 1024),
      accepted: full[0].accepted,
      rejected: full[0].rejected,
      readMs: med('readMs'),
      readerWarmMs: med('readerWarmMs'),
      planMs: med('planMs'),
      writeMs: med('writeMs'),
      maxStallMs: med('maxStallMs'),
      longestTaskMs: Math.max(...full.map((x) => x.longestTaskMs)),
      longestTaskTarget: 100,
      worstTasks: full.map((x) => x.worstTasks),
      baselineReadMs: ctx.round(ctx.median(base.map((x) => x.readMs)), 0),
      baselinePutMs: ctx.round(ctx.median(base.map((x) => x.putMs)), 0),
      baselineLongestTaskMs: Math.max(...base.map((x) => x.longestTaskMs)),
    };
  },
};
