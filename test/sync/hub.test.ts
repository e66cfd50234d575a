/**
 * The hub itself: provisioning (idempotent), permissions through pouchdb-server, and a hub database recreated or restored from an older backup
 * (reference/sync.md §8 cases 12, 24).
 */
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { provisionHub } from '../../renderer/src/sync/provision';
import { thanaDesignId } from '../../renderer/src/sync/vdu';
import { epochDocId } from '../../renderer/src/sync/doc';
import { admin, allVersions, expectConverged, hubAdmin, hubUrl, provisionThana, StationPc, type ThanaSetup } from './helpers';

const open: StationPc[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

/** Refused as a whole (401/403) or every document refused (201 with per-document errors). */
function refused(r: { status: number; body: unknown }): boolean {
  if (r.status === 401 || r.status === 403) return true;
  return Array.isArray(r.body) && r.body.length > 0 && r.body.every((x: { error?: string }) => x.error === 'unauthorized' || x.error === 'forbidden');
}

function basic(u: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`;
}

async function as(u: { username: string; password: string }, method: string, path: string, body?: unknown) {
  const r = await fetch(`${hubUrl()}/${path}`, { method, headers: { Authorization: basic(u), 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as unknown };
}

describe('provisioning and permissions through pouchdb-server', () => {
  let t1: ThanaSetup;
  let t2: ThanaSetup;
  beforeAll(async () => {
    t1 = await provisionThana('P', 1, 'dprov');
    t2 = await provisionThana('Q', 1, 'dprov');
  });

  it('is idempotent: a second run changes nothing and hands out no new passwords', async () => {
    const plan = { district: 'dprov', thanas: [{ code: t1.code, pcs: [{ username: t1.pcs[0]!.username }] }], districtUsers: [{ username: t1.districtUser.username }], origins: ['http://127.0.0.1:4319'] };
    const epochPath = `${t1.db}/${encodeURIComponent(epochDocId(t1.code))}`;
    const epochBefore = (await admin<{ epoch: string }>('GET', epochPath)).body.epoch;
    const again = await provisionHub({ url: hubUrl(), admin: hubAdmin() }, plan);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.accounts).toEqual([]);
    expect(again.flavor).toBe(inject('hubFlavor'));
    // The PC's password survived the second run.
    expect((await as(t1.pcs[0]!, 'GET', t1.db)).status).toBe(200);
    const sec = await admin<{ members: { roles: string[] }; admins: { roles: string[] } }>('GET', `${t1.db}/_security`);
    expect(sec.body.members.roles).toEqual([`thana_${t1.code.toLowerCase()}`, 'replication_dprov']);
    expect(sec.body.admins.roles).toEqual([]);
    const origins = await admin<string>('GET', '_config/cors/origins');
    expect(origins.body.split(', ')).toEqual(expect.arrayContaining(['app://thana', 'http://127.0.0.1:4319']));
    // The epoch is never rewritten (a new epoch would tell every station the database is new).
    expect((await admin<{ epoch: string }>('GET', epochPath)).body.epoch).toBe(epochBefore);
    expect(t1.report.created).toContain(`${t1.db}/${epochDocId(t1.code)}`);
  });

  it('a thana cannot write into another thana’s database, nor another thana’s ids into its own', async () => {
    const pc1 = t1.pcs[0]!;
    const doc = (code: string) => ({
      _id: `${code}:outreach:01J00000000000000000000001`,
      thana: code,
      type: 'outreach',
      schemaVersion: 1,
      mutationId: '01J00000000000000000000001',
      hubUser: pc1.username,
      serial: '2026/0001',
      serialYear: 2026,
      serialNo: 1,
      data: {},
      keys: [],
      tokens: [],
      createdAt: '2026-11-28T10:00:00.000Z',
      createdBy: 'u-1',
      history: [{ version: 1, kind: 'create', at: '2026-11-28T10:00:00.000Z', by: 'u-1', changes: [], mutationId: '01J00000000000000000000001' }],
    });
    // Into the other thana's database: not a member. CouchDB 3 answers 403; pouchdb-server answers
    // 201 with a per-document 'unauthorized' (and 401 on reads). Either way nothing is written.
    expect(refused(await as(pc1, 'POST', `${t2.db}/_bulk_docs`, { docs: [doc(t2.code)] }))).toBe(true);
    expect((await admin('GET', `${t2.db}/${encodeURIComponent(doc(t2.code)._id)}`)).status).toBe(404);
    expect([401, 403]).toContain((await as(pc1, 'GET', `${t2.db}/_changes`)).status);
    // Into its own database with the other thana's id: refused per document by the validation function.
    const res = await as(pc1, 'POST', `${t1.db}/_bulk_docs`, { docs: [doc(t2.code), doc(t1.code)] });
    const results = res.body as { id: string; ok?: boolean; error?: string }[];
    expect(results.find((r) => r.id.startsWith(t2.code))?.error).toBe('forbidden');
    expect(results.find((r) => r.id.startsWith(t1.code))?.ok).toBe(true);
    // Design documents and the epoch are out of reach.
    expect([401, 403]).toContain((await as(pc1, 'PUT', `${t1.db}/_design/mine`, { validate_doc_update: 'function(){}' })).status);
    const epoch = await admin<Record<string, unknown>>('GET', `${t1.db}/${encodeURIComponent(epochDocId(t1.code))}`);
    expect([401, 403]).toContain((await as(pc1, 'PUT', `${t1.db}/${encodeURIComponent(epochDocId(t1.code))}`, { ...epoch.body, epoch: 'mine' })).status);
    // A district user reads the district database and cannot write to a thana's.
    expect(refused(await as(t1.districtUser, 'POST', `${t1.db}/_bulk_docs`, { docs: [{ ...doc(t1.code), _id: `${t1.code}:outreach:01J00000000000000000000002` }] }))).toBe(true);
    expect((await as(t1.districtUser, 'GET', t1.districtDb)).status).toBe(200);
    // The district database does not take thana design documents.
    const ddoc = await admin('GET', `${t1.districtDb}/${thanaDesignId(t1.code)}`);
    expect(ddoc.status).toBe(404);
  });
});

describe('npm run hub (build/hub.mjs)', () => {
  it('provisions through the app’s own code, idempotently, and reports the state of the replication jobs', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['build/hub.mjs', ...args], {
          env: { ...process.env, HUB_ADMIN_USER: hubAdmin().username, HUB_ADMIN_PASSWORD: hubAdmin().password },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code: code ?? 1, out }));
      });
    const code = `CLI${Date.now().toString(36).toUpperCase().slice(-5)}`;
    const args = ['provision', '--url', hubUrl(), '--district', 'dcli', '--thana', `${code}:2`, '--district-user', `sp_${code.toLowerCase()}`];
    const first = await run(args);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`pc_${code.toLowerCase()}_2`);
    const second = await run(args);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/0 created, 0 updated/);
    const status = await run(['status', '--url', hubUrl(), '--district', 'dcli']);
    expect(status.out).toContain(`thana_${code.toLowerCase()}`);
    expect((await run(['provision', '--url', hubUrl()])).code).toBe(1);
  });
});

describe('a hub database recreated or restored', () => {
  let setup: ThanaSetup;
  beforeAll(async () => {
    setup = await provisionThana('R');
  });

  async function pcs(): Promise<[StationPc, StationPc]> {
    const a = await StationPc.open({ code: setup.code, name: 'a', account: setup.pcs[0]! });
    const b = await StationPc.open({ code: setup.code, name: 'b', pcSeries: 'B-', account: setup.pcs[1]! });
    open.push(a, b);
    return [a, b];
  }

  async function reprovision(): Promise<void> {
    await provisionHub(
      { url: hubUrl(), admin: hubAdmin() },
      { district: setup.district, thanas: [{ code: setup.code, pcs: setup.pcs.map((p) => ({ username: p.username })) }], origins: [] },
    );
  }

  it('recreated (a new epoch): the PCs notice, pull from the start and send everything again', async () => {
    const [a, b] = await pcs();
    for (let i = 0; i < 6; i++) await a.create({ title: `फिर से ${i}`, people: i });
    await b.create({ title: 'बी का' });
    await a.sync();
    await b.sync();
    await a.sync();
    expect((await admin('DELETE', setup.db)).status).toBe(200);
    await reprovision();
    const r = await a.sync();
    expect(r.reset).toBe(true);
    const rb = await b.sync();
    expect(rb.reset).toBe(true);
    await a.sync();
    await b.sync();
    await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
  });

  it('restored from an older backup (same epoch, older marker): what the hub lacks is sent again', async () => {
    const [a, b] = await pcs();
    const first = await a.create({ title: 'बैकअप से पहले', people: 1 });
    await a.sync();
    await b.sync();
    // The backup: every document with its revision history, and the _local markers.
    const all = await admin<{ rows: { id: string }[] }>('GET', `${setup.db}/_all_docs`);
    const snapshot: Record<string, unknown>[] = [];
    for (const row of all.body.rows) snapshot.push((await admin<Record<string, unknown>>('GET', `${setup.db}/${row.id.startsWith('_design/') ? row.id : encodeURIComponent(row.id)}?revs=true`)).body);
    const markers: Record<string, unknown>[] = [];
    for (const pc of [a, b]) {
      const id = (await pc.db.syncMeta.get('clientId'))!.value as string;
      markers.push({ ...(await admin<Record<string, unknown>>('GET', `${setup.db}/_local/sync-${id}`)).body, _id: `_local/sync-${id}` });
    }
    // Work after the backup.
    await a.correct(first.id, { people: 2 }, 'बैकअप के बाद');
    const later = await a.create({ title: 'बैकअप के बाद नया' });
    await a.sync();
    await b.sync();
    // Disaster: the database is restored from the backup.
    expect((await admin('DELETE', setup.db)).status).toBe(200);
    expect((await admin('PUT', setup.db)).status).toBe(201);
    await admin('PUT', `${setup.db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [`thana_${setup.code.toLowerCase()}`] } });
    const docs = snapshot.filter((d) => !String(d._id).startsWith('_design/'));
    expect((await admin('POST', `${setup.db}/_bulk_docs`, { new_edits: false, docs })).status).toBe(201);
    for (const d of snapshot.filter((x) => String(x._id).startsWith('_design/'))) await admin('POST', `${setup.db}/_bulk_docs`, { new_edits: false, docs: [d] });
    for (const m of markers) {
      const { _rev: _r, ...body } = m;
      await admin('PUT', `${setup.db}/${m._id as string}`, body);
    }
    expect(await admin('GET', `${setup.db}/${encodeURIComponent(later.id)}`)).toMatchObject({ status: 404 });
    const r = await a.sync();
    expect(r.reset).toBe(true);
    await b.sync();
    await a.sync();
    await b.sync();
    const rows = await expectConverged([a, b], setup, { versions: await allVersions([a, b]) });
    expect(rows.find((x) => x.id === first.id)!.data.people).toBe(2);
    expect(rows.map((x) => x.id)).toContain(later.id);
  });
});
