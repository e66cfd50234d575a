/**
 * The in-memory writer: an exceljs Workbook, written out at the end. Vite resolves 'exceljs' to
 * its browser build (package.json "browser": dist/exceljs.min.js); Node gets the full build.
 * It is loaded on first use, so the app's start-up bundle does not carry it.
 */
import type * as ExcelJSTypes from 'exceljs';
import type { ColumnSpec, PrintCell, PrintRow, SheetSpec } from '../sheet';
import { correctedRuns, excelSerial, isCorrected, sanitizeSheetName } from '../sheet';
import type { CellStyle, SheetLayout } from './layout';
import { FONT_NAME, PAGE_SETUP, SHADE_RGB, STYLES, dataRowHeight, dataStyle, sheetLayout } from './layout';
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

function cellValue(col: ColumnSpec, cell: PrintCell, struck: boolean): ExcelJSTypes.CellValue {
  if (cell === null || cell === undefined) return null;
  if (isCorrected(cell)) {
    return {
      richText: correctedRuns(col.kind, cell).map((r) => ({
        text: r.text,
        font: { name: FONT_NAME, size: r.small ? 8 : 10, ...(r.strike || (struck && !col.keepUnstruck) ? { strike: true } : {}) },
      })),
    };
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (col.kind === 'date' || col.kind === 'datetime') return excelDateValue(cell);
  return cell;
}

class ExcelJsSheet implements SheetWriter {
  private rowNo: number;
  private readonly styles: { normal: Partial<ExcelJSTypes.Style>; struck: Partial<ExcelJSTypes.Style> }[];

  constructor(
    private readonly ws: ExcelJSTypes.Worksheet,
    private readonly spec: SheetSpec,
    private readonly layout: SheetLayout,
  ) {
    this.rowNo = layout.firstDataRow;
    this.styles = spec.columns.map((c) => ({ normal: toStyle(dataStyle(c)), struck: toStyle(dataStyle(c, { struck: true })) }));
    this.writeHead();
  }

  private writeHead(): void {
    const { ws, layout } = this;
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
    const height = dataRowHeight(this.spec.columns, row);
    if (height) r.height = height;
    this.spec.columns.forEach((col, i) => {
      const cell = r.getCell(i + 1);
      cell.value = cellValue(col, row.cells[i] ?? null, struck);
      cell.style = struck ? this.styles[i]!.struck : this.styles[i]!.normal;
    });
  }

  async flush(): Promise<void> {
    // Nothing to commit: the workbook is written out in finish().
  }

  async close(totals: PrintRow | null): Promise<void> {
    const { ws, layout, spec } = this;
    if (totals) {
      const r = ws.getRow(this.rowNo++);
      spec.columns.forEach((col, i) => {
        const cell = r.getCell(i + 1);
        cell.value = cellValue(col, totals.cells[i] ?? null, false);
        cell.style = toStyle({ ...dataStyle(col, { totals: true }), wrap: false });
      });
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
        pageSetup: {
          ...PAGE_SETUP,
          margins: layout.margins,
          printTitlesRow: layout.printTitlesRow,
          horizontalCentered: true,
        },
        headerFooter: { oddHeader: layout.oddHeader, oddFooter: layout.oddFooter },
        views: [{ state: 'frozen', ySplit: layout.frozenRows, topLeftCell: `A${layout.firstDataRow}` }],
      });
      ws.columns = spec.columns.map((c) => ({ width: c.width }));
      return new ExcelJsSheet(ws, spec, layout);
    },
    async finish() {
      // Node returns a Buffer, the browser build a Uint8Array-like Buffer polyfill or an ArrayBuffer.
      const buf = (await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
      return buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
  };
}
