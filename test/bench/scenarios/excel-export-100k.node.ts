// The in-process halves of the export benchmarks (bundled by bundleForNode, run in a fresh child
// process per measurement). Entries are made page by page from a seeded generator, so neither
// side ever holds the register whole: what is measured is turning entries into a workbook.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { StationContext } from '@/db/context';
import { bi } from '@/domain/bilingual';
import type { Actor, StoredRecord } from '@/domain/records';
import type { FieldDef, RegisterDef } from '@/domain/registers/types';
import { printColumns } from '@/domain/registers/types';
import { buildRegisterPrint, exportRegisterXlsx } from '@/export/runner';
import type { PrintFont } from '@/export/print/printView';
import { escapeHtml } from '@/export/print/printView';

const opt = (...pairs: [string, string, string][]) => pairs.map(([value, hi, en]) => ({ value, label: bi(hi, en) }));
const f = (key: string, hi: string, en: string, type: FieldDef['type'], order: number, width: number, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label: bi(hi, en),
  type,
  print: { order, width },
  ...extra,
});

/** A roster-like register with 20 printed columns of every printed kind (22 with क्र. and the note). */
export const benchRegister: RegisterDef = {
  type: 'mitan',
  title: bi('बेंच पंजी', 'Bench register'),
  printTitle: bi('साइबर मितान पंजी (बेंच)', 'Cyber Mitan roster (bench)'),
  serial: true,
  schemaVersion: 1,
  searchFields: [],
  fields: [
    f('enrolledOn', 'पंजीयन दिनांक', 'Enrolled on', 'date', 1, 11),
    f('name', 'नाम', 'Name', 'text', 2, 20),
    f('relativeName', 'पिता/पति का नाम', "Father's/Husband's name", 'text', 3, 20),
    f('gender', 'लिंग', 'Gender', 'select', 4, 7, { options: opt(['m', 'पुरुष', 'Male'], ['f', 'महिला', 'Female']) }),
    f('age', 'आयु', 'Age', 'int', 5, 6, { print: { order: 5, width: 6, total: false } }),
    f('mobile', 'मोबाइल', 'Mobile', 'mobile', 6, 12),
    f('village', 'ग्राम/वार्ड', 'Village/ward', 'text', 7, 14),
    f('area', 'शहरी/ग्रामीण', 'Urban/Rural', 'select', 8, 9, { options: opt(['rural', 'ग्रामीण', 'Rural'], ['urban', 'शहरी', 'Urban']) }),
    f('beat', 'बीट', 'Beat', 'text', 9, 9),
    f('occupation', 'व्यवसाय', 'Occupation', 'text', 10, 14),
    f('education', 'शिक्षा', 'Education', 'select', 11, 10, { options: opt(['8', 'आठवीं', '8th'], ['10', 'दसवीं', '10th'], ['12', 'बारहवीं', '12th'], ['ug', 'स्नातक', 'Graduate']) }),
    f('trainedOn', 'प्रशिक्षण दिनांक', 'Trained on', 'date', 12, 11),
    f('sessions', 'सत्र', 'Sessions', 'int', 13, 7),
    f('people', 'जागरूक व्यक्ति', 'People reached', 'int', 14, 9),
    f('amount', 'बचाई गई राशि', 'Amount saved', 'money', 15, 13),
    f('status', 'स्थिति', 'Status', 'select', 16, 9, { options: opt(['active', 'सक्रिय', 'Active'], ['idle', 'निष्क्रिय', 'Idle']) }),
    f('consent', 'सहमति', 'Consent', 'boolean', 17, 7),
    f('remarks', 'रिमार्क', 'Remarks', 'longtext', 18, 22),
    f('time', 'समय', 'Time', 'time', 19, 7),
    f('enteredAt', 'प्रविष्टि समय', 'Entered at', 'datetime', 20, 15),
  ],
};

const FIRST = ['रामकुमार', 'सुनीता', 'मनोज', 'गीता', 'राजेश', 'पूजा', 'संतोष', 'लक्ष्मी', 'दिनेश', 'कविता', 'अजय', 'रेखा'];
const SURNAME = ['साहू', 'यादव', 'पटेल', 'वर्मा', 'कश्यप', 'ध्रुव', 'मरकाम', 'नेताम', 'सिंह', 'कौशिक'];
const VILLAGE = ['सेमरताल', 'सेंदरी', 'कोनी', 'बिरकोना', 'लखराम', 'मंगला', 'सिरगिट्टी', 'घुटकू', 'बेलतरा', 'सीपत'];
const OCCUPATION = ['किसान', 'शिक्षक', 'छात्र', 'दुकानदार', 'स्वयं सहायता समूह सदस्य', 'आंगनबाड़ी कार्यकर्ता', 'मजदूर'];
const REMARK = ['प्रशिक्षण पूर्ण', 'स्कूल में सत्र', 'हाट बाजार में पर्चे बांटे', 'महिला समूह बैठक में चर्चा', ''];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AT = '2026-11-20T05:30:00.000Z';

function entry(i: number, r: () => number): StoredRecord {
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const day = (n: number) => `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const id = String(i).padStart(26, '0');
  return {
    id: `BSPKOTA:mitan:${id}`,
    thana: 'BSPKOTA',
    type: 'mitan',
    schemaVersion: 1,
    serial: `2026/${String(i).padStart(6, '0')}`,
    serialYear: 2026,
    serialNo: i,
    data: {
      enrolledOn: day(i),
      name: `${pick(FIRST)} ${pick(SURNAME)}`,
      relativeName: `${pick(FIRST)} ${pick(SURNAME)}`,
      gender: r() < 0.5 ? 'm' : 'f',
      age: 18 + Math.floor(r() * 50),
      mobile: `9${String(100_000_000 + i).slice(-9)}`,
      village: pick(VILLAGE),
      area: r() < 0.7 ? 'rural' : 'urban',
      beat: `बीट ${1 + (i % 9)}`,
      occupation: pick(OCCUPATION),
      education: pick(['8', '10', '12', 'ug']),
      trainedOn: day(i + 3),
      sessions: Math.floor(r() * 20),
      people: Math.floor(r() * 500),
      amount: Math.floor(r() * 10_000_000),
      status: r() < 0.8 ? 'active' : 'idle',
      consent: true,
      remarks: pick(REMARK) || null,
      time: `${String(9 + (i % 9)).padStart(2, '0')}:30`,
      enteredAt: `${day(i)}T${String(9 + (i % 9)).padStart(2, '0')}:15`,
    },
    tokens: [],
    keys: [],
    createdAt: AT,
    createdBy: 'u1',
    updatedAt: AT,
    updatedBy: 'u1',
    mutationId: id,
    version: 1,
    history: [],
    cancelled: null,
    late: false,
    _rev: null,
    syncState: 'synced',
  };
}

/** `count` entries in pages of `pageSize`, the same for the same seed. */
export async function* entryPages(count: number, pageSize = 500, seed = 20_251_128): AsyncIterable<StoredRecord[]> {
  const r = rng(seed);
  for (let start = 1; start <= count; start += pageSize) {
    const page: StoredRecord[] = [];
    for (let i = start; i < Math.min(count + 1, start + pageSize); i++) page.push(entry(i, r));
    yield page;
  }
}

const actor: Actor = { userId: 'u1', name: 'रामकुमार कश्यप', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'रक' };
const profile = { district: 'बिलासपुर', thanaName: 'कोटा', nodalName: 'सुनीता वर्मा', nodalRank: 'उप निरीक्षक', inchargeName: 'राजेश साहू', inchargeRank: 'निरीक्षक' };
// The benchmark feeds entries itself (source), so the database is never touched.
const ctx = { db: null, thana: 'BSPKOTA', pcSeries: '', now: () => new Date(AT), settings: () => ({}) } as unknown as StationContext;

/** The app's path: entries → paper rows → the streaming writer (styles, merges, print setup, totals). */
export async function appXlsx({ rows, out }: { rows: number; out: string }) {
  const result = await exportRegisterXlsx({ ctx, actor, profile, def: benchRegister, mode: 'streaming', source: entryPages(rows) });
  await writeFile(out, result.data);
  return { rows: result.rows, bytes: result.data.length };
}

/** The cells the app writes for an entry, as plain values (what a bare export would write). */
function plainCells(rec: StoredRecord, fields: FieldDef[]): (string | number | Date | null)[] {
  const cells: (string | number | Date | null)[] = [rec.serial];
  for (const fd of fields) {
    const v = rec.data[fd.key];
    if (v === null || v === undefined) cells.push(null);
    else if (fd.type === 'date' || fd.type === 'datetime') {
      const s = String(v);
      cells.push(new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), s.length > 10 ? +s.slice(11, 13) : 0, s.length > 10 ? +s.slice(14, 16) : 0)));
    } else if (fd.type === 'money') cells.push((v as number) / 100);
    else if (fd.type === 'int') cells.push(v as number);
    else if (fd.type === 'select') cells.push(fd.options!.find((o) => o.value === v)?.label.hi ?? String(v));
    else if (fd.type === 'boolean') cells.push(v ? 'हाँ' : 'नहीं');
    else cells.push(String(v));
  }
  cells.push(null);
  return cells;
}

/**
 * The baseline: exceljs's streaming WorkbookWriter writing the same cells, with no styling (no
 * fonts, borders, formats, title block or print setup), a macrotask every 1,000 rows.
 */
export async function exceljsXlsx({ rows, out, styled = false }: { rows: number; out: string; styled?: boolean }) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: styled, useSharedStrings: false });
  const ws = wb.addWorksheet('Register');
  const fields = printColumns(benchRegister);
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  let n = 0;
  for await (const page of entryPages(rows)) {
    for (const rec of page) {
      const row = ws.addRow(plainCells(rec, fields));
      if (styled)
        row.eachCell({ includeEmpty: true }, (c) => {
          c.font = { name: 'Nirmala UI', size: 10 };
          c.border = border;
        });
      row.commit();
      if (++n % 1000 === 0) await new Promise((r) => setImmediate(r));
    }
  }
  ws.commit();
  await wb.commit();
  return { rows: n };
}

/** The print view of `rows` entries (HTML), built by the app's runner. */
export async function appPrintHtml({ rows, fonts }: { rows: number; fonts: PrintFont[] }) {
  const print = await buildRegisterPrint({ ctx, actor, profile, def: benchRegister, fonts, source: entryPages(rows) });
  return print.html;
}

/** The baseline print: the same cells in a bare table (no fonts embedded, no styles, no title block). */
export async function plainPrintHtml({ rows }: { rows: number }) {
  const fields = printColumns(benchRegister);
  const parts = ['<!doctype html><html lang="hi"><head><meta charset="utf-8"></head><body><table>'];
  for await (const page of entryPages(rows))
    for (const rec of page)
      parts.push(`<tr>${plainCells(rec, fields).map((c) => `<td>${escapeHtml(c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ''))}</td>`).join('')}</tr>`);
  parts.push('</table></body></html>');
  return parts.join('');
}
