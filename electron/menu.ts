/** The application menu, in Hindi and English. The Edit roles matter: without them Ctrl+C/V stop working. */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { WINDOW_TITLE } from './window';

export interface MenuContext {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  showAbout: () => void;
}

/** Pure: the whole menu as data, so it can be checked without Electron. */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const isMac = ctx.platform === 'darwin';
  const devOnly: MenuItemConstructorOptions[] = ctx.isPackaged
    ? []
    : [
        { type: 'separator' },
        { label: 'डेवलपर टूल्स / Developer Tools', role: 'toggleDevTools' },
      ];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'फ़ाइल / File',
      submenu: [isMac ? { label: 'बंद करें / Close', role: 'close' } : { label: 'बाहर निकलें / Exit', role: 'quit' }],
    },
    {
      label: 'संपादन / Edit',
      submenu: [
        { label: 'पूर्ववत / Undo', role: 'undo' },
        { label: 'फिर से करें / Redo', role: 'redo' },
        { type: 'separator' },
        { label: 'काटें / Cut', role: 'cut' },
        { label: 'कॉपी / Copy', role: 'copy' },
        { label: 'चिपकाएँ / Paste', role: 'paste' },
        { label: 'सब चुनें / Select All', role: 'selectAll' },
      ],
    },
    {
      label: 'दृश्य / View',
      submenu: [
        { label: 'फिर से लोड करें / Reload', role: 'reload' },
        { type: 'separator' },
        { label: 'सामान्य आकार / Actual Size', role: 'resetZoom' },
        { label: 'बड़ा करें / Zoom In', role: 'zoomIn' },
        { label: 'छोटा करें / Zoom Out', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'पूरी स्क्रीन / Full Screen', role: 'togglefullscreen' },
        ...devOnly,
      ],
    },
    {
      label: 'सहायता / Help',
      submenu: [{ label: 'परिचय / About', click: () => ctx.showAbout() }],
    },
  ];
}

export function showAboutDialog(version: string): void {
  const parent = BrowserWindow.getFocusedWindow();
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'परिचय / About',
    message: WINDOW_TITLE,
    detail: `Cyber Mitan Thana Desk\nसंस्करण / Version ${version}`,
    buttons: ['ठीक है / OK'],
  };
  const shown = parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  shown.catch((err: unknown) => console.error('about dialog failed', err));
}

export function installApplicationMenu(): void {
  const version = app.getVersion();
  const template = buildMenuTemplate({
    isPackaged: app.isPackaged,
    platform: process.platform,
    showAbout: () => showAboutDialog(version),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
