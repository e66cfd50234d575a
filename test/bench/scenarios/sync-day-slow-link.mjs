// One day's work of a thana over a thana's slow line (issue #13): PC A pushes it, PC B pulls it,
// both through the project's proxy (test/sync/proxy.ts) shaped to 256 kbit/s each way with 300 ms
// round trips, against pouchdb-server provisioned as `npm run hub` does (strict validation).
// The day (sync-day-slow-link.node.ts): 20 Mitans, 100 outreach entries, 5 complaints with money
// rows and two corrections each, on the real registers, with the audit rows they make.
//   value    = bytes on the wire of the heavier PC's session (request and status lines, headers, bodies)
//   baseline = the JSON size of the documents the day changed on the hub
//   ratio    = value / baseline: each document has to cross the line once up (A) and once down (B),
//              so each PC's session is held to it (the worse one is the ratio); target ≤ 1.5.
// Also printed: the time, requests and bytes of each PC's session, and how many requests brought
// documents down to A (0: A does not download what it has just pushed).
export default {
  name: 'sync-day-slow-link',
  kind: 'node',
  description: "a thana's day (100 outreach, 20 Mitans, 5 complaints ×2 corrections) pushed by one PC and pulled by another over 256 kbit/s, 300 ms RTT: bytes on the wire / JSON of the changed docs",
  async run(ctx) {
    const { startSyncHub } = await import('../lib/sync-hub.mjs');
    const sh = await startSyncHub(ctx, { origin: 'http://127.0.0.1' });
    try {
      const code = 'BSPDAY';
      const pcs = [
        { username: 'pc_bspday_1', password: 'bench-pc-password-1' },
        { username: 'pc_bspday_2', password: 'bench-pc-password-2' },
      ];
      const { db, validation } = await sh.provision(code, pcs);
      const mod = await import(await ctx.node.bundleForNode('test/bench/scenarios/sync-day-slow-link.node.ts', { name: 'bench-sync-day' }));
      const link = { kbit: 256, rttMs: 300 };
      const r = await mod.runDay({ hubUrl: sh.hub.url, admin: sh.hub.admin, thana: { code, pcs }, db, link });
      if (!r.converged) throw new Error('the two PCs did not end with the same revisions');
      const legOut = (l) => ({ seconds: ctx.round(l.seconds, 1), requests: l.requests, bytesUp: l.bytesUp, bytesDown: l.bytesDown, docRequests: l.docRequests, pushed: l.pushed, pulled: l.pulled });
      const bytesA = r.a.bytesUp + r.a.bytesDown;
      const bytesB = r.b.bytesUp + r.b.bytesDown;
      return {
        value: Math.max(bytesA, bytesB),
        unit: 'bytes',
        baseline: r.changedDocBytes,
        better: 'lower',
        target: 1.5,
        seconds: ctx.round(r.seconds, 1),
        requests: r.a.requests + r.b.requests,
        bytesOnWire: bytesA + bytesB,
        ratioPushA: ctx.round(bytesA / r.changedDocBytes, 3),
        ratioPullB: ctx.round(bytesB / r.changedDocBytes, 3),
        pcA: legOut(r.a),
        pcB: legOut(r.b),
        ownDocsDownloadedByA: r.a.docRequests,
        changedDocs: r.changedDocs,
        byType: r.byType,
        link: `${link.kbit} kbit/s each way, ${link.rttMs} ms RTT`,
        hubValidation: validation,
      };
    } finally {
      await sh.stop();
    }
  },
};
