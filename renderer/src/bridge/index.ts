/**
 * The only module in the renderer that talks to the main process.
 * In Electron the preload exposes a RawBridge (answers are envelopes); in web mode
 * there is none and the browser implementation takes its place.
 */
import type { Bridge, Envelope, RawBridge } from './contract';
import { BRIDGE_GLOBAL, BridgeError } from './contract';
import { createBrowserBridge } from './browser';

function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.data;
  throw new BridgeError(env.error.code, env.error.message);
}

export function fromRaw(raw: RawBridge): Bridge {
  return {
    appInfo: async () => unwrap(await raw.appInfo()),
    saveFile: async (req) => unwrap(await raw.saveFile(req)),
    printToPdf: async (req) => unwrap(await raw.printToPdf(req)),
    openFolder: async (kind) => unwrap(await raw.openFolder(kind)),
    openExternal: async (url) => unwrap(await raw.openExternal(url)),
    backupWrite: async (req) => unwrap(await raw.backupWrite(req)),
    backupList: async () => unwrap(await raw.backupList()),
    backupRead: async (name) => unwrap(await raw.backupRead(name)),
    backupPrune: async (keep) => unwrap(await raw.backupPrune(keep)),
    backupPickFile: async () => unwrap(await raw.backupPickFile()),
    backupFolders: async () => unwrap(await raw.backupFolders()),
    backupChooseSecondFolder: async () => unwrap(await raw.backupChooseSecondFolder()),
    backupForgetSecondFolder: async () => unwrap(await raw.backupForgetSecondFolder()),
    secretGet: async (name) => unwrap(await raw.secretGet(name)),
    secretSet: async (req) => unwrap(await raw.secretSet(req)),
    secretClear: async (name) => unwrap(await raw.secretClear(name)),
    updateCheck: async (req) => unwrap(await raw.updateCheck(req)),
    updateStatus: async () => unwrap(await raw.updateStatus()),
    updateDownload: async () => unwrap(await raw.updateDownload()),
    updateDefer: async () => unwrap(await raw.updateDefer()),
    updateInstall: async () => unwrap(await raw.updateInstall()),
  };
}

const raw = (globalThis as unknown as Record<string, RawBridge | undefined>)[BRIDGE_GLOBAL];

export const bridge: Bridge = raw ? fromRaw(raw) : createBrowserBridge();
export const isDesktop = Boolean(raw);
export * from './contract';
