/**
 * The paper rulebook on a running hub (pouchdb-server, provisioned by the app's own code), tried as
 * a hostile insider would: with a PC account's password and plain HTTP. The real registers'
 * documents (places, teams, Mitans, outreach, complaints with money rows) are sent first; then every
 * attack is refused and the hub's document is left as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { correctRecord } from '../../renderer/src/db/repository';
import type { StoredRecord } from '../../renderer/src/domain/records';
import { mitanRegister } from '../../renderer/src/domain/registers/mitan';
import { auditToDoc, epochDocId, recordToDoc, settingToDoc, stampWriter, type HubDoc } from '../../renderer/src/sync/doc';
import { MAX_DOC_BYTES } from '../../renderer/src/sync/vdu';
import { admin, provisionThana, type ThanaSetup } from './helpers';
import { as, type Account } from './hub-helpers';
import { makeCtx, PROFILE, seedThana, writer, type Scene } from '../unit/dashboard/fixtures';

let setup: ThanaSetup;
let scene: Scene;
let ctx: ReturnType<typeof makeCtx>;
let pcA: Account;
let pcB: Account;

const path = (id: string) => `${setup.db}/${encodeURIComponent(id)}`;

async function hubDoc(id: string): Promise<HubDoc> {
  return (await admin<HubDoc>('GET', path(id))).body;
}

/** Refused with 403 forbidden (PUT/DELETE) or a per-document forbidden (_bulk_docs); nothing written. */
async function expectRefused(who: Account, method: string, p: string, body: unknown, why: string): Promise<void> {
  const r = await as(who, method, p, body);
  const reason = Array.isArray(r.body) ? (r.body[0] as { error?: string; reason?: string }) : (r.body as { error?: string; reason?: string });
  if (!Array.isArray(r.body)) expect(r.status, JSON.stringify(r.body)).toBe(403);
  expect(reason.error, JSON.stringify(r.body)).toBe('forbidden');
  expect(reason.reason).toContain(why);
}

beforeAll(async () => {
  setup = await provisionThana('H', 2);
  [pcA, pcB] = setup.pcs as [Account, Account];
  const base = makeCtx();
  ctx = { ...base, thana: setup.code, settings: () => ({ ...PROFILE, thanaCode: setup.code }) };
  await ctx.db.open();
  scene = await seedThana(ctx);
  const records: StoredRecord[] = [...Object.values(scene.places), ...Object.values(scene.teams), ...Object.values(scene.mitans), ...scene.entries, ...scene.complaints];
  const audits = await ctx.db.audit.toArray();
  const docs = [...records.map((r) => stampWriter(recordToDoc(r), pcA.username)), ...audits.map((a) => stampWriter(auditToDoc(a), pcA.username))];
  docs.push(stampWriter(settingToDoc(setup.code, 'profile', { ...PROFILE, thanaCode: setup.code }, '01J0000000000000000000PROF', null), pcA.username));
  const res = await as(pcA, 'POST', `${setup.db}/_bulk_docs`, { docs });
  const bad = (res.body as { id: string; error?: string; reason?: string }[]).filter((x) => x.error);
  expect(bad, 'the real registers’ documents are accepted').toEqual([]);
});

describe('a PC account on the hub', () => {
  it('may send a correction as a new version', async () => {
    const m = scene.mitans.m1;
    const before = await hubDoc(m.id);
    const next = (await correctRecord(ctx, writer, mitanRegister, m.id, { trainingVenue: 'पुलिस लाइन' }, 'स्थान')).record;
    const r = await as(pcB, 'PUT', path(m.id), stampWriter({ ...recordToDoc({ ...next, _rev: null }), _rev: before._rev }, pcB.username));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await hubDoc(m.id)).hubUser).toBe(pcB.username);
  });

  it('cannot delete an entry, an audit row, the profile or the epoch', async () => {
    for (const id of [scene.entries[0]!.id, (await ctx.db.audit.toCollection().first())!.id, `${setup.code}:profile:main`, epochDocId(setup.code)]) {
      const d = await hubDoc(id);
      const r = await as(pcA, 'DELETE', `${path(id)}?rev=${d._rev}`);
      expect(r.status, id).toBe(403);
      expect((await hubDoc(id))._rev, id).toBe(d._rev);
      await expectRefused(pcA, 'POST', `${setup.db}/_bulk_docs`, { docs: [{ _id: id, _rev: d._rev, _deleted: true }] }, 'Nothing is deleted');
    }
  });

  it('cannot wipe a history, change a serial, lift a cancellation, rewrite an audit row or the profile, or forge the writer', async () => {
    const e = await hubDoc(scene.entries[1]!.id);
    await expectRefused(pcA, 'PUT', path(e._id), { ...e, history: [], data: { ...(e.data as object), men: 999 } }, 'history must be a list');
    const h = e.history as { version: number }[];
    await expectRefused(pcA, 'PUT', path(e._id), { ...e, version: 2, history: [{ ...h[0], version: 2, mutationId: '01J0000000000000000000WIPE' }], data: { ...(e.data as object), men: 999 } }, 'History must keep version 1');
    await expectRefused(pcA, 'PUT', path(e._id), { ...e, data: { ...(e.data as object), men: 999 } }, 'A change needs a new version');
    await expectRefused(pcA, 'PUT', path(e._id), { ...e, serial: '2026/0999' }, 'serial never changes');
    await expectRefused(pcA, 'PUT', path(e._id), { ...e, hubUser: pcB.username }, 'hubUser must name');
    const m7 = await hubDoc(scene.mitans.m7.id);
    expect(m7.cancelled).toBeTruthy();
    await expectRefused(pcA, 'PUT', path(m7._id), { ...m7, cancelled: null }, 'A cancellation is never lifted');
    const a = await hubDoc((await ctx.db.audit.toCollection().first())!.id);
    await expectRefused(pcA, 'PUT', path(a._id), { ...a, summary: 'कुछ नहीं हुआ' }, 'Audit rows are written once');
    const p = await hubDoc(`${setup.code}:profile:main`);
    await expectRefused(pcA, 'PUT', path(p._id), { ...p, value: { ...(p.value as object), thanaCode: 'OTHER' } }, 'The profile must keep thana code');
    const epoch = await hubDoc(epochDocId(setup.code));
    await expectRefused(pcA, 'PUT', path(epoch._id), { ...epoch, epoch: 'mine', hubUser: pcA.username }, 'meta documents are for hub admins only');
    // Nothing changed on the hub.
    expect((await hubDoc(e._id))._rev).toBe(e._rev);
    expect((await hubDoc(m7._id)).cancelled).toEqual(m7.cancelled);
  });

  it('cannot send a document of the wrong shape, a money-row text over its limit, or one too large in UTF-8 bytes', async () => {
    const c = await hubDoc(scene.complaints[0]!.id);
    const fresh = (over: Record<string, unknown>) => {
      const { _rev: _r, ...rest } = c;
      return { ...rest, _id: `${setup.code}:complaint:01J0000000000000000000NEW${Math.floor(Math.random() * 9)}`, serial: '2026/0098', serialNo: 98, ...over };
    };
    await expectRefused(pcA, 'POST', `${setup.db}/_bulk_docs`, { docs: [fresh({ data: undefined })] }, 'data must be an object');
    const rows = (c.data as { transactions: object[] }).transactions;
    await expectRefused(pcA, 'POST', `${setup.db}/_bulk_docs`, { docs: [fresh({ data: { ...(c.data as object), transactions: [{ ...rows[0], utr: 'U'.repeat(500) }] } })] }, 'utr longer than 40');
    await expectRefused(pcA, 'POST', `${setup.db}/_bulk_docs`, { docs: [fresh({ data: { ...(c.data as object), holds: 'all of it' } })] }, 'data.holds must be a list');
    const hindi = 'क'.repeat(Math.ceil(MAX_DOC_BYTES / 3) + 100);
    expect(hindi.length).toBeLessThan(MAX_DOC_BYTES);
    await expectRefused(pcA, 'POST', `${setup.db}/_bulk_docs`, { docs: [fresh({ note: hindi })] }, 'Document too large');
  });

  it('cannot take a serial from another PC’s series (the collision of two PCs issuing 2026/0001)', async () => {
    const e = await hubDoc(scene.entries[2]!.id);
    const { _rev: _r, ...rest } = e;
    const copy = { ...rest, _id: `${setup.code}:outreach:01J00000000000000000SERIAL`, hubUser: pcB.username };
    await expectRefused(pcB, 'POST', `${setup.db}/_bulk_docs`, { docs: [copy] }, 'outside the series of this PC (YYYY/B-NNNN)');
    const own = { ...copy, serial: '2026/B-0001', serialNo: 1 };
    const ok = await as(pcB, 'POST', `${setup.db}/_bulk_docs`, { docs: [own] });
    expect((ok.body as { ok?: boolean }[])[0]!.ok, JSON.stringify(ok.body)).toBe(true);
  });

  it('cannot write design documents (the rulebook itself) nor into another thana’s database', async () => {
    const r = await as(pcA, 'PUT', `${setup.db}/_design/mine`, { validate_doc_update: 'function(){}' });
    expect([401, 403]).toContain(r.status);
    const other = await provisionThana('X', 1, setup.district);
    const doc = stampWriter({ ...(await hubDoc(scene.places.beltara.id)), _rev: undefined, _id: `${other.code}:place:01J0000000000000000000PLCE`, thana: other.code }, pcA.username);
    const res = await as(pcA, 'POST', `${other.db}/_bulk_docs`, { docs: [doc] });
    expect(res.status === 401 || res.status === 403 || (res.body as { error?: string }[]).every((x) => x.error === 'unauthorized' || x.error === 'forbidden')).toBe(true);
    expect((await admin('GET', `${other.db}/${encodeURIComponent(doc._id)}`)).status).toBe(404);
  });
});
