/**
 * The bundles Electron loads, built by the real build script (npm run build:electron).
 * A sandboxed preload can require nothing but 'electron' (and a few Node shims); anything
 * else fails at run time with a blank window, which no other test here would notice.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let preload: string;
let main: string;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['build/build-electron.mjs'], { cwd: root });
  preload = await readFile(`${root}/dist/electron/preload.cjs`, 'utf8');
  main = await readFile(`${root}/dist/electron/main.cjs`, 'utf8');
}, 60_000);

/** Every require() in a bundle; one with a computed name shows up as null. */
function requires(code: string): (string | null)[] {
  return [...code.matchAll(/\brequire\(\s*(?:"([^"]+)"|'([^']+)'|[^)]*)\s*\)/g)].map((m) => m[1] ?? m[2] ?? null);
}

describe('the Electron bundles', () => {
  it('bundles the preload into one file that requires only electron', () => {
    expect(new Set(requires(preload))).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
  });

  it('bundles the main process, requiring only electron and Node built-ins', () => {
    const allowed = new Set(['electron', 'electron-updater', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const found = requires(main);
    expect(found).toContain('electron');
    for (const name of found) expect(allowed.has(name ?? ''), `require(${name})`).toBe(true);
  });
});
