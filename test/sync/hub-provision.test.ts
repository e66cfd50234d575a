/**
 * Provisioning for issue #14 §2 and #13 §6: replication without the admin's password, the server
 * settings a district should have (and what pouchdb-server lacks), sign-ups closed, `npm run hub --
 * --help`, and PC accounts carrying their serial series.
 */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubStatus } from '../../renderer/src/sync/hub-status';
import { provisionHub } from '../../renderer/src/sync/provision';
import { authOfHeader } from '../../renderer/src/sync/provisioner';
import { districtDbName, thanaDesignId } from '../../renderer/src/sync/vdu';
import { admin, hubAdmin, hubUrl, hubDocs, provisionThana, type ThanaSetup } from './helpers';
import { as } from './hub-helpers';

function runHub(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['build/hub.mjs', ...args], { env: { ...process.env, HUB_ADMIN_USER: hubAdmin().username, HUB_ADMIN_PASSWORD: hubAdmin().password } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

interface Job {
  _id: string;
  source: { url: string; headers?: { Authorization?: string } };
  target: { url: string; headers?: { Authorization?: string } };
}

async function jobsOf(district: string): Promise<Job[]> {
  const all = await admin<{ rows: { doc: Job }[] }>('GET', '_replicator/_all_docs?include_docs=true');
  return all.body.rows.map((r) => r.doc).filter((d) => d && !d._id.startsWith('_design/') && d.target?.url?.endsWith(`/${districtDbName(district)}`));
}

describe('replication without the admin’s password', () => {
  let setup: ThanaSetup;
  beforeAll(async () => {
    setup = await provisionThana('R', 1);
  });

  it('every job runs as the district’s replication account, which is no admin and may not write a thana’s registers', async () => {
    const jobs = await jobsOf(setup.district);
    expect(jobs.map((j) => j._id)).toEqual([`${setup.db}-to-${setup.districtDb}`]);
    const admins = JSON.stringify(hubAdmin().password);
    for (const j of jobs) {
      expect(JSON.stringify(j)).not.toContain(hubAdmin().password);
      expect(JSON.stringify(j)).not.toContain(admins.slice(1, -1));
      for (const end of [j.source, j.target]) expect(authOfHeader(end.headers?.Authorization)?.username).toBe(`repl_${setup.district}`);
    }
    const repl = authOfHeader(jobs[0]!.source.headers!.Authorization)!;
    const session = await as(repl, 'GET', '_session');
    expect((session.body as { userCtx: { roles: string[] } }).userCtx.roles).toEqual([`replication_${setup.district}`]);
    // It reads the thana's database, and the thana's rules refuse its writes.
    expect((await as(repl, 'GET', `${setup.db}/_changes?limit=1`)).status).toBe(200);
    const w = await as(repl, 'POST', `${setup.db}/_bulk_docs`, { docs: [{ _id: `${setup.code}:place:01J000000000000000000REPL`, thana: setup.code }] });
    expect((w.body as { error?: string }[])[0]!.error).toBe('forbidden');
  });

  it('the district database is still fed (a PC’s document reaches it through the replication account)', async () => {
    const doc = { _id: `${setup.code}:options:main`, thana: setup.code, type: 'options', schemaVersion: 1, mutationId: '01J00000000000000000000OPT', value: { idleDays: 30 }, hubUser: setup.pcs[0]!.username };
    expect((await as(setup.pcs[0]!, 'PUT', `${setup.db}/${encodeURIComponent(doc._id)}`, doc)).status).toBe(201);
    const until = Date.now() + 15_000;
    for (;;) {
      if ((await admin('GET', `${setup.districtDb}/${encodeURIComponent(doc._id)}`)).status === 200) break;
      if (Date.now() > until) throw new Error('the district database was not fed');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await hubDocs(setup.districtDb)).size).toBe((await hubDocs(setup.db)).size);
  });

  it('a second run changes nothing and hands out no new password (the replication password is recovered from the jobs)', async () => {
    const plan = { district: setup.district, thanas: [{ code: setup.code, pcs: [{ username: setup.pcs[0]!.username }] }], origins: [] };
    const before = JSON.stringify(await jobsOf(setup.district));
    const again = await provisionHub({ url: hubUrl(), admin: hubAdmin() }, plan);
    expect(again.updated.filter((u) => !u.startsWith('config'))).toEqual([]);
    expect(again.accounts).toEqual([]);
    expect(JSON.stringify(await jobsOf(setup.district))).toBe(before);
  });
});

describe('server settings', () => {
  it('no sign-ups: neither anonymous nor a PC account can create an account after provisioning', async () => {
    const setup = await provisionThana('U', 1);
    const evil = (name: string) => ({ _id: `org.couchdb.user:${name}`, name, type: 'user', roles: [], password: 'x' });
    expect([401, 403]).toContain((await as(null, 'PUT', `_users/${encodeURIComponent('org.couchdb.user:evil_anon')}`, evil('evil_anon'))).status);
    expect([401, 403]).toContain((await as(setup.pcs[0]!, 'PUT', `_users/${encodeURIComponent('org.couchdb.user:evil_pc')}`, evil('evil_pc'))).status);
    expect((await admin('GET', `_users/${encodeURIComponent('org.couchdb.user:evil_anon')}`)).status).toBe(404);
    // Accounts still sign in (authentication reads _users itself).
    expect((await as(setup.pcs[0]!, 'GET', setup.db)).status).toBe(200);
  });

  it('CORS for the app’s origins only; require_valid_user set; what pouchdb-server does not enforce is said', async () => {
    await admin('PUT', '_config/cors/origins', '*');
    const setup = await provisionThana('V', 1);
    expect((await admin<string>('GET', '_config/cors/origins')).body.split(', ').sort()).toEqual(['app://thana', 'http://127.0.0.1:4319']);
    expect((await admin<string>('GET', '_config/couch_httpd_auth/require_valid_user')).body).toBe('true');
    expect(setup.report.warnings.join('\n')).toMatch(/require_valid_user and admin-only _all_dbs are not enforced/);
    // What pouchdb-server does not enforce, written down rather than assumed: anonymous still lists databases.
    expect((await as(null, 'GET', '_all_dbs')).status).toBe(200);
  });
});

describe('npm run hub', () => {
  it('--help prints the options and exits 0; retire-leaves runs as a command', async () => {
    for (const args of [['--help'], ['help'], []]) {
      const r = await runHub(args);
      expect(r.code, r.out).toBe(0);
      for (const o of ['provision', 'status', 'retire-leaves', '--thana', '--pc CODE:user[:L]', '--district-user', '--origin', '--reset-password', 'HUB_ADMIN_USER']) expect(r.out).toContain(o);
    }
    const setup = await provisionThana('L', 1);
    const r = await runHub(['--retire-leaves', '--url', hubUrl(), '--thana', setup.code]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`${setup.db}: 0 leaves retired`);
  });
});

describe('npm run hub -- status', () => {
  it('lists the thana, district and suspect registry databases, their validation functions and every replication job', async () => {
    const setup = await provisionThana('H', 1);
    const registry = `registry_${setup.district}`;
    const rows = await hubStatus({ url: hubUrl(), admin: hubAdmin() }, setup.district);
    // Only this district's thanas (the hub holds other suites' thanas too).
    expect(rows.map((r) => [r.kind, r.db])).toEqual([
      ['thana', setup.db],
      ['district', setup.districtDb],
      ['registry', registry],
    ]);
    const [thana, district, reg] = rows;
    expect(thana).toMatchObject({ exists: true, validation: 'current' });
    expect(thana!.docs).toBeGreaterThan(0);
    expect(thana!.jobs.map((j) => j.id)).toEqual([`${setup.db}-to-${setup.districtDb}`, `${setup.db}-to-${registry}`]);
    for (const j of thana!.jobs) expect(j.state).not.toMatch(/missing|unknown/);
    // pouchdb-server gets no validation function on the two read-only databases (it would drop replicated updates).
    const pouch = setup.report.flavor === 'pouchdb-server';
    for (const r of [district!, reg!]) expect(r).toMatchObject({ exists: true, validation: pouch ? 'none (pouchdb-server)' : 'current' });
    expect(reg!.docs).toBeGreaterThanOrEqual(1); // its epoch document

    // A validation function changed by hand shows as outdated until provisioning runs again.
    const design = (await admin<Record<string, unknown>>('GET', `${setup.db}/${encodeURIComponent(thanaDesignId(setup.code))}`)).body;
    expect((await admin('PUT', `${setup.db}/${encodeURIComponent(thanaDesignId(setup.code))}`, { ...design, validate_doc_update: 'function () {}' })).status).toBe(201);
    expect((await hubStatus({ url: hubUrl(), admin: hubAdmin() }, setup.district))[0]!.validation).toBe('outdated');

    // The CLI prints the same, the registry and its jobs included; a district never provisioned shows its databases missing.
    const r = await runHub(['status', '--url', hubUrl(), '--district', setup.district]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(new RegExp(`registry\\s+${registry}\\s+\\d+ docs\\s+validation`));
    expect(r.out).toContain(`job ${setup.db}-to-${registry}`);
    expect(r.out).toMatch(new RegExp(`thana\\s+${setup.db}\\s+\\d+ docs\\s+validation outdated`));
    const none = await hubStatus({ url: hubUrl(), admin: hubAdmin() }, `${setup.district}x`);
    expect(none.map((x) => [x.kind, x.exists])).toEqual([
      ['district', false],
      ['registry', false],
    ]);
  });
});

describe('PC accounts carry their serial series', () => {
  it('first PC the plain series, then B, C; an account keeps its letter; a letter is never given twice', async () => {
    const setup = await provisionThana('S', 2);
    const roles = async (u: string) => (await admin<{ roles: string[] }>('GET', `_users/${encodeURIComponent(`org.couchdb.user:${u}`)}`)).body.roles.sort();
    const lower = setup.code.toLowerCase();
    // registry_<district>: every PC account reads the district's suspect registry.
    expect(await roles(setup.pcs[0]!.username)).toEqual([`registry_${setup.district}`, `series_a`, `thana_${lower}`]);
    expect(await roles(setup.pcs[1]!.username)).toEqual([`registry_${setup.district}`, `series_b`, `thana_${lower}`]);
    expect(setup.report.accounts.filter((a) => a.series !== undefined).map((a) => a.series)).toEqual(['', 'B-']);
    // A later run with only a new PC, listed first: the others keep theirs, the new one gets C.
    const plan = (pcs: { username: string; series?: string }[]) => ({ district: setup.district, thanas: [{ code: setup.code, pcs }], origins: [] });
    const later = await provisionHub({ url: hubUrl(), admin: hubAdmin() }, plan([{ username: `pc_${lower}_9` }, { username: setup.pcs[1]!.username }]));
    expect(later.accounts).toEqual([expect.objectContaining({ username: `pc_${lower}_9`, series: 'C-' })]);
    expect(await roles(setup.pcs[1]!.username)).toEqual([`registry_${setup.district}`, `series_b`, `thana_${lower}`]);
    await expect(provisionHub({ url: hubUrl(), admin: hubAdmin() }, plan([{ username: `pc_${lower}_10`, series: 'B' }]))).rejects.toThrow(/Series B already belongs to/);
  });
});
