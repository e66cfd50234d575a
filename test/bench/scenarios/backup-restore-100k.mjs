// Backup and restore of a 100,000-entry station database (issue #10), in real Chromium with
// IndexedDB, on the app's own schema:
//   value    = restoreBackup() onto a new PC (first-run setup done, registers empty): verify the
//              file, decrypt, gunzip, parse, then write every table in one transaction (ms)
//   baseline = a plain Dexie bulkPut of the same 100,000 entries into an empty database, chunks of
//              2,000 in one transaction: the write alone, in the shape restore uses (ms)
// Target: restore within 1.5× of the plain bulkPut. Also reported: the backup (makeBackup: read
// every table, gzip, PBKDF2 with production rounds, AES-GCM), the file size, and a restore over
// the same PC's database a day later (1 % corrected, 0.5 % added), which writes only what differs.
export default {
  name: 'backup-restore-100k',
  kind: 'browser',
  description: 'restore of a 100k-entry backup onto a new PC vs a plain bulkPut of the same entries (ms); backup and same-PC restore reported',
  async run(ctx) {
    const count = ctx.scaled(100_000);
    const r = await ctx.compare({
      baseline: (i) => ctx.browser.run('backup-restore-100k', 'plainBulkPut', { count, seed: 11 + i }),
      value: (i) => ctx.browser.run('backup-restore-100k', 'backupRestore', { count, seed: 11 + i }),
      metric: (res) => res.restoreFreshMs ?? res.ms,
    });
    const v = r.valueResults;
    const med = (key) => ctx.round(ctx.median(v.map((x) => x[key])), 0);
    const s = (key) => v.map((x) => (x[key] / 1000).toFixed(1)).join('/');
    ctx.log(`backup ${s('backupMs')} s; restore new PC ${s('restoreFreshMs')} s, same PC ${s('restoreOverMs')} s; bulkPut ${r.baselineSamples.map((x) => (x / 1000).toFixed(1)).join('/')} s`);
    return {
      value: ctx.round(r.value, 0),
      unit: 'ms',
      baseline: ctx.round(r.baseline, 0),
      ratio: r.value / r.baseline,
      better: 'lower',
      target: 1.5,
      pairRatioMedian: ctx.round(ctx.median(r.pairRatios), 3),
      samples: { value: r.valueSamples.map((x) => ctx.round(x, 0)), baseline: r.baselineSamples.map((x) => ctx.round(x, 0)) },
      records: v[0].records,
      recordBytes: v[0].recordBytes,
      backupMs: med('backupMs'),
      restoreSamePcMs: med('restoreOverMs'),
      samePcRatio: ctx.round(ctx.median(v.map((x) => x.restoreOverMs)) / r.baseline, 3),
      samePcChanged: v[0].changedByDay,
      decodeMs: med('decodeMs'),
      fileMB: ctx.round(v[0].fileBytes / 1e6, 1),
      seedSeconds: ctx.round(ctx.median(v.map((x) => x.seedMs)) / 1000, 1),
    };
  },
};
