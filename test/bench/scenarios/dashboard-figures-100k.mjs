// The nodal officer's dashboard (issue #8) over 100,000 outreach entries, 10,000 Mitans and
// 5,000 complaints, in real Chromium on the app's own schema:
//   value    = loadDashboard(): every figure from the running totals and short index walks (ms)
//   baseline = loadDashboardByScan(): the same figures from one plain scan of the same tables (ms)
// Each sample is one fresh profile: seed once (entries and their totals), warm both sides, then
// time rounds alternating which goes first; the figures of both must be identical every round.
// Target: the dashboard 10× or more faster than the plain scan (ratio ≤ 0.1).
export default {
  name: 'dashboard-figures-100k',
  kind: 'browser',
  description: "the dashboard's figures over 100k outreach, 10k Mitans, 5k complaints: totals + indexes vs one plain scan (ms)",
  async run(ctx) {
    const args = { outreach: ctx.scaled(100_000), mitans: ctx.scaled(10_000), complaints: ctx.scaled(5_000), rounds: 3 };
    const results = [];
    for (let i = 0; i < ctx.samples; i++) {
      const r = await ctx.browser.run('dashboard-figures-100k', 'measure', { ...args, seed: 7 + i });
      const v = ctx.median(r.indexedMs);
      const b = ctx.median(r.scanMs);
      ctx.log(`sample ${i + 1}/${ctx.samples}: dashboard ${v.toFixed(0)} ms, plain scan ${b.toFixed(0)} ms (${(b / v).toFixed(1)}×; seeded ${(r.seedMs / 1000).toFixed(1)} s, ${r.records.totalsRows} totals rows)`);
      results.push({ ...r, value: v, baseline: b });
    }
    const value = ctx.median(results.map((r) => r.value));
    const baseline = ctx.median(results.map((r) => r.baseline));
    return {
      value: ctx.round(value, 1),
      unit: 'ms',
      baseline: ctx.round(baseline, 1),
      ratio: value / baseline,
      target: 0.1,
      better: 'lower',
      speedup: ctx.round(baseline / value, 1),
      samples: { value: results.map((r) => ctx.round(r.value, 1)), baseline: results.map((r) => ctx.round(r.baseline, 1)) },
      records: results[0].records,
      figures: results[0].figures,
      seedSeconds: ctx.round(ctx.median(results.map((r) => r.seedMs)) / 1000, 1),
    };
  },
};
