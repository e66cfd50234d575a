import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { createAppRequestHandler, handleAppProtocol, registerAppScheme, resolveAppFile } = await import('../../electron/protocol');
const { CSP } = await import('../../electron/csp');
const { APP_ORIGIN, isAppUrl } = await import('../../electron/origin');

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'thana-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>थाना</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'noto.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  // Neighbours a sloppy prefix check would let through.
  await mkdir(join(base, 'renderer-secret'));
  await writeFile(join(base, 'renderer-secret', 'key.txt'), 'secret');
  await writeFile(join(base, 'secret.txt'), 'secret');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

beforeEach(() => fake.reset());

describe('the app origin', () => {
  it('is app://thana, forever (IndexedDB lives under it)', () => {
    expect(APP_ORIGIN).toBe('app://thana');
  });

  it('recognises its own pages and nothing else', () => {
    expect(isAppUrl('app://thana/index.html')).toBe(true);
    expect(isAppUrl('app://thana/index.html#/complaints')).toBe(true);
    for (const url of ['app://thanax/', 'app://other/', 'https://thana/', 'app://user@thana/', 'file:///thana/', '', 'app:thana']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('registering the app scheme', () => {
  it('registers app:// as a standard, secure scheme with fetch, without opening it to other origins', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.privilegedSchemes[0]?.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves app:// through protocol.handle once the app is ready', async () => {
    await fake.becomeReady();
    handleAppProtocol(root);
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler?.(new Request('app://thana/index.html'));
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-security-policy')).toBe(CSP);
  });
});

describe('serving files', () => {
  const get = (url: string, init?: RequestInit) => createAppRequestHandler(root)(new Request(url, init));

  it('serves index.html for the root, with the CSP and its MIME type', async () => {
    const res = await get('app://thana/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('थाना');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/noto.woff2', 'font/woff2'],
  ])('serves %s as %s, with the CSP', async (path, type) => {
    const res = await get(`app://thana/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('answers 404 for a missing file or a directory', async () => {
    expect((await get('app://thana/nope.js')).status).toBe(404);
    expect((await get('app://thana/assets')).status).toBe(404);
  });

  it.each([
    'app://thana/..%2fsecret.txt',
    'app://thana/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://thana/assets/..%2f..%2fsecret.txt',
    'app://thana/%2e%2e%2fsecret.txt',
    'app://thana/..%5csecret.txt',
    'app://thana/assets%5c..%5c..%5csecret.txt',
    'app://thana/..%2frenderer-secret%2fkey.txt',
    'app://thana/index.html%00.js',
    'app://other/index.html',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('secret');
  });

  it('keeps dot segments inside the root (the URL parser resolves them first)', async () => {
    const res = await get('app://thana/../../secret.txt');
    expect(res.status).toBe(404);
  });

  it('answers 400 for a broken escape and 405 for a POST', async () => {
    expect((await get('app://thana/%E0%A4')).status).toBe(400);
    expect((await get('app://thana/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('resolves paths without touching the disk', () => {
    expect(resolveAppFile('/r', 'app://thana/assets/a.js')).toEqual({ status: 200, file: join('/r', 'assets', 'a.js') });
    expect(resolveAppFile('/r', 'app://thana/')).toEqual({ status: 200, file: join('/r', 'index.html') });
    expect(resolveAppFile('/r', 'app://thana/..%2f..%2fx').status).toBe(403);
    expect(resolveAppFile('/r', 'https://thana/index.html').status).toBe(403);
  });

  it('refuses a backslash or NUL in the path, separators (or worse) on Windows, on every platform', () => {
    expect(resolveAppFile('/r', 'app://thana/..%5c..%5cWindows%5cwin.ini').status).toBe(403);
    expect(resolveAppFile('/r', 'app://thana/assets%5ca.js').status).toBe(403);
    expect(resolveAppFile('/r', 'app://thana/index.html%00.js').status).toBe(403);
  });
});

describe('the Content-Security-Policy', () => {
  it('is the same as the web server sends', async () => {
    // A plain JS module without types: imported by a computed path so TypeScript does not look for them.
    const webServerPath = '../../build/web-server.mjs';
    const webServer: { CSP?: unknown } = await import(/* @vite-ignore */ webServerPath);
    expect(webServer.CSP).toBe(CSP);
  });

  it('is the same as the <meta> in renderer/index.html', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
  });

  it('allows scripts from the app only', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(CSP).toContain("object-src 'none'");
  });
});
