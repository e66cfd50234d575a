#!/usr/bin/env node
// npm run bench — runs the registered scenarios (test/bench/scenarios/*.mjs) and prints one
// JSON line per scenario on stdout, then an aligned table. Progress goes to stderr.
//
//   BENCH_SAMPLES=3      samples per side (median is reported)
//   BENCH_FILTER=a,b     only scenarios whose name contains a or b (also: npm run bench -- a b)
//   BENCH_SCALE=1        multiplies record counts (0.05 for a quick smoke run)
//   BENCH_VERBOSE=1      forward the bench page's console to stderr
//   BENCH_STRICT=1       exit 1 when a scenario misses its target (errors always exit 1)
//   npm run bench -- --list   list the scenarios and exit
import { filterScenarios, loadScenarios } from './lib/registry.mjs';
import { formatTable, normalizeResult } from './lib/report.mjs';
import { compare, median, round } from './lib/stats.mjs';
import { bundleForNode, measure, measureInChild, sampleRss, startRssSampler } from './lib/node.mjs';

function envNumber(name, fallback, valid) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!valid(n)) {
    console.error(`${name}=${raw} is not valid`);
    process.exit(2);
  }
  return n;
}

const samples = envNumber('BENCH_SAMPLES', 3, (n) => Number.isInteger(n) && n >= 1);
const scale = envNumber('BENCH_SCALE', 1, (n) => n > 0);
const verbose = Boolean(process.env.BENCH_VERBOSE);
const strict = Boolean(process.env.BENCH_STRICT);
const argv = process.argv.slice(2);
const log = (...parts) => console.error(...parts);

const all = await loadScenarios();
if (argv.includes('--list')) {
  for (const s of all) console.log(`${s.name.padEnd(32)} ${s.kind.padEnd(8)} ${s.description ?? ''}`);
  process.exit(0);
}
const filters = [process.env.BENCH_FILTER ?? '', ...argv.filter((a) => !a.startsWith('--'))];
const selected = filterScenarios(all, filters);
if (selected.length === 0) {
  console.error(`no scenario matches ${JSON.stringify(filters.filter(Boolean))}; have: ${all.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
log(`bench: ${selected.length} scenario(s), ${samples} sample(s) per side, scale ${scale}`);

let browser;
const lines = [];
try {
  if (selected.some((s) => s.kind === 'browser')) {
    const { startBrowserHarness } = await import('./lib/browser.mjs');
    browser = await startBrowserHarness({ log, verbose });
  }
  for (const scenario of selected) {
    log(`▶ ${scenario.name} (${scenario.kind})`);
    const ctx = {
      name: scenario.name,
      samples,
      scale,
      verbose,
      /** n × BENCH_SCALE, at least 1. */
      scaled: (n) => Math.max(1, Math.round(n * scale)),
      log: (...parts) => log(' ', ...parts),
      median,
      round,
      /** Alternating baseline/value samples; see lib/stats.mjs. */
      compare: (opts) => compare({ samples, log: (m) => log(m), ...opts }),
      browser: scenario.kind === 'browser' ? browser : undefined,
      node: { measure, sampleRss, startRssSampler, measureInChild, bundleForNode },
    };
    const t0 = performance.now();
    let line;
    try {
      const out = await scenario.run(ctx);
      line = normalizeResult(scenario.name, out, (performance.now() - t0) / 1000);
    } catch (err) {
      log(err instanceof Error ? (err.stack ?? err.message) : String(err));
      line = { scenario: scenario.name, error: err instanceof Error ? err.message : String(err) };
    }
    lines.push(line);
    console.log(JSON.stringify(line));
  }
} finally {
  await browser?.close();
}

console.log('');
console.log(formatTable(lines));
const errors = lines.filter((l) => l.error).length;
const misses = lines.filter((l) => l.pass === false).length;
process.exitCode = errors > 0 || (strict && misses > 0) ? 1 : 0;
