/**
 * Runs sandboxed in the app's page before its scripts. Exposes exactly the Bridge of
 * renderer/src/bridge/contract.ts, one function per channel: no raw ipcRenderer and no
 * generic invoke, so the page can ask the main process for these things and nothing else.
 * Bundled by esbuild into one file whose only require() is 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { RawBridge } from '../renderer/src/bridge/contract';
import { BRIDGE_GLOBAL, IPC } from '../renderer/src/bridge/contract';

const bridge = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  saveFile: (req) => ipcRenderer.invoke(IPC.saveFile, req),
  printToPdf: (req) => ipcRenderer.invoke(IPC.printToPdf, req),
  openFolder: (kind) => ipcRenderer.invoke(IPC.openFolder, kind),
  openExternal: (url) => ipcRenderer.invoke(IPC.openExternal, url),
} satisfies RawBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
