/**
 * The in-memory writer: an exceljs Workbook, written out at the end. Vite resolves 'exceljs' to
 * its browser build (package.json "browser": dist/exceljs.min.js); Node gets the full build.
 * It is loaded on first use, so the app's start-up bundle does not carry it.
 */
import type * as ExcelJSTypes from 'exceljs';
import { WidthMeter } from '../measure';
import { measureHeadings, measureRow } from '../paper';
import type { ColumnSpec, PrintCell, PrintRow, SheetSpec } from '../sheet';
import { columnLetter, excelSerial, isCorrected, isStacked, sanitizeSheetName } from '../sheet';
import type { CellStyle, SheetLayout } from './layout';
import { FONT_NAME, PAGE_SETUP, SHADE_RGB, STYLES, correctionNote, dataRowHeight, dataStyle, legendBlock, sheetLayout, stackedText } from './layout';
import type { RegisterWorkbookWriter, SheetWriter, WorkbookOptions } from './writer';

type ExcelJS = typeof ExcelJSTypes;

async function loadExcelJs(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as unknown as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJSTypes.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function toStyle(s: CellStyle): Partial<ExcelJSTypes.Style> {
  const style: Partial<ExcelJSTypes.Style> = {
    font: { name: FONT_NAME, size: s.size, ...(s.bold ? { bold: true } : {}), ...(s.strike ? { strike: true } : {}) },
    alignment: {
      ...(s.h ? { horizontal: s.h } : {}),
      ...(s.v ? { vertical: s.v } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    },
  };
  if (s.border) style.border = BORDER;
  if (s.shaded) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE_RGB } };
  if (s.numFmt) style.numFmt = s.numFmt;
  return style;
}

/** A UTC-midnight Date: what exceljs needs so that IST does not move the day (printing-and-shell.md §1.4). */
function excelDateValue(value: string): Date | string {
  const serial = excelSerial(value);
  return serial === null ? value : new Date(Math.round((serial - 25569) * 86_400_000));
}

/** The cell's value with its real type: a corrected cell holds its current value (the earlier one goes into the note). */
function cellValue(col: ColumnSpec, cell: PrintCell): ExcelJSTypes.CellValue {
  if (cell === null || cell === undefined) return null;
  if (isStacked(cell)) return stackedText(col, cell) || null;
  const v = isCorrected(cell) ? cell.now : cell;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (col.kind === 'date' || col.kind === 'datetime') return excelDateValue(v);
  return v;
}

class ExcelJsSheet implements SheetWriter {
  private rowNo: number;
  private readonly styles: { normal: Partial<ExcelJSTypes.Style>; struck: Partial<ExcelJSTypes.Style> }[];
  private readonly meter: WidthMeter;
  /** Rows written, for their heights once the widths are known. */
  private readonly written: [ExcelJSTypes.Row, PrintRow][] = [];

  constructor(
    private readonly ws: ExcelJSTypes.Worksheet,
    private readonly spec: SheetSpec,
  ) {
    this.rowNo = sheetLayout(spec).firstDataRow;
    this.styles = spec.columns.map((c) => ({ normal: toStyle(dataStyle(c)), struck: toStyle(dataStyle(c, { struck: true })) }));
    this.meter = new WidthMeter(spec.columns.length);
    measureHeadings(this.meter, spec.columns);
  }

  private writeHead(layout: SheetLayout): void {
    const { ws } = this;
    const n = layout.ncols;
    layout.title.forEach((t, i) => {
      const row = ws.getRow(i + 1);
      row.height = t.height;
      const cell = row.getCell(1);
      cell.value = t.text;
      cell.style = toStyle(t.style);
      if (n > 1) ws.mergeCells(i + 1, 1, i + 1, n);
    });
    const heads: [string[] | number[], CellStyle][] = [
      [layout.headHi, STYLES.headHi],
      [layout.headEn, STYLES.headEn],
      [this.spec.columns.map((_, i) => i + 1), STYLES.headNo],
    ];
    heads.forEach(([values, style], k) => {
      const row = ws.getRow(layout.title.length + k + 1);
      row.height = layout.headHeights[k]!;
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.style = toStyle(style);
      });
    });
  }

  addRow(row: PrintRow): void {
    const r = this.ws.getRow(this.rowNo++);
    const struck = Boolean(row.cancelled);
    measureRow(this.meter, this.spec.columns, row);
    this.written.push([r, row]);
    this.spec.columns.forEach((col, i) => {
      const cell = r.getCell(i + 1);
      const value = row.cells[i] ?? null;
      cell.value = cellValue(col, value);
      cell.style = struck ? this.styles[i]!.struck : this.styles[i]!.normal;
      const note = correctionNote(col, value);
      if (note) cell.note = note;
    });
  }

  async flush(): Promise<void> {
    // Nothing to commit: the workbook is written out in finish().
  }

  async close(totals: PrintRow | null, legend: string[] = []): Promise<void> {
    const { ws, spec } = this;
    if (totals) {
      measureRow(this.meter, spec.columns, totals, true);
      const r = ws.getRow(this.rowNo++);
      spec.columns.forEach((col, i) => {
        const cell = r.getCell(i + 1);
        cell.value = cellValue(col, totals.cells[i] ?? null);
        cell.style = toStyle({ ...dataStyle(col, { totals: true }), wrap: Boolean(col.parts) });
      });
      this.written.push([r, totals]);
    }
    // The widths are measured from every row: now the head, the widths and the row heights.
    const layout = sheetLayout(spec, this.meter.measures);
    this.writeHead(layout);
    ws.columns = layout.widths.map((width) => ({ width }));
    for (const [r, row] of this.written) {
      const height = dataRowHeight(spec.columns, row, layout.widths);
      if (height) r.height = height;
    }
    const block = legendBlock(legend, layout.widths);
    if (block) {
      this.rowNo++;
      const r = ws.getRow(this.rowNo);
      r.height = block.height;
      const cell = r.getCell(1);
      cell.value = block.text;
      cell.style = toStyle(STYLES.legend);
      if (layout.ncols > 1) ws.mergeCells(this.rowNo, 1, this.rowNo, layout.ncols);
    }
    if (layout.signature.length) {
      this.rowNo++;
      const r = ws.getRow(this.rowNo);
      r.height = layout.signatureHeight;
      for (const s of layout.signature) {
        const cell = r.getCell(s.from + 1);
        cell.value = s.text;
        cell.style = toStyle(STYLES.signature);
        if (s.to > s.from) ws.mergeCells(this.rowNo, s.from + 1, this.rowNo, s.to + 1);
      }
    }
    ws.pageSetup = {
      ...ws.pageSetup,
      ...PAGE_SETUP,
      paperSize: layout.paperSize,
      orientation: layout.orientation,
      margins: layout.margins,
      printTitlesRow: layout.printTitlesRow,
      ...(layout.printTitlesColumn ? { printTitlesColumn: layout.printTitlesColumn } : {}),
      printArea: `A1:${columnLetter(layout.ncols - 1)}${this.rowNo}`,
      horizontalCentered: true,
    };
  }
}


export async function createExcelJsWriter(opts: WorkbookOptions): Promise<RegisterWorkbookWriter> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'Cyber Mitan Thana Desk';
  if (opts.title) wb.title = opts.title;
  wb.created = opts.created ?? new Date();
  wb.modified = wb.created;
  const names = new Set<string>();
  return {
    mode: 'memory',
    async addSheet(spec) {
      let name = sanitizeSheetName(spec.sheetName);
      for (let i = 2; names.has(name); i++) name = sanitizeSheetName(`${spec.sheetName.slice(0, 27)} ${i}`);
      names.add(name);
      const layout = sheetLayout(spec);
      const ws = wb.addWorksheet(name, {
        headerFooter: { oddHeader: layout.oddHeader, oddFooter: layout.oddFooter },
        views: [{ state: 'frozen', ySplit: layout.frozenRows, xSplit: 1, topLeftCell: `B${layout.firstDataRow}` }],
      });
      return new ExcelJsSheet(ws, spec);
    },
    async finish() {
      // Node returns a Buffer, the browser build a Uint8Array-like Buffer polyfill or an ArrayBuffer.
      const buf = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
      return buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
  };
}
