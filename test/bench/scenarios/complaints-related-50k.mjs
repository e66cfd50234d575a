// Related-complaint lookup among 50,000 complaints (issue #6), in real Chromium on the app's own
// schema:
//   value    = relatedComplaints(): one indexed lookup per identifier of the entry (ms per lookup)
//   baseline = the same answer by reading every entry and comparing keys (ms per lookup)
// Each sample is one fresh profile: seed once, then time both sides on the same database
// (seeding 50k entries twice per sample would only add minutes). Target: 100× faster or more.
export default {
  name: 'complaints-related-50k',
  kind: 'browser',
  description: 'related-complaint lookup among 50k complaints: keys index vs full scan (ms/lookup)',
  async run(ctx) {
    const count = ctx.scaled(50_000);
    const results = [];
    for (let i = 0; i < ctx.samples; i++) {
      const r = await ctx.browser.run('complaints-related-50k', 'measure', { count, indexedQueries: 50, scanQueries: 5, seed: 42 + i });
      ctx.log(`sample ${i + 1}/${ctx.samples}: indexed ${r.indexedMsPerLookup.toFixed(2)} ms, scan ${r.scanMsPerLookup.toFixed(0)} ms (seed ${(r.seedMs / 1000).toFixed(1)} s)`);
      results.push(r);
    }
    const value = ctx.median(results.map((r) => r.indexedMsPerLookup));
    const baseline = ctx.median(results.map((r) => r.scanMsPerLookup));
    return {
      value: ctx.round(value, 2),
      unit: 'ms/lookup',
      baseline: ctx.round(baseline, 1),
      ratio: value / baseline,
      target: 0.01,
      better: 'lower',
      speedup: ctx.round(baseline / value, 0),
      samples: { value: results.map((r) => ctx.round(r.indexedMsPerLookup, 2)), baseline: results.map((r) => ctx.round(r.scanMsPerLookup, 1)) },
      records: results[0].records,
      recordBytes: results[0].recordBytes,
      meanRelated: ctx.round(ctx.median(results.map((r) => r.meanRelated)), 1),
      seedSeconds: ctx.round(ctx.median(results.map((r) => r.seedMs)) / 1000, 1),
    };
  },
};
