/**
 * The paper layout of a register workbook, decided once for both writers (exceljs in memory and
 * the streaming writer): which rows hold what, which cells merge, the styles by role, and the
 * print setup (A4 landscape, fit to width, repeated header rows, page numbers in the footer).
 */
import { LEGEND_TITLE } from '../initialsLegend';
import type { ColumnMeasure } from '../measure';
import { EMPTY_PART, sheetWidthsPt, usableWidthPt } from '../paper';
import type { ColumnKind, ColumnSpec, CorrectedCell, PrintCell, PrintRow, PrintValue, SheetSpec } from '../sheet';
import {
  DEFAULT_PAPER,
  FIRST_DATA_ROW,
  HEADER_ROWS,
  PRINT_FONT_XLSX,
  TITLE_ROWS,
  columnLetter,
  formatValue,
  isCorrected,
  isNumericKind,
  isStacked,
  numFmtOf,
  signatureLines,
  titleLines,
} from '../sheet';

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

/** A cell style as data; each writer turns it into its own form. */
export interface CellStyle {
  bold?: boolean;
  size: number;
  strike?: boolean;
  /** Light grey fill of the heading rows. */
  shaded?: boolean;
  border?: boolean;
  numFmt?: string;
  h?: HAlign;
  v?: VAlign;
  wrap?: boolean;
}

export const FONT_NAME = PRINT_FONT_XLSX;
export const SHADE_RGB = 'FFEDEDED';

/** Cell text size on paper: printed at 100 % (never shrunk to fit), so this is what is read. */
export const DATA_PT = 9;

export const STYLES = {
  district: { bold: true, size: 12, h: 'center', v: 'middle' },
  title: { bold: true, size: 14, h: 'center', v: 'middle', wrap: true },
  subtitle: { size: 10, h: 'center', v: 'middle', wrap: true },
  headHi: { bold: true, size: DATA_PT, shaded: true, border: true, h: 'center', v: 'middle', wrap: true },
  headEn: { size: DATA_PT, shaded: true, border: true, h: 'center', v: 'middle', wrap: true },
  headNo: { size: 8, shaded: true, border: true, h: 'center', v: 'middle' },
  signature: { size: 10, h: 'center', v: 'bottom', wrap: true },
  legend: { size: DATA_PT, h: 'left', v: 'top', wrap: true },
} as const satisfies Record<string, CellStyle>;

/** The style of a data cell of this column (struck for a cancelled entry, bold for totals). */
export function dataStyle(col: ColumnSpec, opts: { struck?: boolean; totals?: boolean } = {}): CellStyle {
  const numFmt = numFmtOf(col.kind);
  const h: HAlign | undefined =
    col.center || col.kind === 'date' || col.kind === 'datetime' ? 'center' : isNumericKind(col.kind) ? 'right' : undefined;
  // Numbers and dates never wrap (Excel shows ### rather than split them); text wraps between words.
  const wrap = col.kind === 'text' || Boolean(col.parts);
  return {
    size: DATA_PT,
    border: true,
    v: 'top',
    wrap,
    ...(numFmt ? { numFmt } : {}),
    ...(h ? { h } : {}),
    ...(opts.struck && !col.keepUnstruck ? { strike: true } : {}),
    ...(opts.totals ? { bold: true } : {}),
  };
}

/** Stable key of a style, for de-duplicating style records. */
export function styleKey(s: CellStyle): string {
  return [s.bold ? 'b' : '', s.size, s.strike ? 's' : '', s.shaded ? 'f' : '', s.border ? 'x' : '', s.numFmt ?? '', s.h ?? '', s.v ?? '', s.wrap ? 'w' : ''].join('|');
}

/** Header/footer text: '&' starts a code there, so literal ampersands are doubled. */
function hf(text: string): string {
  return text.replace(/&/g, '&&');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface SignatureSpan {
  /** 0-based first and last column of the merged cell. */
  from: number;
  to: number;
  text: string;
}

export interface SheetLayout {
  ncols: number;
  title: { text: string; style: CellStyle; height: number }[];
  headHi: string[];
  headEn: string[];
  /** Heights of the three heading rows (Hindi, English, numbers). */
  headHeights: [number, number, number];
  /** 1-based row numbers of the repeated header ('4:6'). */
  printTitlesRow: string;
  /** Columns repeated on each further page across ('A:B': serial and name), or null. */
  printTitlesColumn: string | null;
  /** Column widths in Excel character units, measured from the content. */
  widths: number[];
  /** Excel paper size code and orientation. */
  paperSize: number;
  orientation: 'landscape' | 'portrait';
  frozenRows: number;
  firstDataRow: number;
  signature: SignatureSpan[];
  signatureHeight: number;
  oddHeader: string;
  oddFooter: string;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Excel's paper size codes. */
const PAPER_CODES = { A4: 9, legal: 5, A3: 8 } as const;

/**
 * Points per Excel width unit: a unit is the width of a digit of the default font (7 px at
 * 96 dpi for Calibri 11 and for Nirmala UI 10, 5.25 pt); LibreOffice, with its substitute
 * fonts, gives 5.7 pt (measured from its PDF). The wider figure, so a sheet that fits in one
 * fits in both.
 */
const PT_PER_CHAR = 5.75;
const PAD_CHARS = 0.5;

/** Excel widths of the columns from their measures: preferred widths where the paper has room, never below the minimum. */
export function excelWidths(spec: SheetSpec, measures: ColumnMeasure[] | null): number[] {
  if (!measures) return spec.columns.map((c) => c.width);
  const pt = sheetWidthsPt(measures, DATA_PT, usableWidthPt(spec.paper ?? DEFAULT_PAPER) * 0.95);
  return pt.map((w) => Math.round((w / PT_PER_CHAR + PAD_CHARS) * 10) / 10);
}

export function sheetLayout(spec: SheetSpec, measures: ColumnMeasure[] | null = null): SheetLayout {
  const ncols = spec.columns.length;
  const widths = excelWidths(spec, measures);
  const paper = spec.paper ?? DEFAULT_PAPER;
  // Print titles across must be contiguous from A: the serial and the repeated columns right after it.
  let repeatTo = 0;
  while (repeatTo + 1 < ncols && spec.columns[repeatTo + 1]!.repeat) repeatTo++;
  const [district, title, subtitle] = titleLines(spec);
  const font = `&"${FONT_NAME},Regular"&8`;
  const headHi = spec.columns.map((c) => c.label.hi);
  const headEn = spec.columns.map((c) => c.label.en);
  const fullWidth = widths.reduce((sum, w) => sum + w, 0);
  const cols = spec.columns.map((c, i) => ({ ...c, width: widths[i]! }));
  const slots = spec.signatures ?? [];
  const per = Math.max(1, Math.floor(ncols / Math.max(1, slots.length)));
  const signature = slots.map((slot, i) => {
    const from = i * per;
    const to = i === slots.length - 1 ? Math.max(from, ncols - 1) : from + per - 1;
    // Blank lines first: room to sign above the printed role.
    return { from, to, text: ['', '', ...signatureLines(slot)].join('\n') };
  });
  return {
    ncols,
    title: [
      { text: district, style: STYLES.district, height: 20 },
      { text: title, style: STYLES.title, height: 24 },
      { text: subtitle, style: STYLES.subtitle, height: Math.max(18, wrappedLines(subtitle, fullWidth) * LINE_PT + 4) },
    ],
    headHi,
    headEn,
    headHeights: [textRowHeight(headHi, cols, 1.05), textRowHeight(headEn, cols, 1), 14],
    printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + HEADER_ROWS}`,
    printTitlesColumn: `A:${columnLetter(repeatTo)}`,
    widths,
    paperSize: PAPER_CODES[paper.size],
    orientation: paper.orientation,
    frozenRows: TITLE_ROWS + HEADER_ROWS,
    firstDataRow: FIRST_DATA_ROW,
    signature,
    signatureHeight: 84,
    oddHeader: `&L${font}${hf(clip(spec.title.hi, 80))}&R${font}${hf(clip(spec.subtitle, 100))}`,
    oddFooter: `&L${font}${hf(clip(spec.place ?? `थाना ${spec.thana}, जिला ${spec.district}`, 80))}&C&"${FONT_NAME},Regular"&9पृष्ठ &P / &N&R${font}${hf(`मुद्रण दिनांक: ${spec.printedOn}`)}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
  };
}

/**
 * Printed at 100 %: never fitted to the page width (that shrank 30 columns to 3 pt). Columns
 * that do not fit continue on the next page across, with the serial and name columns repeated.
 */
export const PAGE_SETUP = {
  fitToPage: false,
  scale: 100,
  pageOrder: 'overThenDown',
} as const;

/** Width of a text in character cells: Devanagari vowel signs and the virama take no cell of their own. */
export function visualLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0900 && c <= 0x0903) || (c >= 0x093a && c <= 0x094f && c !== 0x093d) || (c >= 0x0951 && c <= 0x0957) || c === 0x0962 || c === 0x0963 || c === 0x200c || c === 0x200d) continue;
    n++;
  }
  return n;
}

/** Lines a wrapped text needs in a column `width` characters wide (at `scale` × 10 pt). */
export function wrappedLines(text: string, width: number, scale = 1): number {
  if (!text) return 1;
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil((visualLength(part) * scale * 1.1) / usable));
  return lines;
}

/** Points per line of 9 pt Devanagari text (taller than Latin: matras above and below). */
const LINE_PT = 13;
const MAX_LINES = 30;

/**
 * Row heights are written, not left to the reader: LibreOffice does not grow rows to fit
 * wrapped text when it opens a file, so a long remark would be cut off on paper.
 */
export function textRowHeight(texts: string[], columns: ColumnSpec[], scale = 1): number {
  let lines = 1;
  for (let i = 0; i < columns.length; i++) {
    const t = texts[i];
    if (t) lines = Math.max(lines, wrappedLines(t, columns[i]!.width, scale));
  }
  return Math.min(MAX_LINES, lines) * LINE_PT * Math.max(scale, 0.8) + 2;
}

/** The text of a value as Excel shows it in a text cell (stacked parts, a corrected value's current text). */
export function partText(kind: ColumnKind, v: PrintValue | CorrectedCell): string {
  return formatValue(kind, isCorrected(v) ? v.now : v);
}

/** A stacked cell as the lines of one text cell; trailing empty parts print nothing, inner ones a dash. */
export function stackedText(col: ColumnSpec, cell: (PrintValue | CorrectedCell)[]): string {
  const lines = cell.map((v, k) => partText(col.parts?.[k]?.kind ?? 'text', v ?? null));
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines.map((l) => l || EMPTY_PART).join('\n');
}

/** Earlier values of a corrected cell (or of the corrected parts of a stacked one), for the cell's note. */
export function correctionNote(col: ColumnSpec, cell: PrintCell): string | null {
  const notes: string[] = [];
  const one = (label: string, c: CorrectedCell) =>
    notes.push(`${label}पूर्व मान / earlier: ${c.before.map((b) => `${b.text} (${b.initials})`).join(', ')}`);
  if (isCorrected(cell)) one('', cell);
  else if (isStacked(cell)) cell.forEach((v, k) => isCorrected(v) && one(`${col.parts?.[k]?.label.hi ?? ''}: `, v));
  return notes.length ? notes.join('\n') : null;
}

function cellText(col: ColumnSpec, cell: PrintCell): string {
  if (cell === null || cell === undefined) return '';
  if (isStacked(cell)) return stackedText(col, cell);
  if (isCorrected(cell)) return col.kind === 'text' ? partText(col.kind, cell) : '';
  return typeof cell === 'string' && col.kind === 'text' ? cell : '';
}

/** The height of a data row: single-line rows keep the default (null). `widths` in Excel characters. */
export function dataRowHeight(columns: ColumnSpec[], row: PrintRow, widths: number[]): number | null {
  let lines = 1;
  for (let i = 0; i < columns.length; i++) {
    const t = cellText(columns[i]!, row.cells[i] ?? null);
    const w = widths[i] ?? columns[i]!.width;
    if (t.length > w - 2 || t.includes('\n')) lines = Math.max(lines, wrappedLines(t, w));
  }
  return lines > 1 ? Math.min(MAX_LINES, lines) * LINE_PT + 2 : null;
}

/**
 * The legend of initials under the table (issue #17 item 7): one cell merged across every
 * column, its title and one line per set of initials; null when the print shows none.
 */
export function legendBlock(legend: string[], widths: number[]): { text: string; height: number } | null {
  if (!legend.length) return null;
  const text = [`${LEGEND_TITLE}:`, ...legend].join('\n');
  const width = widths.reduce((sum, w) => sum + w, 0);
  return { text, height: Math.min(MAX_LINES, wrappedLines(text, width)) * LINE_PT + 4 };
}
