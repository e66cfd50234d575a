/** "Save as": ask the user where, then write. Used for exports and printed PDFs. */
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFilter, SaveResult } from '../renderer/src/bridge/contract';

/** Asks where to save; null when the user cancels. The name offered is already sanitised. */
export async function askSavePath(parent: BrowserWindow | null, suggestedName: string, filters: FileFilter[]): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('downloads'), suggestedName), filters };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export const CANCELLED: SaveResult = Object.freeze({ saved: false, reason: 'cancelled' });

export async function saveBytesWithDialog(
  parent: BrowserWindow | null,
  suggestedName: string,
  filters: FileFilter[],
  data: Uint8Array,
): Promise<SaveResult> {
  const path = await askSavePath(parent, suggestedName, filters);
  if (path === null) return CANCELLED;
  await writeFile(path, data);
  return { saved: true, path };
}
