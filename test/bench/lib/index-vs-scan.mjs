// The "index vs scan" scenarios (complaints-related-50k, suspect-match): each sample is one fresh
// browser profile in which the bench page seeds the data once, then times the same lookups through
// the app's index (value) and by reading every entry (baseline) and checks both answer alike. The
// page's `measure` returns { indexedMsPerLookup, scanMsPerLookup, seedMs, … }.
// Target: 100× faster or more (ratio ≤ 0.01).

/**
 * @param {object} ctx         the scenario context (samples, browser, log, median, round)
 * @param {object} o
 * @param {string} o.page      bench page (scenarios/<page>.browser.ts)
 * @param {(i: number) => object} o.params   the page's parameters for sample i
 * @param {string} o.unit      'ms/lookup', 'ms/complaint' …
 * @param {string} o.seedWord  what the seed time is called in the progress line ('seed', 'landing')
 * @param {(results: object[]) => object} o.details  the scenario's own fields after the common ones
 */
export async function indexVsScan(ctx, o) {
  const results = [];
  for (let i = 0; i < ctx.samples; i++) {
    const r = await ctx.browser.run(o.page, 'measure', o.params(i));
    ctx.log(`sample ${i + 1}/${ctx.samples}: indexed ${r.indexedMsPerLookup.toFixed(2)} ms, scan ${r.scanMsPerLookup.toFixed(0)} ms (${o.seedWord} ${(r.seedMs / 1000).toFixed(1)} s)`);
    results.push(r);
  }
  const value = ctx.median(results.map((r) => r.indexedMsPerLookup));
  const baseline = ctx.median(results.map((r) => r.scanMsPerLookup));
  return {
    value: ctx.round(value, 2),
    unit: o.unit,
    baseline: ctx.round(baseline, 1),
    ratio: value / baseline,
    target: 0.01,
    better: 'lower',
    speedup: ctx.round(baseline / value, 0),
    samples: { value: results.map((r) => ctx.round(r.indexedMsPerLookup, 2)), baseline: results.map((r) => ctx.round(r.scanMsPerLookup, 1)) },
    ...o.details(results),
  };
}

/** The median seed time of the samples, in seconds (one decimal). */
export function seedSeconds(ctx, results) {
  return ctx.round(ctx.median(results.map((r) => r.seedMs)) / 1000, 1);
}
