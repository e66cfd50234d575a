// Related-complaint lookup among 50,000 complaints (issue #6), in real Chromium on the app's own
// schema:
//   value    = relatedComplaints(): one indexed lookup per identifier of the entry (ms per lookup)
//   baseline = the same answer by reading every entry and comparing keys (ms per lookup)
// Each sample is one fresh profile: seed once, then time both sides on the same database
// (lib/index-vs-scan.mjs; seeding 50k entries twice per sample would only add minutes).
// Target: 100× faster or more.
import { indexVsScan, seedSeconds } from '../lib/index-vs-scan.mjs';

export default {
  name: 'complaints-related-50k',
  kind: 'browser',
  description: 'related-complaint lookup among 50k complaints: keys index vs full scan (ms/lookup)',
  async run(ctx) {
    const count = ctx.scaled(50_000);
    return indexVsScan(ctx, {
      page: 'complaints-related-50k',
      params: (i) => ({ count, indexedQueries: 50, scanQueries: 5, seed: 42 + i }),
      unit: 'ms/lookup',
      seedWord: 'seed',
      details: (results) => ({
        records: results[0].records,
        recordBytes: results[0].recordBytes,
        meanRelated: ctx.round(ctx.median(results.map((r) => r.meanRelated)), 1),
        seedSeconds: seedSeconds(ctx, results),
      }),
    });
  },
};
