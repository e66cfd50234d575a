import { describe, expect, it } from 'vitest';
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import { createRecord, correctRecord, cancelRecord } from '../../../renderer/src/db/repository';
import { saveProfile } from '../../../renderer/src/db/settings';
import { makeBackup, restoreBackup, snapshotDatabase } from '../../../renderer/src/db/backup';
import { readBackupHeader } from '../../../renderer/src/backup/format';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import type { Actor } from '../../../renderer/src/domain/records';
import { DomainError } from '../../../renderer/src/domain/bilingual';

const incharge: Actor = { userId: 'user:1', name: 'रमेश वर्मा', rank: 'निरीक्षक', role: 'incharge', initials: 'रव' };
const ITER = 1000;

function ctxFor(db: StationDb, thana = 'BSPKOTA'): StationContext {
  let t = Date.parse('2026-11-20T05:00:00Z');
  return { db, thana, pcSeries: '', now: () => new Date((t += 1000)), settings: () => ({}) };
}

async function seededStation(thana = 'BSPKOTA', places = 30) {
  const db = new StationDb(`t-${crypto.randomUUID()}`);
  const ctx = ctxFor(db, thana);
  await saveProfile(ctx, null, {
    ...DEFAULT_PROFILE,
    thanaName: 'कोटा',
    thanaCode: thana,
    inchargeName: 'रमेश वर्मा',
    nodalName: 'सीमा साहू',
    nodalMobile: '9876543210',
    campaignStart: '2026-11-01',
    campaignEnd: '2027-01-31',
    thanaTarget: 5000,
  });
  const ids: string[] = [];
  for (let i = 0; i < places; i++) {
    const { record } = await createRecord(ctx, incharge, placeRegister, { name: `ग्राम ${i} सेमरताल`, kind: 'village', area: 'rural', beat: `बीट ${i % 3}` });
    ids.push(record.id);
  }
  await correctRecord(ctx, incharge, placeRegister, ids[0]!, { beat: 'बीट 9' }, 'बीट गलत लिखी थी');
  await cancelRecord(ctx, incharge, placeRegister, ids[1]!, 'दोहरी प्रविष्टि');
  return { db, ctx, ids };
}

async function allRows(db: StationDb) {
  return (await snapshotDatabase({ db } as StationContext)).content.tables;
}

describe('backup and restore', () => {
  it('a backup of a seeded database restores to identical records on a new PC', async () => {
    const { ctx } = await seededStation();
    const { bytes, name, records } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    expect(name).toMatch(/^cmtd-BSPKOTA-\d{8}-\d{6}\.cmtdbak$/);
    expect(records).toBe(30);
    const fresh = new StationDb(`t-${crypto.randomUUID()}`);
    let safety = 0;
    const res = await restoreBackup(ctxFor(fresh), incharge, bytes, 'थाना-कोटा-2026', async () => {
      safety++;
    });
    expect(safety).toBe(1);
    expect(res.records).toBe(30);
    const before = await allRows(ctx.db);
    const after = await allRows(fresh);
    expect(after.place).toEqual(before.place);
    expect(after.settings).toEqual(before.settings);
    expect(after.serials).toEqual(before.serials);
    // The audit log came back too, plus the restore itself.
    expect(after.audit!.length).toBe(before.audit!.length + 1);
  });

  it('the file is encrypted: no Hindi text or thana data is readable in the payload', async () => {
    const { ctx } = await seededStation();
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    const { payload, header } = await readBackupHeader(bytes);
    expect(header.thana).toBe('BSPKOTA');
    expect(new TextDecoder().decode(payload)).not.toContain('सेमरताल');
  });

  it('a damaged file is refused and nothing changes', async () => {
    const { ctx } = await seededStation();
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    const target = await seededStation('BSPKOTA', 3);
    const before = await allRows(target.db);
    const damaged = bytes.slice();
    damaged[damaged.length - 10]! ^= 0xff;
    let safety = 0;
    const err = await restoreBackup(target.ctx, incharge, damaged, 'थाना-कोटा-2026', async () => void safety++).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('backup.damaged');
    const truncated = bytes.slice(0, bytes.length - 100);
    expect(((await restoreBackup(target.ctx, incharge, truncated, 'x', async () => {}).catch((e) => e)) as DomainError).code).toBe('backup.damaged');
    expect(safety).toBe(0);
    expect(await allRows(target.db)).toEqual(before);
  });

  it('a wrong passphrase is refused and nothing changes', async () => {
    const { ctx } = await seededStation();
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    const target = await seededStation('BSPKOTA', 3);
    const before = await allRows(target.db);
    const err = (await restoreBackup(target.ctx, incharge, bytes, 'गलत-पासफ़्रेज़', async () => {}).catch((e) => e)) as DomainError;
    expect(err.code).toBe('backup.passphrase.wrong');
    expect(err.bilingual.hi).toContain('गलत');
    expect(await allRows(target.db)).toEqual(before);
  });

  it("another thana's backup is refused", async () => {
    const { ctx } = await seededStation('BSPKOTA');
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    const other = await seededStation('BSPTAKHT', 2);
    const err = (await restoreBackup(other.ctx, incharge, bytes, 'थाना-कोटा-2026', async () => {}).catch((e) => e)) as DomainError;
    expect(err.code).toBe('backup.thana');
  });

  it('only the in-charge may restore, and a short passphrase is refused', async () => {
    const { ctx } = await seededStation();
    await expect(makeBackup(ctx, incharge, 'short', '0.1.0', ITER)).rejects.toMatchObject({ code: 'backup.passphrase' });
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    await expect(restoreBackup(ctx, { ...incharge, role: 'writer' }, bytes, 'थाना-कोटा-2026', async () => {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
