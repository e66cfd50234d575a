/** The app's one window. */
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './origin';
import { denyAllPermissions, restrictNavigation } from './navigation';

export const WINDOW_TITLE = 'साइबर मितान — थाना डेस्क';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      // Written as literals on purpose: reviewers and Electronegativity look for them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  restrictNavigation(win.webContents, { mayNavigate: isAppUrl });
  denyAllPermissions(win.webContents.session);
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('could not load the app', err));
  return win;
}

type FocusableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>;

/** A second launch brings the running window forward instead of opening another. */
export function focusWindow(win: FocusableWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
