/**
 * The station's backups, from the renderer's side: a daily automatic backup (checked at start
 * and every few hours: made when the newest one is older than 24 h and a passphrase is set),
 * "back up now", keeping the newest N, the passphrase (kept by main, encrypted by the OS), and
 * restore glue. Making and restoring the file itself is renderer/src/db/backup.ts.
 */
import { bi, DomainError } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import { assertCan } from '@/domain/roles';
import type { StationContext } from '@/db/context';
import { makeBackup, restoreBackup, type RestoreResult } from '@/db/backup';
import { auditRow } from '@/db/repository';
import { assertPassphrase } from './format';
import type { BackupFileInfo, BackupWriteResult, Bridge } from '@/bridge/contract';
import { readBackupPrefs } from './settings';

export type BackupBridge = Pick<
  Bridge,
  'backupWrite' | 'backupList' | 'backupRead' | 'backupPrune' | 'backupFolders' | 'secretGet' | 'secretSet' | 'secretClear'
>;

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the app looks whether the daily backup is due. */
export const CHECK_EVERY_MS = 3 * 60 * 60 * 1000;
const PASSPHRASE = 'backupPassphrase';

export interface BackupOutcome {
  name: string;
  size: number;
  records: number;
  second: BackupWriteResult['second']['status'];
  pruned: string[];
}

export type DueCheck =
  | { due: true }
  | { due: false; reason: 'web-mode' | 'automatic-off' | 'no-passphrase' | 'no-profile' | 'recent' };

export interface BackupServiceDeps {
  bridge: BackupBridge;
  /** The open station (its database, thana, clock). */
  ctx: () => StationContext;
  appVersion: () => Promise<string>;
  /** PBKDF2 rounds; only tests lower it. */
  iterations?: number;
}

export type RestoreSource = { kind: 'saved'; name: string } | { kind: 'file'; data: Uint8Array };

export class BackupService {
  /** One backup at a time: the timer and a click must not write two at once. */
  private running: Promise<BackupOutcome> | null = null;

  constructor(private readonly deps: BackupServiceDeps) {}

  private get ctx(): StationContext {
    return this.deps.ctx();
  }

  async hasPassphrase(): Promise<boolean> {
    return (await this.deps.bridge.secretGet(PASSPHRASE)) !== null;
  }

  /** In-charge only. The passphrase itself never enters the database or the audit log. */
  async setPassphrase(actor: Actor, passphrase: string): Promise<void> {
    assertCan(actor.role, 'settings.edit');
    assertPassphrase(passphrase);
    await this.deps.bridge.secretSet({ name: PASSPHRASE, value: passphrase.normalize('NFC') });
    await this.ctx.db.audit.add(auditRow(this.ctx, actor, 'settings', { summary: 'backup passphrase set' }));
  }

  async clearPassphrase(actor: Actor): Promise<void> {
    assertCan(actor.role, 'settings.edit');
    await this.deps.bridge.secretClear(PASSPHRASE);
    await this.ctx.db.audit.add(auditRow(this.ctx, actor, 'settings', { summary: 'backup passphrase removed' }));
  }

  /** Newest first, from the backups folder (empty in web mode). */
  list(): Promise<BackupFileInfo[]> {
    return this.deps.bridge.backupList();
  }

  async lastBackup(): Promise<BackupFileInfo | null> {
    return (await this.list())[0] ?? null;
  }

  async isDue(): Promise<DueCheck> {
    const { primary } = await this.deps.bridge.backupFolders();
    // In a browser every backup is a download; one a day, unasked, would only be a nuisance.
    if (primary === null) return { due: false, reason: 'web-mode' };
    if (!(await readBackupPrefs(this.ctx.db)).automatic) return { due: false, reason: 'automatic-off' };
    if (!this.ctx.thana) return { due: false, reason: 'no-profile' };
    if (!(await this.hasPassphrase())) return { due: false, reason: 'no-passphrase' };
    const last = await this.lastBackup();
    if (last && this.ctx.now().getTime() - Date.parse(last.createdAt) < DAY_MS) return { due: false, reason: 'recent' };
    return { due: true };
  }

  /** The automatic backup: made only when due; a failure is reported to the caller, never thrown. */
  async runIfDue(): Promise<{ outcome: BackupOutcome | null; check: DueCheck; error?: unknown }> {
    const check = await this.isDue();
    if (!check.due) return { outcome: null, check };
    try {
      return { outcome: await this.backupNow(null), check };
    } catch (error) {
      console.error('automatic backup failed', error);
      return { outcome: null, check, error };
    }
  }

  /** "Back up now" (actor), or the automatic one (null: nobody need be signed in). */
  backupNow(actor: Actor | null, note?: string): Promise<BackupOutcome> {
    this.running ??= this.makeAndWrite(actor, note).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async makeAndWrite(actor: Actor | null, note?: string, passphrase?: string): Promise<BackupOutcome> {
    if (actor) assertCan(actor.role, 'backup.run');
    const secret = passphrase ?? (await this.deps.bridge.secretGet(PASSPHRASE));
    if (secret === null)
      throw new DomainError(
        'backup.passphrase.missing',
        bi('पहले थाना प्रभारी बैकअप पासफ़्रेज़ सेट करें (सेटिंग्स)', 'The thana in-charge must first set a backup passphrase (Settings)'),
      );
    const made = await makeBackup(this.ctx, actor, secret, await this.deps.appVersion(), this.deps.iterations);
    const name = note ? made.name.replace(/\.cmtdbak$/, `-${note}.cmtdbak`) : made.name;
    const written = await this.deps.bridge.backupWrite({ name, data: made.bytes });
    const { keep } = await readBackupPrefs(this.ctx.db);
    const { removed } = await this.deps.bridge.backupPrune(keep);
    await this.ctx.db.audit.add(
      auditRow(this.ctx, actor, 'backup', { summary: `${name} (${made.records})${actor ? '' : ' automatic'}` }),
    );
    return { name, size: written.size, records: made.records, second: written.second.status, pruned: removed };
  }

  /**
   * Restore: verify the file (checksum, format, thana) → save the current state as a backup
   * ("-before-restore") → replace everything in one transaction. The caller reloads the app after.
   */
  async restore(actor: Actor, source: RestoreSource, passphrase: string): Promise<RestoreResult> {
    assertCan(actor.role, 'backup.restore');
    const file = source.kind === 'saved' ? await this.deps.bridge.backupRead(source.name) : source.data;
    // The safety copy uses this PC's passphrase; on a new PC with none yet, the backup's own.
    const own = await this.deps.bridge.secretGet(PASSPHRASE);
    return restoreBackup(this.ctx, actor, file, passphrase, async () => {
      await this.makeAndWrite(actor, 'before-restore', own ?? passphrase);
    });
  }

  /** Checks now and then every CHECK_EVERY_MS; answers a function that stops it. */
  startSchedule(onResult: (r: Awaited<ReturnType<BackupService['runIfDue']>>) => void = () => {}, every = CHECK_EVERY_MS): () => void {
    let stopped = false;
    // One check at a time: on a slow PC a backup can outlast the interval, and a second check
    // started meanwhile would find no recent backup and make another.
    let running = false;
    const tick = () => {
      if (stopped || running) return;
      running = true;
      void this.runIfDue()
        .then((r) => !stopped && onResult(r))
        .catch((err: unknown) => console.error('backup schedule', err))
        .finally(() => (running = false));
    };
    tick();
    const timer = setInterval(tick, every);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }
}
