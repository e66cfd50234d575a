// The hub of the sync-* scenarios: pouchdb-server in memory on 127.0.0.1 (test/sync/hub-server.ts),
// provisioned by the app's own code exactly as `npm run hub -- provision` does (build/hub.mjs runs
// the same provisionHub()): the thana database with its STRICT validation function (the rulebook
// design document, checked here to be installed and refusing), its epoch, PC accounts with their
// serial series, the server settings. Only the district's continuous replication job points at a
// closed port, so that the hub does not copy every seeded document into the district database
// while a sample is measured (that is the hub's own background work, not the station's).

/** @param {{ log: (...p: unknown[]) => void, node: { bundleForNode: (entry: string, o: { name: string }) => Promise<string> } }} ctx */
export async function startSyncHub(ctx, { origin }) {
  const hubModule = await import(await ctx.node.bundleForNode('test/sync/hub-server.ts', { name: 'bench-hub-server' }));
  const provisionModule = await import(await ctx.node.bundleForNode('renderer/src/sync/provision.ts', { name: 'bench-provision' }));
  const hub = await hubModule.startHub();
  const auth = `Basic ${Buffer.from(`${hub.admin.username}:${hub.admin.password}`).toString('base64')}`;

  /**
   * One admin request. A request on a kept-alive connection that pouchdb-server has just closed
   * fails with ECONNRESET / "other side closed" before anything was processed: sent again (up to
   * three times). This is the "fetch failed" seen while seeding a busy hub.
   */
  async function admin(method, path, body) {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${hub.url}/${path}`, {
          method,
          headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      } catch (e) {
        const code = e?.cause?.code ?? '';
        if (attempt >= 3 || !['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(code)) throw e;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  /**
   * A thana database provisioned from nothing, with its PC accounts; returns what the output says
   * about validation. (Deleting a replication job's document while the job runs crashes
   * pouchdb-server 4.2, hence the closed port rather than no job.)
   */
  async function provision(thana, pcs) {
    const db = `thana_${thana.toLowerCase()}`;
    const design = provisionModule.THANA_DESIGN_DOCS.map((make) => make(thana)).find((d) => d.body.validate_doc_update);
    // The district's replication job is made as on any hub, but pointed at a closed port: it only
    // retries, instead of copying every document into the district database while a sample runs.
    await provisionModule.provisionHub({ url: hub.url, admin: hub.admin }, { district: 'bench', thanas: [{ code: thana, pcs }], origins: [origin], internalUrl: 'http://127.0.0.1:9' });
    const have = await admin('GET', `${db}/${design.id}`);
    if (have.status !== 200 || have.body.validate_doc_update !== design.body.validate_doc_update)
      throw new Error(`${db}: the validation design document ${design.id} is not the app's`);
    // It must refuse: a station account writing a document that names another writer.
    const pc = pcs[0];
    const probe = await fetch(`${hub.url}/${db}/${encodeURIComponent(`${thana}:mitan:00000000000000000000PROBE`)}`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${Buffer.from(`${pc.username}:${pc.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ thana, type: 'mitan', schemaVersion: 1, mutationId: '00000000000000PROBE', hubUser: 'someone-else', data: {} }),
    });
    if (probe.status !== 403) throw new Error(`${db}: the validation function did not refuse a bad write (${probe.status})`);
    const validation = `strict: ${design.id} validate_doc_update (${design.body.validate_doc_update.length} chars) installed by provisionHub as npm run hub does; a bad write refused with 403`;
    return { db, validation };
  }

  /**
   * Documents written as the hub admin in `_bulk_docs` batches, each retried (back-off) when the
   * request fails or the hub answers 5xx: a busy machine has made pouchdb-server drop connections
   * ("fetch failed"). A retried batch may have been stored the first time: its 409s count as stored.
   */
  async function seed(db, docs, { batch = 500, attempts = 6 } = {}) {
    const t0 = performance.now();
    let retries = 0;
    for (let i = 0; i < docs.length; i += batch) {
      const part = docs.slice(i, i + batch);
      for (let attempt = 1; ; attempt++) {
        try {
          const res = await admin('POST', `${db}/_bulk_docs`, { docs: part });
          if (res.status >= 500) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          if (res.status !== 201 || !Array.isArray(res.body)) throw Object.assign(new Error(`seeding the hub: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`), { final: true });
          const bad = res.body.filter((r) => r.error && !(attempt > 1 && r.error === 'conflict'));
          if (bad.length) throw Object.assign(new Error(`seeding the hub: ${bad.length} refused, e.g. ${JSON.stringify(bad[0])}`), { final: true });
          break;
        } catch (e) {
          if (e.final || attempt >= attempts) throw e;
          retries++;
          ctx.log(`seeding: batch at ${i} failed (${e.message}); retry ${attempt}`);
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
        }
      }
    }
    ctx.log(`hub seeded with ${docs.length} docs in ${((performance.now() - t0) / 1000).toFixed(1)} s${retries ? ` (${retries} retries)` : ''}`);
    return { retries };
  }

  return { hub, admin, provision, seed, drop: (db) => admin('DELETE', db), stop: () => hub.stop() };
}
