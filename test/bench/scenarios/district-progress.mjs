// The district's thana-wise progress (issue #15) over a district database of 30 thanas and
// ≥100,000 documents shaped like the app's (places, teams, Mitans, outreach, complaints, the
// thanas' profile and options documents, one last-sync marker per PC), on the test hub
// (pouchdb-server on 127.0.0.1, provisioned by the app's own code, the figures design document
// installed by provisioning), in real Chromium:
//   value    = loadDistrictProgress(): the progress page's figures from the hub's map/reduce views,
//              two view queries for the whole district, `thanas` and `progress` (ms); the indexes
//              are built beforehand and the build time reported
//   baseline = pulling the same documents (_all_docs pages with include_docs) and counting them in
//              the browser with the same domain definitions (ms)
// The figures of both sides are compared and must be identical every sample. Target ≥ 20× faster.
// The hub is the CouchDB 3 given by COUCHDB_URL (COUCHDB_USER/COUCHDB_PASSWORD), else pouchdb-server
// in memory; which server answered (as its root says) is printed first and kept in `hub`.
import { request } from 'node:http';
import { makeRng as rng } from '../lib/records.mjs';

const THANAS = 30;

/** A GET with no client timeout (fetch gives up after 300 s without headers; a first index build can take longer). */
function getSlow(url, auth) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: auth } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
/** Per thana, at full size: 3,360 documents → 100,800 for 30 thanas. */
const PER_THANA = { places: 40, teams: 20, mitans: 700, outreach: 2_400, complaints: 200 };
const TODAY = '2026-11-28';
const CAMPAIGN = { campaignStart: '2026-11-01', campaignEnd: '2027-01-31' };


const NAMES = ['गीता साहू', 'रवि यादव', 'सीमा पटेल', 'अनिल वर्मा', 'पूजा केंवट', 'महेश ध्रुव', 'रेखा कश्यप', 'दिनेश मरकाम'];
const PLACES = ['बेलतरा', 'करगीकला', 'सेमरताल', 'कोनी', 'सीपत', 'मोपका', 'खमतराई', 'लखराम'];
const TYPES = ['chaupal', 'school', 'college', 'door-to-door', 'phone-whatsapp', 'rally', 'market'];
const SOURCES = ['1930', 'ncrp', 'walkin', 'mitan'];
const CATEGORIES = ['financial', 'social', 'other'];
const STATUSES = ['received', 'inquiry', 'fir', 'closed'];

/** App-shaped documents of one thana (a register entry as recordToDoc writes it). */
export function thanaDocs(code, index, scale) {
  const r = rng(1000 + index);
  const n = (k) => Math.max(1, Math.round(PER_THANA[k] * scale));
  const pick = (list) => list[Math.floor(r() * list.length)];
  const day = (from, span) => {
    const d = new Date(Date.UTC(2026, 10, from) + Math.floor(r() * span) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  let seq = 0;
  const doc = (type, data, extra = {}) => {
    const id = `${code}:${type}:01JB${String(index).padStart(2, '0')}${String(++seq).padStart(8, '0')}XYZAB`;
    const at = `${day(1, 27)}T05:00:00.000Z`;
    return {
      _id: id,
      thana: code,
      type,
      schemaVersion: 1,
      serial: null,
      serialYear: null,
      serialNo: null,
      data,
      tokens: [],
      keys: [],
      createdAt: at,
      createdBy: 'u-writer',
      updatedAt: at,
      updatedBy: 'u-writer',
      mutationId: `m${id}`,
      version: 1,
      history: [{ version: 1, kind: 'create', at, by: 'u-writer', byName: 'राम कुमार', initials: 'रक', reason: null, changes: [], mutationId: `m${id}` }],
      cancelled: r() < 0.02 ? { at, by: 'u-ti', byName: 'अजय सिंह', reason: 'दोहरी प्रविष्टि' } : null,
      late: false,
      ...extra,
    };
  };
  const docs = [];
  const places = Array.from({ length: n('places') }, (_, i) => doc('place', { name: `${pick(PLACES)} ${i + 1}`, kind: r() < 0.8 ? 'village' : 'ward', area: r() < 0.8 ? 'rural' : 'urban', beat: 'बीट 1' }));
  const teams = Array.from({ length: n('teams') }, (_, i) =>
    doc('team', { teamNo: i + 1, name: `दल ${i + 1}`, leaderName: pick(NAMES), leaderRank: 'आरक्षक', formedOn: day(1, 20), ...(r() < 0.3 ? { target: 30 } : {}) }),
  );
  const mitans = Array.from({ length: n('mitans') }, (_, i) =>
    doc(
      'mitan',
      {
        name: pick(NAMES),
        mobile: `98${String(index).padStart(2, '0')}${String(i).padStart(6, '0')}`,
        teamId: pick(teams)._id,
        placeId: pick(places)._id,
        status: r() < 0.9 ? 'active' : 'inactive',
        consentDate: day(1, 27),
        ...(r() < 0.6 ? { trainingDate: day(5, 22) } : {}),
      },
      { serial: `2026/${i + 1}`, serialYear: 2026, serialNo: i + 1 },
    ),
  );
  const outreach = Array.from({ length: n('outreach') }, () => {
    const men = Math.floor(r() * 40);
    const women = Math.floor(r() * 40);
    return doc('outreach', {
      date: day(1, 28),
      teamId: pick(teams)._id,
      mitanIds: [pick(mitans)._id, pick(mitans)._id],
      placeId: pick(places)._id,
      activityType: pick(TYPES),
      mode: r() < 0.8 ? 'in-person' : 'mobile',
      area: r() < 0.7 ? 'rural' : 'urban',
      men,
      women,
      other: r() < 0.05 ? 1 : 0,
      under18: Math.floor(r() * Math.min(men + women, 20)),
      pamphlets: Math.floor(r() * 50),
      ...(r() < 0.5 ? { verifiedAt: '2026-11-28T10:00:00.000Z' } : {}),
    });
  });
  const complaints = Array.from({ length: n('complaints') }, () => {
    const d = day(1, 28);
    const lost = r() < 0.6 ? Math.round(r() * 20_000_00) : 0;
    const held = lost ? Math.round(lost * r() * 0.5) : 0;
    const refunded = held ? Math.round(held * r() * 0.5) : 0;
    return doc('complaint', {
      receivedAt: `${d}T12:15`,
      source: pick(SOURCES),
      ncrpCategory: pick(CATEGORIES),
      status: pick(STATUSES),
      action: r() < 0.2 ? 'fir' : 'inquiry',
      called1930: true,
      called1930At: `${d}T${r() < 0.5 ? '10:40' : '11:30'}`,
      ncrpState: r() < 0.7 ? 'filed' : 'not-filed',
      ncrpAck: r() < 0.6 ? '31411250012345' : '',
      complainantName: pick(NAMES),
      complainantMobile: '9876543210',
      transactions: lost ? [{ at: `${d}T10:00`, amount: lost, mode: 'upi', utr: `UTR${Math.floor(r() * 1e9)}` }] : [],
      holds: held ? [{ bank: 'SBI', amount: held, date: d }] : [],
      refunds: refunded ? [{ amount: refunded, date: d, route: 'mha-sop' }] : [],
    });
  });
  docs.push(...places, ...teams, ...mitans, ...outreach, ...complaints);
  const base = { thana: code, schemaVersion: 1, mutationId: `m-${code}-settings` };
  docs.push({ _id: `${code}:profile:main`, ...base, type: 'profile', value: { district: 'बिलासपुर', thanaName: `थाना ${index + 1}`, thanaCode: code, thanaTarget: 6_000, teamTarget: 25, ...CAMPAIGN } });
  if (index % 3 === 0) docs.push({ _id: `${code}:options:main`, ...base, type: 'options', value: { teamTarget: 20, outreachPeopleTarget: 80_000 } });
  docs.push({ _id: `${code}:pcsync:PC${index}`, ...base, type: 'pcsync', pc: `PC${index}`, pcSeries: '', at: `2026-11-${String(1 + (index % 27)).padStart(2, '0')}T10:00:00.000Z`, appVersion: 'bench' });
  return docs;
}

export default {
  name: 'district-progress',
  kind: 'browser',
  description: "district thana-wise progress over 30 thanas (≥100k docs) on the hub: map/reduce views vs pulling the docs and counting in the browser (ms)",
  async run(ctx) {
    const scale = ctx.scaled(1_000_000) / 1_000_000;
    const hubModule = await import(await ctx.node.bundleForNode('test/sync/hub-server.ts', { name: 'bench-hub-server' }));
    const provisionModule = await import(await ctx.node.bundleForNode('renderer/src/sync/provision.ts', { name: 'bench-provision' }));
    // A real CouchDB 3 when COUCHDB_URL is given (its reductions are stored in the B-tree; pouchdb-server
    // computes every reduction by reading each row of the range), else pouchdb-server in memory.
    const fromEnv = hubModule.hubFromEnv();
    const hub = fromEnv ?? (await hubModule.startHub());
    const auth = `Basic ${Buffer.from(`${hub.admin.username}:${hub.admin.password}`).toString('base64')}`;
    // Which server this is, as it says itself (not as the environment claims).
    const root = await (await fetch(`${hub.url}/`, { headers: { Authorization: auth } })).json();
    const flavor = root.couchdb ? 'couchdb' : 'express-pouchdb' in root ? 'pouchdb-server' : 'unknown';
    const server = `${flavor} ${root.version ?? '?'}`;
    ctx.log(`hub: ${server} at ${hub.url}${fromEnv ? ' (COUCHDB_URL)' : ' (in memory; set COUCHDB_URL to measure a CouchDB 3)'}`);
    if (fromEnv && flavor !== 'couchdb') ctx.log(`  COUCHDB_URL answers as ${server}, not CouchDB: the figures are that server's`);
    const drop = () => fetch(`${hub.url}/district_bench`, { method: 'DELETE', headers: { Authorization: auth } });
    if (fromEnv) await drop();
    try {
      const reader = { username: 'sp_bench', password: 'bench-sp-password' };
      // No thana databases or replication jobs: the district database is seeded as the jobs would fill it.
      await provisionModule.provisionHub({ url: hub.url, admin: hub.admin }, { district: 'bench', thanas: [], districtUsers: [reader], origins: [new URL(ctx.browser.url).origin] });
      const t0 = performance.now();
      let docs = 0;
      for (let i = 0; i < THANAS; i++) {
        const list = thanaDocs(`BSP${String(i + 1).padStart(2, '0')}`, i, scale);
        for (let j = 0; j < list.length; j += 1000) {
          const res = await fetch(`${hub.url}/district_bench/_bulk_docs`, {
            method: 'POST',
            headers: { Authorization: auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({ docs: list.slice(j, j + 1000) }),
          });
          if (res.status !== 201) throw new Error(`seeding the hub: ${res.status} ${await res.text()}`);
        }
        docs += list.length;
      }
      const seedSeconds = (performance.now() - t0) / 1000;
      ctx.log(`district database seeded: ${docs} documents of ${THANAS} thanas in ${seedSeconds.toFixed(1)} s`);
      // Build the progress page's indexes before the clock, from here (no client timeout): one query
      // per view, as CouchDB brings an index up to date when it is queried.
      const args = { url: hub.url, db: 'district_bench', ...reader, district: { districtTarget: 200_000, ...CAMPAIGN }, today: TODAY };
      const b0 = performance.now();
      // The page's two views (CouchDB builds every view of the design document at once; pouchdb-server each one apart).
      for (const [view, q] of [['thanas', ''], ['progress', 'group_level=3']]) {
        const v0 = performance.now();
        const res = await getSlow(`${hub.url}/district_bench/_design/figures/_view/${view}?${q}`, auth);
        if (res.status !== 200) throw new Error(`building ${view}: ${res.status} ${res.body.slice(0, 200)}`);
        ctx.log(`  index ${view} built in ${((performance.now() - v0) / 1000).toFixed(1)} s`);
      }
      const buildSeconds = (performance.now() - b0) / 1000;
      // Rows the hub reads per page load where reductions are not stored (pouchdb-server): every row of both indexes.
      const indexRows = async (view, q) => JSON.parse((await getSlow(`${hub.url}/district_bench/_design/figures/_view/${view}?${q}limit=0`, auth)).body).total_rows;
      const viewRows = (await indexRows('thanas', '')) + (await indexRows('progress', 'reduce=false&'));
      const warm = await ctx.browser.run('district-progress', 'fromViews', args);
      ctx.log(`view indexes built in ${buildSeconds.toFixed(1)} s (${warm.thanas} thanas answered)`);
      let figures = null;
      const r = await ctx.compare({
        baseline: () => ctx.browser.run('district-progress', 'byPull', args),
        value: () => ctx.browser.run('district-progress', 'fromViews', args),
        metric: (res) => {
          const f = JSON.stringify(res.figures);
          if (figures === null) figures = f;
          else if (f !== figures) throw new Error('the figures from the views and from the pulled documents differ');
          if (res.thanas !== THANAS) throw new Error(`${res.thanas} thanas, want ${THANAS}`);
          return res.ms;
        },
      });
      const district = JSON.parse(figures).district;
      return {
        value: ctx.round(r.value, 1),
        unit: 'ms',
        baseline: ctx.round(r.baseline, 1),
        ratio: r.value / r.baseline,
        target: 0.05,
        better: 'lower',
        speedup: ctx.round(r.baseline / r.value, 1),
        samples: { value: r.valueSamples.map((x) => ctx.round(x, 1)), baseline: r.baselineSamples.map((x) => ctx.round(x, 1)) },
        documents: docs,
        thanas: THANAS,
        pulledDocuments: r.baselineResults[0]?.docs,
        indexBuildSeconds: ctx.round(buildSeconds, 1),
        seedSeconds: ctx.round(seedSeconds, 1),
        districtMitans: district.inputs.mitans.total,
        districtPeople: district.inputs.people,
        figuresIdentical: true,
        viewQueries: 2,
        viewRows,
        hub: server,
      };
    } finally {
      if (fromEnv) await drop();
      await hub.stop();
    }
  },
};
