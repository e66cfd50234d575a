// The district suspect registry at a station (issue #15 §5), in real Chromium on the app's own
// schema: 30 thanas' registry entries (100,000 identifiers) as a station holds them after pulling.
//   value    = findMatches(): a new complaint's identifiers looked up on the `key` index (ms per complaint)
//   baseline = scanMatches(): the same answer by reading every entry (ms per complaint)
// Each sample is one fresh profile: land the registry once, then time both sides on it; the answers
// must be identical (lib/index-vs-scan.mjs). Target: 100× faster or more.
import { indexVsScan, seedSeconds } from '../lib/index-vs-scan.mjs';

export default {
  name: 'suspect-match',
  kind: 'browser',
  description: 'a complaint matched against 30 thanas’ suspect-registry entries: key index vs full scan (ms/complaint)',
  async run(ctx) {
    const entries = ctx.scaled(100_000);
    return indexVsScan(ctx, {
      page: 'suspect-match',
      params: (i) => ({ entries, thanas: 30, indexedQueries: 50, scanQueries: 5, seed: 7 + i }),
      unit: 'ms/complaint',
      seedWord: 'landing',
      details: (results) => ({
        entries: results[0].entries,
        thanas: results[0].thanas,
        entryBytes: results[0].entryBytes,
        meanMatches: ctx.round(ctx.median(results.map((r) => r.meanMatches)), 1),
        landingSeconds: seedSeconds(ctx, results),
      }),
    });
  },
};
