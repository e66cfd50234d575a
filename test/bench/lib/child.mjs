// Child process for measureInChild() (lib/node.mjs): imports a module, calls one export,
// reports time and memory over IPC, and exits.
import { pathToFileURL } from 'node:url';
import { startRssSampler } from './node.mjs';

process.once('message', async ({ modulePath, exportName, args, intervalMs }) => {
  let reply;
  try {
    const mod = await import(pathToFileURL(modulePath).href);
    const fn = mod[exportName];
    if (typeof fn !== 'function') throw new Error(`${modulePath} has no exported function "${exportName}"`);
    const sampler = startRssSampler(intervalMs);
    const t0 = performance.now();
    const result = await fn(args);
    const ms = performance.now() - t0;
    const { startRssBytes, peakRssBytes } = sampler.stop();
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    reply = { ok: true, measurement: { ms, result, startRssBytes, peakRssBytes, maxRssBytes } };
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  process.send(reply, () => process.exit(0));
});
