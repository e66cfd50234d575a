/** The two dialogs of the backup panel: choose the second folder, and pick a file to restore. */
import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BackupFolders, PickedBackupFile } from '../renderer/src/bridge/contract';
import { IpcError } from './envelope';
import { MAX_BACKUP_BYTES, type BackupStore } from './backups';

async function showOpen(parent: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function chooseSecondFolder(parent: BrowserWindow | null, store: BackupStore): Promise<BackupFolders> {
  const folder = await showOpen(parent, {
    title: 'बैकअप की दूसरी प्रति का फ़ोल्डर / Folder for the second backup copy',
    properties: ['openDirectory', 'createDirectory'],
  });
  return folder === null ? store.folders() : store.setSecondFolder(folder);
}

/** Any file the user picks may be offered; restore checks its header and checksum before use. */
export async function pickBackupFile(parent: BrowserWindow | null): Promise<PickedBackupFile | null> {
  const path = await showOpen(parent, {
    title: 'बैकअप फ़ाइल चुनें / Choose a backup file',
    properties: ['openFile'],
    filters: [
      { name: 'Thana Desk backup', extensions: ['cmtdbak'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (path === null) return null;
  if ((await stat(path)).size > MAX_BACKUP_BYTES) throw new IpcError('too-large', 'This file is larger than any backup can be');
  return { name: basename(path), data: new Uint8Array(await readFile(path)) };
}
