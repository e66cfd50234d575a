/**
 * Hub provisioning (issue #9 §1), idempotent: run it again and it changes only what differs.
 * Used by the app (district admin) and by `npm run hub -- …` (build/hub.mjs bundles this file).
 *
 * Targets CouchDB 3's API and tolerates pouchdb-server where it differs (reference/sync.md §4):
 * - config lives under /_node/_local/_config on CouchDB and /_config on pouchdb-server;
 * - pouchdb-server crashes on a replication `selector`, so the thana → district jobs use a filter
 *   function (in the thana's design document) that keeps design documents out of the district;
 * - pouchdb-server silently drops replicated updates (new_edits:false) into a database that has a
 *   validate_doc_update (pouchdb-validation overwrites the incoming `_revisions`), so on
 *   pouchdb-server the district database gets no validation function (a warning says so); on
 *   CouchDB it gets one that lets only admins (the replication jobs) write.
 */
import { ulid } from '@/domain/ulid';
import { DISTRICT_EPOCH_ID, epochDocId, sameValue } from './doc';
import { districtDesignDocs } from './districtViews';
import { docPath, HubClient, type FetchLike, type HubAuth } from './http';
import { SyncError } from './messages';
import {
  DISTRICT_DESIGN_ID,
  districtDbName,
  districtRole,
  districtVdu,
  REPLICATION_FILTER,
  replicationFilterName,
  thanaDbName,
  thanaDesignId,
  thanaRole,
  thanaVdu,
} from './vdu';

export interface PcAccount {
  username: string;
  /** Given: set (or reset) this password. Absent: a new user gets a generated one; an existing user keeps theirs. */
  password?: string;
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

export interface ProvisionOptions {
  url: string;
  admin: HubAuth;
  fetch?: FetchLike;
  log?: (line: string) => void;
  /** Random source for passwords and epochs (tests). */
  newId?: () => string;
}

export type ServerFlavor = 'couchdb' | 'pouchdb-server' | 'unknown';

export interface ProvisionReport {
  flavor: ServerFlavor;
  version: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Accounts created or reset in this run, with the password to hand over. Others are not listed. */
  accounts: { username: string; password: string; role: string }[];
  warnings: string[];
}

export const APP_ORIGIN = 'app://thana';

/** Validation of a plan before anything is sent; returns problems in both languages. */
export function planProblems(plan: ProvisionPlan): string[] {
  const out: string[] = [];
  if (!/^[a-z][a-z0-9_]{1,30}$/.test(plan.district.toLowerCase()))
    out.push(`जिले का नाम अंग्रेज़ी अक्षरों में हो / District name must be letters, digits or _: ${plan.district}`);
  const users = new Set<string>();
  for (const t of plan.thanas) {
    if (!/^[A-Z0-9]{2,12}$/.test(t.code)) out.push(`थाना कोड 2–12 अक्षर/अंक हो / Bad thana code: ${t.code}`);
    for (const p of t.pcs) {
      if (!/^[a-z0-9][a-z0-9_.-]{2,60}$/.test(p.username)) out.push(`उपयोगकर्ता नाम / Bad user name: ${p.username}`);
      if (users.has(p.username)) out.push(`दोहराया गया उपयोगकर्ता / Duplicate user: ${p.username}`);
      users.add(p.username);
    }
  }
  for (const p of plan.districtUsers ?? []) {
    if (!/^[a-z0-9][a-z0-9_.-]{2,60}$/.test(p.username)) out.push(`उपयोगकर्ता नाम / Bad user name: ${p.username}`);
    if (users.has(p.username)) out.push(`दोहराया गया उपयोगकर्ता / Duplicate user: ${p.username}`);
    users.add(p.username);
  }
  return out;
}

/** A password a person can type: 16 characters without look-alikes. */
export function generatePassword(bytes: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(16))): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function basicHeader(auth: HubAuth): string {
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

class Provisioner {
  readonly client: HubClient;
  flavor: ServerFlavor = 'unknown';
  readonly report: ProvisionReport = { flavor: 'unknown', version: '', created: [], updated: [], unchanged: [], accounts: [], warnings: [] };

  constructor(private readonly o: ProvisionOptions) {
    this.client = new HubClient({ url: o.url, auth: o.admin, fetch: o.fetch, retry: { attempts: 3, baseMs: 500, capMs: 5000 } });
  }

  private note(kind: 'created' | 'updated' | 'unchanged', what: string): void {
    this.report[kind].push(what);
    this.o.log?.(`${kind.padEnd(9)} ${what}`);
  }

  async detect(): Promise<void> {
    const root = await this.client.request<Record<string, unknown>>('GET', '');
    const body = root.body ?? {};
    this.flavor = body.couchdb ? 'couchdb' : 'express-pouchdb' in body ? 'pouchdb-server' : 'unknown';
    this.report.flavor = this.flavor;
    this.report.version = String(body.version ?? '');
    const session = await this.client.request<{ userCtx?: { roles?: string[] } }>('GET', '_session');
    if (!session.body?.userCtx?.roles?.includes('_admin')) throw new SyncError('forbidden', 'provisioning needs a server admin');
    if (this.flavor === 'couchdb' && !/^3\./.test(this.report.version))
      this.report.warnings.push(`CouchDB ${this.report.version}: यह 3.x के लिए लिखा गया है / written for CouchDB 3.x`);
  }

  async ensureDb(name: string): Promise<void> {
    const res = await this.client.request('PUT', encodeURIComponent(name), { query: this.flavor === 'couchdb' ? { q: 1 } : undefined, accept: [412] });
    this.note(res.status === 412 ? 'unchanged' : 'created', `database ${name}`);
  }

  async ensureSecurity(db: string, memberRoles: string[]): Promise<void> {
    const want = { admins: { names: [], roles: [] }, members: { names: [], roles: memberRoles } };
    const have = await this.client.request<Record<string, unknown>>('GET', `${encodeURIComponent(db)}/_security`);
    if (sameValue(have.body ?? {}, want)) return this.note('unchanged', `${db}/_security`);
    await this.client.request('PUT', `${encodeURIComponent(db)}/_security`, { body: want });
    this.note('updated', `${db}/_security → members ${memberRoles.join(',')}`);
  }

  /** Create or update a document whose content we own entirely (design docs, replication jobs). */
  async ensureDoc(db: string, id: string, body: Record<string, unknown>, same: (have: Record<string, unknown>) => boolean): Promise<void> {
    const path = `${encodeURIComponent(db)}/${docPath(id)}`;
    const have = await this.client.request<Record<string, unknown> & { _rev?: string }>('GET', path, { accept: [404] });
    if (have.status !== 404 && same(have.body)) return this.note('unchanged', `${db}/${id}`);
    await this.client.request('PUT', path, { body: { ...body, _id: id, ...(have.status !== 404 ? { _rev: have.body._rev } : {}) } });
    this.note(have.status === 404 ? 'created' : 'updated', `${db}/${id}`);
  }

  async removeDoc(db: string, id: string): Promise<void> {
    const path = `${encodeURIComponent(db)}/${docPath(id)}`;
    const have = await this.client.request<{ _rev?: string }>('GET', path, { accept: [404] });
    if (have.status === 404) return;
    await this.client.request('DELETE', path, { query: { rev: have.body._rev } });
    this.note('updated', `${db}/${id} removed`);
  }

  /** The epoch is written once and never changed: a new epoch tells every station "this is a new database". */
  async ensureEpoch(db: string, id: string, thana: string): Promise<void> {
    const path = `${encodeURIComponent(db)}/${docPath(id)}`;
    const have = await this.client.request('GET', path, { accept: [404] });
    if (have.status !== 404) return this.note('unchanged', `${db}/${id}`);
    const newId = this.o.newId ?? (() => ulid());
    await this.client.request('PUT', path, {
      body: { _id: id, thana, type: 'meta', schemaVersion: 1, mutationId: newId(), epoch: `${newId()}-${db}`, createdAt: new Date().toISOString() },
    });
    this.note('created', `${db}/${id}`);
  }

  async ensureUser(account: PcAccount, role: string): Promise<void> {
    const id = `org.couchdb.user:${account.username}`;
    const path = `_users/${encodeURIComponent(id)}`;
    const have = await this.client.request<Record<string, unknown> & { roles?: string[]; _rev?: string }>('GET', path, { accept: [404] });
    if (have.status === 404) {
      const password = account.password ?? generatePassword();
      await this.client.request('PUT', path, { body: { _id: id, name: account.username, type: 'user', roles: [role], password } });
      this.report.accounts.push({ username: account.username, password, role });
      return this.note('created', `user ${account.username} (${role})`);
    }
    const roles = have.body.roles ?? [];
    const rolesOk = roles.length === 1 && roles[0] === role;
    if (rolesOk && !account.password) return this.note('unchanged', `user ${account.username}`);
    // PUT the whole stored document back (derived key and salt included) so the password survives a role fix.
    const next: Record<string, unknown> = { ...have.body, roles: [role] };
    if (account.password) {
      next.password = account.password;
      this.report.accounts.push({ username: account.username, password: account.password, role });
    }
    await this.client.request('PUT', path, { body: next });
    this.note('updated', `user ${account.username} (${role}${account.password ? ', password reset' : ''})`);
  }

  private configPath(section: string, key: string): string {
    return this.flavor === 'couchdb' ? `_node/_local/_config/${section}/${key}` : `_config/${section}/${key}`;
  }

  async getConfig(section: string, key: string): Promise<string | null> {
    const res = await this.client.request<string>('GET', this.configPath(section, key), { accept: [404] });
    return res.status === 404 ? null : String(res.body ?? '');
  }

  async setConfig(section: string, key: string, value: string): Promise<void> {
    const have = await this.getConfig(section, key);
    if (have === value) return this.note('unchanged', `config ${section}/${key}`);
    const res = await this.client.request('PUT', this.configPath(section, key), { body: value, accept: [404, 405] });
    if (res.status >= 400) {
      this.report.warnings.push(`config ${section}/${key} could not be set (${res.status}) / सेट नहीं हो सका`);
      return;
    }
    this.note('updated', `config ${section}/${key} = ${value}`);
  }

  /** CORS for the app's origins, merged with what is already allowed ('*' is replaced by the list). */
  async ensureCors(origins: string[]): Promise<void> {
    const have = (await this.getConfig('cors', 'origins')) ?? '';
    const list = have === '*' ? [] : have.split(',').map((s) => s.trim()).filter(Boolean);
    for (const o of origins) if (!list.includes(o)) list.push(o);
    // CouchDB 3.2+ reads [chttpd] enable_cors; older 3.x read [httpd]. pouchdb-server reads [httpd].
    if (this.flavor === 'couchdb') await this.setConfig('chttpd', 'enable_cors', 'true');
    await this.setConfig('httpd', 'enable_cors', 'true');
    // ', ' separated: CouchDB trims around commas; pouchdb-server splits on ', ' exactly.
    await this.setConfig('cors', 'origins', list.join(', '));
    await this.setConfig('cors', 'headers', 'accept, authorization, content-type, origin, referer');
    await this.setConfig('cors', 'methods', 'GET, PUT, POST, HEAD, DELETE');
    if (this.flavor === 'couchdb') await this.setConfig('cors', 'credentials', 'false');
  }
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
  const internal = (plan.internalUrl ?? o.url).replace(/\/+$/, '');
  const adminHeader = basicHeader(o.admin);

  for (const t of plan.thanas) {
    const db = thanaDbName(t.code);
    const role = thanaRole(t.code);
    await p.ensureDb(db);
    await p.ensureSecurity(db, [role]);
    const vdu = thanaVdu(t.code);
    await p.ensureDoc(
      db,
      thanaDesignId(t.code),
      { language: 'javascript', validate_doc_update: vdu, filters: { replicate: REPLICATION_FILTER } },
      (h) => h.validate_doc_update === vdu && (h.filters as Record<string, string> | undefined)?.replicate === REPLICATION_FILTER,
    );
    await p.ensureEpoch(db, epochDocId(t.code), t.code);
    for (const pc of t.pcs) await p.ensureUser(pc, role);
  }

  await p.ensureDb(district);
  await p.ensureSecurity(district, [dRole]);
  const dvdu = districtVdu();
  if (p.flavor === 'pouchdb-server') {
    await p.removeDoc(district, DISTRICT_DESIGN_ID);
    p.report.warnings.push(
      `pouchdb-server: ${district} has no validate_doc_update (it would drop replicated updates); CouchDB gets one / pouchdb-server पर जिला डेटाबेस में सत्यापन फ़ंक्शन नहीं लगाया गया`,
    );
  } else {
    await p.ensureDoc(district, DISTRICT_DESIGN_ID, { language: 'javascript', validate_doc_update: dvdu }, (h) => h.validate_doc_update === dvdu);
  }
  await p.ensureEpoch(district, DISTRICT_EPOCH_ID, 'district');
  // The district's own design documents (figures views; issue #15): installed, and updated when they differ.
  for (const d of districtDesignDocs()) await p.ensureDoc(district, d.id, d.body, (h) => Object.entries(d.body).every(([k, v]) => sameValue(h[k], v)));
  for (const u of plan.districtUsers ?? []) await p.ensureUser(u, dRole);

  // The district database is fed by the hub's own continuous replication from every thana database.
  for (const t of plan.thanas) {
    const db = thanaDbName(t.code);
    const endpoint = (name: string) => ({ url: `${internal}/${name}`, headers: { Authorization: adminHeader } });
    const job = { source: endpoint(db), target: endpoint(district), continuous: true, filter: replicationFilterName(t.code) };
    await p.ensureDoc(
      '_replicator',
      `${db}-to-${district}`,
      job,
      (h) => sameValue(h.source, job.source) && sameValue(h.target, job.target) && h.continuous === true && h.filter === job.filter,
    );
  }

  await p.ensureCors([...new Set([APP_ORIGIN, ...plan.origins])]);
  if (p.flavor === 'couchdb' && plan.thanas.length > 40)
    p.report.warnings.push('max_dbs_open: raise it above the number of thana databases × 2 / थाना डेटाबेस अधिक हैं, max_dbs_open बढ़ाएँ');
  return p.report;
}

export interface HubStatusRow {
  db: string;
  docs: number | null;
  replication: string | null;
}

/** What the district IT cell wants to see: each thana database, its size, and its replication job's state. */
export async function hubStatus(o: ProvisionOptions, district: string): Promise<HubStatusRow[]> {
  const p = new Provisioner(o);
  await p.detect();
  const all = (await p.client.request<string[]>('GET', '_all_dbs')).body ?? [];
  const dist = districtDbName(district);
  const rows: HubStatusRow[] = [];
  for (const db of all.filter((d) => d.startsWith('thana_') || d === dist)) {
    const info = await p.client.request<{ doc_count?: number }>('GET', encodeURIComponent(db), { accept: [401, 403, 404] });
    let replication: string | null = null;
    if (db !== dist) {
      const job = await p.client.request<{ _replication_state?: string }>('GET', `_replicator/${encodeURIComponent(`${db}-to-${dist}`)}`, { accept: [404] });
      if (job.status === 404) replication = 'missing';
      else if (p.flavor === 'couchdb') {
        const s = await p.client.request<{ state?: string }>('GET', `_scheduler/docs/_replicator/${encodeURIComponent(`${db}-to-${dist}`)}`, { accept: [404] });
        replication = s.body?.state ?? 'unknown';
      } else replication = job.body?._replication_state ?? 'unknown';
    }
    rows.push({ db, docs: info.status === 200 ? (info.body?.doc_count ?? 0) : null, replication });
  }
  return rows;
}
