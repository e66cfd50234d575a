/**
 * The one contract between the renderer and the main process.
 * The preload builds an object that `satisfies Bridge`; web mode has a browser
 * implementation of the same type (./browser.ts). Only ./index.ts calls it.
 */

/** IPC channel names, renderer → main, answered (ipcRenderer.invoke / ipcMain.handle). */
export const IPC = {
  appInfo: 'app:info',
  saveFile: 'file:save',
  printToPdf: 'print:pdf',
  openFolder: 'folder:open',
  openExternal: 'link:open-external',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

/** Name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'thanaDesk' as const;

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' for the desktop app, 'web' for `npm run web`. */
  mode: 'electron' | 'web';
  platform: string;
  electronVersion?: string;
  chromeVersion?: string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** File name offered in the dialog (or used for the download in web mode). */
  suggestedName: string;
  data: Uint8Array;
  mimeType: string;
  filters: FileFilter[];
}

export type SaveResult = { saved: true; path: string } | { saved: false; reason: 'cancelled' };

export interface PrintPdfRequest {
  /** A complete HTML document (styles inline, fonts as data: URLs) to print. */
  html: string;
  suggestedName: string;
}

/** Folders a user may open from the app; never an arbitrary path from the renderer. */
export type FolderKind = 'userData' | 'backups' | 'downloads';

/** Errors cross the bridge as an envelope and become BridgeError again in the renderer. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface Bridge {
  appInfo(): Promise<AppInfo>;
  /** Ask where to save, then write. Web mode downloads instead. */
  saveFile(req: SaveFileRequest): Promise<SaveResult>;
  /** Print the HTML as A4 landscape PDF and save it. Web mode opens the browser's print dialog. */
  printToPdf(req: PrintPdfRequest): Promise<SaveResult>;
  openFolder(kind: FolderKind): Promise<void>;
  /** Open an allowed https link in the system browser. */
  openExternal(url: string): Promise<void>;
}

/** The raw shape the preload exposes: every call answers an Envelope. */
export type RawBridge = { [K in keyof Bridge]: (...args: Parameters<Bridge[K]>) => Promise<Envelope<Awaited<ReturnType<Bridge[K]>>>> };

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** Hosts the app may open in the system browser. Anything else is refused. */
export const EXTERNAL_LINK_HOSTS = ['cybercrime.gov.in', 'www.cybercrime.gov.in', 'i4c.mha.gov.in', 'bilaspur.cgpolice.gov.in'];

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_LINK_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}
