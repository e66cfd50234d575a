/**
 * The installer configuration, checked with electron-builder's own validator (no Electron
 * download needed), plus the fields a reviewer must not lose: appId, fuses, per-user NSIS,
 * the generic update feed, and the files that go into the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_PATH = `${root}build/electron-builder.config.cjs`;

type Validate = (config: Configuration, logger: unknown) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: Validate };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** A fresh copy of the config as electron-builder would load it, for one environment. */
function loadConfig(env: Record<string, string | undefined> = {}): Configuration {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    delete require.cache[require.resolve(CONFIG_PATH)];
    return structuredClone(require(CONFIG_PATH) as Configuration);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function validate(config: Configuration): Promise<void> {
  return validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder configuration', () => {
  it('passes electron-builder\'s own validation, per-user and per-machine', async () => {
    await expect(validate(loadConfig())).resolves.toBeUndefined();
    await expect(validate(loadConfig({ CMTD_PER_MACHINE: '1', CMTD_PUBLISHER: 'CN=Bilaspur Police, O=Govt of CG, C=IN' }))).resolves.toBeUndefined();
  });

  it.each([
    ['a misspelt NSIS option', (c: Configuration) => Object.assign(c.nsis ?? {}, { perMachin: true })],
    ['a misspelt fuse', (c: Configuration) => Object.assign(c.electronFuses ?? {}, { runAsNod: false })],
    ['an unknown top-level key', (c: Configuration) => Object.assign(c, { productNam: 'x' })],
    ['a wrong type', (c: Configuration) => Object.assign(c.nsis ?? {}, { oneClick: 'no' })],
  ])('fails validation on %s', async (_what, spoil) => {
    const config = loadConfig();
    spoil(config);
    await expect(validate(config)).rejects.toThrow(/configuration/i);
  });

  it('keeps the appId and the ASCII product name that userData and the NSIS GUID depend on', () => {
    const c = loadConfig();
    expect(c.appId).toBe('in.gov.cgpolice.bilaspur.cybermitan');
    expect(c.productName).toBe('Cyber Mitan Thana Desk');
    expect(c.productName).toMatch(/^[\x20-\x7e]+$/);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { productName: string; main: string };
    // The name Electron uses for userData at run time comes from package.json: the two must agree.
    expect(pkg.productName).toBe(c.productName);
  });

  it('sets every production fuse', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the bundles and package.json, in an asar, and the main entry is among them', () => {
    const c = loadConfig();
    expect(c.files).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(c.asar).toBe(true);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { main: string };
    expect(pkg.main.startsWith('dist/electron/')).toBe(true);
  });

  it('installs per user by default, lets IT choose per-machine, and never deletes the registers', () => {
    const perUser = loadConfig({ CMTD_PER_MACHINE: undefined }).nsis;
    expect(perUser).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      allowElevation: true,
      deleteAppDataOnUninstall: false,
      include: 'build/installer.nsh',
    });
    expect(perUser?.shortcutName).toBe('साइबर मितान थाना डेस्क');
    expect(loadConfig({ CMTD_PER_MACHINE: '1' }).nsis?.perMachine).toBe(true);
    expect(existsSync(`${root}build/installer.nsh`)).toBe(true);
  });

  it('publishes to a generic server, with a placeholder that never resolves unless the district sets one', () => {
    const [feed] = [loadConfig({ CMTD_UPDATE_URL: undefined }).publish].flat() as { provider: string; url: string }[];
    expect(feed).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(new URL(feed!.url).hostname.endsWith('.invalid')).toBe(true);
    const [set] = [loadConfig({ CMTD_UPDATE_URL: 'https://hub.bilaspur.lan/updates/' }).publish].flat() as { url: string }[];
    expect(set!.url).toBe('https://hub.bilaspur.lan/updates/');
  });

  it('refuses to build with a plain-http update folder', () => {
    expect(() => loadConfig({ CMTD_UPDATE_URL: 'http://hub.bilaspur.lan/updates/' })).toThrow(/https/);
  });

  it('verifies update signatures and names the publisher when one is given', () => {
    expect(loadConfig().win?.verifyUpdateCodeSignature).toBe(true);
    expect(loadConfig({ CMTD_PUBLISHER: 'CN=Bilaspur Police' }).win?.signtoolOptions?.publisherName).toEqual(['CN=Bilaspur Police']);
  });

  it('builds AppImage and deb for Linux, in the Office category, with a maintainer', () => {
    const linux = loadConfig().linux;
    expect(linux?.target).toEqual(['AppImage', 'deb']);
    expect(linux?.category).toBe('Office');
    expect(linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('has a 256×256 PNG icon, small enough to keep in git', () => {
    const png = readFileSync(`${root}build/icons/icon.png`);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    expect(png.length).toBeLessThan(20_000);
  });
});
