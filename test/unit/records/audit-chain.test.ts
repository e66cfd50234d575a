/**
 * The audit log's hash chain (issue #14 item 10): every row the PC writes is linked to the PC's
 * previous one in the writing transaction; a deleted, edited or forged row is found, per PC, with
 * its position; a restore and an old log keep verifying.
 */
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { checkAuditChains } from '../../../renderer/src/db/audit-chain';
import { createRecord, correctRecord, auditRow } from '../../../renderer/src/db/repository';
import { SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, StationDb, type AuditRow } from '../../../renderer/src/db/schema';
import { chainText, unchainedMessage } from '../../../renderer/src/domain/auditChain';
import { sha256Hex } from '../../../renderer/src/domain/sha256';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { makeBackup, restoreBackup } from '../../../renderer/src/db/backup';
import { saveProfile } from '../../../renderer/src/db/settings';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import { BACKUP_KDF_MIN_ITERATIONS, setBackupKdfFloorForTests } from '../../../renderer/src/backup/format';
import { auditToDoc, docToAudit } from '../../../renderer/src/sync/doc';
import { freshDb, incharge, makeCtx, staffed, writer, type Clock } from './fixtures';

const clock: Clock = { now: new Date('2026-11-28T06:30:00Z') };
const tick = () => (clock.now = new Date(clock.now.getTime() + 60_000));

/** A station that has written `n` places (one audit row each) and a correction. */
async function station(n = 6) {
  const db = freshDb();
  const ctx = makeCtx(db, clock);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    tick();
    ids.push((await createRecord(ctx, writer, placeRegister, { name: `ग्राम ${i} सेमरताल`, kind: 'village', area: 'rural', beat: 'बीट 1' })).record.id);
  }
  return { db, ctx, ids };
}

/** This PC's rows in chain order. */
const chain = async (db: StationDb) => (await db.audit.where('[pc+seq]').between([db.auditPc, Dexie.minKey], [db.auditPc, Dexie.maxKey]).toArray()) as Required<AuditRow>[];

describe('audit hash chain: writing', () => {
  it('the writer’s synchronous SHA-256 is the standard one (Hindi text, long rows)', () => {
    for (const s of ['', 'abc', 'थाना कोटा, ग्राम सेमरताल '.repeat(40), 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(5000)])
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });

  it('every row is linked to the PC’s previous one: positions 1…n, each prevHash the hash before, each hash its content', async () => {
    const { db } = await station(4);
    const rows = await chain(db);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prevHash).toBe('');
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const r of rows) expect(r.hash).toBe(createHash('sha256').update(chainText(r), 'utf8').digest('hex'));
    const report = await checkAuditChains(db);
    expect(report.problems).toEqual([]);
    expect(report.chains).toMatchObject([{ pc: db.auditPc, rows: 4, last: 4 }]);
  });

  it('screens saving at the same time (separate transactions, and several adds in one) still get one unbroken chain', async () => {
    const { db, ctx } = await station(1);
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => createRecord(ctx, writer, placeRegister, { name: `साथ ${i}`, kind: 'village', area: 'rural', beat: 'बीट 2' })),
      db.transaction('rw', db.audit, () => Promise.all(Array.from({ length: 5 }, () => db.audit.add(auditRow(ctx, writer, 'view', { summary: 'x' }))))),
      db.audit.bulkAdd(Array.from({ length: 3 }, () => auditRow(ctx, writer, 'print', { summary: 'y' }))),
    ]);
    const rows = await chain(db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect((await checkAuditChains(db)).problems).toEqual([]);
  });

  it('a failed save writes no audit row and leaves no gap', async () => {
    const { db, ctx, ids } = await station(2);
    await expect(correctRecord(ctx, writer, placeRegister, ids[0]!, { kind: 'not-a-kind' }, 'गलत')).rejects.toThrow();
    tick();
    await correctRecord(ctx, incharge, placeRegister, ids[0]!, { beat: 'बीट 4' }, 'बीट सुधारी');
    expect((await chain(db)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await checkAuditChains(db)).problems).toEqual([]);
  });
});

describe('audit hash chain: what the audit page reports', () => {
  it('a deleted middle row is reported as a gap at its position', async () => {
    const { db } = await station(6);
    const rows = await chain(db);
    await db.audit.delete(rows[2]!.id);
    const { problems } = await checkAuditChains(db);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'gap', position: 3, to: 3, pc: db.auditPc });
    expect(problems[0]!.message.hi).toContain('क्रम 3');
    expect(problems[0]!.message.en).toContain('position 3 was deleted');
  });

  it('two deleted rows in a row are one gap naming both positions', async () => {
    const { db } = await station(6);
    const rows = await chain(db);
    await db.audit.bulkDelete([rows[1]!.id, rows[2]!.id]);
    const { problems } = await checkAuditChains(db);
    expect(problems.map((p) => [p.kind, p.position, p.to])).toEqual([['gap', 2, 3]]);
    expect(problems[0]!.message.en).toContain('positions 2–3');
  });

  it('a row whose text was edited is reported at its position (hash mismatch)', async () => {
    const { db } = await station(5);
    const rows = await chain(db);
    await db.audit.update(rows[3]!.id, { summary: 'कुछ और लिखा' });
    const { problems } = await checkAuditChains(db);
    expect(problems.map((p) => [p.kind, p.position, p.rowId])).toEqual([['edited', 4, rows[3]!.id]]);
    expect(problems[0]!.message.hi).toContain('बदली गई');
  });

  it('an edited row whose hash was recomputed breaks the next row’s link', async () => {
    const { db } = await station(5);
    const rows = await chain(db);
    const edited = { ...rows[1]!, userName: 'कोई और' };
    edited.hash = sha256Hex(chainText(edited));
    await db.audit.put(edited);
    const { problems } = await checkAuditChains(db);
    expect(problems.map((p) => [p.kind, p.position])).toEqual([['not-linked', 3]]);
  });

  it('a forged row slipped in with a wrong prevHash is reported; so is one claiming a taken position', async () => {
    const { db, ctx } = await station(4);
    const rows = await chain(db);
    const forged = { ...auditRow(ctx, incharge, 'verify', { summary: 'जाली' }), pc: db.auditPc!, seq: 5, prevHash: 'f'.repeat(64) };
    forged.hash = sha256Hex(chainText(forged));
    await db.audit.add(forged);
    const twin = { ...auditRow(ctx, incharge, 'verify', { summary: 'दूसरा जाली' }), id: `${rows[1]!.id}Z`, pc: db.auditPc!, seq: 2, prevHash: rows[0]!.hash };
    twin.hash = sha256Hex(chainText(twin));
    await db.audit.add(twin);
    const { problems } = await checkAuditChains(db);
    expect(problems.map((p) => [p.kind, p.position]).sort()).toEqual([
      ['duplicate', 2],
      ['not-linked', 5],
    ]);
  });

  it('paging through a long log (page smaller than the log) finds the same', async () => {
    const { db } = await station(9);
    const rows = await chain(db);
    await db.audit.delete(rows[6]!.id);
    const { problems, chains } = await checkAuditChains(db, 2);
    expect(problems.map((p) => [p.kind, p.position])).toEqual([['gap', 7]]);
    expect(chains[0]!.rows).toBe(8);
  });
});

describe('audit hash chain: upgrade and restore', () => {
  it('a log from before the chain: rows already on the hub stay unchained and are said so; unpushed ones start the chain', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    old.version(5).stores(SCHEMA_V5);
    await old.open();
    const row = (i: number, syncState: AuditRow['syncState']) => ({
      id: `BSPKOTA:audit:01JD0000000000000000000${String(i).padStart(3, '0')}`, thana: 'BSPKOTA', at: `2026-11-0${i}T05:00:00.000Z`,
      userId: 'user:1', userName: 'रमेश', role: 'incharge', action: 'view', recordType: null, recordId: null, summary: `पुरानी ${i}`,
      before: null, after: null, syncState, _rev: syncState === 'synced' ? '1-abc' : null,
    });
    await old.table('audit').bulkAdd([row(1, 'synced'), row(2, 'synced'), row(3, 'dirty'), row(4, 'dirty')]);
    old.close();

    const db = new StationDb(name);
    await db.open();
    const ctx = makeCtx(db, clock);
    tick();
    await createRecord(ctx, writer, placeRegister, { name: 'नया ग्राम', kind: 'village', area: 'rural', beat: 'बीट 1' });
    const rows = await chain(db);
    expect(rows.map((r) => [r.summary, r.seq])).toEqual([['पुरानी 3', 1], ['पुरानी 4', 2], [expect.any(String), 3]]);
    const report = await checkAuditChains(db);
    expect(report.problems).toEqual([]);
    expect(report.unchained).toBe(2);
    expect(report.unchainedUntil).toBe('2026-11-02T05:00:00.000Z');
    expect(unchainedMessage(report.unchained, report.unchainedUntil, (iso) => iso.slice(0, 10)).en).toBe(
      '2 rows are from before 2026-11-02 and are not chained (the hash chain began with this version)',
    );
    db.close();
    await Dexie.delete(name);
  });

  it('after a restore the chain still verifies, with the rows written after the backup kept and the restore row linked after them', async () => {
    setBackupKdfFloorForTests(1000);
    try {
      const db = staffed(freshDb(), incharge);
      const ctx = makeCtx(db, clock);
      await saveProfile(ctx, null, { ...DEFAULT_PROFILE, thanaName: 'कोटा', thanaCode: 'BSPKOTA', inchargeName: 'रमेश', nodalName: 'सीमा', nodalMobile: '9876543210', campaignStart: '2026-11-01', campaignEnd: '2027-01-31', thanaTarget: 5000 });
      tick();
      const { record } = await createRecord(ctx, incharge, placeRegister, { name: 'ग्राम', kind: 'village', area: 'rural', beat: 'बीट 1' });
      tick();
      const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', 1000);
      tick();
      await correctRecord(ctx, incharge, placeRegister, record.id, { beat: 'बीट 7' }, 'बाद का सुधार');
      const beforeRestore = await chain(db);
      tick();
      await restoreBackup(ctx, incharge, bytes, 'थाना-कोटा-2026', async () => {});
      const rows = await chain(db);
      expect(rows.slice(0, beforeRestore.length)).toEqual(beforeRestore.map((r) => expect.objectContaining({ id: r.id, hash: r.hash })));
      expect(rows[rows.length - 1]).toMatchObject({ action: 'restore', seq: beforeRestore.length + 1 });
      expect((await checkAuditChains(db)).problems).toEqual([]);
      // A restore onto a PC whose log lost rows since the backup brings them back: the chain heals.
      await db.audit.delete(beforeRestore[0]!.id);
      expect((await checkAuditChains(db)).problems).toHaveLength(1);
      tick();
      await restoreBackup(ctx, incharge, bytes, 'थाना-कोटा-2026', async () => {});
      expect((await checkAuditChains(db)).problems).toEqual([]);
    } finally {
      setBackupKdfFloorForTests(BACKUP_KDF_MIN_ITERATIONS);
    }
  });
});

describe('audit hash chain: rows from elsewhere', () => {
  it('a pulled row keeps its own chain fields, and one claiming hash "" is stored unchained, never adopted into this PC’s chain', async () => {
    const { db } = await station(2);
    const foreign = { ...auditRow(makeCtx(freshDb(), clock), writer, 'view', { summary: 'दूसरे पीसी की' }), pc: 'OTHERPC0000000000000000001', seq: 7, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    const sneaky = { ...auditRow(makeCtx(freshDb(), clock), writer, 'view', { summary: 'बिना शृंखला' }), hash: '' };
    await db.audit.bulkPut([docToAudit(auditToDoc(foreign), 'synced'), docToAudit(auditToDoc(sneaky), 'synced')]);
    expect(await db.audit.get(foreign.id)).toMatchObject({ pc: foreign.pc, seq: 7, prevHash: foreign.prevHash, hash: foreign.hash });
    const stored = await db.audit.get(sneaky.id);
    expect(stored?.pc).toBeUndefined();
    expect(stored?.hash).toBeUndefined();
    expect((await chain(db)).map((r) => r.seq)).toEqual([1, 2]);
  });
});
