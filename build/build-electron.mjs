#!/usr/bin/env node
// Bundles the main process and the preload into dist/electron/*.cjs.
// The preload runs sandboxed, so it must be one file that requires only 'electron'.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'electron-updater'],
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
