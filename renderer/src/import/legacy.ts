/**
 * Columns of a sheet typed in a legacy Hindi font (Kruti Dev 010 / DevLys 010, or Chanakya):
 * found before the header is looked for (the headings may be in the font too), shown to the
 * writer with the font's name and examples, and converted to Unicode unless the writer says no.
 */
import { chanakyaToUnicode, looksLikeChanakya } from '@/domain/text/chanakya';
import { krutiDevToUnicode, looksLikeKrutiDev } from '@/domain/text/krutidev';
import { isWellFormedDevanagari, mayBeLegacy } from '@/domain/text/legacyFont';
import type { Plain } from './cells';
import type { SheetRows } from './sheets';

export type LegacyFontId = 'krutidev' | 'chanakya';

interface FontReader {
  id: LegacyFontId;
  /** Cells the font could have written: the ones a column's share is counted on. */
  candidate: (v: string) => boolean;
  looksLike: (v: string) => boolean;
  toUnicode: (v: string) => string;
}

/** Kruti Dev is typed on Latin letters; Chanakya mostly on Latin-1 signs (some cells have no ASCII letter at all). */
const FONTS: FontReader[] = [
  { id: 'krutidev', candidate: (v) => /[a-zA-Z]/.test(v) && mayBeLegacy(v), looksLike: looksLikeKrutiDev, toUnicode: krutiDevToUnicode },
  { id: 'chanakya', candidate: mayBeLegacy, looksLike: looksLikeChanakya, toUnicode: chanakyaToUnicode },
];
const reader = (id: LegacyFontId) => FONTS.find((f) => f.id === id)!;

export interface LegacyColumn {
  /** 0-based column index. */
  col: number;
  /** The font the column is typed in. */
  font: LegacyFontId;
  /** Cells converted in this column. */
  cells: number;
  /** A few cells as the file has them and as they will be imported. */
  samples: { before: string; after: string }[];
}

/** Cells looked at per column to decide; a roster shows its font in the first rows. */
const SAMPLE_ROWS = 400;

/** Whether one cell of a legacy column is converted: text of the font that becomes whole Devanagari syllables. */
function convertible(font: FontReader, v: Plain): v is string {
  return typeof v === 'string' && font.candidate(v) && isWellFormedDevanagari(font.toUnicode(v.trim()));
}

/** The font most of a column's cells read as, with its count of such cells; null when none does. */
function columnFont(sheet: SheetRows, col: number): FontReader | null {
  let best: { font: FontReader; hits: number } | null = null;
  for (const font of FONTS) {
    let seen = 0;
    let hits = 0;
    for (let r = 0; r < sheet.rows.length && r < SAMPLE_ROWS; r++) {
      const v = sheet.rows[r]![col] ?? null;
      if (typeof v !== 'string' || !font.candidate(v)) continue;
      seen++;
      if (font.looksLike(v)) hits++;
    }
    if (hits === 0 || hits < Math.min(2, seen) || hits < seen * 0.6) continue;
    if (!best || hits > best.hits) best = { font, hits };
  }
  return best?.font ?? null;
}

/**
 * The columns most of whose text cells read as one legacy font. English and Hindi written in
 * Latin letters ("Ramesh", "Active") read as neither, so a bilingual roster is left alone.
 */
export function legacyColumns(sheet: SheetRows): LegacyColumn[] {
  const out: LegacyColumn[] = [];
  for (let col = 0; col < sheet.width; col++) {
    const font = columnFont(sheet, col);
    if (!font) continue;
    const samples: LegacyColumn['samples'] = [];
    let cells = 0;
    for (const row of sheet.rows) {
      const v = row[col] ?? null;
      if (!convertible(font, v)) continue;
      cells++;
      const after = font.toUnicode(v.trim());
      // Examples from the entries, not a merged title repeated across the columns.
      if (samples.length < 3 && col > 0 && row[col - 1] === v) continue;
      if (samples.length < 3 && !samples.some((s) => s.after === after)) samples.push({ before: v.trim(), after });
    }
    if (cells) out.push({ col, font: font.id, cells, samples });
  }
  return out;
}

/** The sheet with the legacy columns' cells in Unicode (the rows are copied; the original stays). */
export function convertLegacyColumns(sheet: SheetRows, columns: LegacyColumn[]): SheetRows {
  if (!columns.length) return sheet;
  const cache = new Map<string, string>();
  const rows = sheet.rows.map((row) => {
    let copy: Plain[] | null = null;
    for (const { col, font: id } of columns) {
      const font = reader(id);
      const v = row[col] ?? null;
      if (!convertible(font, v)) continue;
      const key = `${id}\u0000${v}`;
      let after = cache.get(key);
      if (after === undefined) cache.set(key, (after = font.toUnicode(v.trim())));
      (copy ??= row.slice())[col] = after;
    }
    return copy ?? row;
  });
  return { ...sheet, rows };
}
