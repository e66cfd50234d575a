// Outreach totals for a thana over 100,000 entries (issue #5), in real Chromium on the app's own
// schema:
//   value    = the figures per team (40), per Mitan (1,000) and per day (90) plus the thana's,
//              read from the running totals the repository keeps (ms)
//   baseline = the same figures by reading every entry and summing the same fields (ms)
// Each sample is one fresh profile: seed once, then time both sides on the same database; the two
// answers must agree key by key. Target: 10× faster or more (ratio ≤ 0.1).
export default {
  name: 'outreach-totals-100k',
  kind: 'browser',
  description: 'outreach totals per team, Mitan and day over 100k entries: running totals vs a plain scan (ms)',
  async run(ctx) {
    const count = ctx.scaled(100_000);
    const results = [];
    for (let i = 0; i < ctx.samples; i++) {
      const r = await ctx.browser.run('outreach-totals-100k', 'measure', { count, seed: 7 + i, reads: 5 });
      ctx.log(
        `sample ${i + 1}/${ctx.samples}: totals ${r.totalsMs.toFixed(1)} ms, scan ${r.scanMs.toFixed(0)} ms, ` +
          `week breakdown ${r.weekBreakdownMs.toFixed(0)} ms, save ${r.createMsPerEntry.toFixed(1)} ms/entry (seed ${(r.seedMs / 1000).toFixed(1)} s)`,
      );
      results.push(r);
    }
    const value = ctx.median(results.map((r) => r.totalsMs));
    const baseline = ctx.median(results.map((r) => r.scanMs));
    const med = (key, digits = 1) => ctx.round(ctx.median(results.map((r) => r[key])), digits);
    return {
      value: ctx.round(value, 1),
      unit: 'ms',
      baseline: ctx.round(baseline, 0),
      ratio: value / baseline,
      target: 0.1,
      better: 'lower',
      speedup: ctx.round(baseline / value, 0),
      samples: { value: results.map((r) => ctx.round(r.totalsMs, 1)), baseline: results.map((r) => ctx.round(r.scanMs, 0)) },
      records: results[0].records,
      totalRows: results[0].totalRows,
      keysRead: results[0].keys,
      recordBytes: results[0].recordBytes,
      weekBreakdownMs: med('weekBreakdownMs'),
      createMsPerEntry: med('createMsPerEntry'),
      seedSeconds: ctx.round(ctx.median(results.map((r) => r.seedMs)) / 1000, 1),
    };
  },
};
