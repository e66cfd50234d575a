import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { buildMenuTemplate, installApplicationMenu } = await import('../../electron/menu');

beforeEach(() => fake.reset());

const DEVANAGARI = /[\u0900-\u097f]/;
const LATIN = /[A-Za-z]/;

function template(over: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  return buildMenuTemplate({ isPackaged: true, platform: 'win32', showAbout: () => {}, ...over });
}

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

/** Clicks a menu item the way Electron would (the arguments are not used by our items). */
function click(item: MenuItemConstructorOptions | undefined): void {
  const args = [{}, undefined, {}] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>;
  item?.click?.(...args);
}

function helpMenuAbout(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined {
  const help = menu.find((m) => m.label === 'सहायता / Help');
  return Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
}

function roles(menu: MenuItemConstructorOptions[]): string[] {
  return items(menu).flatMap((item) => (item.role ? [item.role] : []));
}

describe('the application menu', () => {
  it('labels every menu and item in Hindi and English', () => {
    const labelled = items(template()).filter((item) => item.type !== 'separator');
    expect(labelled.length).toBeGreaterThan(10);
    for (const item of labelled) {
      expect(item.label, JSON.stringify(item)).toMatch(DEVANAGARI);
      expect(item.label, JSON.stringify(item)).toMatch(LATIN);
    }
    expect(template().map((m) => m.label)).toEqual(['फ़ाइल / File', 'संपादन / Edit', 'दृश्य / View', 'सहायता / Help']);
  });

  it('has the edit roles that typing and copying Hindi text need', () => {
    expect(roles(template())).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('has reload, zoom and full screen', () => {
    expect(roles(template())).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('offers developer tools only in a development build', () => {
    expect(roles(template({ isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(template({ isPackaged: false }))).toContain('toggleDevTools');
  });

  it('quits from File on Windows, and keeps the app menu on macOS', () => {
    expect(roles(template({ platform: 'win32' }))).toContain('quit');
    expect(template({ platform: 'darwin' })[0]?.role).toBe('appMenu');
  });

  it('shows About from Help', () => {
    const showAbout = vi.fn();
    click(helpMenuAbout(template({ showAbout })));
    expect(showAbout).toHaveBeenCalledTimes(1);
  });

  it('is installed as the application menu, and its About dialog shows the version', () => {
    installApplicationMenu();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const built = fake.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    click(helpMenuAbout(built));
    const options = fake.dialog.showMessageBox.mock.calls[0]?.[0] as { message: string; detail: string };
    expect(options.message).toMatch(DEVANAGARI);
    expect(options.detail).toContain('9.8.7');
  });
});
