import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const src = fileURLToPath(new URL('./renderer/src', import.meta.url));

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [vue()],
  resolve: { alias: { '@': src } },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_OPTIONS_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    root: '.',
    include: ['test/unit/**/*.test.ts', 'test/main/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
  },
});
