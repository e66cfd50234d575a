/**
 * Writing a file so that a crash or a power cut at any moment leaves either the old file or
 * the new one under the final name, never a half-written one: write a temp file in the same
 * folder, flush it to the disk, rename it over the final name, flush the folder.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files start with this, so a leftover from a crash is recognised and cleaned up. */
export const TEMP_PREFIX = '.cmtd-writing-';

export interface AtomicWriteHooks {
  /** Runs after the data is on disk and before the rename (tests simulate a crash here). */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

/** fsync of a folder makes the rename itself durable on Linux; Windows cannot open folders. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here (Windows, some network drives): NTFS journals the rename itself.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(path: string, data: Uint8Array | string, hooks: AtomicWriteHooks = {}): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncFolder(folder);
}

/** Removes temp files older than `olderThanMs` that a crash left in `folder`; answers how many. */
export async function removeStaleTempFiles(folder: string, olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX) && n.endsWith('.tmp'))) {
    const path = join(folder, name);
    try {
      if (now - (await stat(path)).mtimeMs < olderThanMs) continue;
      await rm(path, { force: true });
      removed++;
    } catch {
      // Gone already, or locked by an antivirus scan: try again next time.
    }
  }
  return removed;
}
