// Import of a 5,000-row roster workbook (issue #4), in real Chromium with IndexedDB:
//   value    = the app's whole import: read, find header and mapping, coerce and validate every row,
//              duplicates in file and register, then ONE transaction writing the accepted rows with
//              serials, audit and totals (ms)
//   baseline = exceljs loading the same file alone (ms)
// Target: the whole import within 3× of the baseline. Also reported: the phases and the longest
// stall of the event loop during the import (the window must stay responsive).
export default {
  name: 'roster-import-5k',
  kind: 'browser',
  description: 'import of a 5,000-row roster workbook (parse, validate, write) vs exceljs reading the same file alone',
  async run(ctx) {
    const rows = ctx.scaled(5_000);
    const r = await ctx.compare({
      baseline: () => ctx.browser.run('roster-import-5k', 'readOnly', { rows }),
      value: () => ctx.browser.run('roster-import-5k', 'fullImport', { rows }),
      metric: (res) => res.ms,
    });
    const full = r.valueResults;
    ctx.log(`import ${r.valueSamples.map((v) => v.toFixed(0)).join('/')} ms, exceljs read ${r.baselineSamples.map((v) => v.toFixed(0)).join('/')} ms`);
    const med = (key) => ctx.round(ctx.median(full.map((x) => x[key])), 0);
    return {
      value: ctx.round(r.value, 0),
      unit: 'ms',
      baseline: ctx.round(r.baseline, 0),
      better: 'lower',
      target: 3,
      ratio: r.value / r.baseline,
      samples: { value: r.valueSamples.map((v) => ctx.round(v, 0)), baseline: r.baselineSamples.map((v) => ctx.round(v, 0)) },
      rows,
      fileKB: Math.round(full[0].bytes / 1024),
      accepted: full[0].accepted,
      rejected: full[0].rejected,
      readMs: med('readMs'),
      planMs: med('planMs'),
      writeMs: med('writeMs'),
      maxStallMs: med('maxStallMs'),
    };
  },
};
