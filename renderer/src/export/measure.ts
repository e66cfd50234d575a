/**
 * Column widths from the content (issue #16 item 2): every printed text is measured with the
 * print font's own advance widths (print/glyphWidths.ts), in ems. A column is never narrower than
 * its longest unbreakable piece (a number, a date, a mobile, a serial, one word of a heading), and
 * is given room for its usual line where the paper has it.
 */
import { EXTRA, WIDTHS } from './print/glyphWidths';

const EM = 1000;
const FALLBACK = 600;

function advance(c: number, bold: boolean): number {
  const t = bold ? WIDTHS.bold : WIDTHS.regular;
  if (c >= 0x20 && c <= 0x7e) return t.ascii[c - 0x20]!;
  if (c >= 0x900 && c <= 0x97f) return t.deva[c - 0x900]!;
  if (c >= 0xa0 && c <= 0xff) return t.latin1[c - 0xa0]!;
  if (c === 0x200c || c === 0x200d) return 0;
  return EXTRA[c] ?? FALLBACK;
}

/** Width of a single line of text in ems of the print font. */
export function textEm(text: string, bold = false): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += advance(text.charCodeAt(i), bold);
  return n / EM;
}

/** Widest piece that never breaks: split at spaces and line ends only (a no-break space holds). */
export function longestUnitEm(text: string, bold = false): number {
  let max = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 32 || c === 10) {
      if (i > start) max = Math.max(max, textEm(text.slice(start, i), bold));
      start = i + 1;
    }
  }
  return max;
}

/** Widest line of a text that may hold line ends. */
export function longestLineEm(text: string, bold = false): number {
  if (!text.includes('\n')) return textEm(text, bold);
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, textEm(line, bold));
  return max;
}

/** How wide a column wants to be (ems of its font): never less than `min`, happiest at `pref`. */
export interface ColumnMeasure {
  min: number;
  pref: number;
}

/** A line longer than this wraps (remarks, addresses) rather than widening its column. */
export const MAX_PREF_EM = 22;
/** A heading wraps between words rather than widening its column beyond this. */
export const MAX_HEAD_EM = 9;

export class WidthMeter {
  readonly measures: ColumnMeasure[];

  constructor(count: number) {
    this.measures = Array.from({ length: count }, () => ({ min: 0, pref: 0 }));
  }

  /** A value that may wrap between words. */
  text(i: number, text: string, bold = false): void {
    if (!text) return;
    const m = this.measures[i]!;
    m.min = Math.max(m.min, longestUnitEm(text, bold));
    m.pref = Math.max(m.pref, Math.min(MAX_PREF_EM, longestLineEm(text, bold)));
  }

  /** A value that never wraps (numbers, dates). */
  whole(i: number, text: string, bold = false): void {
    if (!text) return;
    const m = this.measures[i]!;
    const w = textEm(text, bold);
    m.min = Math.max(m.min, w);
    m.pref = Math.max(m.pref, w);
  }

  /** A heading: wraps between words only; its width beyond MAX_HEAD_EM is not wanted. */
  heading(i: number, text: string, scale = 1, bold = true): void {
    const m = this.measures[i]!;
    const unit = longestUnitEm(text, bold) * scale;
    m.min = Math.max(m.min, unit);
    m.pref = Math.max(m.pref, Math.min(Math.max(unit, MAX_HEAD_EM), textEm(text, bold) * scale));
  }
}
