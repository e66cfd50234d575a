import type {
  AppInfo,
  BackupFolders,
  BackupWriteRequest,
  BackupWriteResult,
  Bridge,
  FolderKind,
  PickedBackupFile,
  PrintPdfRequest,
  SaveFileRequest,
  PdfResult,
  SaveResult,
  SecretName,
  SecretSetRequest,
  UpdateStatus,
} from './contract';
import { BridgeError, isAllowedExternalUrl, isBackupFileName, SECRET_NAMES } from './contract';

declare const __APP_VERSION__: string;

const BACKUP_MIME = 'application/octet-stream';
const NO_UPDATES: UpdateStatus = Object.freeze({ phase: 'unsupported' });
const WEB_FOLDERS: BackupFolders = Object.freeze({ primary: null, second: null });

function downloadBytes(win: Window, name: string, data: Uint8Array, mimeType: string): void {
  const blob = new Blob([data as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  try {
    const a = win.document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    win.document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Give the download a moment to start before the URL is revoked.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** An <input type=file> for one backup file; null when the user closes the picker. */
function pickFile(win: Window, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function checkSecretName(name: unknown): SecretName {
  const known = SECRET_NAMES.find((n) => n === name);
  if (!known) throw new BridgeError('invalid-argument', 'unknown secret');
  return known;
}

/**
 * Web mode: downloads instead of save dialogs, the browser's print instead of printToPDF.
 * Backups become downloads and are restored from a file the user picks; secrets live in this
 * page's memory only (gone on reload); there is no updater.
 */
export function createBrowserBridge(win: Window = window): Bridge {
  const secrets = new Map<SecretName, string>();
  return {
    async appInfo(): Promise<AppInfo> {
      return { name: 'Cyber Mitan Thana Desk', version: __APP_VERSION__, mode: 'web', platform: win.navigator.platform };
    },
    async saveFile(req: SaveFileRequest): Promise<SaveResult> {
      downloadBytes(win, req.suggestedName, req.data, req.mimeType);
      return { saved: true, path: req.suggestedName };
    },
    async printToPdf(req: PrintPdfRequest): Promise<PdfResult> {
      // Print the document in a hidden iframe so the app itself is not printed.
      const frame = win.document.createElement('iframe');
      frame.setAttribute('aria-hidden', 'true');
      frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
      frame.srcdoc = req.html;
      win.document.body.appendChild(frame);
      await new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
      await frame.contentDocument?.fonts?.ready;
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 60_000);
      // The browser's dialog prints or saves; the app itself saved no file, and says so.
      return { saved: false, reason: 'print-dialog' };
    },
    async openFolder(kind: FolderKind): Promise<void> {
      throw new BridgeError('unsupported', `Opening the ${kind} folder needs the desktop app`);
    },
    async openExternal(url: string): Promise<void> {
      if (!isAllowedExternalUrl(url)) throw new BridgeError('forbidden-url', 'This link is not allowed');
      win.open(url, '_blank', 'noopener,noreferrer');
    },

    async backupWrite(req: BackupWriteRequest): Promise<BackupWriteResult> {
      if (!isBackupFileName(req.name)) throw new BridgeError('invalid-argument', 'not a backup file name');
      downloadBytes(win, req.name, req.data, BACKUP_MIME);
      return { name: req.name, size: req.data.byteLength, second: { status: 'none' } };
    },
    async backupList() {
      return [];
    },
    async backupRead(): Promise<Uint8Array> {
      throw new BridgeError('unsupported', 'Web mode keeps no backups folder; pick the file instead');
    },
    async backupPrune() {
      return { removed: [] };
    },
    async backupPickFile(): Promise<PickedBackupFile | null> {
      const file = await pickFile(win, '.cmtdbak');
      return file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null;
    },
    async backupFolders() {
      return WEB_FOLDERS;
    },
    async backupChooseSecondFolder(): Promise<BackupFolders> {
      throw new BridgeError('unsupported', 'A second backup folder needs the desktop app');
    },
    async backupForgetSecondFolder() {
      return WEB_FOLDERS;
    },

    async secretGet(name: SecretName) {
      return secrets.get(checkSecretName(name)) ?? null;
    },
    async secretSet(req: SecretSetRequest) {
      if (typeof req.value !== 'string' || req.value === '') throw new BridgeError('invalid-argument', 'empty secret');
      secrets.set(checkSecretName(req.name), req.value);
    },
    async secretClear(name: SecretName) {
      secrets.delete(checkSecretName(name));
    },

    async updateCheck() {
      return NO_UPDATES;
    },
    async updateStatus() {
      return NO_UPDATES;
    },
    async updateDownload() {
      return NO_UPDATES;
    },
    async updateDefer() {
      return NO_UPDATES;
    },
    async updateInstall(): Promise<void> {
      throw new BridgeError('unsupported', 'Updates need the desktop app');
    },
  };
}
