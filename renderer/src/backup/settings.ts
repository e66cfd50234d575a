/**
 * This PC's backup and update preferences (never synced: `settings` rows 'backup' and
 * 'updates'). Changed by the in-charge only; every change is audited.
 */
import { bi, DomainError } from '@/domain/bilingual';
import { isSecureUpdateUrl } from '@/bridge/contract';
import type { Actor } from '@/domain/records';
import { assertCan } from '@/domain/roles';
import { trustedActor } from '@/db/actor';
import type { StationContext } from '@/db/context';
import { auditRow } from '@/db/repository';
import type { StationDb } from '@/db/schema';

export interface BackupPrefs {
  /** Backups kept in each folder (the newest ones). */
  keep: number;
  /** The daily automatic backup. */
  automatic: boolean;
}

export interface UpdatePrefs {
  /** The district's update folder; '' = the one built into the installer. */
  feedUrl: string;
  /** This PC is on a metered line (mobile data): never download without asking. */
  metered: boolean;
  /** Download an update as soon as it is found (ignored on a metered line). */
  autoDownload: boolean;
}

export const DEFAULT_BACKUP_PREFS: BackupPrefs = Object.freeze({ keep: 14, automatic: true });
export const DEFAULT_UPDATE_PREFS: UpdatePrefs = Object.freeze({ feedUrl: '', metered: false, autoDownload: false });
export const MAX_KEEP = 365;

export async function readBackupPrefs(db: StationDb): Promise<BackupPrefs> {
  return { ...DEFAULT_BACKUP_PREFS, ...(((await db.settings.get('backup'))?.value as Partial<BackupPrefs>) ?? {}) };
}

export async function readUpdatePrefs(db: StationDb): Promise<UpdatePrefs> {
  return { ...DEFAULT_UPDATE_PREFS, ...(((await db.settings.get('updates'))?.value as Partial<UpdatePrefs>) ?? {}) };
}

export function validateBackupPrefs(p: BackupPrefs): BackupPrefs {
  if (!Number.isInteger(p.keep) || p.keep < 1 || p.keep > MAX_KEEP)
    throw new DomainError('backup.keep', bi(`रखे जाने वाले बैकअप 1 से ${MAX_KEEP} के बीच हों`, `Backups kept must be between 1 and ${MAX_KEEP}`));
  return { keep: p.keep, automatic: Boolean(p.automatic) };
}

/** The same rule main applies (electron/updater.ts parseFeedUrl), said in both languages here. */
export function validateUpdatePrefs(p: UpdatePrefs): UpdatePrefs {
  const feedUrl = p.feedUrl.trim();
  if (feedUrl !== '') {
    const url = URL.canParse(feedUrl) ? new URL(feedUrl) : null;
    if (!url || !isSecureUpdateUrl(url) || url.username || url.password)
      throw new DomainError(
        'updates.url',
        bi('अपडेट सर्वर का पता https:// से शुरू हो (बिना पासवर्ड)', 'The update server must be an https:// address (without a password)'),
      );
  }
  return { feedUrl, metered: Boolean(p.metered), autoDownload: Boolean(p.autoDownload) };
}

async function savePrefs(ctx: StationContext, claimed: Actor, key: 'backup' | 'updates', value: BackupPrefs | UpdatePrefs): Promise<void> {
  assertCan(claimed.role, 'settings.edit');
  await ctx.db.transaction('rw', ctx.db.settings, ctx.db.audit, ctx.db.users, async () => {
    const actor = await trustedActor(ctx, claimed, 'settings.edit');
    const before = (await ctx.db.settings.get(key))?.value ?? null;
    await ctx.db.settings.put({ key, value });
    await ctx.db.audit.add(auditRow(ctx, actor, 'settings', { summary: key, before, after: value }));
  });
}

export function saveBackupPrefs(ctx: StationContext, actor: Actor, p: BackupPrefs): Promise<void> {
  return savePrefs(ctx, actor, 'backup', validateBackupPrefs(p));
}

export function saveUpdatePrefs(ctx: StationContext, actor: Actor, p: UpdatePrefs): Promise<void> {
  return savePrefs(ctx, actor, 'updates', validateUpdatePrefs(p));
}
