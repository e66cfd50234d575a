/**
 * What the Sync page counts as "waiting to be sent": exactly what the next push sends
 * (sync-outbox.ts `collectOutgoing`), split so the page can say which is which:
 * - entries: dirty register rows and audit rows;
 * - registry: this thana's suspect-registry entries (UTR, suspect mobile …), which go to the thana
 *   database beside the complaints and from there, by the hub's replication, to the district
 *   suspect registry;
 * - settings: the thana's profile and options when they differ from what the hub last accepted.
 * Rows the hub refused are not counted (they wait for a person, listed on the page apart).
 */
import Dexie from 'dexie';
import { sameValue, settingDocId, SETTING_DOCS, type SettingDocType } from '@/sync/doc';
import { REGISTER_TABLES, type StationDb } from './schema';
import { rowStateRange, stateRange } from './sync-state';

export interface WaitingCounts {
  entries: number;
  registry: number;
  settings: number;
  total: number;
}

export const NOTHING_WAITING: WaitingCounts = { entries: 0, registry: 0, settings: 0, total: 0 };

/** Does the next push send this thana setting (changed since the hub accepted it, and not refused as it is)? */
async function settingWaiting(db: StationDb, thana: string, setting: SettingDocType): Promise<boolean> {
  const value = (await db.settings.get(setting))?.value;
  if (value === undefined || value === null) return false;
  const id = settingDocId(thana, setting);
  const shadow = await db.shadows.get(id);
  if (shadow && sameValue(shadow.body.value, value)) return false;
  const rejected = await db.syncRejects.get(id);
  return !(rejected && sameValue((rejected.body as { value?: unknown } | null)?.value, value));
}

/** Indexed counts on syncStates' `queue` (audit: [syncState+at]); `thana` '' leaves settings out. */
export async function countWaitingByKind(db: StationDb, thana: string): Promise<WaitingCounts> {
  let entries = 0;
  for (const t of REGISTER_TABLES) entries += await stateRange(db, t).count();
  entries += await rowStateRange(db.audit, 'at').count();
  const registry = await rowStateRange(db.suspect, 'updatedAt').count();
  let settings = 0;
  if (thana) for (const s of Object.keys(SETTING_DOCS) as SettingDocType[]) if (await settingWaiting(db, thana, s)) settings++;
  return { entries, registry, settings, total: entries + registry + settings };
}

/** The least time between two counts while entries keep changing (a push lands a batch every ~0.3 s). */
export const WAITING_RECOUNT_GAP_MS = 1000;

/**
 * Calls back with the counts whenever they may have changed; returns stop().
 *
 * Not a liveQuery: that re-counts after every write, and during a long push every landed batch is
 * a write, while counting the dirty index steps over the entries the push has just marked synced
 * (IndexedDB keeps their old index entries for a while), so each count costs more than the last.
 * Here a write in this database asks for a count, counts never overlap, and two counts are at least
 * `gapMs` apart; the last write is always followed by a count.
 */
export function watchWaitingByKind(
  db: StationDb,
  thana: string,
  cb: (n: WaitingCounts) => void,
  gapMs = WAITING_RECOUNT_GAP_MS,
): () => void {
  let stopped = false;
  let running = false;
  let wanted = false;
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const prefix = `idb://${db.name}/`;

  const run = async (): Promise<void> => {
    running = true;
    wanted = false;
    try {
      const counts = await countWaitingByKind(db, thana);
      if (!stopped) cb(counts);
    } catch {
      // A count that fails (database closing) is left; the next write asks again.
    } finally {
      running = false;
      lastAt = Date.now();
      if (wanted) schedule();
    }
  };
  const schedule = (): void => {
    wanted = true;
    if (stopped || running || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) void run();
    }, Math.max(0, lastAt + gapMs - Date.now()));
  };
  const onMutated = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((k) => k.startsWith(prefix))) schedule();
  };
  Dexie.on('storagemutated', onMutated);
  schedule();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}
