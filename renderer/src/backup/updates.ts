/**
 * The renderer's side of updates: what to ask main (server from settings, thana, metered
 * line) and how often. The policy itself (ask before download, quiet offline, thana rollout)
 * lives in main: electron/updater.ts.
 */
import type { UpdateCheckRequest } from '@/bridge/contract';
import type { StationDb } from '@/db/schema';
import { readUpdatePrefs } from './settings';

/** How often a running app asks the district for an update. */
export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
/** How often the banner asks main for progress while an update downloads. */
export const UPDATE_POLL_MS = 1000;

interface NetworkInformationLike {
  saveData?: boolean;
  type?: string;
}

/** The browser's hint that data costs money: data saver on, or a mobile connection. */
export function browserSaysMetered(nav: Navigator | undefined = globalThis.navigator): boolean {
  const connection = (nav as (Navigator & { connection?: NetworkInformationLike }) | undefined)?.connection;
  return connection?.saveData === true || connection?.type === 'cellular';
}

export async function updateCheckRequest(db: StationDb, thana: string, nav?: Navigator): Promise<UpdateCheckRequest> {
  const prefs = await readUpdatePrefs(db);
  return {
    feedUrl: prefs.feedUrl === '' ? null : prefs.feedUrl,
    thana,
    metered: prefs.metered || browserSaysMetered(nav),
    autoDownload: prefs.autoDownload,
  };
}
