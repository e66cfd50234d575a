/** The app's one BackupService, bound to the open station and the bridge. */
import { bridge } from '@/bridge';
import { useStationStore } from '@/stores/station';
import { BackupService } from './service';

let instance: BackupService | null = null;

export function useBackupService(): BackupService {
  if (!instance) {
    const station = useStationStore();
    instance = new BackupService({
      bridge,
      ctx: () => station.ctx,
      appVersion: async () => (await bridge.appInfo()).version,
    });
  }
  return instance;
}
