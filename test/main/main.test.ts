import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { IPC } = await import('../../renderer/src/bridge/contract');

/** Loads electron/main.ts afresh, as Electron would at start-up. */
async function start(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main');
}

function mainWindow() {
  const win = fake.BrowserWindow.instances[0];
  if (!win) throw new Error('no main window');
  return win;
}

const realPlatform = process.platform;
function pretendPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

beforeEach(() => fake.reset());
afterEach(() => pretendPlatform(realPlatform));

describe('start-up', () => {
  it('quits at once, touching nothing, when another copy already runs', async () => {
    fake.state.lockGranted = false;
    await start();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    await fake.becomeReady();
    expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.app.enableSandbox).not.toHaveBeenCalled();
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('registers the app scheme as privileged before the app is ready', async () => {
    await start();
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(fake.privilegedSchemes).toHaveLength(1);
    expect(fake.privilegedSchemes[0]?.appWasReady).toBe(false);
    expect(fake.privilegedSchemes[0]?.schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    // Nothing that needs a ready app has happened yet.
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('on ready serves app://, handles every IPC channel, sets the menu and opens the window', async () => {
    await start();
    await fake.becomeReady();
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC).sort());
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(mainWindow().loadedUrl).toBe('app://thana/index.html');
  });

  it('finds the preload and the renderer next to the bundled main', async () => {
    await start();
    await fake.becomeReady();
    expect(mainWindow().options.webPreferences?.preload).toMatch(/[/\\]preload\.cjs$/);
  });
});

describe('a second launch', () => {
  it('focuses the running window instead of opening another', async () => {
    await start();
    await fake.becomeReady();
    const win = mainWindow();
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['thana-desk.exe'], 'C:\\');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
  });
});

describe('closing', () => {
  it('quits when the last window closes on Windows and Linux', async () => {
    pretendPlatform('win32');
    await start();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('stays open on macOS, and reopens the window on activate', async () => {
    pretendPlatform('darwin');
    await start();
    await fake.becomeReady();
    mainWindow().destroy();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
    fake.app.emit('activate');
    expect(fake.BrowserWindow.instances).toHaveLength(2);
  });
});
