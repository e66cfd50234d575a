// Issue #3: a keyset page deep in 100,000 entries (depth 90,000) against the first page.
//   value    = pageRecords({ after: <cursor at depth 90,000>, limit: 50 }) (ms)
//   baseline = the first page, pageRecords({ limit: 50 }) (ms)
// offset(90,000) on the same data is reported beside it. Target: the deep page within 3×.
export default {
  name: 'records-keyset-page-100k',
  kind: 'browser',
  description: 'keyset page at depth 90k in 100k entries vs the first page (ms); offset() reported',
  async run(ctx) {
    const count = ctx.scaled(100_000);
    const depth = Math.round(count * 0.9);
    const results = [];
    for (let i = 0; i < ctx.samples; i++) {
      const r = await ctx.browser.run('records-lists-100k', 'paging', { count, depth, repeats: 21 });
      ctx.log(`sample ${i + 1}/${ctx.samples}: first ${r.firstMs.toFixed(2)} ms, deep ${r.deepMs.toFixed(2)} ms, offset ${r.offsetMs.toFixed(0)} ms`);
      results.push(r);
    }
    const value = ctx.median(results.map((r) => r.deepMs));
    const baseline = ctx.median(results.map((r) => r.firstMs));
    return {
      value: ctx.round(value, 2),
      unit: 'ms/page',
      baseline: ctx.round(baseline, 2),
      ratio: value / baseline,
      target: 3,
      better: 'lower',
      offsetMs: ctx.round(ctx.median(results.map((r) => r.offsetMs)), 1),
      depth: results[0].depth,
      records: results[0].records,
    };
  },
};
