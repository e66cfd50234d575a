// The scenario registry: every test/bench/scenarios/*.mjs default-exports one scenario
//   { name: string, kind: 'browser' | 'node', description?: string, run(ctx) }
// (files ending in .browser.ts are the in-page halves of browser scenarios, not scenarios).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
const KINDS = new Set(['browser', 'node']);

export async function loadScenarios(dir = SCENARIO_DIR) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  const names = new Set();
  for (const file of files) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    const s = mod.default;
    const where = `test/bench/scenarios/${file}`;
    if (!s || typeof s !== 'object') throw new Error(`${where}: must \`export default { name, kind, run }\``);
    if (typeof s.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(s.name)) throw new Error(`${where}: name must be kebab-case`);
    if (!KINDS.has(s.kind)) throw new Error(`${where}: kind must be 'browser' or 'node'`);
    if (typeof s.run !== 'function') throw new Error(`${where}: run(ctx) is missing`);
    if (names.has(s.name)) throw new Error(`${where}: duplicate scenario name "${s.name}"`);
    names.add(s.name);
    scenarios.push({ ...s, file });
  }
  return scenarios;
}

/** Keeps scenarios whose name contains any of the comma-separated substrings (all if none). */
export function filterScenarios(scenarios, filters) {
  const subs = filters.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  if (subs.length === 0) return scenarios;
  return scenarios.filter((s) => subs.some((sub) => s.name.includes(sub)));
}
