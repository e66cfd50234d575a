/** The update channels of the bridge, and the one UpdateService of the running app. */
import { autoUpdater } from 'electron-updater';
import type { IpcMainInvokeEvent } from 'electron';
import type { Bridge, UpdateStatus } from '../renderer/src/bridge/contract';
import { parseUpdateCheckRequest, UpdateService, type UpdateLog } from './updater';
import { createUpdaterEngine } from './updaterEngine';

type UpdateChannel = 'updateCheck' | 'updateStatus' | 'updateDownload' | 'updateDefer' | 'updateInstall';
type UpdateHandlers = {
  [K in UpdateChannel]: (event: IpcMainInvokeEvent, args: unknown[]) => Promise<Awaited<ReturnType<Bridge[K]>>>;
};

const UNSUPPORTED: UpdateStatus = Object.freeze({ phase: 'unsupported' });
let service: UpdateService | null = null;

/** main.ts installs the real one in a packaged app; without one, every answer is 'unsupported'. */
export function installUpdateService(next: UpdateService | null): void {
  service = next;
}

/** The platform's electron-updater (NSIS on Windows, AppImage/deb on Linux) behind our policy. */
export function createElectronUpdateService(log: UpdateLog = console): UpdateService {
  return new UpdateService(createUpdaterEngine(autoUpdater, log), log);
}

export const updateHandlers: UpdateHandlers = {
  updateCheck: async (_event, [request]) => {
    const req = parseUpdateCheckRequest(request);
    return service ? service.check(req) : UNSUPPORTED;
  },
  updateStatus: async () => service?.current() ?? UNSUPPORTED,
  updateDownload: async () => service?.download() ?? UNSUPPORTED,
  updateDefer: async () => service?.defer() ?? UNSUPPORTED,
  updateInstall: async () => {
    service?.install();
  },
};
