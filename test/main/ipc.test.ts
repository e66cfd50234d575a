import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { ipcEventFrom } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { IPC } = await import('../../renderer/src/bridge/contract');
const ipc = await import('../../electron/ipc');
const { MAX_FILE_BYTES } = await import('../../electron/validate');

const APP_PAGE = 'app://thana/index.html#/roster';
const FOREIGN_PAGES = [
  'https://evil.example/',
  'http://127.0.0.1:5173/index.html',
  'file:///C:/Users/munshi/Downloads/report.html',
  'app://other/index.html',
  'app://thana.evil.example/index.html',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  null,
];

/** A backup already in <userData>/backups, so backupRead has something to read. */
const SEEDED_BACKUP = 'cmtd-BSPKOTA-20261120-050000.cmtdbak';

/** Valid arguments for every channel, so a rejection can only come from the sender check. */
function validArgs(channel: string): unknown[] {
  switch (channel) {
    case IPC.saveFile:
      return [{ suggestedName: 'roster.xlsx', data: new Uint8Array([1, 2, 3]), mimeType: 'application/octet-stream', filters: [] }];
    case IPC.printToPdf:
      return [{ html: '<!doctype html><p>रजिस्टर</p>', suggestedName: 'roster' }];
    case IPC.openFolder:
      return ['downloads'];
    case IPC.openExternal:
      return ['https://cybercrime.gov.in/'];
    case IPC.backupWrite:
      return [{ name: SEEDED_BACKUP, data: new Uint8Array([1, 2, 3]) }];
    case IPC.backupRead:
      return [SEEDED_BACKUP];
    case IPC.backupPrune:
      return [14];
    case IPC.secretGet:
    case IPC.secretClear:
      return ['backupPassphrase'];
    case IPC.secretSet:
      return [{ name: 'backupPassphrase', value: 'थाना-कोटा-2026' }];
    case IPC.updateCheck:
      return [{ feedUrl: 'https://hub.bilaspur.lan/updates/', thana: 'BSPKOTA', metered: false, autoDownload: false }];
    default:
      return [];
  }
}

let dir: string;
let spies: Record<string, MockInstance>;

beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'thana-ipc-'));
  fake.state.paths = { userData: join(dir, 'userData'), downloads: join(dir, 'Downloads'), temp: join(dir, 'temp') };
  await mkdir(join(dir, 'userData', 'backups'), { recursive: true });
  await writeFile(join(dir, 'userData', 'backups', SEEDED_BACKUP), 'backup bytes');
  // Spy on the handlers before they are registered, to see whether a refused call ran one.
  spies = {};
  for (const key of Object.keys(ipc.handlers) as (keyof typeof ipc.handlers)[]) {
    spies[key] = vi.spyOn(ipc.handlers, key);
  }
  ipc.registerIpcHandlers();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function invoke(channel: string, sender: string | null, ...args: unknown[]): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const window = new fake.BrowserWindow({});
  return Promise.resolve(handler(ipcEventFrom(sender, window.webContents), ...args));
}

describe('IPC registration', () => {
  it('registers a handler for every channel of the contract, and no other', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC).sort());
    expect(Object.keys(ipc.handlers).sort()).toEqual(Object.keys(IPC).sort());
  });
});

describe('sender check', () => {
  it.each(Object.entries(IPC))('%s (%s) refuses every sender that is not the app, without running', async (key, channel) => {
    for (const sender of FOREIGN_PAGES) {
      const answer = await invoke(channel, sender, ...validArgs(channel));
      expect(answer, `${channel} from ${sender}`).toEqual({
        ok: false,
        error: { code: 'forbidden-sender', message: expect.any(String) },
      });
    }
    expect(spies[key]).not.toHaveBeenCalled();
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
    expect(fake.shell.openPath).not.toHaveBeenCalled();
  });

  it.each(Object.entries(IPC))('%s (%s) answers the app\'s own page', async (key, channel) => {
    const answer = await invoke(channel, APP_PAGE, ...validArgs(channel));
    expect(answer).toMatchObject({ ok: true });
    expect(spies[key]).toHaveBeenCalledTimes(1);
  });

  it('checkSender accepts only a live frame on app://thana', () => {
    expect(ipc.checkSender(ipcEventFrom('app://thana/index.html'))).toBe(true);
    expect(ipc.checkSender(ipcEventFrom(null))).toBe(false);
    expect(ipc.checkSender(ipcEventFrom('https://thana/'))).toBe(false);
  });
});

describe('appInfo', () => {
  it('tells the renderer it runs in Electron, with the app version', async () => {
    const answer = await invoke(IPC.appInfo, APP_PAGE);
    expect(answer).toEqual({
      ok: true,
      data: expect.objectContaining({ name: 'Cyber Mitan Thana Desk', version: '9.8.7', mode: 'electron', platform: process.platform }),
    });
  });
});

describe('saveFile', () => {
  const request = (over: Record<string, unknown> = {}) => ({
    suggestedName: 'मितान-रजिस्टर 2025.xlsx',
    data: new TextEncoder().encode('xlsx bytes'),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    ...over,
  });

  it('writes the bytes where the user chose', async () => {
    const target = join(dir, 'chosen.xlsx');
    fake.state.saveDialogResult = { canceled: false, filePath: target };
    const answer = await invoke(IPC.saveFile, APP_PAGE, request());
    expect(answer).toEqual({ ok: true, data: { saved: true, path: target } });
    expect(await readFile(target, 'utf8')).toBe('xlsx bytes');
  });

  it('offers the sanitised name in Downloads, with the filters, on the calling window', async () => {
    await invoke(IPC.saveFile, APP_PAGE, request({ suggestedName: '..\\..\\मितान:रजिस्टर?.xlsx' }));
    const [parent, options] = fake.dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(parent).toBe(fake.BrowserWindow.instances.at(-1));
    expect(options).toEqual({
      defaultPath: join(dir, 'Downloads', '-..-मितान_रजिस्टर_.xlsx'),
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  });

  it('answers {saved:false} when the user cancels, and writes nothing', async () => {
    fake.state.saveDialogResult = { canceled: true };
    const answer = await invoke(IPC.saveFile, APP_PAGE, request());
    expect(answer).toEqual({ ok: true, data: { saved: false, reason: 'cancelled' } });
  });

  it.each([
    ['no request', undefined],
    ['data as text', { ...request(), data: 'xlsx bytes' }],
    ['data as a plain array', { ...request(), data: [1, 2, 3] }],
    ['data as another typed array', { ...request(), data: new Uint16Array(3) }],
    ['a name that is not text', { ...request(), suggestedName: 42 }],
    ['filters that are not a list', { ...request(), filters: 'xlsx' }],
    ['a filter extension with a path in it', { ...request(), filters: [{ name: 'x', extensions: ['../x'] }] }],
  ])('refuses %s without opening a dialog', async (_what, req) => {
    const answer = await invoke(IPC.saveFile, APP_PAGE, req);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a file over 500 MB', async () => {
    const answer = await invoke(IPC.saveFile, APP_PAGE, request({ data: new Uint8Array(MAX_FILE_BYTES + 1) }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('turns a failed write into an error envelope instead of throwing', async () => {
    fake.state.saveDialogResult = { canceled: false, filePath: join(dir, 'no', 'such', 'folder', 'x.xlsx') };
    const answer = await invoke(IPC.saveFile, APP_PAGE, request());
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('ENOENT') } });
  });
});

describe('printToPdf', () => {
  it('refuses html that is not text, or a missing name', async () => {
    for (const req of [{ html: 42, suggestedName: 'a' }, { html: '<p>', suggestedName: null }, 'html']) {
      expect(await invoke(IPC.printToPdf, APP_PAGE, req)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('offers a .pdf name', async () => {
    await invoke(IPC.printToPdf, APP_PAGE, { html: '<p>x</p>', suggestedName: 'शिकायत रजिस्टर' });
    const options = fake.dialog.showSaveDialog.mock.calls[0]?.[1] as { defaultPath: string };
    expect(options.defaultPath).toBe(join(dir, 'Downloads', 'शिकायत रजिस्टर.pdf'));
  });
});

describe('openFolder', () => {
  it.each([
    ['userData', () => join(dir, 'userData')],
    ['backups', () => join(dir, 'userData', 'backups')],
    ['downloads', () => join(dir, 'Downloads')],
  ])('opens %s, creating it when missing', async (kind, path) => {
    const answer = await invoke(IPC.openFolder, APP_PAGE, kind);
    expect(answer).toEqual({ ok: true, data: undefined });
    expect(fake.shell.openPath).toHaveBeenCalledWith(path());
    expect((await stat(path())).isDirectory()).toBe(true);
  });

  it.each(['C:\\Windows', '/etc', '../userData', 'temp', '', 7, null])('refuses %s', async (kind) => {
    const answer = await invoke(IPC.openFolder, APP_PAGE, kind);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(fake.shell.openPath).not.toHaveBeenCalled();
  });

  it('reports a folder the system could not open', async () => {
    fake.state.openPathResult = 'no application';
    expect(await invoke(IPC.openFolder, APP_PAGE, 'downloads')).toEqual({
      ok: false,
      error: { code: 'open-failed', message: 'no application' },
    });
  });
});

describe('openExternal', () => {
  it('opens an allowed https link', async () => {
    const answer = await invoke(IPC.openExternal, APP_PAGE, 'https://cybercrime.gov.in/');
    expect(answer).toEqual({ ok: true, data: undefined });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://cybercrime.gov.in/');
  });

  it.each([
    'http://cybercrime.gov.in/',
    'https://evil.example/',
    'https://cybercrime.gov.in.evil.example/',
    'file:///C:/Windows/System32/calc.exe',
    'ms-settings:',
    'javascript:alert(1)',
    42,
    `https://cybercrime.gov.in/${'a'.repeat(5000)}`,
  ])('refuses %s', async (url) => {
    const answer = (await invoke(IPC.openExternal, APP_PAGE, url)) as { ok: boolean; error?: { code: string } };
    expect(answer.ok).toBe(false);
    expect(['forbidden-url', 'invalid-argument']).toContain(answer.error?.code);
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});
