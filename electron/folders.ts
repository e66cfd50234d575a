/** Folders the user may open from the app, by name; the renderer never sends a path. */
import { app, shell } from 'electron';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderKind } from '../renderer/src/bridge/contract';
import { IpcError } from './envelope';

export function folderPath(kind: FolderKind): string {
  switch (kind) {
    case 'userData':
      return app.getPath('userData');
    case 'backups':
      return join(app.getPath('userData'), 'backups');
    case 'downloads':
      return app.getPath('downloads');
  }
}

export async function openFolder(kind: FolderKind): Promise<void> {
  const path = folderPath(kind);
  await mkdir(path, { recursive: true });
  const error = await shell.openPath(path);
  if (error !== '') throw new IpcError('open-failed', error);
}
