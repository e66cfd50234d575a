/**
 * Whole-database backup and restore. A restore verifies the file first (checksum, format
 * version, key settings, and the thana code of the data inside against this PC's), saves the
 * current state through `saveSafetyCopy`, and then replaces every table in ONE transaction:
 * either the old database or the restored one, never a mix. The audit log is the exception
 * that proves the rule: it is append-only, so rows written after the backup are kept.
 */
import { bi, DomainError } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import { assertCan } from '@/domain/roles';
import { decodeBackup, encodeBackup, type BackupContent, type BackupHeader } from '@/backup/format';
import { replaceTableRows } from '@/backup/replace';
import { trustedActor } from './actor';
import type { StationContext } from './context';
import { AUDIT_PC_KEY } from './audit-chain';
import { auditRow } from './repository';
import { readProfile } from './settings';
import { REGISTER_TABLES } from './schema';
import { moveStatesOut } from './sync-state';

/** Rows per read page and write batch inside the restore transaction. */
const RESTORE_CHUNK = 2_000;

export async function snapshotDatabase(ctx: StationContext): Promise<{ content: BackupContent; records: number }> {
  const { db } = ctx;
  const tables: Record<string, unknown[]> = {};
  let records = 0;
  await db.transaction('r', db.tables, async () => {
    for (const t of db.tables) {
      tables[t.name] = await t.toArray();
      if ((REGISTER_TABLES as readonly string[]).includes(t.name)) records += tables[t.name]!.length;
    }
  });
  return { content: { dbVersion: db.verno, tables }, records };
}

export async function makeBackup(ctx: StationContext, actor: Actor | null, passphrase: string, appVersion: string, iterations?: number): Promise<{ bytes: Uint8Array; name: string; records: number }> {
  if (actor) assertCan(actor.role, 'backup.run');
  const profile = await readProfile(ctx.db);
  if (!profile) throw new DomainError('setup.missing', bi('पहले प्रारंभिक सेटअप पूरा करें', 'Complete the first-run setup first'));
  const { content, records } = await snapshotDatabase(ctx);
  const createdAt = ctx.now().toISOString();
  const bytes = await encodeBackup(content, { thana: profile.thanaCode, thanaName: profile.thanaName, createdAt, appVersion, records }, passphrase, iterations);
  const stamp = createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return { bytes, name: `cmtd-${profile.thanaCode}-${stamp}.cmtdbak`, records };
}

/** The thana code of the profile inside a backup's data; null when it has none. */
function backupThana(content: BackupContent): string | null {
  const settings = content.tables?.settings;
  const row = Array.isArray(settings) ? settings.find((r) => (r as { key?: unknown } | null)?.key === 'profile') : undefined;
  const code = (row as { value?: { thanaCode?: unknown } } | undefined)?.value?.thanaCode;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** The backup's audit rows plus every current one it does not have (the current copy of a row wins). */
async function withCurrentAudit(ctx: StationContext, fromBackup: readonly unknown[]): Promise<unknown[]> {
  const byId = new Map<string, unknown>();
  for (const row of fromBackup) byId.set(String((row as { id?: unknown } | null)?.id), row);
  await ctx.db.audit.each((row) => {
    byId.set(row.id, row);
  });
  return [...byId.values()];
}

export interface RestoreResult {
  header: BackupHeader;
  records: number;
}

export async function restoreBackup(
  ctx: StationContext,
  actor: Actor,
  file: Uint8Array,
  passphrase: string,
  saveSafetyCopy: () => Promise<void>,
): Promise<RestoreResult> {
  // The person, read again from this PC's users (not the object handed in), must be an active in-charge.
  await trustedActor(ctx, actor, 'backup.restore');
  // 1. Verify everything before touching anything.
  const { header, content } = await decodeBackup(file, passphrase);
  const profile = await readProfile(ctx.db);
  const here = profile?.thanaCode ?? ctx.thana;
  // The thana the data itself belongs to: the header of an old (format 1) file is not authenticated.
  const inside = backupThana(content);
  if (inside === null || inside !== header.thana || (here && here !== inside))
    throw new DomainError(
      'backup.thana',
      bi(
        `यह बैकअप थाना ${header.thanaName} (${inside ?? header.thana}) का है, इस थाने (${here}) का नहीं; कुछ नहीं बदला गया`,
        `This backup belongs to thana ${inside ?? header.thana}, not to this thana (${here}); nothing was changed`,
      ),
    );
  const { db } = ctx;
  if (content.dbVersion > db.verno)
    throw new DomainError('backup.version', bi('यह बैकअप ऐप के नए संस्करण का है; पहले ऐप अपडेट करें', 'This backup was made by a newer version of the app; update the app first'));
  const known = new Set(db.tables.map((t) => t.name));
  for (const name of Object.keys(content.tables))
    if (!known.has(name)) throw new DomainError('backup.damaged', bi('बैकअप फ़ाइल में अज्ञात तालिका है', 'The backup has an unknown table'));
  // 2. Keep the current state before replacing it.
  await saveSafetyCopy();
  // 3. Replace in one transaction (writing only rows that differ: see replaceTableRows).
  let records = 0;
  // Made before the entries' sync state had its own table (schema v8): moved out as the upgrade does.
  const tables = content.dbVersion < 8 ? moveStatesOut(content.tables, REGISTER_TABLES) : content.tables;
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) {
      // The audit log only grows: rows written since the backup (and any the backup lacks) stay.
      const rows = t.name === db.audit.name ? await withCurrentAudit(ctx, tables.audit ?? []) : (tables[t.name] ?? []);
      await replaceTableRows(t, rows, RESTORE_CHUNK);
      if ((REGISTER_TABLES as readonly string[]).includes(t.name)) records += rows.length;
    }
    // This PC goes on with its own audit chain, whichever PC's backup came in (the rows above include it whole).
    if (db.auditPc) await db.syncMeta.put({ key: AUDIT_PC_KEY, value: db.auditPc });
    await db.audit.add(auditRow(ctx, actor, 'restore', { summary: `${header.thana} ${header.createdAt} (${header.records})` }));
  });
  return { header, records };
}
