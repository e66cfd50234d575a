/**
 * The sync suite: the replicator, merge and provisioning against pouchdb-server on 127.0.0.1 through
 * the fault-injecting proxy (test/sync/proxy.ts). Run with `npm run test:sync`.
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = fileURLToPath(new URL('../../renderer/src', import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { '@': src } },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    root,
    include: ['test/sync/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    globalSetup: ['test/sync/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One hub for all files; files run one at a time so timings of fault tests stay predictable.
    fileParallelism: false,
  },
});
