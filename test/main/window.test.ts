import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { createMainWindow, focusWindow, WINDOW_TITLE } = await import('../../electron/window');

beforeEach(() => fake.reset());

function openWindow() {
  createMainWindow('/app/dist/electron/preload.cjs');
  const win = fake.BrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window was created');
  return win;
}

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = openWindow().options.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('stays hidden until the page is ready to show, then shows', () => {
    const win = openWindow();
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
    expect(win.isVisible()).toBe(true);
  });

  it('loads the app from app://thana/, has a Hindi title and a usable minimum size', () => {
    const win = openWindow();
    expect(win.loadedUrl).toBe('app://thana/index.html');
    expect(win.options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toMatch(/[\u0900-\u097f]/);
    expect(win.options.minWidth).toBe(1024);
    expect(win.options.minHeight).toBe(640);
  });

  it('opens devtools only in a development build', () => {
    expect(openWindow().options.webPreferences?.devTools).toBe(true);
    fake.state.isPackaged = true;
    expect(openWindow().options.webPreferences?.devTools).toBe(false);
  });
});

describe('navigation out of the app', () => {
  it('allows navigation within the app origin', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('will-navigate', 'app://thana/index.html#/roster')).toBe(true);
    expect(webContents.navigate('will-redirect', 'app://thana/index.html')).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5984/',
    'file:///C:/Windows/system32/',
    'app://other/index.html',
    'app://thana.evil.example/',
    'javascript:alert(1)',
    'not a url',
  ])('prevents navigation and redirects to %s', (url) => {
    const { webContents } = openWindow();
    expect(webContents.navigate('will-navigate', url)).toBe(false);
    expect(webContents.navigate('will-redirect', url)).toBe(false);
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('sends a clicked link to an allowed site to the system browser, not into the window', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('will-navigate', 'https://cybercrime.gov.in/')).toBe(false);
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://cybercrime.gov.in/');
  });

  it('denies every window.open, opening allowed https links externally and nothing else', () => {
    const { webContents } = openWindow();
    const open = webContents.windowOpenHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://cybercrime.gov.in/Webform/Crime_AuthoLogin.aspx' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://cybercrime.gov.in/Webform/Crime_AuthoLogin.aspx');

    for (const url of ['https://evil.example/', 'http://cybercrime.gov.in/', 'app://thana/index.html', 'file:///etc/passwd']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a webview', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('will-attach-webview', 'https://evil.example/')).toBe(false);
  });

  it('denies every permission request of the session', async () => {
    const { webContents } = openWindow();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(await webContents.session.askPermission(permission)).toBe(false);
    }
  });
});

describe('a second launch', () => {
  it('restores, shows and focuses the running window', () => {
    const win = openWindow();
    win.minimized = true;
    focusWindow(win);
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('does nothing when there is no window yet', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
