/**
 * Backups on disk: atomic writes (a crash before the rename leaves the old files and no
 * half file under the final name), listing, reading by name only, pruning, the second
 * folder, and the backup channels of the bridge.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcEventFrom } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { IPC } = await import('../../renderer/src/bridge/contract');
const { BackupStore } = await import('../../electron/backups');
const { writeFileAtomic, TEMP_PREFIX } = await import('../../electron/backupsAtomicWrite');
const ipc = await import('../../electron/ipc');

const APP_PAGE = 'app://thana/index.html#/settings';
const name = (day: number, time = '050000', note = '') => `cmtd-BSPKOTA-202611${String(day).padStart(2, '0')}-${time}${note ? `-${note}` : ''}.cmtdbak`;
const bytes = (text: string) => new TextEncoder().encode(text);

let dir: string;
let userData: string;
let primary: string;

beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'thana-backups-'));
  userData = join(dir, 'userData');
  primary = join(userData, 'backups');
  fake.state.paths = { userData, downloads: join(dir, 'Downloads'), temp: join(dir, 'temp') };
  ipc.registerIpcHandlers();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(ipcEventFrom(APP_PAGE), ...args));
}

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temp file behind', async () => {
    await mkdir(primary, { recursive: true });
    await writeFileAtomic(join(primary, 'a.txt'), 'नया');
    expect(await readFile(join(primary, 'a.txt'), 'utf8')).toBe('नया');
    expect(await readdir(primary)).toEqual(['a.txt']);
  });

  it('interrupted before the rename: the old file is intact, and no half file and no temp remain', async () => {
    await mkdir(primary, { recursive: true });
    await writeFile(join(primary, 'a.txt'), 'old complete contents');
    let tempSeen = '';
    const crash = writeFileAtomic(join(primary, 'a.txt'), 'new contents', {
      beforeRename: async (temp) => {
        tempSeen = temp;
        // At this moment the new bytes are on disk, but only under the temp name.
        expect(await readFile(temp, 'utf8')).toBe('new contents');
        throw new Error('power cut');
      },
    });
    await expect(crash).rejects.toThrow('power cut');
    expect(tempSeen).toContain(TEMP_PREFIX);
    expect(await readFile(join(primary, 'a.txt'), 'utf8')).toBe('old complete contents');
    expect(await readdir(primary)).toEqual(['a.txt']);
  });
});

describe('BackupStore', () => {
  it('a backup interrupted before the rename leaves the earlier backups intact and no file with its name', async () => {
    const store = new BackupStore(userData);
    await store.write({ name: name(18), data: bytes('backup of the 18th') });
    await store.write({ name: name(19), data: bytes('backup of the 19th') });

    const crashing = new BackupStore(userData, {
      beforeRename: () => {
        throw new Error('power cut');
      },
    });
    await expect(crashing.write({ name: name(20), data: bytes('x'.repeat(100_000)) })).rejects.toThrow('power cut');

    expect((await readdir(primary)).sort()).toEqual([name(18), name(19)]);
    expect(await readFile(join(primary, name(18)), 'utf8')).toBe('backup of the 18th');
    expect(await readFile(join(primary, name(19)), 'utf8')).toBe('backup of the 19th');
    expect((await store.list()).map((b) => b.name)).toEqual([name(19), name(18)]);

    // The next attempt works.
    await store.write({ name: name(20), data: bytes('backup of the 20th') });
    expect((await store.list()).map((b) => b.name)).toEqual([name(20), name(19), name(18)]);
  });

  it('lists only backup files, newest first by the time in their name, with size and time', async () => {
    const store = new BackupStore(userData);
    await store.write({ name: name(3, '230000'), data: bytes('abc') });
    await store.write({ name: name(12, '010203', 'before-restore'), data: bytes('abcdef') });
    await writeFile(join(primary, 'notes.txt'), 'not a backup');
    await writeFile(join(primary, `${TEMP_PREFIX}${name(13)}.abc.tmp`), 'half');
    await mkdir(join(primary, name(14)));
    expect(await store.list()).toEqual([
      { name: name(12, '010203', 'before-restore'), size: 6, createdAt: '2026-11-12T01:02:03Z' },
      { name: name(3, '230000'), size: 3, createdAt: '2026-11-03T23:00:00Z' },
    ]);
  });

  it('lists nothing when there is no backups folder yet', async () => {
    expect(await new BackupStore(userData).list()).toEqual([]);
  });

  it('reads a backup by its name, and never by a path', async () => {
    const store = new BackupStore(userData);
    await store.write({ name: name(5), data: bytes('the backup') });
    await writeFile(join(userData, 'secrets.json'), '{}');
    expect(new TextDecoder().decode(await store.read(name(5)))).toBe('the backup');
    for (const bad of ['../secrets.json', `../backups/${name(5)}`, join(primary, name(5)), 'cmtd-BSPKOTA-20261105-050000.cmtdbak/..', 'CON', '']) {
      await expect(store.read(bad)).rejects.toMatchObject({ code: 'invalid-argument' });
    }
    await expect(store.read(name(6))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('prunes to the newest N, in both folders, never touching other files', async () => {
    const usb = join(dir, 'usb');
    await mkdir(usb);
    const store = new BackupStore(userData);
    await store.setSecondFolder(usb);
    for (const day of [1, 2, 3, 4, 5]) await store.write({ name: name(day), data: bytes(`day ${day}`) });
    await writeFile(join(usb, 'family-photos.jpg'), 'not ours');
    await writeFile(join(primary, 'readme.txt'), 'not ours');

    expect(await store.prune(2)).toEqual({ removed: [name(1), name(2), name(3)] });
    expect((await readdir(primary)).sort()).toEqual([name(4), name(5), 'readme.txt']);
    expect((await readdir(usb)).sort()).toEqual([name(4), name(5), 'family-photos.jpg']);
    expect(await store.prune(2)).toEqual({ removed: [] });
  });

  it('prune removes temp files a crash left behind an hour ago, not ones being written now', async () => {
    const store = new BackupStore(userData);
    await store.write({ name: name(1), data: bytes('ok') });
    const stale = join(primary, `${TEMP_PREFIX}${name(2)}.aaaa.tmp`);
    const fresh = join(primary, `${TEMP_PREFIX}${name(3)}.bbbb.tmp`);
    await writeFile(stale, 'half');
    await writeFile(fresh, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await store.prune(14);
    expect((await readdir(primary)).sort()).toEqual([fresh.slice(primary.length + 1), name(1)].sort());
  });

  it('copies each backup into the second folder, and reports a missing USB drive without failing', async () => {
    const usb = join(dir, 'usb');
    await mkdir(usb);
    const store = new BackupStore(userData);
    expect(await store.setSecondFolder(usb)).toEqual({ primary, second: usb });
    expect(await store.write({ name: name(1), data: bytes('one') })).toEqual({ name: name(1), size: 3, second: { status: 'written' } });
    expect(await readFile(join(usb, name(1)), 'utf8')).toBe('one');

    await rm(usb, { recursive: true });
    expect(await store.write({ name: name(2), data: bytes('two') })).toMatchObject({ second: { status: 'unavailable' } });
    expect(await readFile(join(primary, name(2)), 'utf8')).toBe('two');
    // The folder is not created on whatever disk now has that path.
    await expect(readdir(usb)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a failed second copy does not fail the backup', async () => {
    const usb = join(dir, 'usb');
    await mkdir(usb);
    const store = new BackupStore(userData, {
      beforeRename: (temp) => {
        if (temp.startsWith(usb)) throw new Error('EIO: the drive was pulled out');
      },
    });
    await new BackupStore(userData).setSecondFolder(usb);
    expect(await store.write({ name: name(1), data: bytes('one') })).toMatchObject({ second: { status: 'failed', message: expect.stringContaining('EIO') } });
    expect(await readFile(join(primary, name(1)), 'utf8')).toBe('one');
    expect(await readdir(usb)).toEqual([]);
  });

  it('refuses a second folder that is missing, relative, or inside the app data', async () => {
    const store = new BackupStore(userData);
    await mkdir(primary, { recursive: true });
    await expect(store.setSecondFolder(join(dir, 'nope'))).rejects.toMatchObject({ code: 'folder-missing' });
    await expect(store.setSecondFolder('usb')).rejects.toMatchObject({ code: 'folder-missing' });
    await expect(store.setSecondFolder(primary)).rejects.toMatchObject({ code: 'folder-inside-app-data' });
    await expect(store.setSecondFolder(dir)).rejects.toMatchObject({ code: 'folder-inside-app-data' });
    expect(await store.folders()).toEqual({ primary, second: null });
  });
});

describe('backup channels', () => {
  it('backupWrite writes into <userData>/backups and refuses bad names and data', async () => {
    expect(await invoke(IPC.backupWrite, { name: name(1), data: bytes('encrypted') })).toMatchObject({ ok: true, data: { name: name(1), size: 9 } });
    expect(await readFile(join(primary, name(1)), 'utf8')).toBe('encrypted');
    for (const bad of [
      { name: '../../evil.exe', data: bytes('x') },
      { name: 'C:\\Windows\\x.cmtdbak', data: bytes('x') },
      { name: name(2), data: 'text' },
      { name: name(2), data: [1, 2, 3] },
      { name: name(2), data: new Uint8Array(0) },
      null,
    ]) {
      expect(await invoke(IPC.backupWrite, bad)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await readdir(primary)).toEqual([name(1)]);
  });

  it('backupList, backupRead and backupPrune work by name', async () => {
    for (const day of [1, 2, 3]) await invoke(IPC.backupWrite, { name: name(day), data: bytes(`day ${day}`) });
    const list = (await invoke(IPC.backupList)) as { data: { name: string }[] };
    expect(list.data.map((b) => b.name)).toEqual([name(3), name(2), name(1)]);
    const read = (await invoke(IPC.backupRead, name(2))) as { data: Uint8Array };
    expect(new TextDecoder().decode(read.data)).toBe('day 2');
    expect(await invoke(IPC.backupPrune, 1)).toEqual({ ok: true, data: { removed: [name(1), name(2)] } });
    for (const keep of [0, -1, 1.5, '3', 366, null]) {
      expect(await invoke(IPC.backupPrune, keep)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('the second folder is chosen in a dialog of main, stored by main, and can be forgotten', async () => {
    const usb = join(dir, 'usb');
    await mkdir(usb);
    expect(await invoke(IPC.backupFolders)).toEqual({ ok: true, data: { primary, second: null } });
    fake.state.openDialogResult = { canceled: true, filePaths: [] };
    expect(await invoke(IPC.backupChooseSecondFolder)).toEqual({ ok: true, data: { primary, second: null } });
    fake.state.openDialogResult = { canceled: false, filePaths: [usb] };
    expect(await invoke(IPC.backupChooseSecondFolder)).toEqual({ ok: true, data: { primary, second: usb } });
    // With no window behind the call, the options are the only argument.
    const options = fake.dialog.showOpenDialog.mock.calls.at(-1)?.at(-1);
    expect(options).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
    expect(await invoke(IPC.backupFolders)).toEqual({ ok: true, data: { primary, second: usb } });
    // A path sent by the page is ignored: the dialog decides.
    fake.state.openDialogResult = { canceled: true, filePaths: [] };
    expect(await invoke(IPC.backupChooseSecondFolder, '/etc')).toEqual({ ok: true, data: { primary, second: usb } });
    expect(await invoke(IPC.backupForgetSecondFolder)).toEqual({ ok: true, data: { primary, second: null } });
  });

  it('backupPickFile returns the chosen file, or null when the dialog is cancelled', async () => {
    const file = join(dir, 'usb-copy.cmtdbak');
    await writeFile(file, 'backup bytes');
    fake.state.openDialogResult = { canceled: false, filePaths: [file] };
    const picked = (await invoke(IPC.backupPickFile)) as { data: { name: string; data: Uint8Array } };
    expect(picked.data.name).toBe('usb-copy.cmtdbak');
    expect(new TextDecoder().decode(picked.data.data)).toBe('backup bytes');
    fake.state.openDialogResult = { canceled: true, filePaths: [] };
    expect(await invoke(IPC.backupPickFile)).toEqual({ ok: true, data: null });
  });
});
