/**
 * electron-updater behind the UpdateEngine port (./updater.ts). Only this file knows the
 * library: its flags, its events, and how a feed URL from settings replaces the built-in one.
 */
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { InstallerTrust, ReleaseInfo, UpdateEngine, UpdateLog, UpdateOffer } from './updater';

/** app-update.yml as the library reads it (its own lazily loaded copy, so both see the same file). */
interface InstallerConfig {
  url?: unknown;
  publisherName?: unknown;
}

/** The library's parsed app-update.yml: internal, so the real-library tests (test/main/updater.test.ts) guard it. */
function installerConfig(updater: AppUpdater): Promise<InstallerConfig> {
  const lazy = (updater as unknown as { configOnDisk?: { value: Promise<InstallerConfig> } }).configOnDisk;
  if (!lazy) return Promise.reject(new Error('electron-updater no longer exposes configOnDisk'));
  return lazy.value;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

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

  // Only the NSIS updater checks Authenticode signatures (against publisherName).
  const checksSignatures = 'verifyUpdateCodeSignature' in updater;

  return {
    async trust(): Promise<InstallerTrust> {
      const config = await installerConfig(updater);
      return {
        publisherNames: checksSignatures ? namesOf(config.publisherName) : null,
        builtInFeed: typeof config.url === 'string' ? config.url : null,
      };
    },
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
