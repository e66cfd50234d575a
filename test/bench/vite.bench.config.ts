// Builds the bench page (test/bench/browser) into .bench/dist for test/bench/run.mjs.
// Same '@' alias and compile-time constants as the app's vite.config.ts, so browser
// scenarios can import project code from renderer/src.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: fileURLToPath(new URL('./browser', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [vue()],
  resolve: { alias: { '@': fileURLToPath(new URL('../../renderer/src', import.meta.url)) } },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_OPTIONS_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: fileURLToPath(new URL('../../.bench/dist', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 5000,
    // Readable function names in the CPU profiles of BENCH_CPU_PROFILE (lib/browser.mjs).
    minify: process.env.BENCH_CPU_PROFILE ? false : 'esbuild',
  },
});
