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
  backupWrite: (req) => ipcRenderer.invoke(IPC.backupWrite, req),
  backupList: () => ipcRenderer.invoke(IPC.backupList),
  backupRead: (name) => ipcRenderer.invoke(IPC.backupRead, name),
  backupPrune: (keep) => ipcRenderer.invoke(IPC.backupPrune, keep),
  backupPickFile: () => ipcRenderer.invoke(IPC.backupPickFile),
  backupFolders: () => ipcRenderer.invoke(IPC.backupFolders),
  backupChooseSecondFolder: () => ipcRenderer.invoke(IPC.backupChooseSecondFolder),
  backupForgetSecondFolder: () => ipcRenderer.invoke(IPC.backupForgetSecondFolder),
  secretGet: (name) => ipcRenderer.invoke(IPC.secretGet, name),
  secretSet: (req) => ipcRenderer.invoke(IPC.secretSet, req),
  secretClear: (name) => ipcRenderer.invoke(IPC.secretClear, name),
  updateCheck: (req) => ipcRenderer.invoke(IPC.updateCheck, req),
  updateStatus: () => ipcRenderer.invoke(IPC.updateStatus),
  updateDownload: () => ipcRenderer.invoke(IPC.updateDownload),
  updateDefer: () => ipcRenderer.invoke(IPC.updateDefer),
  updateInstall: () => ipcRenderer.invoke(IPC.updateInstall),
} satisfies RawBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
