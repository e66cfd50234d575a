// Issue #3: search by an indexed field in 100,000 entries, against a full scan of the same data.
//   value    = pageRecords({ key: 'mobile:…' }) through the `keys` index (ms per search)
//   baseline = reading entries and testing each one until the match is found (ms per search)
// Name-word search through the `tokens` index vs a scan is reported beside it. Target: 100× faster.
export default {
  name: 'records-indexed-search-100k',
  kind: 'browser',
  description: 'search by an indexed field (mobile) in 100k entries vs a full scan (ms/search)',
  async run(ctx) {
    const count = ctx.scaled(100_000);
    const results = [];
    for (let i = 0; i < ctx.samples; i++) {
      const r = await ctx.browser.run('records-lists-100k', 'search', { count });
      ctx.log(`sample ${i + 1}/${ctx.samples}: key ${r.keyMs.toFixed(2)} ms, scan ${r.keyScanMs.toFixed(0)} ms; token ${r.tokenMs.toFixed(1)} ms, token scan ${r.tokenScanMs.toFixed(1)} ms`);
      results.push(r);
    }
    const value = ctx.median(results.map((r) => r.keyMs));
    const baseline = ctx.median(results.map((r) => r.keyScanMs));
    return {
      value: ctx.round(value, 2),
      unit: 'ms/search',
      baseline: ctx.round(baseline, 1),
      ratio: value / baseline,
      target: 0.01,
      better: 'lower',
      speedup: ctx.round(baseline / value, 0),
      nameSearchMs: ctx.round(ctx.median(results.map((r) => r.tokenMs)), 1),
      nameScanMs: ctx.round(ctx.median(results.map((r) => r.tokenScanMs)), 1),
      records: results[0].records,
    };
  },
};
