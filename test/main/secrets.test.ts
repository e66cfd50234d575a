/**
 * Secrets of this PC: encrypted by the OS (safeStorage, async API first), never stored in
 * plain text, refused when the OS cannot encrypt, and reachable only by the allowed names.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcEventFrom } from './fake-electron';
import type { SafeStorageLike } from '../../electron/secrets';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { IPC } = await import('../../renderer/src/bridge/contract');
const { safeStorageCipher, SecretStore, SECRETS_FILE } = await import('../../electron/secrets');
const ipc = await import('../../electron/ipc');

const APP_PAGE = 'app://thana/index.html#/settings';
const PASSPHRASE = 'थाना-कोटा-2026 रात्रि';

let dir: string;
let userData: string;

beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'thana-secrets-'));
  userData = join(dir, 'userData');
  fake.state.paths = { userData, downloads: join(dir, 'Downloads'), temp: join(dir, 'temp') };
  ipc.registerIpcHandlers();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  return Promise.resolve(fake.ipcHandlers.get(channel)!(ipcEventFrom(APP_PAGE), ...args));
}

/** Electron 40/41: only the sync API. XOR is enough for a fake; it is never plain text. */
function syncOnlySafeStorage(over: Partial<SafeStorageLike> = {}): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => true,
    encryptString: (s) => flip(Buffer.from(s, 'utf8')),
    decryptString: (b) => flip(b).toString('utf8'),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...over,
  };
}

describe('secret channels', () => {
  it('keeps the backup passphrase encrypted on disk and gives it back', async () => {
    expect(await invoke(IPC.secretGet, 'backupPassphrase')).toEqual({ ok: true, data: null });
    expect(await invoke(IPC.secretSet, { name: 'backupPassphrase', value: PASSPHRASE })).toEqual({ ok: true, data: undefined });
    expect(await invoke(IPC.secretGet, 'backupPassphrase')).toEqual({ ok: true, data: PASSPHRASE });
    expect(fake.safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);

    const onDisk = await readFile(join(userData, SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain(PASSPHRASE);
    expect(onDisk).not.toContain(Buffer.from(PASSPHRASE).toString('base64'));
    expect(JSON.parse(onDisk)).toEqual({ version: 1, secrets: { backupPassphrase: expect.any(String) } });
  });

  it('keeps secrets apart by name, and clears one without the other', async () => {
    await invoke(IPC.secretSet, { name: 'backupPassphrase', value: PASSPHRASE });
    await invoke(IPC.secretSet, { name: 'hubCredentials', value: '{"username":"thana_bspkota","password":"x"}' });
    expect(await invoke(IPC.secretClear, 'backupPassphrase')).toEqual({ ok: true, data: undefined });
    expect(await invoke(IPC.secretGet, 'backupPassphrase')).toEqual({ ok: true, data: null });
    expect(await invoke(IPC.secretGet, 'hubCredentials')).toMatchObject({ ok: true, data: expect.stringContaining('thana_bspkota') });
    // Clearing what is not there is fine.
    expect(await invoke(IPC.secretClear, 'backupPassphrase')).toEqual({ ok: true, data: undefined });
  });

  it.each(['__proto__', 'constructor', 'apiToken', '../secrets', '', 7, null])('refuses the name %s', async (name) => {
    expect(await invoke(IPC.secretGet, name)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await invoke(IPC.secretSet, { name, value: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await invoke(IPC.secretClear, name)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it.each([
    ['an empty value', { name: 'backupPassphrase', value: '' }],
    ['a value that is not text', { name: 'backupPassphrase', value: 12345678 }],
    ['a huge value', { name: 'backupPassphrase', value: 'x'.repeat(5000) }],
    ['no request', undefined],
  ])('refuses %s', async (_what, req) => {
    expect(await invoke(IPC.secretSet, req)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses to store anything when the OS cannot encrypt, and writes no file', async () => {
    fake.state.encryptionAvailable = false;
    expect(await invoke(IPC.secretSet, { name: 'backupPassphrase', value: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'secrets-unavailable', message: expect.stringContaining('nothing was saved') },
    });
    await expect(stat(join(userData, SECRETS_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fake.safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('says a secret saved by another Windows user cannot be read, instead of returning garbage', async () => {
    await invoke(IPC.secretSet, { name: 'backupPassphrase', value: PASSPHRASE });
    fake.safeStorage.decryptStringAsync.mockRejectedValueOnce(new Error('Error while decrypting the ciphertext'));
    expect(await invoke(IPC.secretGet, 'backupPassphrase')).toMatchObject({ ok: false, error: { code: 'secret-unreadable' } });
  });
});

describe('safeStorageCipher', () => {
  it('uses the sync API on an Electron without the async one (40, 41)', async () => {
    const store = new SecretStore(userData, safeStorageCipher(syncOnlySafeStorage(), 'win32'));
    await store.set('backupPassphrase', PASSPHRASE);
    expect(await store.get('backupPassphrase')).toBe(PASSPHRASE);
    expect(await readFile(join(userData, SECRETS_FILE), 'utf8')).not.toContain(PASSPHRASE);
  });

  it("accepts Electron 42's boolean answer to isAsyncEncryptionAvailable", async () => {
    const cipher = safeStorageCipher({ ...fake.safeStorage, isAsyncEncryptionAvailable: () => true }, 'win32');
    expect(await cipher.available()).toBe(true);
    expect(await cipher.decrypt(await cipher.encrypt('x'))).toBe('x');
  });

  it('counts Linux without a keyring (basic_text: a fixed key) as unavailable', async () => {
    const weak = syncOnlySafeStorage({ getSelectedStorageBackend: () => 'basic_text' });
    expect(await safeStorageCipher(weak, 'linux').available()).toBe(false);
    expect(await safeStorageCipher(weak, 'win32').available()).toBe(true);
    const store = new SecretStore(userData, safeStorageCipher(weak, 'linux'));
    await expect(store.set('backupPassphrase', PASSPHRASE)).rejects.toMatchObject({ code: 'secrets-unavailable' });
  });

  it('is unavailable when safeStorage has no API at all', async () => {
    expect(await safeStorageCipher({}, 'win32').available()).toBe(false);
  });
});
