// Browser side of the harness: builds the bench page with vite, serves it with the app's own
// web server (same CSP), and runs each sample in a FRESH persistent Chromium profile.
// (An incognito context keeps IndexedDB in memory; reusing a profile after mass deletes
// makes LevelDB slower run after run — design §5.)
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWebServer } from '../../../build/web-server.mjs';

const BENCH_CONFIG = fileURLToPath(new URL('../vite.bench.config.ts', import.meta.url));
const DIST = fileURLToPath(new URL('../../../.bench/dist', import.meta.url));
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function dirBytes(dir) {
  let total = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += await dirBytes(p);
    else if (e.isFile()) total += (await stat(p)).size;
  }
  return total;
}

/** Builds .bench/dist from test/bench/browser (vite, test/bench/vite.bench.config.ts). */
export async function buildBenchPage() {
  const { build } = await import('vite');
  await build({ configFile: BENCH_CONFIG, logLevel: 'warn' });
}

/**
 * Starts the browser harness. `run(module, task, args, options)` opens a fresh profile,
 * loads the bench page, awaits `window.__bench.run(module, task, args)` and returns its result
 * (JSON-serialisable). With `options.diskBytes`, the result also gets `diskBytes`: the size of
 * the profile's IndexedDB folder after the browser closed.
 */
export async function startBrowserHarness({ log = () => {}, verbose = false } = {}) {
  log('building bench page (vite)…');
  await buildBenchPage();
  const server = createWebServer(DIST);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/index.html`;
  const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  log(`bench page at ${url}; Chromium ${executablePath ?? "(Playwright's own)"}`);

  let profiled = 0;
  async function run(module, task, args = {}, options = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'cmtd-bench-'));
    const profile = join(dir, 'profile');
    const home = join(dir, 'home');
    let context;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        // Debian's Chromium writes under $HOME even with a user-data dir.
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = [];
      page.on('pageerror', (err) => errors.push(err));
      if (verbose) page.on('console', (msg) => log(`  [page ${msg.type()}] ${msg.text()}`));
      await page.goto(url);
      await page.waitForFunction(() => window.__bench?.ready === true, undefined, { timeout: 120_000, polling: 100 });
      if (errors.length) throw errors[0];
      // BENCH_CPU_PROFILE=<dir>: a CPU profile of the page per sample (<dir>/<module>-<task>-<n>.cpuprofile, open in DevTools).
      const cdp = process.env.BENCH_CPU_PROFILE ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const result = await page.evaluate(([m, t, a]) => window.__bench.run(m, t, a), [module, task, args]);
      if (cdp) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        await mkdir(process.env.BENCH_CPU_PROFILE, { recursive: true });
        await writeFile(join(process.env.BENCH_CPU_PROFILE, `${module}-${task}-${++profiled}.cpuprofile`), JSON.stringify(cpu));
      }
      await context.close();
      context = undefined;
      if (options.diskBytes) return { ...result, diskBytes: await dirBytes(join(profile, 'Default', 'IndexedDB')) };
      return result;
    } finally {
      if (context) await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      // Start the next sample without this one's dirty pages still being written back.
      if (process.platform === 'linux') {
        try {
          execFileSync('sync');
        } catch {
          // not fatal: only reduces noise
        }
      }
    }
  }

  async function close() {
    await new Promise((resolve) => server.close(() => resolve()));
  }

  return { url, run, close };
}
