// Browser side of "roster-import-5k": a 5,000-row roster workbook as stations keep them (merged
// title rows, Hindi headings, a "1 2 3" row, Excel and text dates, mobiles as numbers, text and
// scientific notation, a repeated header every 1,000 rows, 2 % bad rows), made before the clock.
//   readAndPut = the baseline: exceljs loading the file, then a raw IndexedDB `put` of the rows an
//                import accepts (the same 4,900 rows, built as stored records of the same shape)
//                into an object store with the same indexes as the app's Mitan table, with each
//                entry's sync-state row beside it as schema v8 keeps it, in ONE transaction (no
//                validation, no serials, no totals, no audit)
//   fullImport = the app's whole import: read + header/mapping + plan (coerce, validate, duplicates)
//                + the one-transaction write of the accepted rows, on the app's StationDb in IndexedDB
// Both record the main thread's long tasks (PerformanceObserver 'longtask', Chromium); the app's
// side also a 10 ms timer's longest stall.
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { createRecord } from '@/db/repository';
import { createTeam } from '@/db/roster';
import type { Actor } from '@/domain/records';
import { mitanRegister } from '@/domain/registers/mitan';
import { placeRegister } from '@/domain/registers/place';
import { loadExcelJs } from '@/import/exceljs';
import { searchTokens } from '@/domain/normalize';
import { openImport, prepareImport, warmImport, writeImport } from '@/import/session';
import { observeLongTasks, type Task } from '../lib/longtasks';

export interface RosterImportArgs {
  rows: number;
  teams?: number;
}

const HEADINGS = ['क्र.', 'नाम', 'पिता/पति का नाम', 'लिंग', 'जन्मतिथि', 'आयु', 'मोबाइल नं.', 'व्हाट्सएप', 'दल क्रमांक', 'ग्राम/वार्ड', 'श्रेणी', 'सहमति दिनांक', 'प्रशिक्षण दिनांक', 'स्थिति'];
const VILLAGES = ['बेलतरा', 'करगीकला', 'वार्ड क्रमांक 5', 'रतनपुर', 'कोटा', 'सलका'];

async function workbook(rows: number, teams: number): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('मितान सूची');
  ws.addRow(['थाना कोटा, जिला बिलासपुर (छ.ग.)']);
  ws.addRow(['साइबर मितान पंजी']);
  ws.mergeCells(1, 1, 1, HEADINGS.length);
  ws.mergeCells(2, 1, 2, HEADINGS.length);
  ws.addRow(HEADINGS);
  ws.addRow(HEADINGS.map((_, i) => i + 1));
  for (let k = 0; k < rows; k++) {
    if (k > 0 && k % 1000 === 0) ws.addRow(HEADINGS);
    const mobile = 9100000000 + k;
    const bad = k % 50 === 49;
    ws.addRow([
      k + 1,
      k % 2 ? `Ramesh Kumar ${k}` : `सीता बाई ${k}`,
      k % 2 ? `Shyam Lal ${k}` : `मोहन लाल ${k}`,
      k % 2 ? 'पुरुष' : 'महिला',
      k % 3 === 0 ? new Date(Date.UTC(1975 + (k % 25), k % 12, 1 + (k % 28))) : k % 3 === 1 ? `${String(1 + (k % 28)).padStart(2, '0')}-0${1 + (k % 9)}-19${70 + (k % 25)}` : null,
      k % 3 === 2 ? (bad ? 16 : 20 + (k % 40)) : null,
      k % 4 === 0 ? `9.${String(mobile).slice(1)}E+09` : k % 4 === 1 ? String(mobile) : mobile,
      k % 2 ? 'हाँ' : 'नहीं',
      `दल ${1 + (k % teams)}`,
      VILLAGES[k % VILLAGES.length],
      k % 5 ? 'स्वयंसेवक' : 'छात्र',
      bad ? null : new Date(Date.UTC(2026, 1, 1 + (k % 28))),
      k % 2 ? '20-02-2026' : null,
      'सक्रिय',
    ]);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const actor: Actor = { userId: 'bench', name: 'बेंच लेखक', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'बेले' };


async function longestTask(stop: () => Task[], t0: number, t1: number): Promise<{ longestTaskMs: number; worstTasks: Task[] }> {
  // Let the last long-task entries arrive before reading them.
  await new Promise((r) => setTimeout(r, 100));
  const tasks = stop().filter(([start]) => start >= t0 && start <= t1);
  const worstTasks = [...tasks].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([start, d]): Task => [Math.round(start - t0), Math.round(d)]);
  return { longestTaskMs: worstTasks[0]?.[1] ?? 0, worstTasks };
}

/** The app's Mitan table indexes (db/schema.ts: COMMON_V8 + REGISTER_INDEXES.mitan) as raw createIndex calls. */
const MITAN_INDEXES: [name: string, keyPath: string | string[], multiEntry?: boolean][] = [
  ['[serialYear+serialNo]', ['serialYear', 'serialNo']],
  ['createdAt', 'createdAt'],
  ['updatedAt', 'updatedAt'],
  ['tokens', 'tokens', true],
  ['keys', 'keys', true],
  ['[data.teamId+id]', ['data.teamId', 'id']],
  ['[data.placeId+id]', ['data.placeId', 'id']],
  ['[data.status+id]', ['data.status', 'id']],
];

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('mitan', { keyPath: 'id' });
      for (const [index, keyPath, multiEntry] of MITAN_INDEXES) store.createIndex(index, keyPath, { multiEntry: !!multiEntry });
      // Schema v9: each entry's sync state is a row of its own in `syncStates` ('id, queue': the
      // waiting rows' [state, table, at]).
      req.result.createObjectStore('syncStates', { keyPath: 'id' }).createIndex('queue', 'queue');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? '' : String(v));

/** A stored Mitan record of the app's shape (data, derived keys and tokens, history, sync fields) from a sheet row. */
function recordOf(row: unknown[], k: number, at: string) {
  const data = {
    name: cellText(row[2]),
    relativeName: cellText(row[3]),
    gender: k % 2 ? 'male' : 'female',
    dob: cellText(row[5]) || null,
    age: typeof row[6] === 'number' ? row[6] : null,
    mobile: String(9100000000 + k),
    whatsapp: k % 2 === 1,
    teamId: `BSPKOTA:team:${String(k % 20).padStart(26, '0')}`,
    role: 'member',
    placeId: `BSPKOTA:place:${String(k % 6).padStart(26, '0')}`,
    locality: null,
    beat: null,
    area: 'rural',
    category: k % 5 ? 'volunteer' : 'student',
    education: null,
    occupation: null,
    organisation: null,
    idType: null,
    idLast4: null,
    verifiedOn: null,
    trainingDate: k % 2 ? '2026-02-20' : null,
    trainingVenue: null,
    trainer: null,
    ncrpPromoter: null,
    consentPending: null,
    consentDate: cellText(row[12]),
    certificate: null,
    status: 'active',
    statusDate: null,
    statusReason: null,
    remarks: null,
  };
  const id = `BSPKOTA:mitan:${String(k).padStart(26, '0')}`;
  return {
    id,
    thana: 'BSPKOTA',
    type: 'mitan',
    schemaVersion: 1,
    serial: `2026/${String(k + 1).padStart(4, '0')}`,
    serialYear: 2026,
    serialNo: k + 1,
    data,
    tokens: searchTokens(data.name, data.relativeName, data.mobile),
    keys: [`mobile:${data.mobile}`],
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: 'bench',
    mutationId: id,
    version: 1,
    history: [{ version: 1, kind: 'create', at, by: 'bench', byName: actor.name, initials: actor.initials, reason: null, changes: [], mutationId: id }],
    cancelled: null,
    late: false,
  };
}

export async function readAndPut(args: RosterImportArgs) {
  const bytes = await workbook(args.rows, args.teams ?? 20);
  const ExcelJS = await loadExcelJs();
  const db = await openRaw(`bench-raw-${Date.now()}`);
  const stop = observeLongTasks();
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const t1 = performance.now();
  // The rows an import accepts: the data rows that are not repeated headers and not the 2 % bad ones.
  const at = new Date().toISOString();
  const records: ReturnType<typeof recordOf>[] = [];
  const ws = wb.worksheets[0]!;
  let k = 0;
  ws.eachRow((row, n) => {
    if (n <= 4) return;
    const values = row.values as unknown[];
    if (values[2] === HEADINGS[1]) return;
    if (k % 50 !== 49) records.push(recordOf(values, k, at));
    k++;
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['mitan', 'syncStates'], 'readwrite');
    const store = tx.objectStore('mitan');
    const states = tx.objectStore('syncStates');
    for (const r of records) {
      store.put(r);
      states.put({ id: r.id, table: 'mitan', state: 'dirty', rev: null, at: r.updatedAt, mutationId: r.mutationId, version: r.version, queue: ['dirty', 'mitan', r.updatedAt] });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.commit();
  });
  const t2 = performance.now();
  const tasks = await longestTask(stop, t0, t2);
  db.close();
  return { ms: t2 - t0, readMs: t1 - t0, putMs: t2 - t1, put: records.length, bytes: bytes.length, ...tasks };
}

export async function fullImport(args: RosterImportArgs) {
  const teams = args.teams ?? 20;
  const bytes = await workbook(args.rows, teams);
  const db = new StationDb(`bench-roster-${Date.now()}`);
  await db.open();
  const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date(), settings: () => ({ teamTarget: 25 }) };
  for (const name of VILLAGES)
    await createRecord(ctx, actor, placeRegister, { name, kind: name.startsWith('वार्ड') ? 'ward' : 'village', area: name.startsWith('वार्ड') ? 'urban' : 'rural' });
  for (let no = 1; no <= teams; no++)
    await createTeam(ctx, actor, { teamNo: no, leaderName: `आरक्षक ${no}`, leaderRank: 'आरक्षक', leaderMobile: String(9425000000 + no), nodalName: 'नोडल', nodalRank: 'उप निरीक्षक', beat: `बीट ${no}`, formedOn: '2026-01-10', target: 25 });

  // The import screen starts its reader (a worker loading exceljs) and loads the transliteration
  // when it opens, before the writer picks a file (warmImport), as the baseline has exceljs loaded
  // before its clock starts; the time is reported.
  const w0 = performance.now();
  await warmImport();
  const readerWarmMs = performance.now() - w0;

  const stop = observeLongTasks();
  let last = performance.now();
  let maxStall = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last);
    last = now;
  }, 10);
  const t0 = performance.now();
  const session = await openImport(mitanRegister, bytes, 'roster.xlsx');
  const t1 = performance.now();
  const plan = await prepareImport(ctx, session);
  const t2 = performance.now();
  const result = await writeImport(ctx, actor, session, plan);
  const t3 = performance.now();
  clearInterval(tick);
  const tasks = await longestTask(stop, t0, t3);
  const stored = await db.mitan.count();
  db.close();
  if (stored !== plan.accepted.length || result.created.length !== stored) throw new Error(`stored ${stored}, planned ${plan.accepted.length}`);
  return {
    ms: t3 - t0,
    readMs: t1 - t0,
    readerWarmMs,
    planMs: t2 - t1,
    writeMs: t3 - t2,
    maxStallMs: maxStall,
    ...tasks,
    accepted: plan.accepted.length,
    rejected: plan.rejected.length,
    bytes: bytes.length,
  };
}
