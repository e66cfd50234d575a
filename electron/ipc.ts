/**
 * The main-process side of the bridge (renderer/src/bridge/contract.ts): one
 * ipcMain.handle per channel. Every handler first checks that the caller is the app's
 * own page, then checks its arguments, and answers an Envelope.
 */
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { Bridge, Envelope } from '../renderer/src/bridge/contract';
import { IPC } from '../renderer/src/bridge/contract';
import { fail, ok, toFailure } from './envelope';
import { isAppUrl } from './origin';
import { openFolder } from './folders';
import { printHtmlToPdf } from './printToPdf';
import { saveBytesWithDialog } from './saveDialog';
import { parseExternalUrl, parseFolderKind, parsePrintPdfRequest, parseSaveFileRequest } from './validate';
import { backupHandlers } from './backupsIpc';
import { updateHandlers } from './updaterIpc';

/** Only a frame showing an app:// page may call; any other page (or a destroyed frame) may not. */
export function checkSender(event: { readonly senderFrame: { readonly url: string } | null | undefined }): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame !== undefined && isAppUrl(frame.url);
}

type Handlers = {
  [K in keyof typeof IPC]: (event: IpcMainInvokeEvent, args: unknown[]) => Promise<Awaited<ReturnType<Bridge[K]>>>;
};

function parentWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** The typed map makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  appInfo: async () => ({
    name: app.getName(),
    version: app.getVersion(),
    mode: 'electron',
    platform: process.platform,
    electronVersion: process.versions.electron,
    chromeVersion: process.versions.chrome,
  }),
  saveFile: async (event, [request]) => {
    const req = parseSaveFileRequest(request);
    return saveBytesWithDialog(parentWindow(event), req.suggestedName, req.filters, req.data);
  },
  printToPdf: async (event, [request]) => printHtmlToPdf(parentWindow(event), parsePrintPdfRequest(request)),
  openFolder: async (_event, [kind]) => openFolder(parseFolderKind(kind)),
  openExternal: async (_event, [url]) => {
    await shell.openExternal(parseExternalUrl(url));
  },
  ...backupHandlers,
  ...updateHandlers,
};

/** Wraps a handler: sender check first, then the work; failures become envelopes. */
export function guard<T>(handler: (event: IpcMainInvokeEvent, args: unknown[]) => Promise<T>) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Envelope<T>> => {
    if (!checkSender(event)) return fail('forbidden-sender', 'This request did not come from the app');
    try {
      return ok(await handler(event, args));
    } catch (err) {
      return toFailure(err);
    }
  };
}

function isBridgeMethod(key: string): key is keyof typeof IPC {
  return Object.hasOwn(IPC, key);
}

function register<K extends keyof typeof IPC>(key: K): void {
  ipcMain.handle(IPC[key], guard<Awaited<ReturnType<Bridge[K]>>>(handlers[key]));
}

export function registerIpcHandlers(): void {
  for (const key of Object.keys(IPC).filter(isBridgeMethod)) register(key);
}
