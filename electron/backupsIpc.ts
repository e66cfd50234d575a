/** The backup and secret channels of the bridge. Paths come from main (userData, dialogs), never from the renderer. */
import { app, BrowserWindow, safeStorage } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { Bridge } from '../renderer/src/bridge/contract';
import { BackupStore, parseBackupName, parseBackupWriteRequest, parseKeep } from './backups';
import { chooseSecondFolder, pickBackupFile } from './backupsDialogs';
import { parseSecretName, parseSecretSetRequest, safeStorageCipher, SecretStore } from './secrets';

type BackupChannel =
  | 'backupWrite'
  | 'backupList'
  | 'backupRead'
  | 'backupPrune'
  | 'backupPickFile'
  | 'backupFolders'
  | 'backupChooseSecondFolder'
  | 'backupForgetSecondFolder'
  | 'secretGet'
  | 'secretSet'
  | 'secretClear';
type BackupHandlers = {
  [K in BackupChannel]: (event: IpcMainInvokeEvent, args: unknown[]) => Promise<Awaited<ReturnType<Bridge[K]>>>;
};

const backups = () => new BackupStore(app.getPath('userData'));
const secrets = () => new SecretStore(app.getPath('userData'), safeStorageCipher(safeStorage));
const parentWindow = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);

export const backupHandlers: BackupHandlers = {
  backupWrite: async (_event, [request]) => backups().write(parseBackupWriteRequest(request)),
  backupList: async () => backups().list(),
  backupRead: async (_event, [name]) => backups().read(parseBackupName(name)),
  backupPrune: async (_event, [keep]) => backups().prune(parseKeep(keep)),
  backupPickFile: async (event) => pickBackupFile(parentWindow(event)),
  backupFolders: async () => backups().folders(),
  backupChooseSecondFolder: async (event) => chooseSecondFolder(parentWindow(event), backups()),
  backupForgetSecondFolder: async () => backups().setSecondFolder(null),
  secretGet: async (_event, [name]) => secrets().get(parseSecretName(name)),
  secretSet: async (_event, [request]) => {
    const req = parseSecretSetRequest(request);
    await secrets().set(req.name, req.value);
  },
  secretClear: async (_event, [name]) => secrets().clear(parseSecretName(name)),
};
