/**
 * The sheet of paper (issue #16 items 1–2): how wide each column is, how big the text is, and —
 * when the columns do not fit even at the smallest size — which columns continue on the next
 * sheet, with the serial and name columns repeated. Widths come from measuring the content
 * (./measure.ts); text is never smaller than PAPER_MIN_PT.
 */
import { bi, DomainError } from '@/domain/bilingual';
import { PAPER_MIN_PT, paperSetting, type PaperSize } from '@/domain/registers/types';
import type { ColumnMeasure } from './measure';
import { WidthMeter } from './measure';
import type { ColumnKind, ColumnSpec, PaperSpec, PrintCell, PrintRow } from './sheet';
import { DEFAULT_PAPER, correctedRuns, formatValue, isCorrected, isNumericKind, isStacked, partsOf } from './sheet';

/** Paper sizes in millimetres, long side first. */
export const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [297, 210], legal: [355.6, 215.9], A3: [420, 297] };
/** Margins of the print view, millimetres. */
export const MARGIN_MM = { top: 13, bottom: 13, side: 9 } as const;
const PT_PER_MM = 72 / 25.4;

export function pageSizeMm(paper: PaperSpec = DEFAULT_PAPER): [number, number] {
  const [long, short] = PAPER_MM[paper.size];
  return paper.orientation === 'portrait' ? [short, long] : [long, short];
}

/** Width the table may take on the paper, in points. */
export function usableWidthPt(paper: PaperSpec = DEFAULT_PAPER): number {
  return (pageSizeMm(paper)[0] - 2 * MARGIN_MM.side) * PT_PER_MM;
}

/** Values of these kinds never wrap. */
export function isWholeKind(kind: ColumnKind): boolean {
  return kind !== 'text';
}

/** A stacked cell prints '—' for an empty part, so the lines stay under their headings. */
export const EMPTY_PART = '—';

function measureValue(meter: WidthMeter, i: number, kind: ColumnKind, cell: PrintCell, bold: boolean): void {
  if (cell === null || cell === undefined) return;
  if (isCorrected(cell)) {
    // Old value struck, the new one and the initials: they wrap between each other, never inside.
    const runs = correctedRuns(kind, cell);
    meter.text(i, runs.map((r) => r.text).join(''), bold);
    if (isWholeKind(kind)) for (const run of runs) if (run.text.trim()) meter.whole(i, run.text.trim(), bold);
    return;
  }
  const text = formatValue(kind, cell as string | number);
  if (isWholeKind(kind)) meter.whole(i, text, bold);
  else meter.text(i, text, bold);
}

/** Feed one printed row to the meter. */
export function measureRow(meter: WidthMeter, columns: ColumnSpec[], row: PrintRow, bold = false): void {
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const cell = row.cells[i] ?? null;
    if (col.parts && isStacked(cell)) {
      col.parts.forEach((p, k) => measureValue(meter, i, p.kind, cell[k] ?? null, bold));
    } else measureValue(meter, i, col.kind, cell, bold);
  }
}

/** Feed the headings (Hindi bold, English regular; both wrap between words only). */
export function measureHeadings(meter: WidthMeter, columns: ColumnSpec[]): void {
  columns.forEach((c, i) => {
    meter.heading(i, c.label.hi, 1, true);
    meter.heading(i, c.label.en, 1, false);
    // A column of numbers is at least as wide as its number in the numbered heading row.
    meter.whole(i, String(i + 1));
    if (partsOf(c).every((p) => isNumericKind(p.kind))) meter.whole(i, '0,000');
  });
}

/** Cell padding and borders, in ems (2 × 2.5 pt padding + rule at 8 pt ≈ 0.7 em), and a margin for shaping. */
const PAD_EM = 0.8;
const SAFETY = 1.04;

export interface PaperPlan {
  /** Body text size, points (≥ PAPER_MIN_PT). */
  fontPt: number;
  /** Column widths in points, for every column (a column repeated on each sheet keeps its width). */
  widthsPt: number[];
  /** The column indices printed on each sheet of paper, left to right; one group when all fit. */
  groups: number[][];
}

const SIZES = [9, 8.5, PAPER_MIN_PT];

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

/** Widths of `cols` at `pt` within `width`: preferred widths when they fit (stretched to fill), else between min and preferred. */
function distribute(measures: ColumnMeasure[], cols: number[], pt: number, width: number): Map<number, number> {
  const min = cols.map((i) => (measures[i]!.min + PAD_EM) * pt * SAFETY);
  const pref = cols.map((i, k) => Math.max(min[k]!, (measures[i]!.pref + PAD_EM) * pt * SAFETY));
  const sMin = sum(min);
  const sPref = sum(pref);
  const out = new Map<number, number>();
  cols.forEach((i, k) => {
    let w: number;
    if (!Number.isFinite(width)) w = pref[k]!;
    else if (sPref <= width) w = pref[k]! * (width / sPref);
    else if (sMin < width) w = min[k]! + (pref[k]! - min[k]!) * ((width - sMin) / (sPref - sMin));
    else w = min[k]!;
    out.set(i, w);
  });
  return out;
}

/**
 * The largest text size at which the preferred widths fit (else the minimum widths with some
 * room), and the sheets of paper: columns that do not fit at PAPER_MIN_PT go to the next sheet,
 * each sheet starting with the repeated columns (serial, name).
 */
export function planPaper(columns: ColumnSpec[], measures: ColumnMeasure[], widthPt: number): PaperPlan {
  const all = columns.map((_, i) => i);
  const total = (pt: number, pick: (m: ColumnMeasure) => number) => sum(measures.map((m) => (Math.max(pick(m), m.min) + PAD_EM) * pt * SAFETY));
  let fontPt = SIZES.find((pt) => total(pt, (m) => m.pref) <= widthPt) ?? SIZES.find((pt) => total(pt, (m) => m.min) <= widthPt * 0.8) ?? PAPER_MIN_PT;
  if (total(fontPt, (m) => m.min) > widthPt) fontPt = PAPER_MIN_PT;
  if (total(fontPt, (m) => m.min) <= widthPt) {
    const w = distribute(measures, all, fontPt, widthPt);
    return { fontPt, widthsPt: all.map((i) => w.get(i)!), groups: [all] };
  }
  // Continue on further sheets: the repeated columns on each, the others in order as they fit.
  const repeated = all.filter((i) => i === 0 || columns[i]!.repeat);
  const rest = all.filter((i) => !repeated.includes(i));
  const minPt = (i: number) => (measures[i]!.min + PAD_EM) * fontPt * SAFETY;
  const base = sum(repeated.map(minPt));
  const groups: number[][] = [];
  let current: number[] = [];
  let used = base;
  for (const i of rest) {
    if (current.length && used + minPt(i) > widthPt) {
      groups.push(current);
      current = [];
      used = base;
    }
    current.push(i);
    used += minPt(i);
  }
  if (current.length) groups.push(current);
  const widthsPt = all.map(minPt);
  const withRepeated = groups.map((g) => [...repeated, ...g].sort((a, b) => a - b));
  for (const g of withRepeated) {
    const w = distribute(measures, g, fontPt, widthPt);
    // A repeated column keeps one width on every sheet: its smallest.
    for (const i of g) widthsPt[i] = repeated.includes(i) ? Math.min(widthsPt[i]!, w.get(i)!) : w.get(i)!;
  }
  return { fontPt, widthsPt, groups: withRepeated };
}

/** Measures the headings and the rows of a sheet. */
export function measureSheet(columns: ColumnSpec[], rows: Iterable<PrintRow>, totals: PrintRow | null): ColumnMeasure[] {
  const meter = new WidthMeter(columns.length);
  measureHeadings(meter, columns);
  for (const row of rows) measureRow(meter, columns, row);
  if (totals) measureRow(meter, columns, totals, true);
  return meter.measures;
}

/**
 * Column widths at one text size (Excel): preferred where they fit, never below the minimum. A
 * sheet too wide even at its minimum widths keeps its preferred ones: it continues on further
 * pages across anyway (the "All fields" sheet).
 */
export function sheetWidthsPt(measures: ColumnMeasure[], pt: number, widthPt: number): number[] {
  const all = measures.map((_, i) => i);
  const tooWide = sum(measures.map((m) => (m.min + PAD_EM) * pt * SAFETY)) > widthPt;
  const w = distribute(measures, all, pt, tooWide ? Infinity : widthPt);
  return all.map((i) => w.get(i)!);
}

/** Paper sizes a thana may choose for a register (settings, issue #16 item 1), with their names. */
export const PAPER_CHOICES: { size: PaperSize; label: { hi: string; en: string } }[] = [
  { size: 'A4', label: { hi: 'A4 (297 × 210 मिमी)', en: 'A4 (297 × 210 mm)' } },
  { size: 'legal', label: { hi: 'लीगल (356 × 216 मिमी)', en: 'Legal (356 × 216 mm)' } },
  { size: 'A3', label: { hi: 'A3 (420 × 297 मिमी)', en: 'A3 (420 × 297 mm)' } },
];

/** The settings change that makes `type` print on `size` (null: back to the register's own paper); refuses a size not offered. */
export function paperSettingPatch(type: string, size: string | null): Record<string, unknown> {
  if (size !== null && !PAPER_CHOICES.some((c) => c.size === size))
    throw new DomainError('paper.size', bi(`कागज़ का आकार A4, लीगल या A3 में से चुनें (दिया गया: ${size})`, `Choose A4, legal or A3 as the paper size (given: ${size})`));
  return { [paperSetting(type)]: size };
}
