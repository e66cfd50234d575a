/**
 * The district suspect registry on the hub (issue #15 §5): provisioning makes `registry_<district>`
 * and one selective replication per thana into it (as the replication account, not an admin);
 * each station pushes its identifier documents with its normal sync, pulls the registry one way,
 * and matches offline. Only registry entries and thana profiles reach the registry: never a
 * complaint, never the complainant.
 *
 * pouchdb-server differs from CouchDB 3 here in two ways, so parts are checked as CouchDB would
 * run them: (1) the registry database gets no validation function there (it would drop every
 * replicated update), so "stations may read but not write" is checked by evaluating the function
 * itself, and against the hub only when it is CouchDB (COUCHDB_URL); (2) the job uses the thana
 * design document's filter there, a Mango selector on CouchDB (pouchdb-server crashes on one) —
 * both select the same documents, which is checked on the function too.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createComplaint, correctComplaint } from '../../renderer/src/db/complaints';
import { cancelRecord } from '../../renderer/src/db/repository';
import { findMatches } from '../../renderer/src/db/registry';
import { countWaitingByKind, NOTHING_WAITING } from '../../renderer/src/db/sync-waiting';
import { REGISTERS } from '../../renderer/src/domain/registers';
import { complaintRegister } from '../../renderer/src/domain/registers/complaint';
import { registryKeys } from '../../renderer/src/domain/registry/suspects';
import { provisionHub } from '../../renderer/src/sync/provision';
import { REGISTRY_FILTER, REGISTRY_SELECTOR, registryDbName, registryRole, registryVdu } from '../../renderer/src/sync/registryHub';
import { pullRegistry } from '../../renderer/src/sync/registryPull';
import { districtDbName, replicationRole, replicationUser, thanaDbName, thanaVdu } from '../../renderer/src/sync/vdu';
import { complaint } from '../unit/complaints/fixtures';
import { as } from './hub-helpers';
import { admin, hubAdmin, hubUrl, provisionThana, StationPc, uniqueCode } from './helpers';

const pcs: StationPc[] = [];
afterAll(async () => {
  for (const p of pcs) await p.close();
});

async function waitFor<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Doc = Record<string, unknown> & { _id: string };
async function registryDocs(db: string): Promise<Doc[]> {
  const r = await admin<{ rows: { id: string; doc: Doc }[] }>('GET', `${db}/_all_docs?include_docs=true`);
  return r.body.rows.map((x) => x.doc).filter((d) => !d._id.startsWith('_design/'));
}

const defs = (t: string) => REGISTERS[t];

async function twoThanas() {
  const district = `r${uniqueCode('').toLowerCase()}`;
  const a = uniqueCode('RA');
  const b = uniqueCode('RB');
  const accounts = (code: string) => [{ username: `pc_${code.toLowerCase()}_1`, password: `pw-${code.toLowerCase()}` }];
  const report = await provisionHub(
    { url: hubUrl(), admin: hubAdmin() },
    { district, thanas: [{ code: a, pcs: accounts(a) }, { code: b, pcs: accounts(b) }], origins: [] },
  );
  const A = await StationPc.open({ code: a, name: 'pcA', account: accounts(a)[0]! });
  const B = await StationPc.open({ code: b, name: 'pcB', account: accounts(b)[0]! });
  pcs.push(A, B);
  return { district, registry: registryDbName(district), A, B, report };
}

const sync = (pc: StationPc) => pc.sync({ defs, pullBatch: 100, pushBatch: 50 });
const target = (pc: StationPc) => ({ url: hubUrl(), ...pc.o.account });

describe('district suspect registry', () => {
  it('gathers only identifiers from every thana; a station pulls it and matches another thana’s complaint by UTR and suspect mobile, offline', async () => {
    const { registry, A, B, district } = await twoThanas();
    // Thana B's complaint: the same UTR and suspect mobile the complainant at A will report.
    const atB = await createComplaint(B.ctx, B.actor, complaint({ complainantName: 'गीता बघेल', complainantMobile: '9300011122', ncrpAck: '31411250077777' }));
    await createComplaint(A.ctx, A.actor, complaint({ complainantName: 'रवि', complainantMobile: '9300099999', transactions: [{ at: '2026-11-26T15:00', amount: '500', mode: 'upi', utr: 'A-ONLY-1' }], suspectMobiles: '' }));
    expect((await sync(B)).rejected).toBe(0);
    expect((await sync(A)).rejected).toBe(0);

    // The hub's replication (as repl_<district>) fills the registry with B's entries and the profiles.
    const docs = await waitFor(() => registryDocs(registry), (d) => d.filter((x) => x.type === 'suspect').length === 6);
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set(['suspect', 'profile', 'meta']));
    const text = JSON.stringify(docs);
    for (const personal of ['गीता', 'बघेल', '9300011122', '9876543210', 'वार्ड', '31411250077777', '30012345678901']) expect(text).not.toContain(personal);

    // Station A pulls it (its account's role names the registry) and matches without the network.
    const pulled = await pullRegistry(A.db, target(A));
    expect(pulled).toMatchObject({ db: registry });
    const mine = registryKeys((await createDraftKeys()).data);
    const found = await findMatches(A.db, mine, A.o.code);
    expect(found).toHaveLength(1);
    expect(found[0]!.entry).toMatchObject({ thana: B.o.code, serial: atB.record.serial, category: 'financial', band: '10k-1l' });
    expect(found[0]!.shared).toEqual(expect.arrayContaining(['utr:432109876543', 'smob:7000012345']));
    expect(found[0]!.contact?.thanaName).toBe(`थाना ${B.o.code}`);
    // Nothing of B's complainant is anywhere in A's database.
    const local = JSON.stringify(await Promise.all(A.db.tables.map((t) => t.toArray())));
    for (const personal of ['गीता', '9300011122', '31411250077777']) expect(local).not.toContain(personal);

    // B corrects the suspect mobile and later cancels the complaint: entries withdrawn, never deleted.
    const corrected = await correctComplaint(B.ctx, B.actor, atB.record.id, { suspectMobiles: '7000055555' }, 'नंबर गलत लिखा था', atB.record.version);
    await sync(B);
    await waitFor(() => registryDocs(registry), (d) => d.some((x) => x.key === 'smob:7000012345' && x.withdrawn === true));
    await pullRegistry(A.db, target(A));
    const after = (await findMatches(A.db, mine, A.o.code))[0]!.shared;
    expect(after).toContain('utr:432109876543');
    expect(after).not.toContain('smob:7000012345');
    await cancelRecord(B.ctx, B.actor, complaintRegister, corrected.record.id, 'दोहरी प्रविष्टि');
    await sync(B);
    await waitFor(() => registryDocs(registry), (d) => d.filter((x) => x.type === 'suspect' && x.thana === B.o.code).every((x) => x.withdrawn === true));
    await pullRegistry(A.db, target(A));
    expect(await findMatches(A.db, mine, A.o.code)).toEqual([]);
    expect((await registryDocs(registry)).filter((x) => x.thana === B.o.code && x.type === 'suspect')).toHaveLength(6);

    // The jobs run as the replication account; the registry is readable by every PC account.
    const jobs = await admin<{ rows: { doc: Doc }[] }>('GET', '_replicator/_all_docs?include_docs=true');
    const mineJobs = jobs.body.rows.map((r) => r.doc).filter((j) => j._id.endsWith(`-to-${registry}`));
    expect(mineJobs.map((j) => j._id).sort()).toEqual([`${thanaDbName(A.o.code)}-to-${registry}`, `${thanaDbName(B.o.code)}-to-${registry}`].sort());
    for (const j of mineJobs) {
      const auth = String((j.source as { headers: { Authorization: string } }).headers.Authorization);
      expect(Buffer.from(auth.replace('Basic ', ''), 'base64').toString()).toMatch(new RegExp(`^${replicationUser(district)}:`));
      if (inject('hubFlavor') === 'couchdb') expect(j.selector).toEqual(REGISTRY_SELECTOR);
      else expect(j.filter).toMatch(/\/registry$/);
    }
    expect((await as(A.o.account, 'GET', `${registry}/_all_docs`)).status).toBe(200);
    expect((await as(null, 'GET', `${registry}/_all_docs`)).status).toBeGreaterThanOrEqual(401);
    expect((await admin<{ members: { roles: string[] } }>('GET', `${registry}/_security`)).body.members.roles).toContain(registryRole(district));
    if (inject('hubFlavor') === 'couchdb') {
      // CouchDB runs the registry's validation function: a station may not write there.
      const put = await as(A.o.account, 'PUT', `${registry}/${encodeURIComponent(`${A.o.code}:suspect:X-1`)}`, { type: 'suspect', key: 'utr:1' });
      expect(put.status).toBe(403);
    }
    expect(districtDbName(district)).not.toBe(registry);
  });

  it('the thana database refuses a registry entry that carries anything else (a complainant’s name)', async () => {
    const { A } = await twoThanas();
    const { record } = await createComplaint(A.ctx, A.actor, complaint());
    await sync(A);
    const row = (await A.db.suspect.where('complaintId').equals(record.id).first())!;
    const id = encodeURIComponent(row.id);
    const now = await as(A.o.account, 'GET', `${thanaDbName(A.o.code)}/${id}`);
    const hub = now.body as Doc & { _rev: string };
    const leak = await as(A.o.account, 'PUT', `${thanaDbName(A.o.code)}/${id}`, { ...hub, complainantName: 'सुनीता साहू', mutationId: '01HXXXXXXXXXXXXXXXXXXXXXXX' });
    expect(leak.status).toBe(403);
    expect(JSON.stringify(leak.body)).toContain('may not carry complainantName');
    const moved = await as(A.o.account, 'PUT', `${thanaDbName(A.o.code)}/${id}`, { ...hub, key: 'utr:OTHER', mutationId: '01HXXXXXXXXXXXXXXXXXXXXXXX' });
    expect(moved.status).toBe(403);
    const withdrawn = await as(A.o.account, 'PUT', `${thanaDbName(A.o.code)}/${id}`, { ...hub, withdrawn: true, mutationId: '01HXXXXXXXXXXXXXXXXXXXXXXX' });
    expect(withdrawn.status).toBe(201);
    const del = await as(A.o.account, 'DELETE', `${thanaDbName(A.o.code)}/${id}?rev=${(withdrawn.body as { rev: string }).rev}`);
    expect(del.status).toBe(403);
  });
});

describe('what the Sync page counts as waiting', () => {
  it('the suspect-registry entries are counted, apart from the register entries, and the total is what a push sends', async () => {
    const { A } = await twoThanas();
    // The thana profile has never reached the hub: the push sends it.
    expect(await countWaitingByKind(A.db, A.o.code)).toEqual({ entries: 0, registry: 0, settings: 1, total: 1 });
    await createComplaint(A.ctx, A.actor, complaint({ complainantName: 'रवि', complainantMobile: '9300099998' }));
    const waiting = await countWaitingByKind(A.db, A.o.code);
    // One complaint with a UTR, a suspect mobile … : its identifiers wait beside it, one row each.
    expect(waiting.registry).toBe(await A.db.suspect.count());
    expect(waiting.registry).toBeGreaterThanOrEqual(2);
    expect(waiting.entries).toBeGreaterThanOrEqual(1);
    expect(waiting.total).toBe(waiting.entries + waiting.registry + waiting.settings);
    const report = await sync(A);
    expect(report.rejected).toBe(0);
    expect(report.pushed).toBe(waiting.total);
    expect(await countWaitingByKind(A.db, A.o.code)).toEqual(NOTHING_WAITING);
  });
});

describe('two PCs of one thana', () => {
  it('a merged complaint’s entries follow the merged identifiers: the one the merge dropped is withdrawn', async () => {
    const setup = await provisionThana('RM', 2);
    const [p1, p2] = await Promise.all(setup.pcs.map((account, i) => StationPc.open({ code: setup.code, name: `pc${i + 1}`, account, pcSeries: i ? 'B' : '' })));
    pcs.push(p1!, p2!);
    const { record } = await createComplaint(p1!.ctx, p1!.actor, complaint());
    await sync(p1!);
    await sync(p2!);
    expect(await p2!.db.suspect.where('complaintId').equals(record.id).count()).toBe(5);
    // Both correct the suspect's mobile offline; PC 1 reaches the hub first, so its value stays.
    await correctComplaint(p1!.ctx, p1!.actor, record.id, { suspectMobiles: '7000011111' }, 'नंबर सुधारा');
    await correctComplaint(p2!.ctx, p2!.actor, record.id, { suspectMobiles: '7000022222' }, 'नंबर सुधारा');
    await sync(p1!);
    const report = await sync(p2!);
    expect(report.merged).toBeGreaterThan(0);
    expect((await p2!.db.complaint.get(record.id))!.data.suspectMobiles).toBe('7000011111');
    await sync(p1!);
    const hub = await admin<{ rows: { doc: Doc }[] }>('GET', `${setup.db}/_all_docs?include_docs=true`);
    const entries = hub.body.rows.map((r) => r.doc).filter((d) => d.type === 'suspect' && String(d.key).startsWith('smob:'));
    const state = Object.fromEntries(entries.map((d) => [d.key, d.withdrawn]));
    expect(state).toEqual({ 'smob:7000012345': true, 'smob:7000011111': false, 'smob:7000022222': true });
  });
});

describe('the registry’s functions as CouchDB runs them', () => {
  type Fn = (...a: unknown[]) => unknown;
  const compile = (src: string): Fn => new Function(`return (${src});`)() as Fn;

  it('only admins and the replication account write to the registry', () => {
    const vdu = compile(registryVdu(replicationRole('bilaspur')));
    const run = (roles: string[]) => {
      try {
        vdu({ _id: 'X:suspect:1' }, null, { name: 'u', roles }, {});
        return 'ok';
      } catch (e) {
        return (e as { forbidden?: string }).forbidden ? 'forbidden' : 'other';
      }
    };
    expect(run(['_admin'])).toBe('ok');
    expect(run([replicationRole('bilaspur')])).toBe('ok');
    expect(run(['thana_bspkota', 'series_a', registryRole('bilaspur')])).toBe('forbidden');
    expect(run(['district_bilaspur'])).toBe('forbidden');
  });

  it('the thana rulebook takes a registry entry as the station writes it and refuses one that carries more', () => {
    const vdu = compile(thanaVdu('BSPKOTA'));
    const pc = { name: 'pc_bspkota_1', roles: ['thana_bspkota', 'series_a'] };
    const entry = {
      _id: 'BSPKOTA:suspect:01JABCDEFGHJKMNPQRSTVWXYZ0-1a2b3c4d',
      thana: 'BSPKOTA', type: 'suspect', schemaVersion: 1, mutationId: '01JABCDEFGHJKMNPQRSTVWXYZ1', hubUser: 'pc_bspkota_1',
      complaintId: 'BSPKOTA:complaint:01JABCDEFGHJKMNPQRSTVWXYZ0', key: 'utr:432109876543', serial: '2026/0001', date: '2026-11-27',
      category: 'financial', band: '10k-1l', withdrawn: false, updatedAt: '2026-11-28T13:00:00.000Z',
    };
    const run = (doc: Record<string, unknown>, old: Record<string, unknown> | null = null) => {
      try {
        vdu(doc, old, pc, {});
        return 'ok';
      } catch (e) {
        return (e as { forbidden?: string }).forbidden ?? 'other';
      }
    };
    expect(run(entry)).toBe('ok');
    expect(run({ ...entry, withdrawn: true, _rev: '1-a' }, { ...entry, _rev: '1-a' })).toBe('ok');
    expect(run({ ...entry, complainantMobile: '9876543210' })).toMatch(/may not carry complainantMobile/);
    expect(run({ ...entry, key: 'cmob:9876543210' })).toMatch(/suspect identifier/);
    expect(run({ ...entry, complaintId: 'BSPKOTA:complaint:01JOTHER' })).toMatch(/names its complaint/);
    expect(run({ ...entry, band: '25000' })).toMatch(/needs serial, date, category, band/);
    expect(run({ ...entry, key: 'utr:1', _rev: '1-a' }, { ...entry, _rev: '1-a' })).toMatch(/keeps its identifier/);
    expect(run({ ...entry, note: 'x'.repeat(3000) })).toMatch(/may not carry note/);
  });

  it('the filter selects exactly what the selector does: registry entries and profiles', () => {
    const filter = compile(REGISTRY_FILTER);
    const docs = [
      { _id: 'K:suspect:1-a', type: 'suspect' },
      { _id: 'K:profile:main', type: 'profile' },
      { _id: 'K:complaint:1', type: 'complaint' },
      { _id: 'K:audit:1', type: 'audit' },
      { _id: 'K:options:main', type: 'options' },
      { _id: 'K:pcsync:1', type: 'pcsync' },
    ];
    const bySelector = docs.filter((d) => (REGISTRY_SELECTOR.type.$in as string[]).includes(d.type));
    expect(docs.filter((d) => filter(d, {}))).toEqual(bySelector);
    expect(bySelector.map((d) => d.type)).toEqual(['suspect', 'profile']);
  });
});

/** Thana A's complaint as the writer is entering it: the identifiers the match panel looks up. */
async function createDraftKeys() {
  const { withStoredMoneyRows } = await import('../../renderer/src/domain/complaints/draft');
  return { data: withStoredMoneyRows(complaint({ complainantName: 'नया प्रार्थी' })) };
}
