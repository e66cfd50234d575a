/**
 * Whole-database backup and restore. A restore verifies the file first (checksum, format
 * version, thana code), saves the current state through `saveSafetyCopy`, and then replaces
 * every table in ONE transaction: either the old database or the restored one, never a mix.
 */
import { bi, DomainError } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import { assertCan } from '@/domain/roles';
import { decodeBackup, encodeBackup, type BackupContent, type BackupHeader } from '@/backup/format';
import { replaceTableRows } from '@/backup/replace';
import type { StationContext } from './context';
import { auditRow } from './repository';
import { readProfile } from './settings';
import { REGISTER_TABLES } from './schema';

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
  assertCan(actor.role, 'backup.restore');
  // 1. Verify everything before touching anything.
  const { header, content } = await decodeBackup(file, passphrase);
  const profile = await readProfile(ctx.db);
  if (profile && profile.thanaCode !== header.thana)
    throw new DomainError(
      'backup.thana',
      bi(
        `यह बैकअप थाना ${header.thanaName} (${header.thana}) का है, इस थाने (${profile.thanaCode}) का नहीं; कुछ नहीं बदला गया`,
        `This backup belongs to thana ${header.thana}, not to this thana (${profile.thanaCode}); nothing was changed`,
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
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) {
      const rows = content.tables[t.name] ?? [];
      await replaceTableRows(t, rows, RESTORE_CHUNK);
      if ((REGISTER_TABLES as readonly string[]).includes(t.name)) records += rows.length;
    }
    await db.audit.add(auditRow(ctx, actor, 'restore', { summary: `${header.thana} ${header.createdAt} (${header.records})` }));
  });
  return { header, records };
}
