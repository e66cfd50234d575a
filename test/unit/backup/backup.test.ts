import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationDb, type SyncStateRow } from '../../../renderer/src/db/schema';
import { countWaitingByKind } from '../../../renderer/src/db/sync-waiting';
import type { StationContext } from '../../../renderer/src/db/context';
import { createRecord, correctRecord, cancelRecord } from '../../../renderer/src/db/repository';
import { saveProfile } from '../../../renderer/src/db/settings';
import { makeBackup, restoreBackup, snapshotDatabase } from '../../../renderer/src/db/backup';
import { BACKUP_KDF_MIN_ITERATIONS, encodeBackup, readBackupHeader, setBackupKdfFloorForTests, type BackupContent } from '../../../renderer/src/backup/format';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import type { Actor } from '../../../renderer/src/domain/records';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { staffed } from '../records/fixtures';

const incharge: Actor = { userId: 'user:1', name: 'रमेश वर्मा', rank: 'निरीक्षक', role: 'incharge', initials: 'रव' };
const ITER = 1000;
beforeAll(() => setBackupKdfFloorForTests(ITER));
afterAll(() => setBackupKdfFloorForTests(BACKUP_KDF_MIN_ITERATIONS));

/** The file with its header line rewritten by `edit` (the payload and its checksum untouched). */
function editHeader(file: Uint8Array, edit: (h: Record<string, unknown>) => void): Uint8Array {
  const nl = file.indexOf(10);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(0, nl))) as Record<string, unknown>;
  edit(header);
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(head.length + file.length - nl);
  out.set(head, 0);
  out.set(file.subarray(nl), head.length);
  return out;
}

const toHex = (b: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

/** A format-1 backup as the app wrote it before the header was authenticated (no AES-GCM additional data). */
async function formatOneBackup(content: BackupContent, thana: string, passphrase: string): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITER }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const gz = new Uint8Array(await new Response(new Blob([JSON.stringify(content)]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, gz));
  const header = {
    format: 'cyber-mitan-thana-backup', formatVersion: 1, thana, thanaName: 'कोटा', createdAt: '2026-11-20T05:00:00.000Z', appVersion: '0.1.0',
    records: 0, dbVersion: content.dbVersion, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITER, salt: toHex(salt) },
    cipher: { name: 'AES-GCM', iv: toHex(iv) }, sha256: toHex(await crypto.subtle.digest('SHA-256', cipher)), bytes: cipher.length,
  };
  const head = new TextEncoder().encode(JSON.stringify(header) + '\n');
  const out = new Uint8Array(head.length + cipher.length);
  out.set(head, 0);
  out.set(cipher, head.length);
  return out;
}

/** A current-format backup of `content` (any dbVersion), for the thana BSPKOTA. */
async function encodeBackupForTest(content: BackupContent): Promise<{ bytes: Uint8Array }> {
  const bytes = await encodeBackup(content, { thana: 'BSPKOTA', thanaName: 'कोटा', createdAt: '2026-11-20T05:00:00.000Z', appVersion: '0.1.0', records: 0 }, 'थाना-कोटा-2026', ITER);
  return { bytes };
}

function ctxFor(db: StationDb, thana = 'BSPKOTA'): StationContext {
  let t = Date.parse('2026-11-20T05:00:00Z');
  return { db, thana, pcSeries: '', now: () => new Date((t += 1000)), settings: () => ({}) };
}

async function seededStation(thana = 'BSPKOTA', places = 30) {
  const db = staffed(new StationDb(`t-${crypto.randomUUID()}`), incharge);
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
    const fresh = staffed(new StationDb(`t-${crypto.randomUUID()}`), incharge);
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

describe('a backup cannot be turned against the PC', () => {
  it("a header edited to another thana's code is refused (it is authenticated with the data), and nothing changes", async () => {
    const { ctx } = await seededStation('BSPKOTA');
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    const forged = editHeader(bytes, (h) => {
      h.thana = 'BSPTAKHT';
    });
    const other = await seededStation('BSPTAKHT', 2);
    const before = await allRows(other.db);
    let safety = 0;
    const err = (await restoreBackup(other.ctx, incharge, forged, 'थाना-कोटा-2026', async () => void safety++).catch((e) => e)) as DomainError;
    expect(err).toBeInstanceOf(DomainError);
    expect(err.bilingual.en).toMatch(/header was altered/);
    expect(safety).toBe(0);
    expect(await allRows(other.db)).toEqual(before);
  });

  it('an old format-1 file still restores, and its unauthenticated header cannot smuggle in another thana', async () => {
    const { ctx } = await seededStation('BSPKOTA');
    const { content } = await snapshotDatabase(ctx);
    const old = await formatOneBackup(content, 'BSPKOTA', 'थाना-कोटा-2026');
    const fresh = staffed(new StationDb(`t-${crypto.randomUUID()}`), incharge);
    await restoreBackup(ctxFor(fresh), incharge, old, 'थाना-कोटा-2026', async () => {});
    expect((await allRows(fresh)).place).toEqual(content.tables.place);

    const relabelled = await formatOneBackup(content, 'BSPTAKHT', 'थाना-कोटा-2026');
    const other = await seededStation('BSPTAKHT', 2);
    const before = await allRows(other.db);
    const err = (await restoreBackup(other.ctx, incharge, relabelled, 'थाना-कोटा-2026', async () => {}).catch((e) => e)) as DomainError;
    expect(err.code).toBe('backup.thana');
    expect(err.bilingual.hi).toContain('BSPKOTA');
    expect(await allRows(other.db)).toEqual(before);
  });

  it('a backup made before schema v8 (entries carrying their own sync state) restores with its unsent entries still waiting to go', async () => {
    const { ctx, ids } = await seededStation('BSPKOTA', 4);
    const { content } = await snapshotDatabase(ctx);
    // As v7 wrote it: `_rev`/`syncState` inside each entry, no syncStates table.
    const states = new Map((content.tables.syncStates as SyncStateRow[]).map((s) => [s.id, s]));
    const v7Places = (content.tables.place as { id: string }[]).map((r, i) => ({ ...r, _rev: i === 2 ? '1-abc' : null, syncState: i === 2 ? 'synced' : states.get(r.id)!.state }));
    const { syncStates: _gone, ...rest } = content.tables;
    const v7: BackupContent = { dbVersion: 7, tables: { ...rest, place: v7Places } };
    const { bytes } = await encodeBackupForTest(v7);
    const fresh = staffed(new StationDb(`t-${crypto.randomUUID()}`), incharge);
    await restoreBackup(ctxFor(fresh), incharge, bytes, 'थाना-कोटा-2026', async () => {});
    for (const r of await fresh.place.toArray()) expect(r).not.toHaveProperty('syncState');
    expect((await countWaitingByKind(fresh, '')).entries).toBe(ids.length - 1 + (await fresh.audit.where('[syncState+at]').between(['dirty', ''], ['dirty', '\uffff']).count()));
    expect(await fresh.syncStates.get(ids[2]!)).toMatchObject({ table: 'place', state: 'synced', rev: '1-abc' });
    expect(await fresh.syncStates.get(ids[0]!)).toMatchObject({ table: 'place', state: 'dirty', rev: null, version: 2 });
  });

  it('key settings outside the fixed range are refused before any key is derived', async () => {
    const { ctx } = await seededStation('BSPKOTA', 2);
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    for (const edit of [
      (h: Record<string, unknown>) => ((h.kdf as { iterations: number }).iterations = 50_000_000),
      (h: Record<string, unknown>) => ((h.kdf as { iterations: number }).iterations = 1.5),
      (h: Record<string, unknown>) => ((h.kdf as { hash: string }).hash = 'SHA-1'),
      (h: Record<string, unknown>) => ((h.kdf as { salt: string }).salt = ''),
      (h: Record<string, unknown>) => ((h.cipher as { iv: string }).iv = 'zz'),
    ]) {
      const err = (await readBackupHeader(editHeader(bytes, edit)).catch((e) => e)) as DomainError;
      expect(err.code).toBe('backup.kdf');
      expect(err.bilingual.hi).toContain('सीमा');
    }
    // The app's own floor: a file asking for a thousand rounds is refused outside tests.
    setBackupKdfFloorForTests(BACKUP_KDF_MIN_ITERATIONS);
    try {
      expect(((await readBackupHeader(bytes).catch((e) => e)) as DomainError).code).toBe('backup.kdf');
    } finally {
      setBackupKdfFloorForTests(ITER);
    }
  });

  it('a restore keeps the audit rows written after the backup', async () => {
    const { ctx, ids } = await seededStation('BSPKOTA', 3);
    const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', ITER);
    await correctRecord(ctx, incharge, placeRegister, ids[2]!, { beat: 'बीट 7' }, 'बाद का सुधार');
    const later = (await ctx.db.audit.toArray()).filter((a) => a.summary.includes('बाद का सुधार') || a.recordId === ids[2]);
    const laterIds = (await ctx.db.audit.toArray()).map((a) => a.id);
    await restoreBackup(ctx, incharge, bytes, 'थाना-कोटा-2026', async () => {});
    const after = (await ctx.db.audit.toArray()).map((a) => a.id);
    expect(after).toEqual(expect.arrayContaining(laterIds));
    expect(later.length).toBeGreaterThan(0);
    // The record itself went back to the backup's state.
    expect((await ctx.db.place.get(ids[2]!))?.data.beat).not.toBe('बीट 7');
  });
});
