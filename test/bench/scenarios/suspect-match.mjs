// The district suspect registry at a station (issue #15 §5), in real Chromium on the app's own
// schema: 30 thanas' registry entries (100,000 identifiers) as a station holds them after pulling.
//   value    = findMatches(): a new complaint's identifiers looked up on the `key` index (ms per complaint)
//   baseline = scanMatches(): the same answer by reading every entry (ms per complaint)
// Each sample is one fresh profile: land the registry once, then time both sides on it; the answers
// must be identical. Target: 100× faster or more.
export default {
  name: 'suspect-match',
  kind: 'browser',
  description: 'a complaint matched against 30 thanas’ suspect-registry entries: key index vs full scan (ms/complaint)',
  async run(ctx) {
    const entries = ctx.scaled(100_000);
    const results = [];
    for (let i = 0; i < ctx.samples; i++) {
      const r = await ctx.browser.run('suspect-match', 'measure', { entries, thanas: 30, indexedQueries: 50, scanQueries: 5, seed: 7 + i });
      ctx.log(`sample ${i + 1}/${ctx.samples}: indexed ${r.indexedMsPerLookup.toFixed(2)} ms, scan ${r.scanMsPerLookup.toFixed(0)} ms (landing ${(r.seedMs / 1000).toFixed(1)} s)`);
      results.push(r);
    }
    const value = ctx.median(results.map((r) => r.indexedMsPerLookup));
    const baseline = ctx.median(results.map((r) => r.scanMsPerLookup));
    return {
      value: ctx.round(value, 2),
      unit: 'ms/complaint',
      baseline: ctx.round(baseline, 1),
      ratio: value / baseline,
      target: 0.01,
      better: 'lower',
      speedup: ctx.round(baseline / value, 0),
      samples: { value: results.map((r) => ctx.round(r.indexedMsPerLookup, 2)), baseline: results.map((r) => ctx.round(r.scanMsPerLookup, 1)) },
      entries: results[0].entries,
      thanas: results[0].thanas,
      entryBytes: results[0].entryBytes,
      meanMatches: ctx.round(ctx.median(results.map((r) => r.meanMatches)), 1),
      landingSeconds: ctx.round(ctx.median(results.map((r) => r.seedMs)) / 1000, 1),
    };
  },
};
