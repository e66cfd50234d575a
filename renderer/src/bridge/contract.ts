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
  backupWrite: 'backup:write',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupPrune: 'backup:prune',
  backupPickFile: 'backup:pick-file',
  backupFolders: 'backup:folders',
  backupChooseSecondFolder: 'backup:choose-second-folder',
  backupForgetSecondFolder: 'backup:forget-second-folder',
  secretGet: 'secret:get',
  secretSet: 'secret:set',
  secretClear: 'secret:clear',
  updateCheck: 'update:check',
  updateStatus: 'update:status',
  updateDownload: 'update:download',
  updateDefer: 'update:defer',
  updateInstall: 'update:install',
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

/**
 * A print to PDF: the desktop app saves a real file (`saved: true` with its path); web mode can
 * only open the browser's print dialog, and says so (`reason: 'print-dialog'`: no file was saved
 * by the app; the user may print or choose "Save as PDF" there).
 */
export type PdfResult = SaveResult | { saved: false; reason: 'print-dialog' };

export interface PrintPdfRequest {
  /** A complete HTML document (styles inline, fonts as data: URLs) to print. */
  html: string;
  suggestedName: string;
}

/** Folders a user may open from the app; never an arbitrary path from the renderer. */
export type FolderKind = 'userData' | 'backups' | 'downloads';

/**
 * A station backup file name, made by makeBackup (renderer/src/db/backup.ts):
 * `cmtd-<thana>-<yyyymmdd>-<hhmmss>[-<note>].cmtdbak`, the time in UTC. Main reads and deletes
 * only files named like this, so no other file in a folder (a USB drive) is ever touched.
 */
export const BACKUP_FILE_NAME = /^cmtd-([A-Z0-9]{2,12})-(\d{8})-(\d{6})(?:-([a-z0-9-]{1,32}))?\.cmtdbak$/;

export function isBackupFileName(name: string): boolean {
  return BACKUP_FILE_NAME.test(name);
}

/** When the backup was made, from its name (file times change when a file is copied). */
export function backupCreatedAt(name: string): string | null {
  const m = BACKUP_FILE_NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[2]!, m[3]!];
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`;
}

export interface BackupFileInfo {
  name: string;
  size: number;
  /** ISO time from the name. */
  createdAt: string;
}

export interface BackupWriteRequest {
  name: string;
  data: Uint8Array;
}

export interface BackupWriteResult {
  name: string;
  size: number;
  /** The copy in the second folder: none configured, written, folder not present (USB out), or failed. */
  second: { status: 'none' | 'written' | 'unavailable' | 'failed'; message?: string };
}

export interface BackupFolders {
  /** <userData>/backups; null in web mode (backups are downloads there). */
  primary: string | null;
  /** The second folder chosen by the in-charge (a USB drive), or null. */
  second: string | null;
}

export interface PickedBackupFile {
  name: string;
  data: Uint8Array;
}

/** Secrets kept by the main process (safeStorage); a name outside this list is refused. */
export const SECRET_NAMES = ['backupPassphrase', 'hubCredentials'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretSetRequest {
  name: SecretName;
  value: string;
}

/**
 * Updates come only over https (a plain-http server can hand any PC any installer); plain http is
 * allowed on this PC's own loopback only, for tests. Shared by main (parseFeedUrl) and Settings.
 */
export function isSecureUpdateUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
}

export interface UpdateCheckRequest {
  /** The district's update folder (https; http on loopback for tests); null: the one built into the installer. */
  feedUrl: string | null;
  /** This station's thana code: a release may be limited to some thanas. */
  thana: string;
  /** A metered or data-saving line: never download without asking. */
  metered: boolean;
  /** Download as soon as an update is found (only when not metered). Default: ask. */
  autoDownload: boolean;
}

export type UpdatePhase =
  /** Not a packaged app (or web mode): there is nothing to update. */
  | 'unsupported'
  | 'idle'
  | 'checking'
  | 'available'
  /** The user said "later" to this version; not offered again until the app restarts. */
  | 'deferred'
  | 'downloading'
  /** Installs on restart, or when the app is closed. */
  | 'downloaded'
  /** A download the user asked for failed for a reason other than the network. */
  | 'failed'
  /** This build must not update itself (see UpdateStatus.refusal); nothing is checked or downloaded. */
  | 'refused';

/**
 * Why updates are refused: 'unsigned-build', a Windows build made without the district's publisher
 * name, cannot tell the district's installers from anyone else's; 'insecure-feed', the update
 * server built into the installer is plain http.
 */
export type UpdateRefusal = 'unsigned-build' | 'insecure-feed';

export interface UpdateStatus {
  phase: UpdatePhase;
  version?: string;
  releaseNotes?: string;
  /** 0–100 while downloading. */
  percent?: number;
  /** When the last check finished (even a quiet, offline one). */
  checkedAt?: string;
  /** A short English reason for 'failed' (logged in full in main). */
  message?: string;
  /** Set with phase 'refused'. */
  refusal?: UpdateRefusal;
}

/** Errors cross the bridge as an envelope and become BridgeError again in the renderer. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface Bridge {
  appInfo(): Promise<AppInfo>;
  /** Ask where to save, then write. Web mode downloads instead. */
  saveFile(req: SaveFileRequest): Promise<SaveResult>;
  /** Print the HTML as A4 landscape PDF and save it. Web mode opens the browser's print dialog. */
  printToPdf(req: PrintPdfRequest): Promise<PdfResult>;
  openFolder(kind: FolderKind): Promise<void>;
  /** Open an allowed https link in the system browser. */
  openExternal(url: string): Promise<void>;

  /** Write a backup into the backups folder (and the second folder, if one is set); web mode downloads it. */
  backupWrite(req: BackupWriteRequest): Promise<BackupWriteResult>;
  /** Backups in the backups folder, newest first. Empty in web mode. */
  backupList(): Promise<BackupFileInfo[]>;
  backupRead(name: string): Promise<Uint8Array>;
  /** Keep the newest `keep` backups (in both folders); answers the names removed. */
  backupPrune(keep: number): Promise<{ removed: string[] }>;
  /** Ask the user for a backup file anywhere (a USB drive, another PC's copy); null if cancelled. */
  backupPickFile(): Promise<PickedBackupFile | null>;
  backupFolders(): Promise<BackupFolders>;
  /** A folder dialog in main; the path never comes from the renderer. */
  backupChooseSecondFolder(): Promise<BackupFolders>;
  backupForgetSecondFolder(): Promise<BackupFolders>;

  /** Secrets encrypted by the OS (safeStorage); web mode keeps them in memory only. */
  secretGet(name: SecretName): Promise<string | null>;
  secretSet(req: SecretSetRequest): Promise<void>;
  secretClear(name: SecretName): Promise<void>;

  /** Ask the update server; network trouble is never an error here (the status stays quiet). */
  updateCheck(req: UpdateCheckRequest): Promise<UpdateStatus>;
  updateStatus(): Promise<UpdateStatus>;
  /** The user said "download"; answers at once, progress comes from updateStatus. */
  updateDownload(): Promise<UpdateStatus>;
  /** The user said "later". */
  updateDefer(): Promise<UpdateStatus>;
  /** Restart now and install the downloaded update. */
  updateInstall(): Promise<void>;
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
