// The in-process halves of the export benchmarks (bundled by bundleForNode, run in a fresh child
// process per measurement). Entries are made page by page from a seeded generator, so neither
// side ever holds the register whole: what is measured is turning entries into a workbook.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { StationContext } from '@/db/context';
import type { Actor, StoredRecord } from '@/domain/records';
import type { FieldDef } from '@/domain/registers/types';
import { paperColumns, printColumns } from '@/domain/registers/types';
import { buildRegisterPrint, exportRegisterXlsx } from '@/export/runner';
import type { PrintFont } from '@/export/print/printView';
import { escapeHtml } from '@/export/print/printView';
import { AT, benchRegister, entryPages } from './excel-export.records';

export { benchRegister, entryPages };

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

/** Each entry's cells on the paper sheet: क्र., one text per paper column (its fields one per line), the note. */
function paperCells(rec: StoredRecord, fields: FieldDef[], columns: number[][]): (string | number | Date | null)[] {
  const cells = plainCells(rec, fields);
  const text = (c: string | number | Date | null) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ''));
  return [cells[0]!, ...columns.map((c) => (c.length === 1 ? cells[c[0]!]! : c.map((i) => text(cells[i]!)).join('\n'))), null];
}

/**
 * The baseline: exceljs's streaming WorkbookWriter writing the same cells as the app — the paper
 * sheet (one cell per paper column) and the "All fields" sheet (one cell per field) — with no
 * styling (no fonts, borders, formats, title block, print setup or notes), a macrotask every
 * 1,000 rows. The sheets are written one after the other (two passes over the same entries), so
 * exceljs never holds one sheet while writing the other.
 */
export async function exceljsXlsx({ rows, out, styled = false }: { rows: number; out: string; styled?: boolean }) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: styled, useSharedStrings: false });
  const fields = printColumns(benchRegister);
  const at = new Map(fields.map((f, i) => [f.key, i + 1]));
  const columns = paperColumns(benchRegister).map((c) => c.parts.map((p) => at.get(p as string)!));
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  let n = 0;
  for (const [name, cellsOf] of [
    ['Register', (rec: StoredRecord) => paperCells(rec, fields, columns)],
    ['All fields', (rec: StoredRecord) => plainCells(rec, fields)],
  ] as const) {
    const ws = wb.addWorksheet(name);
    n = 0;
    for await (const page of entryPages(rows)) {
      for (const rec of page) {
        const row = ws.addRow(cellsOf(rec));
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
  }
  await wb.commit();
  return { rows: n };
}

/** The print view of `rows` entries (HTML), built by the app's runner. */
export async function appPrintHtml({ rows, fonts }: { rows: number; fonts: PrintFont[] }) {
  const print = await buildRegisterPrint({ ctx, actor, profile, def: benchRegister, fonts, source: entryPages(rows) });
  return print.html;
}

const plainText = (c: string | number | Date | null) => escapeHtml(c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ''));

/**
 * The baseline print: the same cells in a bare table (no fonts embedded, no styles, no title
 * block, no measuring): one column per paper column, its fields one under another, as the app
 * prints them.
 */
export async function plainPrintHtml({ rows }: { rows: number }) {
  const fields = printColumns(benchRegister);
  const at = new Map(fields.map((f, i) => [f.key, i + 1]));
  const columns = paperColumns(benchRegister).map((c) => c.parts.map((p) => at.get(p as string)!));
  const parts = ['<!doctype html><html lang="hi"><head><meta charset="utf-8"></head><body><table>'];
  for await (const page of entryPages(rows))
    for (const rec of page) {
      const cells = plainCells(rec, fields);
      parts.push(`<tr><td>${plainText(cells[0]!)}</td>${columns.map((c) => `<td>${c.map((i) => plainText(cells[i]!)).join('<br>')}</td>`).join('')}<td></td></tr>`);
    }
  parts.push('</table></body></html>');
  return parts.join('');
}
