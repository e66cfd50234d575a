/**
 * The idempotent steps of hub provisioning (provision.ts runs them in order): each compares what
 * the hub has with what it should have and changes only what differs, noting every step in the
 * report. Written against CouchDB 3; where pouchdb-server differs (reference/sync.md §4, the sync
 * README) the step says so in a warning instead of pretending.
 */
import { ulid } from '@/domain/ulid';
import { sameValue } from './doc';
import { docPath, HubClient, type FetchLike, type HubAuth } from './http';
import { SyncError } from './messages';

export interface ProvisionOptions {
  url: string;
  admin: HubAuth;
  fetch?: FetchLike;
  log?: (line: string) => void;
  /** Random source for passwords and epochs (tests). */
  newId?: () => string;
}

export type ServerFlavor = 'couchdb' | 'pouchdb-server' | 'unknown';

export interface AccountReport {
  username: string;
  password: string;
  role: string;
  /** The serial series of a PC account ('' = the plain series, 'B-' …); absent for other accounts. */
  series?: string;
}

export interface ProvisionReport {
  flavor: ServerFlavor;
  version: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Accounts created or reset in this run, with the password to hand over. Others are not listed. */
  accounts: AccountReport[];
  warnings: string[];
}

/** A password a person can type: 16 characters without look-alikes. */
export function generatePassword(bytes: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(16))): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export function basicHeader(auth: HubAuth): string {
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** The account in a Basic header, or null. */
export function authOfHeader(header: unknown): HubAuth | null {
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return null;
  try {
    const bin = atob(header.slice(6));
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const i = text.indexOf(':');
    return i < 0 ? null : { username: text.slice(0, i), password: text.slice(i + 1) };
  } catch {
    return null;
  }
}

export interface UserDoc {
  _id: string;
  _rev?: string;
  name?: string;
  roles?: string[];
  [k: string]: unknown;
}

export class Provisioner {
  readonly client: HubClient;
  flavor: ServerFlavor = 'unknown';
  readonly report: ProvisionReport = { flavor: 'unknown', version: '', created: [], updated: [], unchanged: [], accounts: [], warnings: [] };

  constructor(readonly o: ProvisionOptions) {
    this.client = new HubClient({ url: o.url, auth: o.admin, fetch: o.fetch, retry: { attempts: 3, baseMs: 500, capMs: 5000 } });
  }

  note(kind: 'created' | 'updated' | 'unchanged', what: string): void {
    this.report[kind].push(what);
    this.o.log?.(`${kind.padEnd(9)} ${what}`);
  }

  warn(text: string): void {
    if (!this.report.warnings.includes(text)) this.report.warnings.push(text);
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
      this.warn(`CouchDB ${this.report.version}: यह 3.x के लिए लिखा गया है / written for CouchDB 3.x`);
  }

  async ensureDb(name: string): Promise<void> {
    const res = await this.client.request('PUT', encodeURIComponent(name), { query: this.flavor === 'couchdb' ? { q: 1 } : undefined, accept: [412] });
    this.note(res.status === 412 ? 'unchanged' : 'created', `database ${name}`);
  }

  async ensureSecurity(db: string, memberRoles: string[], adminRoles: string[] = []): Promise<boolean> {
    const want = { admins: { names: [], roles: adminRoles }, members: { names: [], roles: memberRoles } };
    const have = await this.client.request<Record<string, unknown>>('GET', `${encodeURIComponent(db)}/_security`);
    if (sameValue(have.body ?? {}, want)) {
      this.note('unchanged', `${db}/_security`);
      return true;
    }
    const res = await this.client.request('PUT', `${encodeURIComponent(db)}/_security`, { body: want, accept: [403] });
    if (res.status === 403) return false;
    this.note('updated', `${db}/_security → members ${memberRoles.join(',')}`);
    return true;
  }

  async getDoc<T = Record<string, unknown>>(db: string, id: string): Promise<(T & { _rev?: string }) | null> {
    const res = await this.client.request<T & { _rev?: string }>('GET', `${encodeURIComponent(db)}/${docPath(id)}`, { accept: [404] });
    return res.status === 404 ? null : res.body;
  }

  /** Create or update a document whose content we own entirely (design docs, replication jobs). */
  async ensureDoc(db: string, id: string, body: Record<string, unknown>, same: (have: Record<string, unknown>) => boolean): Promise<void> {
    const have = await this.getDoc(db, id);
    if (have && same(have)) return this.note('unchanged', `${db}/${id}`);
    await this.client.request('PUT', `${encodeURIComponent(db)}/${docPath(id)}`, { body: { ...body, _id: id, ...(have ? { _rev: have._rev } : {}) } });
    this.note(have ? 'updated' : 'created', `${db}/${id}`);
  }

  /**
   * A `_replicator` job: CouchDB restarts a job whose document changes. pouchdb-server refuses to
   * edit a running ("triggered") job and crashes when one is deleted: there a changed job is left
   * as it is, with a warning.
   */
  async ensureJob(id: string, job: Record<string, unknown>, same: (have: Record<string, unknown>) => boolean): Promise<void> {
    const path = `_replicator/${docPath(id)}`;
    const have = await this.getDoc('_replicator', id);
    if (have && same(have)) return this.note('unchanged', `_replicator/${id}`);
    const res = await this.client.request('PUT', path, { body: { ...job, _id: id, ...(have ? { _rev: have._rev } : {}) }, accept: [403] });
    if (res.status === 403) return this.warn(`_replicator/${id}: a running job cannot be changed on this server; delete it by hand and provision again / चल रहा काम बदला नहीं जा सका`);
    this.note(have ? 'updated' : 'created', `_replicator/${id}`);
  }

  async removeDoc(db: string, id: string): Promise<void> {
    const have = await this.getDoc(db, id);
    if (!have) return;
    await this.client.request('DELETE', `${encodeURIComponent(db)}/${docPath(id)}`, { query: { rev: have._rev } });
    this.note('updated', `${db}/${id} removed`);
  }

  /** The epoch is written once and never changed: a new epoch tells every station "this is a new database". */
  async ensureEpoch(db: string, id: string, thana: string): Promise<void> {
    if (await this.getDoc(db, id)) return this.note('unchanged', `${db}/${id}`);
    const newId = this.o.newId ?? (() => ulid());
    await this.client.request('PUT', `${encodeURIComponent(db)}/${docPath(id)}`, {
      body: { _id: id, thana, type: 'meta', schemaVersion: 1, mutationId: newId(), epoch: `${newId()}-${db}`, createdAt: new Date().toISOString() },
    });
    this.note('created', `${db}/${id}`);
  }

  /** Every account in `_users` (admins read it whole; a district has a few hundred at most). */
  async users(): Promise<UserDoc[]> {
    const res = await this.client.request<{ rows?: { doc?: UserDoc }[] }>('GET', '_users/_all_docs', {
      query: { include_docs: true, startkey: JSON.stringify('org.couchdb.user:'), endkey: JSON.stringify('org.couchdb.user:\ufff0') },
    });
    return (res.body.rows ?? []).map((r) => r.doc).filter((d): d is UserDoc => !!d && typeof d.name === 'string');
  }

  /**
   * An account with exactly these roles. A new one gets the given password or a generated one; an
   * existing one keeps its password unless one is given.
   */
  async ensureUser(username: string, roles: string[], password: string | undefined, extra: Partial<AccountReport> = {}): Promise<void> {
    const id = `org.couchdb.user:${username}`;
    const path = `_users/${encodeURIComponent(id)}`;
    const have = await this.getDoc<UserDoc>('_users', id);
    const label = `${roles.join(', ')}${extra.series !== undefined ? `, series ${extra.series || '—'}` : ''}`;
    if (!have) {
      const pw = password ?? generatePassword();
      await this.client.request('PUT', path, { body: { _id: id, name: username, type: 'user', roles, password: pw } });
      this.report.accounts.push({ username, password: pw, role: roles[0]!, ...extra });
      return this.note('created', `user ${username} (${label})`);
    }
    const rolesOk = sameValue([...(have.roles ?? [])].sort(), [...roles].sort());
    if (rolesOk && !password) return this.note('unchanged', `user ${username}`);
    // PUT the whole stored document back (derived key and salt included) so the password survives a role fix.
    const next: Record<string, unknown> = { ...have, roles };
    if (password) {
      next.password = password;
      this.report.accounts.push({ username, password, role: roles[0]!, ...extra });
    }
    await this.client.request('PUT', path, { body: next });
    this.note('updated', `user ${username} (${label}${password ? ', password reset' : ''})`);
  }

  /** Does this account sign in with this password? */
  async canSignIn(auth: HubAuth): Promise<boolean> {
    const c = new HubClient({ url: this.o.url, auth, fetch: this.o.fetch, retry: { attempts: 2, baseMs: 200, capMs: 1000 } });
    const res = await c.request<{ userCtx?: { name?: string } }>('GET', '_session', { accept: [401, 403] });
    return res.status === 200 && res.body?.userCtx?.name === auth.username;
  }

  private configPath(section: string, key: string): string {
    return this.flavor === 'couchdb' ? `_node/_local/_config/${section}/${key}` : `_config/${section}/${key}`;
  }

  async getConfig(section: string, key: string): Promise<string | null> {
    const res = await this.client.request<string>('GET', this.configPath(section, key), { accept: [404] });
    return res.status === 404 ? null : String(res.body ?? '');
  }

  async setConfig(section: string, key: string, value: string): Promise<boolean> {
    const have = await this.getConfig(section, key);
    if (have === value) {
      this.note('unchanged', `config ${section}/${key}`);
      return true;
    }
    const res = await this.client.request('PUT', this.configPath(section, key), { body: value, accept: [400, 403, 404, 405] });
    if (res.status >= 400) {
      this.warn(`config ${section}/${key} could not be set (${res.status}) / सेट नहीं हो सका`);
      return false;
    }
    this.note('updated', `config ${section}/${key} = ${value}`);
    return true;
  }
}
