/// <reference types="vite/client" />
// The bench page. Every `test/bench/scenarios/<module>.browser.ts` becomes a lazily loaded
// chunk; the Node side calls `window.__bench.run(module, task, args)`, which awaits the named
// export `task` of that module with `args` (JSON in, JSON out).

type Task = (args: unknown) => unknown;

const modules = import.meta.glob<Record<string, unknown>>('../scenarios/*.browser.ts');

function moduleKey(name: string): string {
  return `../scenarios/${name}.browser.ts`;
}

export interface BenchApi {
  ready: true;
  modules: string[];
  run(module: string, task: string, args: unknown): Promise<unknown>;
}

const api: BenchApi = {
  ready: true,
  modules: Object.keys(modules).map((k) => k.replace(/^.*\//, '').replace(/\.browser\.ts$/, '')),
  async run(module, task, args) {
    const load = modules[moduleKey(module)];
    if (!load) throw new Error(`no browser module "${module}" (have: ${api.modules.join(', ')})`);
    const mod = await load();
    const fn = mod[task];
    if (typeof fn !== 'function') throw new Error(`"${module}.browser.ts" has no exported function "${task}"`);
    return await (fn as Task)(args);
  },
};

(window as unknown as { __bench: BenchApi }).__bench = api;
