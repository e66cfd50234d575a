// Node side of the harness: timing, memory and bundling helpers for node-kind scenarios.
//
// Memory: compare baseline and app code with the SAME method. The most honest one is
// measureInChild(): each measurement runs in its own fresh Node process, and the figure to
// compare is `maxRssBytes` (the kernel's peak resident set, process.resourceUsage().maxRSS),
// which also sees peaks inside synchronous loops that a timer-based sampler cannot.
import { fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
const NODE_OUT = resolve(ROOT, '.bench/node');

/** Runs `fn` (sync or async) once and returns the elapsed wall time in milliseconds. */
export async function measure(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Starts sampling this process's RSS every `intervalMs` (default 20 ms).
 * `stop()` returns { startRssBytes, peakRssBytes }. A timer cannot fire during synchronous
 * work, so peaks inside a tight loop may be missed: prefer measureInChild() for comparisons.
 */
export function startRssSampler(intervalMs = 20) {
  const startRssBytes = process.memoryUsage.rss();
  let peakRssBytes = startRssBytes;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRssBytes) peakRssBytes = rss;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const rss = process.memoryUsage.rss();
      if (rss > peakRssBytes) peakRssBytes = rss;
      return { startRssBytes, peakRssBytes };
    },
  };
}

/** Runs `fn` in this process while sampling RSS: { ms, result, startRssBytes, peakRssBytes }. */
export async function sampleRss(fn, { intervalMs = 20 } = {}) {
  const sampler = startRssSampler(intervalMs);
  const t0 = performance.now();
  let result;
  try {
    result = await fn();
  } catch (err) {
    sampler.stop();
    throw err;
  }
  const ms = performance.now() - t0;
  return { ms, result, ...sampler.stop() };
}

/**
 * Runs `export <exportName>(args)` of the module at `modulePath` in a fresh Node child process
 * (the module is imported before the clock starts). Resolves to
 * { ms, result, startRssBytes, peakRssBytes, maxRssBytes }:
 *   ms            wall time of the call,
 *   startRssBytes RSS after importing the module, before the call,
 *   peakRssBytes  highest RSS seen by a 20 ms sampler during the call,
 *   maxRssBytes   kernel peak RSS of the whole child (includes Node start-up and the import).
 * `result` must be structured-clonable. The child's stdout goes to this process's stderr.
 */
export function measureInChild(modulePath, { exportName = 'default', args, execArgv = [], env, intervalMs = 20 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = fork(CHILD, [], {
      execArgv,
      env: env ? { ...process.env, ...env } : process.env,
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.stdout.pipe(process.stderr);
    let reply;
    child.once('message', (msg) => {
      reply = msg;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply?.ok) resolvePromise(reply.measurement);
      else if (reply) reject(new Error(`child: ${reply.error}`));
      else reject(new Error(`child exited (${signal ?? code}) before reporting`));
    });
    child.send({ modulePath: resolve(modulePath), exportName, args, intervalMs });
  });
}

/**
 * Bundles a TypeScript (or JS) entry for Node with esbuild, resolving the '@' alias to
 * renderer/src (tsconfig.main.json paths) and leaving npm packages external.
 * Returns the path of `.bench/node/<name>.mjs`, ready for measureInChild() or import().
 */
export async function bundleForNode(entry, { name } = {}) {
  const { build } = await import('esbuild');
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(resolve(ROOT, 'package.json'), 'utf8'));
  await mkdir(NODE_OUT, { recursive: true });
  const outfile = resolve(NODE_OUT, `${name ?? basename(entry, extname(entry))}.mjs`);
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: resolve(ROOT, 'tsconfig.main.json'),
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  return outfile;
}
