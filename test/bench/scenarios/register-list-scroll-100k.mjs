// Issue 17 item 6: "the virtual list uses a maintained library (e.g. @tanstack/vue-virtual)
// unless the bench shows it slower than today's". The app's RegisterList over 100,000 entries in
// Chromium (1366×768-sized box), scrolled frame by frame:
//   value    = RegisterList with @tanstack/vue-virtual (the app's virtualizer)
//   baseline = the same component with the list's own virtualizer until issue 17
// Figure: time to scroll from the top to the end of 100,000 entries, loading pages as it goes (ms);
// then 200 frames of fast scrolling over loaded rows: frame intervals (median, p95, max) per side.
export default {
  name: 'register-list-scroll-100k',
  kind: 'browser',
  description: 'RegisterList scrolled to the end of 100k entries and back: @tanstack/vue-virtual vs the list\'s own virtualizer (ms, frame times)',
  async run(ctx) {
    const count = ctx.scaled(100_000);
    const r = await ctx.compare({
      baseline: () => ctx.browser.run('register-list-scroll-100k', 'scroll', { count, impl: 'own' }),
      value: () => ctx.browser.run('register-list-scroll-100k', 'scroll', { count, impl: 'tanstack' }),
      metric: (res) => res.toEndMs,
    });
    const med = (list, pick) => ctx.round(ctx.median(list.map(pick)), 1);
    ctx.log(`to the end: tanstack ${r.valueSamples.map((v) => v.toFixed(0)).join('/')} ms, own ${r.baselineSamples.map((v) => v.toFixed(0)).join('/')} ms`);
    return {
      value: ctx.round(r.value, 0),
      unit: 'ms',
      baseline: ctx.round(r.baseline, 0),
      better: 'lower',
      target: 1.1,
      ratio: r.value / r.baseline,
      samples: { value: r.valueSamples.map((v) => ctx.round(v, 0)), baseline: r.baselineSamples.map((v) => ctx.round(v, 0)) },
      records: count,
      steps: r.valueResults[0].steps,
      frameMedianMs: med(r.valueResults, (x) => x.frame.median),
      frameP95Ms: med(r.valueResults, (x) => x.frame.p95),
      frameMaxMs: Math.max(...r.valueResults.map((x) => x.frame.max)),
      baselineFrameMedianMs: med(r.baselineResults, (x) => x.frame.median),
      baselineFrameP95Ms: med(r.baselineResults, (x) => x.frame.p95),
      baselineFrameMaxMs: Math.max(...r.baselineResults.map((x) => x.frame.max)),
      rowsInDom: r.valueResults[0].rendered,
      baselineRowsInDom: r.baselineResults[0].rendered,
    };
  },
};
