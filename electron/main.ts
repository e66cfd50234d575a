/** Entry of the main process: wires the modules together, in the order Electron needs. */
import { app } from 'electron';
import type { BrowserWindow } from 'electron';
import { appPaths } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { createMainWindow, focusWindow } from './window';
import { createElectronUpdateService, installUpdateService } from './updaterIpc';

const paths = appPaths(__dirname);
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow(paths.preload);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// Two copies on one PC would write the same IndexedDB at once; the second one only
// brings the first forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Before 'ready', or the scheme gets no origin and no storage.
  registerAppScheme();
  // Every renderer sandboxed, whatever a window's own options say.
  app.enableSandbox();

  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      handleAppProtocol(paths.rendererRoot);
      registerIpcHandlers();
      // electron-updater only updates an installed app; a dev run answers 'unsupported'.
      if (app.isPackaged) installUpdateService(createElectronUpdateService());
      installApplicationMenu();
      openMainWindow();
    })
    .catch((err: unknown) => {
      console.error('the app could not start', err);
      app.exit(1);
    });
}
