/**
 * Columns of a sheet typed in a legacy Hindi font (Kruti Dev 010 / DevLys 010): found before the
 * header is looked for (the headings may be in the font too), shown to the writer with examples,
 * and converted to Unicode unless the writer says no.
 */
import { isWellFormedDevanagari, krutiDevToUnicode, looksLikeKrutiDev } from '@/domain/text/krutidev';
import type { Plain } from './cells';
import type { SheetRows } from './sheets';

export interface LegacyColumn {
  /** 0-based column index. */
  col: number;
  /** Cells converted in this column. */
  cells: number;
  /** A few cells as the file has them and as they will be imported. */
  samples: { before: string; after: string }[];
}

/** Cells looked at per column to decide; a roster shows its font in the first rows. */
const SAMPLE_ROWS = 400;

const isLatinText = (v: Plain): v is string => typeof v === 'string' && /[a-zA-Z]/.test(v) && !/[\u0900-\u097F]/.test(v);

/** Whether one cell of a legacy column is converted: Latin text that becomes whole Devanagari syllables. */
function convertible(v: Plain): v is string {
  return isLatinText(v) && isWellFormedDevanagari(krutiDevToUnicode(v.trim()));
}

/**
 * The columns most of whose Latin-letter cells read as Kruti Dev. English and Hindi written in
 * Latin letters ("Ramesh", "Active") do not, so a bilingual roster is left alone.
 */
export function legacyColumns(sheet: SheetRows): LegacyColumn[] {
  const out: LegacyColumn[] = [];
  for (let col = 0; col < sheet.width; col++) {
    let latin = 0;
    let kruti = 0;
    for (let r = 0; r < sheet.rows.length && r < SAMPLE_ROWS; r++) {
      const v = sheet.rows[r]![col] ?? null;
      if (!isLatinText(v)) continue;
      latin++;
      if (looksLikeKrutiDev(v)) kruti++;
    }
    if (kruti === 0 || kruti < Math.min(2, latin) || kruti < latin * 0.6) continue;
    const samples: LegacyColumn['samples'] = [];
    let cells = 0;
    for (const row of sheet.rows) {
      const v = row[col] ?? null;
      if (!convertible(v)) continue;
      cells++;
      const after = krutiDevToUnicode(v.trim());
      // Examples from the entries, not a merged title repeated across the columns.
      if (samples.length < 3 && col > 0 && row[col - 1] === v) continue;
      if (samples.length < 3 && !samples.some((s) => s.after === after)) samples.push({ before: v.trim(), after });
    }
    if (cells) out.push({ col, cells, samples });
  }
  return out;
}

/** The sheet with the legacy columns' cells in Unicode (the rows are copied; the original stays). */
export function convertLegacyColumns(sheet: SheetRows, columns: LegacyColumn[]): SheetRows {
  if (!columns.length) return sheet;
  const cols = columns.map((c) => c.col);
  const cache = new Map<string, string>();
  const rows = sheet.rows.map((row) => {
    let copy: Plain[] | null = null;
    for (const col of cols) {
      const v = row[col] ?? null;
      if (!convertible(v)) continue;
      let after = cache.get(v);
      if (after === undefined) cache.set(v, (after = krutiDevToUnicode(v.trim())));
      (copy ??= row.slice())[col] = after;
    }
    return copy ?? row;
  });
  return { ...sheet, rows };
}
