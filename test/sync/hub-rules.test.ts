/**
 * The thana database's validation function (the paper rulebook, vdu-rules.ts) evaluated as a plain
 * function on documents of the real registers: places, teams, Mitans, outreach entries and
 * complaints with money rows, written through the app's own repositories. Every rule is tried
 * allowed and refused. The same source runs on the hub (hub-hostile.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { correctRecord } from '../../renderer/src/db/repository';
import { correctComplaint } from '../../renderer/src/db/complaints';
import type { StoredRecord } from '../../renderer/src/domain/records';
import { REGISTERS } from '../../renderer/src/domain/registers';
import { complaintRegister } from '../../renderer/src/domain/registers/complaint';
import { mitanRegister } from '../../renderer/src/domain/registers/mitan';
import type { RegisterDef } from '../../renderer/src/domain/registers/types';
import { bi } from '../../renderer/src/domain/bilingual';
import { auditToDoc, FOLDED_FIELD, jsonSize, recordToDoc, settingToDoc, stampWriter, WRITER_FIELD, type HubDoc } from '../../renderer/src/sync/doc';
import { districtVdu, MAX_DOC_BYTES, thanaVdu } from '../../renderer/src/sync/vdu';
import { registerShapes } from '../../renderer/src/sync/vdu-shapes';
import { incharge, makeCtx, PROFILE, seedThana, writer, type Scene } from '../unit/dashboard/fixtures';

type Ctx = { name: string | null; roles: string[] };
type Vdu = (n: HubDoc, o: HubDoc | null, u: Ctx, s?: unknown) => void;

/** Tests only: the app itself never evaluates code (its CSP forbids it). */
function compile(source: string): Vdu {
  return new Function(`return (${source});`)() as Vdu;
}

function denied(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { forbidden?: string }).forbidden ?? `not forbidden: ${JSON.stringify(e)}`;
  }
}

const CODE = 'BSPKOTA';
const pcA: Ctx = { name: 'pc_bspkota_1', roles: ['thana_bspkota', 'series_a'] };
const pcB: Ctx = { name: 'pc_bspkota_2', roles: ['thana_bspkota', 'series_b'] };
const admin: Ctx = { name: 'hubadmin', roles: ['_admin'] };
const vdu = compile(thanaVdu(CODE));

/** A record as PC A pushes it: its body, named by its writer, based on `rev`. */
function push(rec: StoredRecord, as: Ctx = pcA, rev?: string): HubDoc {
  return stampWriter({ ...recordToDoc({ ...rec, _rev: null }), ...(rev ? { _rev: rev } : {}) }, as.name!);
}

/** The version the hub holds now (what the function gets as oldDoc). */
function held(rec: StoredRecord, rev = '1-aaaa'): HubDoc {
  return { ...push(rec), _rev: rev };
}

let scene: Scene;
let ctx: ReturnType<typeof makeCtx>;
let all: StoredRecord[];

beforeAll(async () => {
  ctx = makeCtx();
  await ctx.db.open();
  scene = await seedThana(ctx);
  all = [...Object.values(scene.places), ...Object.values(scene.teams), ...Object.values(scene.mitans), ...scene.entries, ...scene.complaints];
});

describe('allowed', () => {
  it('every entry of every real register, as a station writes it (cancelled ones too), and its audit rows', async () => {
    expect(new Set(all.map((r) => r.type))).toEqual(new Set(['place', 'team', 'mitan', 'outreach', 'complaint']));
    expect(scene.complaints.some((c) => Array.isArray(c.data.holds) && (c.data.holds as unknown[]).length > 0)).toBe(true);
    for (const r of all) expect(denied(() => vdu(push(r), null, pcA)), r.id).toBeNull();
    const audits = await ctx.db.audit.toArray();
    expect(audits.length).toBeGreaterThan(10);
    for (const a of audits) expect(denied(() => vdu(stampWriter(auditToDoc(a), pcA.name!), null, pcA)), a.id).toBeNull();
  });

  it('a correction, a money correction and a cancellation add a version and keep every earlier one', async () => {
    const m = scene.mitans.m1;
    const corrected = (await correctRecord(ctx, writer, mitanRegister, m.id, { trainingVenue: 'पुलिस लाइन' }, 'स्थान सुधारा')).record;
    expect(denied(() => vdu(push(corrected, pcA, '1-aaaa'), held(m), pcA))).toBeNull();
    const c = scene.complaints[0]!;
    const more = (await correctComplaint(ctx, incharge, c.id, { holds: [...(c.data.holds as object[]), { bank: 'SBI', amount: '2,000', date: '2026-11-28' }] }, 'नया होल्ड')).record;
    expect(denied(() => vdu(push(more, pcB, '1-aaaa'), held(c), pcB))).toBeNull();
    // The cancelled Mitan, written again unchanged with foldedRevs (a station's settled conflict).
    const cancelled = scene.mitans.m7;
    expect(cancelled.cancelled).toBeTruthy();
    expect(denied(() => vdu({ ...push(cancelled, pcA, '2-bbbb'), [FOLDED_FIELD]: ['2-cccc'] }, held(cancelled, '2-bbbb'), pcA))).toBeNull();
  });

  it('admins may do anything, deletions included (provisioning, repairs, retiring leaves)', () => {
    const r = scene.entries[0]!;
    expect(denied(() => vdu({ _id: r.id, _rev: '2-x', _deleted: true }, held(r), admin))).toBeNull();
    expect(denied(() => vdu({ _id: `${CODE}:meta:epoch`, thana: CODE, type: 'meta', epoch: 'x' }, null, admin))).toBeNull();
  });

  it('the thana’s profile and options travel (object value, the profile keeps the thana code)', () => {
    const profile = stampWriter(settingToDoc(CODE, 'profile', PROFILE, '01J0000000000000000000000P', null), pcA.name!);
    expect(denied(() => vdu(profile, null, pcA))).toBeNull();
    expect(denied(() => vdu(stampWriter(settingToDoc(CODE, 'options', { idleDays: 30 }, '01J0000000000000000000000O', null), pcB.name!), null, pcB))).toBeNull();
  });

  it('a PC’s last-sync marker for the district (overwritten in place, named by its writer)', () => {
    const marker = stampWriter({ _id: `${CODE}:pcsync:01J0000000000000000000CLNT`, thana: CODE, type: 'pcsync', schemaVersion: 1, mutationId: '01J00000000000000000000MRK', pc: '01J0000000000000000000CLNT', pcSeries: '', at: '2026-11-28T10:00:00.000Z', appVersion: '1.0.0' }, pcA.name!);
    expect(denied(() => vdu(marker, null, pcA))).toBeNull();
    expect(denied(() => vdu({ ...marker, _rev: '1-a', at: '2026-11-29T10:00:00.000Z' }, { ...marker, _rev: '1-a' }, pcA))).toBeNull();
    expect(denied(() => vdu({ ...marker, pc: 'another' }, null, pcA))).toContain('A sync marker needs pc');
    expect(denied(() => vdu({ ...marker, appVersion: 'x'.repeat(500) }, null, pcA))).toContain('A sync marker needs');
  });

  it('a register added later is covered by the next provisioning: its shape comes from its definition', () => {
    const vanstop: RegisterDef = {
      type: 'vanstop',
      title: bi('वैन पड़ाव', 'Van stop'),
      printTitle: bi('वैन पड़ाव', 'Van stop'),
      serial: false,
      schemaVersion: 1,
      searchFields: [],
      fields: [{ key: 'topic', label: bi('विषय', 'Topic'), type: 'text', maxLength: 20 }],
    };
    const doc = { ...push(scene.entries[0]!), _id: `${CODE}:vanstop:01J0000000000000000000000T`, type: 'vanstop', serial: null, serialYear: null, serialNo: null, data: { topic: 'साइबर' } };
    expect(denied(() => vdu(doc, null, pcA))).toContain('Unknown register vanstop');
    const later = compile(thanaVdu(CODE, registerShapes({ ...REGISTERS, vanstop })));
    expect(denied(() => later(doc, null, pcA))).toBeNull();
    expect(denied(() => later({ ...doc, data: { topic: 'स'.repeat(21) } }, null, pcA))).toContain('data.topic must be a text of at most 20');
  });
});

describe('refused', () => {
  const r = () => scene.entries[0]!;

  it('deletions by stations, with or without a body', () => {
    expect(denied(() => vdu({ _id: r().id, _rev: '2-x', _deleted: true }, held(r()), pcA))).toContain('Nothing is deleted');
    expect(denied(() => vdu({ ...push(r()), _rev: '2-x', _deleted: true }, held(r()), pcA))).toContain('Nothing is deleted');
  });

  it('a history wiped, shortened or rewritten; a change without a new version', async () => {
    const m = scene.mitans.m2;
    const next = (await correctRecord(ctx, writer, mitanRegister, m.id, { trainer: 'निरीक्षक' }, 'प्रशिक्षक')).record;
    const base = push(next, pcA, '1-aaaa');
    const wiped = { ...base, history: [base.history as unknown[]].flat().slice(-1) };
    expect(denied(() => vdu(wiped, held(m), pcA))).toContain('History must keep version 1 unchanged');
    const rewritten = { ...base, history: (next.history as { reason: string | null }[]).map((h, i) => (i === 0 ? { ...h, reason: 'बदला' } : h)) };
    expect(denied(() => vdu(rewritten, held(m), pcA))).toContain('History must keep version 1 unchanged');
    const silent = { ...push(m, pcA, '1-aaaa'), data: { ...m.data, name: 'दूसरा नाम' } };
    expect(denied(() => vdu(silent, held(m), pcA))).toContain('A change needs a new version');
    expect(denied(() => vdu({ ...base, history: [] }, held(m), pcA))).toContain('history must be a list');
  });

  it('createdAt, createdBy, serial, serialYear, serialNo and thana never change; a cancellation is never lifted', () => {
    const c = scene.complaints[1]!;
    for (const [k, v] of [
      ['createdAt', '2020-01-01T00:00:00.000Z'],
      ['createdBy', 'u-other'],
      ['serial', '2026/0099'],
      ['serialYear', 2025],
      ['serialNo', 99],
    ] as const)
      expect(denied(() => vdu({ ...push(c, pcA, '1-aaaa'), [k]: v }, held(c), pcA)), k).toContain(`${k} never changes`);
    expect(denied(() => vdu({ ...push(c, pcA, '1-aaaa'), thana: 'BILHA' }, held(c), pcA))).toContain('thana must be BSPKOTA');
    const cancelled = scene.mitans.m7;
    expect(denied(() => vdu({ ...push(cancelled, pcA, '2-bbbb'), cancelled: null }, held(cancelled, '2-bbbb'), pcA))).toContain('A cancellation is never lifted');
    const reworded = { ...cancelled.cancelled!, reason: 'कुछ और' };
    expect(denied(() => vdu({ ...push(cancelled, pcA, '2-bbbb'), cancelled: reworded }, held(cancelled, '2-bbbb'), pcA))).toContain('A cancellation is never lifted');
  });

  it('audit rows are written once; profile and meta documents keep to their rules', async () => {
    const a = (await ctx.db.audit.toArray())[0]!;
    const doc = stampWriter(auditToDoc(a), pcA.name!);
    expect(denied(() => vdu({ ...doc, _rev: '1-a', summary: 'मिटाया' }, { ...doc, _rev: '1-a' }, pcA))).toContain('Audit rows are written once');
    expect(denied(() => vdu({ ...doc, action: undefined }, null, pcA))).toContain('An audit row needs at and action');
    // New audit rows carry their hash chain (issue #14 item 10): each field missing or malformed is refused.
    expect(doc).toMatchObject({ pc: expect.any(String), seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (const bad of [{ hash: undefined }, { prevHash: undefined }, { pc: undefined }, { seq: undefined }, { seq: 0 }, { seq: 1.5 }, { hash: 'abc' }, { seq: 2, prevHash: '' }, { seq: 1, prevHash: 'f'.repeat(64) }])
      expect(denied(() => vdu({ ...doc, ...bad }, null, pcA)), JSON.stringify(bad)).toContain('hash chain');
    expect(denied(() => vdu({ ...doc, seq: 7, prevHash: 'a'.repeat(64) }, null, pcA))).toBeNull();
    const profile = stampWriter(settingToDoc(CODE, 'profile', { ...PROFILE, thanaCode: 'BILHA' }, '01J0000000000000000000000P', null), pcA.name!);
    expect(denied(() => vdu(profile, null, pcA))).toContain('The profile must keep thana code BSPKOTA');
    expect(denied(() => vdu({ ...profile, value: 'x' }, null, pcA))).toContain('object value');
    expect(denied(() => vdu(stampWriter({ _id: `${CODE}:meta:epoch`, thana: CODE, type: 'meta', schemaVersion: 1, mutationId: '01J00000000000000000000000', epoch: 'mine' }, pcA.name!), null, pcA))).toContain('meta documents are for hub admins only');
  });

  it('a register document of the wrong shape: data, lists, money rows, field kinds, texts over the definition’s length, schemaVersion', () => {
    const c = scene.complaints[0]!;
    const doc = push(c);
    const data = doc.data as Record<string, unknown>;
    const cases: [string, HubDoc, string][] = [
      ['no data', { ...doc, data: undefined }, 'data must be an object'],
      ['data a list', { ...doc, data: [] }, 'data must be an object'],
      ['keys not a list', { ...doc, keys: 'utr:1' }, 'keys must be a list'],
      ['tokens of objects', { ...doc, tokens: [{}] }, 'tokens must be a list of short texts'],
      ['holds not a list', { ...doc, data: { ...data, holds: { bank: 'x' } } }, 'data.holds must be a list'],
      ['a money row not a row', { ...doc, data: { ...data, transactions: ['x'] } }, 'data.transactions row 1 must be a row'],
      ['a UTR too long', { ...doc, data: { ...data, transactions: [{ ...(data.transactions as object[])[0]!, utr: '9'.repeat(41) }] } }, 'utr longer than 40'],
      ['a UPI id too long', { ...doc, data: { ...data, transactions: [{ ...(data.transactions as object[])[0]!, beneficiaryUpi: 'अ'.repeat(101) }] } }, 'beneficiaryUpi longer than 100'],
      ['a nested value in a row', { ...doc, data: { ...data, holds: [{ bank: { a: 1 }, amount: 1, date: '2026-11-27' }] } }, 'bank must be a plain value'],
      ['a number as text', { ...doc, data: { ...data, complainantAge: '34' } }, 'data.complainantAge must be a number'],
      ['a text as a list', { ...doc, data: { ...data, complainantName: ['a'] } }, 'data.complainantName must be a text'],
      ['a name over its length', { ...doc, data: { ...data, complainantName: 'न'.repeat(101) } }, 'data.complainantName must be a text of at most 100'],
      ['a yes/no as text', { ...doc, data: { ...data, called1930: 'yes' } }, 'data.called1930 must be yes or no'],
      ['a newer schemaVersion', { ...doc, schemaVersion: complaintRegister.schemaVersion + 1 }, 'newer than this hub knows'],
      ['no schemaVersion', { ...doc, schemaVersion: undefined }, 'schemaVersion is required'],
      ['no mutationId', { ...doc, mutationId: 'x' }, 'mutationId is required'],
      ['foldedRevs not revisions', { ...doc, [FOLDED_FIELD]: ['anything'] }, 'foldedRevs must be a list of revisions'],
    ];
    for (const [what, bad, why] of cases) expect(denied(() => vdu(bad, null, pcA)), what).toContain(why);
    const m = push(scene.mitans.m1);
    expect(denied(() => vdu({ ...m, data: { ...(m.data as object), mitanIds: 'x' } }, null, pcA))).toBeNull(); // unknown fields (a newer app) pass
    const o = push(scene.entries[0]!);
    expect(denied(() => vdu({ ...o, data: { ...(o.data as object), topics: 'helpline-1930' } }, null, pcA))).toContain('data.topics must be a list');
    // Topics and Mitans present: how many, and how long each, as the register declares (issue #14 item 8).
    expect(denied(() => vdu({ ...o, data: { ...(o.data as object), topics: ['स'.repeat(81)] } }, null, pcA))).toContain('data.topics must be a list of texts of at most 80 characters');
    expect(denied(() => vdu({ ...o, data: { ...(o.data as object), topics: Array.from({ length: 61 }, (_, i) => `t${i}`) } }, null, pcA))).toContain('data.topics must be a list of at most 60 values');
    expect(denied(() => vdu({ ...o, data: { ...(o.data as object), topics: ['स'.repeat(80)] } }, null, pcA))).toBeNull();
    expect(denied(() => vdu({ ...o, data: { ...(o.data as object), mitanIds: Array.from({ length: 201 }, (_, i) => `BSPKOTA:mitan:${i}`) } }, null, pcA))).toContain('data.mitanIds must be a list of at most 200 values');
  });

  it('size in UTF-8 bytes: a Hindi text under the limit in characters but over it in bytes', () => {
    const doc = push(scene.entries[1]!);
    const note = 'अ'.repeat(Math.ceil(MAX_DOC_BYTES / 3) + 10); // 3 bytes each
    const big = { ...doc, extra: note };
    expect(JSON.stringify(big).length).toBeLessThan(MAX_DOC_BYTES);
    expect(jsonSize(big)).toBeGreaterThan(MAX_DOC_BYTES);
    expect(denied(() => vdu(big, null, pcA))).toContain('Document too large');
    expect(denied(() => vdu({ ...big, _rev: '1-a', _deleted: true }, held(scene.entries[1]!), pcA))).toContain('Document too large');
    expect(denied(() => vdu({ ...doc, extra: 'a'.repeat(MAX_DOC_BYTES / 2) }, null, pcA))).toBeNull();
  });

  it('each version names the hub account writing it', () => {
    const doc = push(scene.entries[2]!);
    expect(denied(() => vdu({ ...doc, [WRITER_FIELD]: undefined }, null, pcA))).toContain('hubUser must name');
    expect(denied(() => vdu({ ...doc, [WRITER_FIELD]: pcB.name }, null, pcA))).toContain('hubUser must name');
  });

  it('an admin’s edit by hand (Fauxton, curl) names the admin; with a new version, a deletion or a repair of the hub’s own documents it need not', () => {
    const r = scene.entries[2]!;
    const before = held(r);
    const edited = { ...before, data: { ...(before.data as object), placeName: 'पंचायत भवन (नया)' } };
    expect(denied(() => vdu(edited, before, admin))).toContain('An edit made on the hub must name its writer: set hubUser to hubadmin');
    expect(denied(() => vdu({ ...edited, [WRITER_FIELD]: admin.name }, before, admin))).toBeNull();
    const cancelled = { ...before, cancelled: { at: '2026-11-28T10:00:00.000Z', by: 'x', reason: 'गलत' } };
    expect(denied(() => vdu(cancelled, before, admin))).toContain('must name its writer');
    // Not an edit by hand: a new version in the history (a station's body restored), the same content, a deletion, a new document.
    const history = [...(before.history as object[]), { version: 2, kind: 'correct', at: '2026-11-28T10:00:00.000Z', by: 'n', byName: 'N', initials: 'N', reason: 'x', changes: [], mutationId: '01J00000000000000000000NEW' }];
    expect(denied(() => vdu({ ...edited, history }, before, admin))).toBeNull();
    expect(denied(() => vdu({ ...before, foldedRevs: ['2-abcd'] }, before, admin))).toBeNull();
    expect(denied(() => vdu({ _id: r.id, _rev: '2-x', _deleted: true }, before, admin))).toBeNull();
    expect(denied(() => vdu(edited, null, admin))).toBeNull();
  });

  it('a new entry’s serial outside the writer’s series; an account without a series', () => {
    const doc = push(scene.entries[3]!); // 2026/000N: the plain series, PC A's
    expect(doc.serial).toMatch(/^2026\/\d{4}$/);
    expect(denied(() => vdu(doc, null, pcA))).toBeNull();
    expect(denied(() => vdu(stampWriter(doc, pcB.name!), null, pcB))).toContain('outside the series of this PC (YYYY/B-NNNN)');
    const b = { ...doc, serial: '2026/B-0001', serialNo: 1 };
    expect(denied(() => vdu(stampWriter(b, pcB.name!), null, pcB))).toBeNull();
    expect(denied(() => vdu(b, null, pcA))).toContain('outside the series');
    expect(denied(() => vdu({ ...b, serialNo: 2 }, null, { ...pcB, name: pcA.name }))).toContain('serialYear and serialNo must match');
    expect(denied(() => vdu(doc, null, { name: pcA.name, roles: ['thana_bspkota'] }))).toContain('has no serial series');
    // Registers without serials (places) need no series.
    expect(denied(() => vdu(push(scene.places.beltara), null, { name: pcA.name, roles: ['thana_bspkota'] }))).toBeNull();
  });

  it('other thanas, district users, the replication account, design documents, ids of another thana', () => {
    const doc = push(scene.entries[0]!);
    expect(denied(() => vdu(doc, null, { name: pcA.name, roles: ['thana_bilha', 'series_a'] }))).toContain('Only computers of thana BSPKOTA');
    expect(denied(() => vdu(doc, null, { name: pcA.name, roles: ['district_bilaspur'] }))).toContain('Only computers of thana BSPKOTA');
    expect(denied(() => vdu(doc, null, { name: pcA.name, roles: ['replication_bilaspur'] }))).toContain('Only computers of thana BSPKOTA');
    expect(denied(() => vdu({ _id: '_design/evil', validate_doc_update: '' }, null, pcA))).toContain('Design documents');
    expect(denied(() => vdu({ ...doc, _id: doc._id.replace(CODE, 'BILHA') }, null, pcA))).toContain('must start with BSPKOTA:');
    expect(denied(() => vdu({ ...doc, type: 'mitan' }, null, pcA))).toContain('type is required and must match');
    // Bilingual reasons for the Sync page's list of refused documents.
    expect(denied(() => vdu({ ...doc, thana: 'BILHA' }, null, pcA))).toMatch(/[\u0900-\u097F]/);
  });

  it('is ES5: no arrow functions, let/const, template strings or classes', () => {
    const src = thanaVdu(CODE) + districtVdu('bilaspur');
    expect(src).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b/);
  });
});

describe('the district database (CouchDB; pouchdb-server cannot carry it, see the sync README)', () => {
  const d = compile(districtVdu('bilaspur'));
  const doc = { _id: `${CODE}:outreach:01J0000000000000000000000`, thana: CODE };

  it('takes writes from admins and the district’s replication account only', () => {
    expect(denied(() => d(doc, null, admin))).toBeNull();
    expect(denied(() => d({ ...doc, _deleted: true }, null, { name: 'repl_bilaspur', roles: ['replication_bilaspur'] }))).toBeNull();
    expect(denied(() => d(doc, null, { name: 'sp', roles: ['district_bilaspur'] }))).toContain('read-only');
    expect(denied(() => d(doc, null, { name: 'repl_other', roles: ['replication_korba'] }))).toContain('read-only');
    expect(denied(() => d(doc, null, pcA))).toContain('read-only');
  });
});
