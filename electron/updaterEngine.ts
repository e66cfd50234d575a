/**
 * electron-updater behind the UpdateEngine port (./updater.ts). Only this file knows the
 * library: its flags, its events, and how a feed URL from settings replaces the built-in one.
 */
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { ReleaseInfo, UpdateEngine, UpdateLog, UpdateOffer } from './updater';

function notesText(notes: UpdateInfo['releaseNotes']): string | undefined {
  if (typeof notes === 'string') return notes;
  if (Array.isArray(notes)) return notes.map((n) => n.note ?? '').filter(Boolean).join('\n\n') || undefined;
  return undefined;
}

/** Sets the library up for the policy: nothing downloads or installs without being asked. */
export function createUpdaterEngine(updater: AppUpdater, log: UpdateLog): UpdateEngine {
  updater.autoDownload = false;
  // "Later" after a download still installs it when the app closes.
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  // The project ships full installers only.
  updater.disableWebInstaller = true;
  updater.logger = { info: (m?: unknown) => log.info(`[updater] ${String(m)}`), warn: (m?: unknown) => log.warn(`[updater] ${String(m)}`), error: (m?: unknown) => log.warn(`[updater] ${String(m)}`) };
  // The library's staged rollout (stagingPercentage) still applies after the thana list.
  const stagedRollout = updater.isUserWithinRollout;
  let currentFeed: string | null = null;

  return {
    setFeedUrl(url) {
      if (url === currentFeed) return;
      if (url === null) {
        // Back to app-update.yml written by the installer.
        updater.updateConfigPath = null;
      } else {
        updater.setFeedURL({ provider: 'generic', url, channel: 'latest', useMultipleRangeRequest: false });
      }
      currentFeed = url;
    },
    setRolloutFilter(filter) {
      updater.isUserWithinRollout = async (info: UpdateInfo) => (await filter(info as UpdateInfo & ReleaseInfo)) && (await stagedRollout(info));
    },
    async check(): Promise<UpdateOffer | null | 'inactive'> {
      const result = await updater.checkForUpdates();
      if (result === null) return 'inactive';
      if (!result.isUpdateAvailable) return null;
      const releaseNotes = notesText(result.updateInfo.releaseNotes);
      return { version: result.updateInfo.version, ...(releaseNotes ? { releaseNotes } : {}) };
    },
    async download(onProgress) {
      const listener = (p: ProgressInfo) => onProgress(p.percent);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    quitAndInstall() {
      // Silent, then start the app again: the station writer sees the app come back, not a wizard.
      updater.quitAndInstall(true, true);
    },
  };
}
