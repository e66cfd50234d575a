/**
 * The backup service: the daily automatic backup, "back up now", keeping the newest N, the
 * passphrase (in-charge only, never in the database), and restore with its safety copy.
 * The main process is an in-memory fake with the same rules as electron/backups.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import { createRecord } from '../../../renderer/src/db/repository';
import { saveProfile } from '../../../renderer/src/db/settings';
import { snapshotDatabase } from '../../../renderer/src/db/backup';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import type { Actor } from '../../../renderer/src/domain/records';
import { backupCreatedAt, BridgeError, isBackupFileName, type BackupFileInfo, type SecretName } from '../../../renderer/src/bridge/contract';
import { BackupService, DAY_MS, type BackupBridge } from '../../../renderer/src/backup/service';
import { saveBackupPrefs, readBackupPrefs } from '../../../renderer/src/backup/settings';
import { backupErrorMessage } from '../../../renderer/src/backup/messages';
import { staffed } from '../records/fixtures';
import { BACKUP_KDF_MIN_ITERATIONS, setBackupKdfFloorForTests } from '../../../renderer/src/backup/format';

// The service is built with 1,000 PBKDF2 rounds below, for speed.
beforeAll(() => setBackupKdfFloorForTests(1000));
afterAll(() => setBackupKdfFloorForTests(BACKUP_KDF_MIN_ITERATIONS));

const incharge: Actor = { userId: 'user:1', name: 'रमेश वर्मा', rank: 'निरीक्षक', role: 'incharge', initials: 'रव' };
const writer: Actor = { userId: 'user:2', name: 'सुनील', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'सु' };
const PASSPHRASE = 'थाना-कोटा-2026';

/** main's side, in memory: a backups folder, a second folder, and the secret store. */
class FakeMain implements BackupBridge {
  files = new Map<string, Uint8Array>();
  secondCopies = new Map<string, Uint8Array>();
  secrets = new Map<SecretName, string>();
  web = false;
  second: 'none' | 'written' | 'unavailable' = 'none';
  writes: string[] = [];

  async backupWrite(req: { name: string; data: Uint8Array }) {
    if (!isBackupFileName(req.name)) throw new BridgeError('invalid-argument', 'not a backup file name');
    this.files.set(req.name, req.data.slice());
    this.writes.push(req.name);
    if (this.second === 'written') this.secondCopies.set(req.name, req.data.slice());
    return { name: req.name, size: req.data.byteLength, second: { status: this.second } };
  }
  async backupList(): Promise<BackupFileInfo[]> {
    return [...this.files]
      .map(([name, data]) => ({ name, size: data.byteLength, createdAt: backupCreatedAt(name)! }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }
  async backupRead(name: string) {
    const data = this.files.get(name);
    if (!data) throw new BridgeError('not-found', name);
    return data;
  }
  async backupPrune(keep: number) {
    const removed = (await this.backupList()).slice(keep).map((b) => b.name);
    for (const n of removed) this.files.delete(n);
    return { removed: removed.sort() };
  }
  async backupFolders() {
    return this.web ? { primary: null, second: null } : { primary: '/userData/backups', second: null };
  }
  async secretGet(name: SecretName) {
    return this.secrets.get(name) ?? null;
  }
  async secretSet(req: { name: SecretName; value: string }) {
    this.secrets.set(req.name, req.value);
  }
  async secretClear(name: SecretName) {
    this.secrets.delete(name);
  }
}

async function station(opts: { thana?: string; places?: number; start?: string } = {}) {
  const thana = opts.thana ?? 'BSPKOTA';
  let t = Date.parse(opts.start ?? '2026-11-20T05:00:00Z');
  const db = staffed(new StationDb(`t-${crypto.randomUUID()}`), incharge, writer);
  const ctx: StationContext = { db, thana, pcSeries: '', now: () => new Date((t += 1000)), settings: () => ({}) };
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
  for (let i = 0; i < (opts.places ?? 5); i++) {
    await createRecord(ctx, incharge, placeRegister, { name: `ग्राम ${i}`, kind: 'village', area: 'rural', beat: 'बीट 1' });
  }
  const main = new FakeMain();
  const service = new BackupService({ bridge: main, ctx: () => ctx, appVersion: async () => '0.1.0', iterations: 1000 });
  const advance = (ms: number) => {
    t += ms;
  };
  return { db, ctx, main, service, advance };
}

const tables = async (db: StationDb) => (await snapshotDatabase({ db } as StationContext)).content.tables;

describe('the daily automatic backup', () => {
  it('is not made until the in-charge sets a passphrase, then once a day', async () => {
    const { main, service, advance } = await station();
    expect(await service.runIfDue()).toMatchObject({ outcome: null, check: { due: false, reason: 'no-passphrase' } });
    expect(main.writes).toEqual([]);

    await service.setPassphrase(incharge, PASSPHRASE);
    const first = await service.runIfDue();
    expect(first.outcome).toMatchObject({ records: 5, second: 'none', pruned: [] });
    expect(first.outcome!.name).toMatch(/^cmtd-BSPKOTA-20261120-\d{6}\.cmtdbak$/);

    advance(3 * 60 * 60 * 1000);
    expect(await service.runIfDue()).toMatchObject({ outcome: null, check: { reason: 'recent' } });
    advance(DAY_MS);
    expect((await service.runIfDue()).outcome).not.toBeNull();
    expect(main.writes).toHaveLength(2);
  });

  it('keeps only the newest N (a setting, 14 by default)', async () => {
    const { ctx, main, service, advance } = await station();
    expect((await readBackupPrefs(ctx.db)).keep).toBe(14);
    await service.setPassphrase(incharge, PASSPHRASE);
    await saveBackupPrefs(ctx, incharge, { keep: 3, automatic: true });
    for (let day = 0; day < 5; day++) {
      await service.runIfDue();
      advance(DAY_MS + 1000);
    }
    expect(main.writes).toHaveLength(5);
    expect([...main.files.keys()].sort()).toEqual(main.writes.slice(2).sort());
  });

  it('can be switched off, and never runs in a browser (a backup there is a download)', async () => {
    const { ctx, main, service } = await station();
    await service.setPassphrase(incharge, PASSPHRASE);
    await saveBackupPrefs(ctx, incharge, { keep: 14, automatic: false });
    expect((await service.runIfDue()).check).toEqual({ due: false, reason: 'automatic-off' });
    main.web = true;
    expect((await service.runIfDue()).check).toEqual({ due: false, reason: 'web-mode' });
    expect(main.writes).toEqual([]);
  });

  it('reports a failure instead of throwing, and writes nothing', async () => {
    const { main, service } = await station();
    await service.setPassphrase(incharge, PASSPHRASE);
    main.backupWrite = vi.fn(async () => {
      throw new BridgeError('failed', 'ENOSPC: no space left on device');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await service.runIfDue();
    expect(r.outcome).toBeNull();
    expect(backupErrorMessage(r.error).en).toContain('ENOSPC');
    expect(main.files.size).toBe(0);
  });

  it('a schedule checks at once and then every interval, until stopped', async () => {
    const { main, service } = await station();
    await service.setPassphrase(incharge, PASSPHRASE);
    // A backup that outlasts the interval (a slow PC): later ticks must not start a second one.
    const write = main.backupWrite.bind(main);
    main.backupWrite = async (req) => {
      await new Promise((r) => setTimeout(r, 120));
      return write(req);
    };
    const results: unknown[] = [];
    const stop = service.startSchedule((r) => results.push(r), 30);
    await vi.waitFor(() => expect(results.length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    stop();
    const seen = results.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(results.length).toBeLessThanOrEqual(seen + 1);
    // Made once; the later checks found it recent.
    expect(main.writes).toHaveLength(1);
    expect(results[1]).toMatchObject({ check: { reason: 'recent' } });
  });
});

describe('back up now', () => {
  it('any station role may, records it in the audit log, and tells where the second copy went', async () => {
    const { ctx, main, service } = await station();
    await service.setPassphrase(incharge, PASSPHRASE);
    main.second = 'unavailable';
    const outcome = await service.backupNow(writer);
    expect(outcome).toMatchObject({ records: 5, second: 'unavailable' });
    const audit = (await ctx.db.audit.toArray()).filter((a) => a.action === 'backup');
    expect(audit).toEqual([expect.objectContaining({ userName: 'सुनील', summary: expect.stringContaining(outcome.name) })]);
  });

  it('two clicks at once make one backup', async () => {
    const { main, service } = await station();
    await service.setPassphrase(incharge, PASSPHRASE);
    const [a, b] = await Promise.all([service.backupNow(incharge), service.backupNow(incharge)]);
    expect(a).toEqual(b);
    expect(main.writes).toHaveLength(1);
  });

  it('without a passphrase says so in both languages', async () => {
    const { service } = await station();
    const err = await service.backupNow(incharge).catch((e: unknown) => e);
    expect(backupErrorMessage(err)).toEqual({ hi: expect.stringContaining('पासफ़्रेज़'), en: expect.stringContaining('passphrase') });
  });
});

describe('the passphrase', () => {
  it('only the in-charge sets it; it must be 8 characters; it never reaches the database', async () => {
    const { db, main, service } = await station();
    await expect(service.setPassphrase(writer, PASSPHRASE)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.setPassphrase(incharge, 'short')).rejects.toMatchObject({ code: 'backup.passphrase' });
    expect(await service.hasPassphrase()).toBe(false);
    await service.setPassphrase(incharge, PASSPHRASE);
    expect(main.secrets.get('backupPassphrase')).toBe(PASSPHRASE);
    expect(JSON.stringify(await tables(db))).not.toContain(PASSPHRASE);
    await service.clearPassphrase(incharge);
    expect(await service.hasPassphrase()).toBe(false);
  });
});

describe('restore', () => {
  it('verifies, saves the current state first, then replaces it with identical records', async () => {
    const source = await station({ places: 8 });
    await source.service.setPassphrase(incharge, PASSPHRASE);
    const { name } = await source.service.backupNow(incharge);
    const file = source.main.files.get(name)!;
    const before = await tables(source.db);

    const target = await station({ places: 2 });
    await target.service.setPassphrase(incharge, 'दूसरा-पासफ़्रेज़');
    const result = await target.service.restore(incharge, { kind: 'file', data: file }, PASSPHRASE);
    expect(result.records).toBe(8);
    expect((await tables(target.db)).place).toEqual(before.place);

    // The state before the restore was kept, under this PC's own passphrase.
    const safety = [...target.main.files.keys()].find((n) => n.endsWith('-before-restore.cmtdbak'));
    expect(safety).toBeDefined();
    const undo = await station({ places: 0 });
    const back = await undo.service.restore(incharge, { kind: 'file', data: target.main.files.get(safety!)! }, 'दूसरा-पासफ़्रेज़');
    expect(back.records).toBe(2);
  });

  it('restores a backup from the backups folder by name', async () => {
    const { db, main, service } = await station({ places: 4 });
    await service.setPassphrase(incharge, PASSPHRASE);
    const { name } = await service.backupNow(incharge);
    await createRecord({ db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date('2026-11-21T05:00:00Z'), settings: () => ({}) }, incharge, placeRegister, {
      name: 'बाद में जोड़ा गया',
      kind: 'village',
      area: 'rural',
      beat: 'बीट 2',
    });
    expect((await tables(db)).place).toHaveLength(5);
    await service.restore(incharge, { kind: 'saved', name }, PASSPHRASE);
    expect((await tables(db)).place).toHaveLength(4);
    expect(main.writes.some((n) => n.endsWith('-before-restore.cmtdbak'))).toBe(true);
  });

  it('a wrong passphrase or a damaged file changes nothing and saves no safety copy', async () => {
    const { db, main, service } = await station({ places: 3 });
    await service.setPassphrase(incharge, PASSPHRASE);
    const { name } = await service.backupNow(incharge);
    const before = await tables(db);
    const writesBefore = main.writes.length;

    const wrong = await service.restore(incharge, { kind: 'saved', name }, 'गलत-पासफ़्रेज़-123').catch((e: unknown) => e);
    expect(backupErrorMessage(wrong).hi).toContain('गलत');

    const damaged = main.files.get(name)!.slice();
    damaged[damaged.length - 5]! ^= 0xff;
    const bad = await service.restore(incharge, { kind: 'file', data: damaged }, PASSPHRASE).catch((e: unknown) => e);
    expect(backupErrorMessage(bad).en).toContain('damaged');

    expect(main.writes.length).toBe(writesBefore);
    expect(await tables(db)).toEqual(before);
  });

  it('only the in-charge may restore', async () => {
    const { main, service } = await station();
    await service.setPassphrase(incharge, PASSPHRASE);
    const { name } = await service.backupNow(incharge);
    await expect(service.restore(writer, { kind: 'saved', name }, PASSPHRASE)).rejects.toMatchObject({ code: 'forbidden' });
    expect(main.writes).toHaveLength(1);
  });
});
