/**
 * The paper register as data, independent of the output format: what both Excel writers and the
 * PDF print view render. Register definitions (./registerSheet.ts) and report tables
 * (./reportSheet.ts) are turned into a SheetSpec plus a stream of PrintRows.
 */
import type { Bilingual } from '@/domain/bilingual';
import type { PaperOrientation, PaperSize } from '@/domain/registers/types';

/** How a column's values are written: numbers and dates stay numbers and dates in Excel. */
export type ColumnKind =
  | 'text'
  /** Whole numbers, lakh grouping. */
  | 'int'
  /** Rupees (not paise), two decimals, lakh grouping. */
  | 'money'
  /** Fraction 0…1 shown as a percentage. */
  | 'percent'
  /** 'YYYY-MM-DD' */
  | 'date'
  /** 'YYYY-MM-DDTHH:mm' (IST wall clock) */
  | 'datetime';

export interface ColumnSpec {
  label: Bilingual;
  kind: ColumnKind;
  /** Excel character units; the print view uses the widths as proportions. */
  width: number;
  /** Summed in the totals row (योग). */
  total: boolean;
  /** Never struck through in a cancelled row: the entry-status note says why it is struck. */
  keepUnstruck?: boolean;
  /** Centred (serial numbers, short codes). */
  center?: boolean;
  /**
   * A stacked column (paper prints name / father's name / mobile in one column): the cell is an
   * array with one value per part, printed one under another.
   */
  parts?: PartSpec[];
  /** Printed again on each further sheet of paper when the columns do not fit on one (serial, name). */
  repeat?: boolean;
}

/** One value of a stacked column. */
export interface PartSpec {
  label: Bilingual;
  kind: ColumnKind;
  total: boolean;
}

/** One corrected field: earlier values struck through, the current one after them. */
export interface CorrectedCell {
  before: { text: string; initials: string }[];
  now: PrintValue;
}

/** A plain value: text, a number (for int/money/percent columns) or a date string. */
export type PrintValue = string | number | null;

/** The values of a stacked column, one per part. */
export type StackedCell = (PrintValue | CorrectedCell)[];

export type PrintCell = PrintValue | CorrectedCell | StackedCell;

export interface PrintRow {
  cells: PrintCell[];
  /** A cancelled entry (निरस्त): printed struck through; it adds nothing to the totals. */
  cancelled?: boolean;
  /** The cells of the workbook's "All fields" sheet (SheetSpec.full), when it has one. */
  full?: PrintCell[];
}

export interface PaperSpec {
  size: PaperSize;
  orientation: PaperOrientation;
}

export const DEFAULT_PAPER: PaperSpec = { size: 'A4', orientation: 'landscape' };

export interface SignatureSlot {
  /** e.g. प्रविष्टिकर्ता / Entered by */
  role: Bilingual;
  /** Name and rank printed under the signature line, when known. */
  name?: string;
}

export interface SheetSpec {
  /** Sanitised before use (≤31 characters, none of []:*?/\'). */
  sheetName: string;
  district: string;
  thana: string;
  title: Bilingual;
  /** Period and filters, e.g. 'अवधि: 01-11-2026 से 30-11-2026; दल: 3'. Empty: no line. */
  subtitle: string;
  columns: ColumnSpec[];
  /** 'dd-mm-yyyy' printed in the footer. */
  printedOn: string;
  /** Null for a sheet without a signature block. */
  signatures: SignatureSlot[] | null;
  /** The place line instead of "जिला …, थाना …" (the district office's prints). */
  place?: string;
  /** Paper size and orientation; default A4 landscape. */
  paper?: PaperSpec;
  /** The workbook's second sheet: every field, one column each, for work in Excel. */
  full?: { sheetName: string; columns: ColumnSpec[] };
}

/** Where a sheet comes from, as its title block and page header print it. */
export function placeLine(spec: Pick<SheetSpec, 'district' | 'thana' | 'place'>): string {
  return spec.place ?? `जिला ${spec.district}, थाना ${spec.thana}`;
}

export const FULL_SHEET_NAME = 'पूर्ण विवरण - All fields';

export function isCorrected(cell: PrintCell): cell is CorrectedCell {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell);
}

export function isStacked(cell: PrintCell): cell is StackedCell {
  return Array.isArray(cell);
}

/** The value that counts (for totals, for sorting): the current one of a corrected cell. */
export function currentValue(cell: PrintCell): PrintValue {
  if (isStacked(cell)) return null;
  return isCorrected(cell) ? cell.now : cell;
}

/** The parts of a column: a plain column is one part of its own kind. */
export function partsOf(col: ColumnSpec): PartSpec[] {
  return col.parts ?? [{ label: col.label, kind: col.kind, total: col.total }];
}

// Lakh grouping (12,34,56,789.00): Excel has no Indian grouping, so thresholds pick the pattern.
export const NUMFMT_INT = '[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0';
export const NUMFMT_MONEY = '[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00';
export const NUMFMT_PERCENT = '0.0%';
export const NUMFMT_DATE = 'dd-mm-yyyy';
export const NUMFMT_DATETIME = 'dd-mm-yyyy hh:mm';

export const PRINT_FONT_XLSX = 'Nirmala UI';

/** Rows above the data: title block (3) and the bilingual numbered header (3). */
export const TITLE_ROWS = 3;
export const HEADER_ROWS = 3;
export const FIRST_DATA_ROW = TITLE_ROWS + HEADER_ROWS + 1;

export function numFmtOf(kind: ColumnKind): string | undefined {
  switch (kind) {
    case 'int':
      return NUMFMT_INT;
    case 'money':
      return NUMFMT_MONEY;
    case 'percent':
      return NUMFMT_PERCENT;
    case 'date':
      return NUMFMT_DATE;
    case 'datetime':
      return NUMFMT_DATETIME;
    default:
      return undefined;
  }
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'int' || kind === 'money' || kind === 'percent';
}

/**
 * Excel refuses sheet names over 31 characters or with []:*?/\ and exceljs corrupts print titles
 * when the name has an apostrophe (printing-and-shell.md §1.4).
 */
export function sanitizeSheetName(name: string, fallback = 'Register'): string {
  const clean = name.replace(/[[\]:*?/\\']/g, ' ').replace(/\s+/g, ' ').trim();
  let out = '';
  // Whole code points only, so a cut never leaves half a surrogate pair.
  for (const ch of clean) {
    if (out.length + ch.length > 31) break;
    out += ch;
  }
  return out.trim() || fallback;
}

/** Running totals of the numeric columns (and numeric parts of stacked ones); cancelled entries add nothing. */
export class TotalsAccumulator {
  private readonly sums: number[][];

  constructor(private readonly columns: ColumnSpec[]) {
    this.sums = columns.map((c) => partsOf(c).map(() => 0));
  }

  get any(): boolean {
    return this.columns.some((c) => c.total || c.parts?.some((p) => p.total));
  }

  add(row: PrintRow): void {
    if (row.cancelled) return;
    for (let i = 0; i < this.columns.length; i++) {
      const col = this.columns[i]!;
      const cell = row.cells[i] ?? null;
      if (col.parts) {
        if (!isStacked(cell)) continue;
        for (let k = 0; k < col.parts.length; k++) {
          if (!col.parts[k]!.total) continue;
          const v = currentValue(cell[k] ?? null);
          if (typeof v === 'number' && Number.isFinite(v)) this.sums[i]![k]! += v;
        }
      } else if (col.total) {
        const v = currentValue(cell);
        if (typeof v === 'number' && Number.isFinite(v)) this.sums[i]![0]! += v;
      }
    }
  }

  /** The totals row: 'योग / Total' in the first column, sums under the counted columns. */
  row(): PrintRow {
    const cells: PrintCell[] = this.columns.map((c, i) =>
      c.parts
        ? c.parts.some((p) => p.total)
          ? c.parts.map((p, k) => (p.total ? roundMoney(this.sums[i]![k]!) : null))
          : null
        : c.total
          ? roundMoney(this.sums[i]![0]!)
          : null,
    );
    if (!this.columns[0]?.total) cells[0] = TOTAL_LABEL;
    return { cells };
  }
}

export const TOTAL_LABEL = 'योग / Total';

/** Sums of paise-converted rupees accumulate float error; paper shows two decimals. */
function roundMoney(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Indian grouping for the print view: 12,34,567 and 12,34,567.50. */
const INT_FORMAT = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
const MONEY_FORMAT = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The text of a value as printed on paper (the HTML view; Excel keeps numbers as numbers). */
export function formatValue(kind: ColumnKind, v: PrintValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (kind === 'money') return MONEY_FORMAT.format(v);
    if (kind === 'percent') return `${(v * 100).toFixed(1)}%`;
    return INT_FORMAT.format(v);
  }
  if ((kind === 'date' || kind === 'datetime') && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const [y, m, d] = v.slice(0, 10).split('-');
    // A no-break space: a date-time never splits across lines.
    return kind === 'datetime' && v.length >= 16 ? `${d}-${m}-${y}\u00a0${v.slice(11, 16)}` : `${d}-${m}-${y}`;
  }
  return v;
}

/** Days from 1899-12-30 (Excel's day 0) to the calendar date, plus the time of day as a fraction. */
export function excelSerial(value: string): number | null {
  // Digits read by char code: this runs for every date cell of a long register.
  const d = (i: number) => value.charCodeAt(i) - 48;
  const ok = (...at: number[]) => at.every((i) => d(i) >= 0 && d(i) <= 9);
  if (value.length < 10 || value[4] !== '-' || value[7] !== '-' || !ok(0, 1, 2, 3, 5, 6, 8, 9)) return null;
  const days = (Date.UTC(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), d(5) * 10 + d(6) - 1, d(8) * 10 + d(9)) - EXCEL_EPOCH) / 86_400_000;
  if (value.length < 16 || (value[10] !== 'T' && value[10] !== ' ') || value[13] !== ':' || !ok(11, 12, 14, 15)) return days;
  return days + ((d(11) * 10 + d(12)) * 60 + d(14) * 10 + d(15)) / 1440;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Column letters A, B, … Z, AA … for cell references. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The title lines every output prints, in order. */
export function titleLines(spec: SheetSpec): [string, string, string] {
  return [placeLine(spec), `${spec.title.hi} / ${spec.title.en}`, spec.subtitle];
}

export const SIGNATURE_NOTE = 'हस्ताक्षर व पदमुद्रा';

/** The signature block of station registers (domain.md §3). */
export const STATION_SIGNATURES: Bilingual[] = [
  { hi: 'प्रविष्टिकर्ता', en: 'Entered by' },
  { hi: 'नोडल अधिकारी', en: 'Nodal officer' },
  { hi: 'थाना प्रभारी', en: 'Thana in-charge' },
];

/** The text of one signature slot, top to bottom (signature line first, as on paper). */
export function signatureLines(slot: SignatureSlot): string[] {
  return [SIGNATURE_NOTE, `${slot.role.hi} / ${slot.role.en}`, ...(slot.name ? [slot.name] : [])];
}

/** A piece of a corrected cell: earlier values struck, then the current one, then who corrected. */
export interface TextRun {
  text: string;
  strike?: boolean;
  small?: boolean;
}

/** '~~old~~ new (RK)': the order every output prints a corrected field in. */
export function correctedRuns(kind: ColumnKind, cell: CorrectedCell): TextRun[] {
  const runs: TextRun[] = [];
  for (const b of cell.before) {
    runs.push({ text: b.text, strike: true });
    runs.push({ text: ' ' });
  }
  runs.push({ text: formatValue(kind, cell.now) || '—' });
  const initials = [...new Set(cell.before.map((b) => b.initials).filter(Boolean))];
  if (initials.length) runs.push({ text: ` (${initials.join(', ')})`, small: true });
  return runs;
}
