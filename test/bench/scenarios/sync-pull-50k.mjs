// Initial pull of 50,000 records from the hub into a station database (issue #9), in real
// Chromium against pouchdb-server on 127.0.0.1 (in memory), provisioned by the app's own code:
//   value    = the app's replicator (syncOnce): records/s
//   baseline = the same `_changes` pages read with fetch + a plain Dexie bulkPut: records/s
// Also the longest main-thread task during the app's pull (PerformanceObserver 'longtask').
// Targets: ratio ≥ 0.8, longest task ≤ 100 ms. Each sample pulls into a fresh profile.
import { makeRecords } from '../lib/records.mjs';

// The replicator's DEFAULT_PULL_BATCH (renderer/src/sync/replicator.ts); both sides read pages of this size.
const BATCH = 250;

/** lib/records.mjs rows in the stored shape of a register entry (as the app writes them). */
function toDoc(r) {
  const data = { name: r.name, fatherName: r.fatherName, gender: r.gender, age: r.age, mobile: r.mobile, village: r.village, ward: r.ward, occupation: r.occupation, education: r.education, remarks: r.remarks };
  return {
    _id: r.id,
    thana: r.thana,
    type: 'mitan',
    schemaVersion: 1,
    serial: `2025/${String(r.serial).padStart(4, '0')}`,
    serialYear: 2025,
    serialNo: r.serial,
    data,
    tokens: `${r.name} ${r.village}`.toLowerCase().split(/\s+/),
    keys: [`mobile:${r.mobile}`],
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    mutationId: r.mutationId,
    version: 1,
    history: [{ version: 1, kind: 'create', at: r.createdAt, by: r.createdBy, byName: r.createdBy, initials: 'MS', reason: null, changes: [], mutationId: r.mutationId }],
    cancelled: null,
    late: false,
  };
}

export default {
  name: 'sync-pull-50k',
  kind: 'browser',
  description: 'initial pull of 50k records from the hub: replicator vs same _changes pages + bulkPut (records/s); longest main-thread task',
  async run(ctx) {
    const count = ctx.scaled(50_000);
    const hubModule = await import(await ctx.node.bundleForNode('test/sync/hub-server.ts', { name: 'bench-hub-server' }));
    const provisionModule = await import(await ctx.node.bundleForNode('renderer/src/sync/provision.ts', { name: 'bench-provision' }));
    const hub = await hubModule.startHub();
    try {
      const thana = 'BSP01';
      const pc = { username: 'pc_bsp01_1', password: 'bench-pc-password' };
      await provisionModule.provisionHub(
        { url: hub.url, admin: hub.admin },
        { district: 'bench', thanas: [{ code: thana, pcs: [pc] }], origins: [new URL(ctx.browser.url).origin] },
      );
      const auth = `Basic ${Buffer.from(`${hub.admin.username}:${hub.admin.password}`).toString('base64')}`;
      const records = makeRecords(count, { thanaCount: 1 });
      const t0 = performance.now();
      for (let i = 0; i < records.length; i += 1000) {
        const res = await fetch(`${hub.url}/thana_bsp01/_bulk_docs`, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ docs: records.slice(i, i + 1000).map(toDoc) }),
        });
        if (res.status !== 201) throw new Error(`seeding the hub: ${res.status} ${await res.text()}`);
      }
      ctx.log(`hub seeded with ${count} docs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const args = { url: hub.url, db: 'thana_bsp01', thana, ...pc, batch: BATCH };
      const r = await ctx.compare({
        baseline: () => ctx.browser.run('sync-pull-50k', 'rawPull', args),
        value: () => ctx.browser.run('sync-pull-50k', 'appPull', args),
        metric: (res) => {
          if (res.records !== count) throw new Error(`pulled ${res.records} of ${count}`);
          return res.recordsPerSecond;
        },
      });
      const longest = ctx.median(r.valueResults.map((x) => x.longestTaskMs));
      return {
        value: ctx.round(r.value, 0),
        unit: 'records/s',
        baseline: ctx.round(r.baseline, 0),
        target: 0.8,
        better: 'higher',
        longestTaskMs: longest,
        longestTaskTargetMs: 100,
        longestTaskPass: longest <= 100,
        longestTaskMsSamples: r.valueResults.map((x) => x.longestTaskMs),
        baselineLongestTaskMs: ctx.median(r.baselineResults.map((x) => x.longestTaskMs)),
        longTasks: ctx.median(r.valueResults.map((x) => x.longTasks)),
        samples: { value: r.valueSamples.map((x) => ctx.round(x, 0)), baseline: r.baselineSamples.map((x) => ctx.round(x, 0)) },
        records: count,
        batch: BATCH,
      };
    } finally {
      await hub.stop();
    }
  },
};
