/** Where the bundled files are, relative to the bundled main (dist/electron/main.cjs). */
import { join, resolve } from 'node:path';

export interface AppPaths {
  /** dist/renderer: what app://thana/ serves. */
  rendererRoot: string;
  /** dist/electron/preload.cjs */
  preload: string;
}

export function appPaths(mainDir: string): AppPaths {
  return { rendererRoot: resolve(mainDir, '..', 'renderer'), preload: join(mainDir, 'preload.cjs') };
}
