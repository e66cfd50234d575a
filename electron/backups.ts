/**
 * Station backups on disk. The renderer makes the encrypted file (renderer/src/db/backup.ts)
 * and hands the bytes over; main decides where they go: <userData>/backups, and a copy in the
 * second folder the in-charge chose with a folder dialog (a USB drive). The renderer names
 * files only by their backup name, never by a path.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { BackupFileInfo, BackupFolders, BackupWriteRequest, BackupWriteResult } from '../renderer/src/bridge/contract';
import { backupCreatedAt, isBackupFileName } from '../renderer/src/bridge/contract';
import { IpcError } from './envelope';
import { removeStaleTempFiles, writeFileAtomic, type AtomicWriteHooks } from './backupsAtomicWrite';

export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
export const MAX_KEEP = 365;
const FOLDERS_FILE = 'backup-folders.json';

function invalid(message: string): IpcError {
  return new IpcError('invalid-argument', message);
}

function isUint8Array(value: unknown): value is Uint8Array {
  // Not instanceof: a Uint8Array from another realm is still one.
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export function parseBackupName(value: unknown): string {
  if (typeof value !== 'string' || !isBackupFileName(value)) throw invalid('not a backup file name');
  return value;
}

export function parseBackupWriteRequest(value: unknown): BackupWriteRequest {
  if (typeof value !== 'object' || value === null) throw invalid('backupWrite needs a request object');
  const { name, data } = value as Record<string, unknown>;
  if (!isUint8Array(data)) throw invalid('data must be a Uint8Array');
  if (data.byteLength === 0) throw invalid('an empty backup');
  if (data.byteLength > MAX_BACKUP_BYTES) throw invalid('a backup larger than 1 GB');
  return { name: parseBackupName(name), data };
}

export function parseKeep(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_KEEP) {
    throw invalid(`keep must be a whole number from 1 to ${MAX_KEEP}`);
  }
  return value;
}

/** One backup operation at a time: a prune must not delete what a write is renaming. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Backup files of a folder, newest first (by the time in the name). */
async function backupsIn(folder: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found: BackupFileInfo[] = [];
  for (const name of names.filter(isBackupFileName)) {
    try {
      const s = await stat(join(folder, name));
      if (s.isFile()) found.push({ name, size: s.size, createdAt: backupCreatedAt(name)! });
    } catch {
      // Deleted meanwhile.
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export class BackupStore {
  constructor(
    private readonly userData: string,
    private readonly hooks: AtomicWriteHooks = {},
  ) {}

  get primary(): string {
    return join(this.userData, 'backups');
  }

  private get foldersFile(): string {
    return join(this.userData, FOLDERS_FILE);
  }

  async folders(): Promise<BackupFolders> {
    let second: string | null = null;
    try {
      const saved = JSON.parse(await readFile(this.foldersFile, 'utf8')) as { second?: unknown };
      if (typeof saved.second === 'string' && isAbsolute(saved.second)) second = saved.second;
    } catch {
      // Not set yet, or unreadable: no second folder.
    }
    return { primary: this.primary, second };
  }

  /** `folder` comes from a folder dialog in main, never from the renderer. */
  async setSecondFolder(folder: string | null): Promise<BackupFolders> {
    if (folder !== null) {
      if (!isAbsolute(folder) || !(await isFolder(folder))) throw new IpcError('folder-missing', 'The chosen folder does not exist');
      if (isInside(folder, this.userData) || isInside(this.userData, folder)) {
        throw new IpcError('folder-inside-app-data', 'The second folder must be outside the app data folder');
      }
      // A read-only drive (or a locked-down share) is found out now, not at the first night's backup.
      const probe = join(folder, '.cmtd-probe');
      await writeFileAtomic(probe, 'ok').catch((err: unknown) => {
        throw new IpcError('folder-not-writable', `Cannot write to the chosen folder: ${err instanceof Error ? err.message : String(err)}`);
      });
      await rm(probe, { force: true });
    }
    await mkdir(this.userData, { recursive: true });
    await writeFileAtomic(this.foldersFile, JSON.stringify({ second: folder }, null, 2));
    return this.folders();
  }

  write(req: BackupWriteRequest): Promise<BackupWriteResult> {
    return serialized(async () => {
      await mkdir(this.primary, { recursive: true });
      await writeFileAtomic(join(this.primary, req.name), req.data, this.hooks);
      const { second } = await this.folders();
      return { name: req.name, size: req.data.byteLength, second: await this.copyToSecond(second, req) };
    });
  }

  /** The second copy never fails the backup: the one in userData is already safe on disk. */
  private async copyToSecond(folder: string | null, req: BackupWriteRequest): Promise<BackupWriteResult['second']> {
    if (folder === null) return { status: 'none' };
    // A USB drive that is not plugged in: do not create the folder on whatever disk has that letter now.
    if (!(await isFolder(folder))) return { status: 'unavailable' };
    try {
      await writeFileAtomic(join(folder, req.name), req.data, this.hooks);
      return { status: 'written' };
    } catch (err) {
      console.warn('backup: the copy in the second folder failed', err);
      return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
  }

  list(): Promise<BackupFileInfo[]> {
    return backupsIn(this.primary);
  }

  async read(name: string): Promise<Uint8Array> {
    const path = join(this.primary, parseBackupName(name));
    if (dirname(path) !== this.primary) throw invalid('not a backup file name');
    try {
      return new Uint8Array(await readFile(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new IpcError('not-found', `No backup named ${name}`);
      throw err;
    }
  }

  /** Keeps the newest `keep` backups in each folder; other files there are never touched. */
  prune(keep: number): Promise<{ removed: string[] }> {
    return serialized(async () => {
      const { second } = await this.folders();
      const removed = new Set<string>();
      for (const folder of [this.primary, ...(second && (await isFolder(second)) ? [second] : [])]) {
        await removeStaleTempFiles(folder);
        for (const old of (await backupsIn(folder)).slice(keep)) {
          await rm(join(folder, old.name), { force: true });
          removed.add(old.name);
        }
      }
      return { removed: [...removed].sort() };
    });
  }
}
