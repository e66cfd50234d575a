// Browser side of "roster-import-5k": a 5,000-row roster workbook as stations keep them (merged
// title rows, Hindi headings, a "1 2 3" row, Excel and text dates, mobiles as numbers, text and
// scientific notation, a repeated header every 1,000 rows, 2 % bad rows), made before the clock.
//   readOnly   = exceljs loading the file, nothing else (the baseline)
//   fullImport = the app's whole import: read + header/mapping + plan (coerce, validate, duplicates)
//                + the one-transaction write of the accepted rows, on the app's StationDb in IndexedDB
// While the import runs, a 10 ms timer measures the longest stall of the event loop.
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { createRecord } from '@/db/repository';
import { createTeam } from '@/db/roster';
import type { Actor } from '@/domain/records';
import { mitanRegister } from '@/domain/registers/mitan';
import { placeRegister } from '@/domain/registers/place';
import { loadExcelJs } from '@/import/exceljs';
import { openImport, prepareImport, writeImport } from '@/import/session';

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

export async function readOnly(args: RosterImportArgs) {
  const bytes = await workbook(args.rows, args.teams ?? 20);
  const ExcelJS = await loadExcelJs();
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ms = performance.now() - t0;
  return { ms, bytes: bytes.length, rowCount: wb.worksheets[0]!.rowCount };
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
  const stored = await db.mitan.count();
  db.close();
  if (stored !== plan.accepted.length || result.created.length !== stored) throw new Error(`stored ${stored}, planned ${plan.accepted.length}`);
  return {
    ms: t3 - t0,
    readMs: t1 - t0,
    planMs: t2 - t1,
    writeMs: t3 - t2,
    maxStallMs: maxStall,
    accepted: plan.accepted.length,
    rejected: plan.rejected.length,
    bytes: bytes.length,
  };
}
