// Browser side of "backup-restore-100k": the app's own StationDb (real schema and indexes) in
// Chromium with 100,000 Mitan-roster entries in the shape the repository stores them.
//   plainBulkPut = the same 100,000 entries written into an empty database with Dexie bulkPut,
//                  chunks of 2,000 inside ONE transaction (the write shape restore itself uses)
//   backupRestore = seed the database (not timed), then
//                   backup : makeBackup() — read every table, JSON, gzip, PBKDF2 (production
//                            rounds), AES-GCM, checksum
//                   restore: restoreBackup() over the seeded database — checksum, decrypt, gunzip,
//                            parse, checks, then clear + bulkAdd of every table in ONE transaction
//                   (the safety copy a real restore makes first is a backup: see backupMs)
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { makeBackup, restoreBackup } from '@/db/backup';
import { decodeBackup } from '@/backup/format';
import { saveProfile } from '@/db/settings';
import { DEFAULT_PROFILE } from '@/domain/setup';
import { searchTokens } from '@/domain/normalize';
import type { Actor, SyncedRecord } from '@/domain/records';
import { entryOf, putSynced } from '@/db/sync-state';
import { makeRecords } from '../lib/records.mjs';
import type { BenchRecord } from '../lib/records.mjs';

export interface BackupRestoreArgs {
  count: number;
  seed?: number;
}

const THANA = 'BSP01';
const PASSPHRASE = 'थाना-बेंच-2026';
const CHUNK = 2000;
const incharge: Actor = { userId: 'bench', name: 'बेंच प्रभारी', rank: 'निरीक्षक', role: 'incharge', initials: 'बेप्र' };

function stored(r: BenchRecord): SyncedRecord {
  const { id, thana, type, schemaVersion, serial, createdAt, createdBy, updatedAt, updatedBy, mutationId, rev, syncState, ...fields } = r;
  return {
    id,
    thana,
    type,
    schemaVersion,
    serial: `2025/${String(serial).padStart(4, '0')}`,
    serialYear: 2025,
    serialNo: serial,
    data: { ...fields, teamId: `${THANA}:team:T${serial % 40}`, placeId: `${THANA}:place:P${serial % 300}`, status: 'active' },
    tokens: searchTokens(fields.name, fields.fatherName, fields.village, fields.mobile),
    keys: [`mobile:${fields.mobile}`],
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    mutationId,
    version: 1,
    history: [],
    cancelled: null,
    late: false,
    _rev: rev,
    syncState,
  };
}

function entries(args: BackupRestoreArgs): { rows: SyncedRecord[]; recordBytes: number } {
  const rows = makeRecords(args.count, { seed: args.seed }).map(stored);
  const sample = rows.slice(0, 1000);
  const bytes = sample.reduce((n, r) => n + new TextEncoder().encode(JSON.stringify(r)).length, 0);
  return { rows, recordBytes: Math.round(bytes / Math.max(1, sample.length)) };
}

async function openStation(name: string): Promise<StationContext> {
  const db = new StationDb(name);
  await db.open();
  const ctx: StationContext = { db, thana: THANA, pcSeries: '', now: () => new Date(), settings: () => ({}) };
  await saveProfile(ctx, null, {
    ...DEFAULT_PROFILE,
    thanaName: 'बेंच थाना',
    thanaCode: THANA,
    inchargeName: 'बेंच प्रभारी',
    nodalName: 'बेंच नोडल',
    nodalMobile: '9876543210',
    campaignStart: '2025-07-01',
    campaignEnd: '2025-09-30',
    thanaTarget: 5000,
  });
  // A restore reads the in-charge back from the users table (renderer/src/db/actor.ts).
  await db.users.put({
    id: incharge.userId, name: incharge.name, rank: incharge.rank, role: incharge.role, initials: incharge.initials, salt: '', hash: '',
    iterations: 1, failedCount: 0, lockedUntil: null, active: true, createdAt: new Date().toISOString(), createdBy: null,
  });
  return ctx;
}

/** The entries and their sync-state rows (schema v8 keeps `_rev`/`syncState` in `syncStates`). */
async function bulkPutInOneTransaction(ctx: StationContext, rows: SyncedRecord[]): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.mitan, ctx.db.syncStates, async () => {
    for (let i = 0; i < rows.length; i += CHUNK) await putSynced(ctx.db, 'mitan', rows.slice(i, i + CHUNK));
  });
}

export async function plainBulkPut(args: BackupRestoreArgs) {
  const ctx = await openStation('bench-backup-baseline');
  const { rows, recordBytes } = entries(args);
  const t0 = performance.now();
  await bulkPutInOneTransaction(ctx, rows);
  const ms = performance.now() - t0;
  const stored = await ctx.db.mitan.count();
  ctx.db.close();
  if (stored !== rows.length) throw new Error(`plainBulkPut: stored ${stored} of ${rows.length}`);
  return { records: rows.length, ms, recordBytes };
}

export async function backupRestore(args: BackupRestoreArgs) {
  const ctx = await openStation('cyber-mitan-thana');
  const { rows, recordBytes } = entries(args);
  const s0 = performance.now();
  await bulkPutInOneTransaction(ctx, rows);
  const seedMs = performance.now() - s0;

  const b0 = performance.now();
  const backup = await makeBackup(ctx, incharge, PASSPHRASE, 'bench');
  const backupMs = performance.now() - b0;
  if (backup.records !== rows.length) throw new Error(`backup holds ${backup.records} of ${rows.length}`);

  // A new PC after a dead disk: first-run setup done, registers empty. Every entry is written.
  const fresh = await openStation('new-pc');
  const f0 = performance.now();
  const restored = await restoreBackup(fresh, incharge, backup.bytes, PASSPHRASE, async () => {});
  const restoreFreshMs = performance.now() - f0;
  await check(fresh, rows, restored.records);
  fresh.db.close();

  // The same PC a day later (1 % of the entries corrected, 0.5 % added), put back as it was.
  const day = dayOfWork(rows);
  await bulkPutInOneTransaction(ctx, day);
  const o0 = performance.now();
  const over = await restoreBackup(ctx, incharge, backup.bytes, PASSPHRASE, async () => {});
  const restoreOverMs = performance.now() - o0;
  await check(ctx, rows, over.records);

  // Where a restore's time goes besides writing: verify + decrypt + gunzip + parse, alone.
  const d0 = performance.now();
  await decodeBackup(backup.bytes, PASSPHRASE);
  const decodeMs = performance.now() - d0;
  ctx.db.close();
  return { records: rows.length, recordBytes, seedMs, backupMs, restoreFreshMs, restoreOverMs, changedByDay: day.length, decodeMs, fileBytes: backup.bytes.length };
}

function dayOfWork(rows: SyncedRecord[]): SyncedRecord[] {
  const corrected = rows.filter((_, i) => i % 100 === 7).map((r) => ({ ...r, version: 2, data: { ...r.data, remarks: 'सुधार: मोबाइल नंबर' }, syncState: 'dirty' as const }));
  const added = rows.slice(0, Math.ceil(rows.length / 200)).map((r, i) => ({ ...r, id: `${THANA}:mitan:ZZDAY${String(i).padStart(21, '0')}` }));
  return [...corrected, ...added];
}

async function check(ctx: StationContext, rows: SyncedRecord[], restored: number): Promise<void> {
  const stored = await ctx.db.mitan.count();
  if (restored !== rows.length || stored !== rows.length) throw new Error(`restored ${restored}, stored ${stored} of ${rows.length}`);
  for (const r of [rows[0]!, rows[7]!, rows[rows.length - 1]!]) {
    if (JSON.stringify(await ctx.db.mitan.get(r.id)) !== JSON.stringify(entryOf(r))) throw new Error(`restored entry ${r.id} differs from the original`);
  }
}
