/**
 * Hub provisioning (issue #9 §1, issue #14), idempotent: run it again and it changes only what
 * differs. Used by the app (district admin) and by `npm run hub -- …` (build/hub.mjs bundles it).
 *
 * What a district hub gets (README "The district hub"):
 * - per thana: its database, members = its role and the district's replication account, the
 *   design documents of THANA_DESIGN_DOCS (the rulebook validation function, the replication
 *   filter), the epoch document, and its PC accounts, each with its serial series;
 * - the district database, members = district readers and the replication account, with a
 *   validation function that lets only admins and the replication account write (not on
 *   pouchdb-server: it would drop every replicated update — a warning says so);
 * - one continuous `_replicator` job per thana, running as the replication account (never as an
 *   admin: no admin password is stored on the hub);
 * - the district suspect registry `registry_<district>` (registryHub.ts): read by every PC account
 *   (role `registry_<district>`), written only by one selective replication job per thana;
 * - the server settings of hardenServer(): valid users only, `_all_dbs` for admins, no account
 *   creation by non-admins, CORS for the app's origins only.
 *
 * Targets CouchDB 3's API and tolerates pouchdb-server where it differs (reference/sync.md §4):
 * config lives under /_node/_local/_config on CouchDB and /_config on pouchdb-server; pouchdb-server
 * crashes on a replication `selector`, so the jobs use a filter function that keeps design
 * documents out of the district.
 */
import { DISTRICT_EPOCH_ID, epochDocId, sameValue } from './doc';
import { districtDesignDocs } from './districtViews';
import { seriesLetterOf, seriesOfLetter } from './series';
import { REGISTRY_DESIGN_ID, REGISTRY_EPOCH_ID, REGISTRY_FILTER, registryDbName, registryJob, registryRole, registryVdu } from './registryHub';
import type { HubAuth } from './http';
import {
  authOfHeader,
  basicHeader,
  generatePassword,
  Provisioner,
  type ProvisionOptions,
  type ProvisionReport,
  type ServerFlavor,
  type UserDoc,
} from './provisioner';
import {
  DISTRICT_DESIGN_ID,
  districtDbName,
  districtRole,
  districtVdu,
  REPLICATION_FILTER,
  replicationFilterName,
  replicationRole,
  replicationUser,
  seriesRole,
  thanaDbName,
  thanaDesignId,
  thanaRole,
  thanaVdu,
} from './vdu';

export { generatePassword, type ProvisionOptions, type ProvisionReport, type ServerFlavor } from './provisioner';

export interface PcAccount {
  username: string;
  /** Given: set (or reset) this password. Absent: a new user gets a generated one; an existing user keeps theirs. */
  password?: string;
  /**
   * PC accounts only: the letter of its serial series (A = the plain series). Absent: an account
   * keeps the one it has; a new one gets the first letter free in its thana.
   */
  series?: string;
}

export interface ThanaPlan {
  /** Thana code as in the app's profile (A–Z, 0–9). */
  code: string;
  pcs: PcAccount[];
}

export interface ProvisionPlan {
  /** District name, e.g. 'bilaspur' → database district_bilaspur, role district_bilaspur. */
  district: string;
  thanas: ThanaPlan[];
  districtUsers?: PcAccount[];
  /** Origins allowed by CORS: the desktop app (app://thana) and the web mode's address. */
  origins: string[];
  /** How the hub reaches itself for its replication jobs (default: the address used here). */
  internalUrl?: string;
}

export const APP_ORIGIN = 'app://thana';

/** Validation of a plan before anything is sent; returns problems in both languages. */
export function planProblems(plan: ProvisionPlan): string[] {
  const out: string[] = [];
  if (!/^[a-z][a-z0-9_]{1,30}$/.test(plan.district.toLowerCase()))
    out.push(`जिले का नाम अंग्रेज़ी अक्षरों में हो / District name must be letters, digits or _: ${plan.district}`);
  const users = new Set<string>([replicationUser(plan.district)]);
  const name = (username: string) => {
    if (!/^[a-z0-9][a-z0-9_.-]{2,60}$/.test(username)) out.push(`उपयोगकर्ता नाम / Bad user name: ${username}`);
    if (users.has(username)) out.push(`दोहराया गया उपयोगकर्ता / Duplicate user: ${username}`);
    users.add(username);
  };
  for (const t of plan.thanas) {
    if (!/^[A-Z0-9]{2,12}$/.test(t.code)) out.push(`थाना कोड 2–12 अक्षर/अंक हो / Bad thana code: ${t.code}`);
    const letters = new Set<string>();
    for (const p of t.pcs) {
      name(p.username);
      if (p.series === undefined) continue;
      if (!/^[A-Z]$/.test(p.series)) out.push(`श्रृंखला A–Z का एक अक्षर हो / Series must be one letter A–Z: ${p.username} ${p.series}`);
      if (letters.has(p.series)) out.push(`एक श्रृंखला दो पीसी को नहीं / Two PCs with series ${p.series} in ${t.code}`);
      letters.add(p.series);
    }
  }
  for (const p of plan.districtUsers ?? []) name(p.username);
  return out;
}

/** A design document of a database, owned entirely by provisioning. */
export interface DesignDoc {
  id: string;
  body: Record<string, unknown>;
}

/**
 * The design documents of a thana database. Another piece that needs one (a view, a filter) adds
 * a function here; provisioning installs and updates every one.
 */
export const THANA_DESIGN_DOCS: ((code: string) => DesignDoc)[] = [
  (code) => ({
    id: thanaDesignId(code),
    body: { language: 'javascript', validate_doc_update: thanaVdu(code), filters: { replicate: REPLICATION_FILTER, registry: REGISTRY_FILTER } },
  }),
];

/**
 * The design documents of the district database. The validation function is left out on
 * pouchdb-server, which would drop every replicated update behind it (sync README).
 */
export const DISTRICT_DESIGN_DOCS: ((district: string, flavor: ServerFlavor) => DesignDoc[])[] = [
  (district, flavor) => (flavor === 'pouchdb-server' ? [] : [{ id: DISTRICT_DESIGN_ID, body: { language: 'javascript', validate_doc_update: districtVdu(district) } }]),
  // The district's figures views (issue #15).
  () => districtDesignDocs().map((d) => ({ id: d.id, body: d.body })),
];

/** Does a stored document have exactly this content (its `_` fields aside)? */
export function sameBody(want: Record<string, unknown>): (have: Record<string, unknown>) => boolean {
  return (have) => Object.keys(want).every((k) => sameValue(have[k], want[k])) && Object.keys(have).every((k) => k.startsWith('_') || k in want);
}

/**
 * PC accounts and their serial series (design §3.16): an account keeps the series it has; a new
 * one takes the one named in the plan, else the first letter no account of the thana holds
 * (A = the plain series, for the first PC; then B, C …).
 */
async function ensurePcAccounts(p: Provisioner, t: ThanaPlan, users: UserDoc[], district: string): Promise<void> {
  const role = thanaRole(t.code);
  const mine = users.filter((u) => u.roles?.includes(role));
  const taken = new Map<string, string>();
  for (const u of mine) {
    const l = seriesLetterOf(u.roles);
    if (l) taken.set(l, u.name!);
  }
  for (const pc of t.pcs) {
    const have = mine.find((u) => u.name === pc.username);
    let letter = seriesLetterOf(have?.roles) ?? pc.series ?? null;
    if (pc.series && letter !== pc.series) letter = pc.series; // the plan says so: a deliberate move
    if (letter && taken.has(letter) && taken.get(letter) !== pc.username)
      throw new Error(`श्रृंखला ${letter} पहले से ${taken.get(letter)} की है / Series ${letter} already belongs to ${taken.get(letter)}`);
    if (!letter) letter = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').find((l) => !taken.has(l)) ?? null;
    if (!letter) throw new Error(`थाना ${t.code}: 26 से अधिक पीसी / more than 26 PCs`);
    taken.set(letter, pc.username);
    // registry_<district>: every PC of the district reads the suspect registry (registryHub.ts).
    await p.ensureUser(pc.username, [role, seriesRole(letter), registryRole(district)], pc.password, { series: seriesOfLetter(letter) });
  }
}

/**
 * The account the district's replication jobs run as: members of every thana database and of the
 * district database, allowed by the district's validation function, refused by every thana's. Its
 * password is generated here and kept only in the jobs (the hub's `_replicator`, admins only); a
 * run that cannot recover it from an existing job (or finds it wrong) sets a new one and rewrites
 * every job of the district.
 */
async function ensureReplicationAccount(p: Provisioner, district: string): Promise<{ auth: HubAuth; changed: boolean }> {
  const username = replicationUser(district);
  const role = replicationRole(district);
  const jobs = await districtJobs(p, district);
  let known: HubAuth | null = null;
  for (const j of jobs) {
    const a = authOfHeader((j.source as { headers?: Record<string, string> } | undefined)?.headers?.Authorization);
    if (a?.username === username) {
      known = a;
      break;
    }
  }
  const user = await p.getDoc<UserDoc>('_users', `org.couchdb.user:${username}`);
  if (user && known && (await p.canSignIn(known))) {
    await p.ensureUser(username, [role], undefined);
    return { auth: known, changed: false };
  }
  const password = generatePassword();
  await p.ensureUser(username, [role], password);
  // The jobs hold it; nobody needs to type it.
  p.report.accounts = p.report.accounts.filter((a) => a.username !== username);
  return { auth: { username, password }, changed: true };
}

interface JobDoc {
  _id: string;
  _rev?: string;
  source?: unknown;
  target?: unknown;
  [k: string]: unknown;
}

function urlOf(endpoint: unknown): string {
  return typeof endpoint === 'string' ? endpoint : String((endpoint as { url?: string } | undefined)?.url ?? '');
}

/** The replication jobs feeding this district's database. */
async function districtJobs(p: Provisioner, district: string): Promise<JobDoc[]> {
  return jobsInto(p, districtDbName(district));
}

/** The replication jobs whose target is this database. */
async function jobsInto(p: Provisioner, db: string): Promise<JobDoc[]> {
  const res = await p.client.request<{ rows?: { doc?: JobDoc }[] }>('GET', '_replicator/_all_docs', { query: { include_docs: true } });
  const suffix = `/${db}`;
  return (res.body.rows ?? []).map((r) => r.doc).filter((d): d is JobDoc => !!d && !d._id.startsWith('_design/') && urlOf(d.target).replace(/\/+$/, '').endsWith(suffix));
}

/** The server settings a district hub should have (CouchDB 3); what pouchdb-server lacks is warned about. */
async function hardenServer(p: Provisioner, origins: string[]): Promise<void> {
  if (p.flavor === 'couchdb') {
    await p.setConfig('chttpd', 'require_valid_user', 'true');
    await p.setConfig('chttpd', 'admin_only_all_dbs', 'true');
    // CouchDB 3 lets anyone (with require_valid_user: any account) create accounts in _users unless
    // its _security admits admins only; that object is editable only with this setting.
    await p.setConfig('couchdb', 'users_db_security_editable', 'true');
  } else {
    await p.setConfig('couch_httpd_auth', 'require_valid_user', 'true');
    p.warn('pouchdb-server: require_valid_user and admin-only _all_dbs are not enforced (anonymous requests still read the root and /_all_dbs; every database still needs an account) / pouchdb-server पर ये सेटिंग लागू नहीं होतीं');
  }
  // No account creation by non-admins (CouchDB's and pouchdb-server's _users take sign-ups by default).
  if (!(await p.ensureSecurity('_users', ['_admin'])))
    p.warn('_users/_security could not be set: anyone with an account may create accounts / _users की सुरक्षा सेट नहीं हो सकी');
  await ensureCors(p, origins);
}

/** CORS for exactly the app's origins (a '*' or any other origin left from before is removed). */
async function ensureCors(p: Provisioner, origins: string[]): Promise<void> {
  // CouchDB 3.2+ reads [chttpd] enable_cors; older 3.x read [httpd]. pouchdb-server reads [httpd].
  if (p.flavor === 'couchdb') await p.setConfig('chttpd', 'enable_cors', 'true');
  await p.setConfig('httpd', 'enable_cors', 'true');
  // ', ' separated: CouchDB trims around commas; pouchdb-server splits on ', ' exactly.
  await p.setConfig('cors', 'origins', origins.join(', '));
  await p.setConfig('cors', 'headers', 'accept, authorization, content-type, origin, referer');
  await p.setConfig('cors', 'methods', 'GET, PUT, POST, HEAD, DELETE');
  if (p.flavor === 'couchdb') await p.setConfig('cors', 'credentials', 'false');
}

export async function provisionHub(o: ProvisionOptions, plan: ProvisionPlan): Promise<ProvisionReport> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(problems.join('\n'));
  const p = new Provisioner(o);
  await p.detect();
  // A fresh CouchDB 3 single node has no system databases until someone makes them.
  await p.ensureDb('_users');
  await p.ensureDb('_replicator');

  const district = districtDbName(plan.district);
  const dRole = districtRole(plan.district);
  const rRole = replicationRole(plan.district);
  const internal = (plan.internalUrl ?? o.url).replace(/\/+$/, '');
  const users = await p.users();

  for (const t of plan.thanas) {
    const db = thanaDbName(t.code);
    await p.ensureDb(db);
    await p.ensureSecurity(db, [thanaRole(t.code), rRole]);
    for (const make of THANA_DESIGN_DOCS) {
      const d = make(t.code);
      await p.ensureDoc(db, d.id, d.body, sameBody(d.body));
    }
    await p.ensureEpoch(db, epochDocId(t.code), t.code);
    await ensurePcAccounts(p, t, users, plan.district);
  }

  await p.ensureDb(district);
  await p.ensureSecurity(district, [dRole, rRole]);
  for (const make of DISTRICT_DESIGN_DOCS) for (const d of make(plan.district, p.flavor)) await p.ensureDoc(district, d.id, d.body, sameBody(d.body));
  if (p.flavor === 'pouchdb-server') {
    await p.removeDoc(district, DISTRICT_DESIGN_ID);
    p.warn(
      `pouchdb-server: ${district} has no validate_doc_update (it would drop replicated updates); its members (district readers) could write to it. CouchDB gets one / pouchdb-server पर जिला डेटाबेस में सत्यापन फ़ंक्शन नहीं लगाया गया`,
    );
  }
  await p.ensureEpoch(district, DISTRICT_EPOCH_ID, 'district');
  for (const u of plan.districtUsers ?? []) await p.ensureUser(u.username, [dRole], u.password);

  // The district database is fed by the hub's own continuous replication from every thana database,
  // running as the replication account.
  const repl = await ensureReplicationAccount(p, plan.district);
  const auth = { Authorization: basicHeader(repl.auth) };
  const endpoint = (name: string) => ({ url: `${internal}/${name}`, headers: auth });
  const planned = new Set<string>();
  for (const t of plan.thanas) {
    const db = thanaDbName(t.code);
    const id = `${db}-to-${district}`;
    planned.add(id);
    const job = { source: endpoint(db), target: endpoint(district), continuous: true, filter: replicationFilterName(t.code) };
    await p.ensureJob(id, job, (h) => sameValue(h.source, job.source) && sameValue(h.target, job.target) && h.continuous === true && h.filter === job.filter);
  }
  // The district suspect registry: its database and one selective job per thana (registryHub.ts).
  const registry = registryDbName(plan.district);
  await p.ensureDb(registry);
  await p.ensureSecurity(registry, [registryRole(plan.district), dRole, rRole]);
  if (p.flavor === 'pouchdb-server') {
    await p.removeDoc(registry, REGISTRY_DESIGN_ID);
    p.warn(`pouchdb-server: ${registry} has no validate_doc_update (it would drop replicated updates); its members (every PC account) could write to it. CouchDB gets one / pouchdb-server पर संदेही रजिस्टर में सत्यापन फ़ंक्शन नहीं लगाया गया`);
  } else {
    const body = { language: 'javascript', validate_doc_update: registryVdu(rRole) };
    await p.ensureDoc(registry, REGISTRY_DESIGN_ID, body, sameBody(body));
  }
  await p.ensureEpoch(registry, REGISTRY_EPOCH_ID, 'registry');
  for (const t of plan.thanas) {
    const db = thanaDbName(t.code);
    const id = `${db}-to-${registry}`;
    planned.add(id);
    const job = registryJob(p.flavor, endpoint(db), endpoint(registry), `${thanaDesignId(t.code).slice('_design/'.length)}/registry`);
    await p.ensureJob(id, job, (h) => sameValue(h.source, job.source) && sameValue(h.target, job.target) && h.continuous === true && sameValue(h.filter, job.filter) && sameValue(h.selector, job.selector));
  }
  // Jobs of thanas provisioned in an earlier run: never left with an admin's (or an old) password.
  for (const j of [...(await districtJobs(p, plan.district)), ...(await jobsInto(p, registry))]) {
    if (planned.has(j._id)) continue;
    const src = urlOf(j.source);
    const tgt = urlOf(j.target);
    // Only the job's own fields: the `_replication_*` ones belong to the replicator.
    const kept = Object.fromEntries(Object.entries(j).filter(([k]) => !k.startsWith('_') && k !== 'source' && k !== 'target'));
    const job = { ...kept, source: { url: src, headers: auth }, target: { url: tgt, headers: auth } };
    await p.ensureJob(j._id, job, (h) => sameValue(h.source, job.source) && sameValue(h.target, job.target));
  }

  await hardenServer(p, [...new Set([APP_ORIGIN, ...plan.origins])]);
  if (p.flavor === 'couchdb' && plan.thanas.length > 40)
    p.warn('max_dbs_open: raise it above the number of thana databases × 2 / थाना डेटाबेस अधिक हैं, max_dbs_open बढ़ाएँ');
  return p.report;
}
