/**
 * Finding the header row of a roster (often below merged title rows) and proposing which column
 * is which field, from the register's Hindi and English labels and import aliases.
 */
import type { FieldDef, RegisterDef } from '@/domain/registers/types';
import { asciiDigits, isBlankPlain, normText, plainText, type Plain } from './cells';

/** Marks the columns the app adds to a rejects workbook, so a corrected one imports cleanly. */
export const REJECT_MARK = '✗';

/** Rows searched for the header: title blocks are rarely longer. */
const HEADER_SEARCH_ROWS = 40;

interface Candidate {
  field: string;
  text: string;
}

export interface HeadingMatcher {
  /** The field a heading most likely means, with a score (3 = exact, 1–2 = contains), or null. */
  match(heading: string): { field: string; score: number } | null;
}

const matchers = new WeakMap<RegisterDef, HeadingMatcher>();

export function importableFields(def: RegisterDef): FieldDef[] {
  return def.fields.filter((f) => !f.compute);
}

export function headingMatcher(def: RegisterDef): HeadingMatcher {
  const cached = matchers.get(def);
  if (cached) return cached;
  const exact = new Map<string, string>();
  const partial: Candidate[] = [];
  for (const f of importableFields(def)) {
    for (const t of [f.label.hi, f.label.en, ...(f.importAliases ?? [])]) {
      const text = normText(t);
      if (!text) continue;
      if (!exact.has(text)) exact.set(text, f.key);
      if (Array.from(text).length >= 3) partial.push({ field: f.key, text });
    }
  }
  // Longest first: "पिता का नाम" must win over "नाम" inside "पिता का नाम".
  partial.sort((a, b) => b.text.length - a.text.length);
  // Candidates by their first word: a cell is compared only with the candidates that start with
  // one of its words, not with all of them (the header search reads every cell of 40 rows).
  const byFirstWord = new Map<string, { rank: number; c: Candidate }[]>();
  partial.forEach((c, rank) => {
    const first = c.text.split(' ')[0]!;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { rank, c }]);
  });
  const matcher: HeadingMatcher = {
    match(heading) {
      const h = normText(heading);
      if (!h) return null;
      const hit = exact.get(h);
      if (hit) return { field: hit, score: 3 };
      const padded = ` ${h} `;
      let best: { rank: number; c: Candidate } | null = null;
      for (const word of new Set(h.split(' ')))
        for (const x of byFirstWord.get(word) ?? []) if ((!best || x.rank < best.rank) && padded.includes(` ${x.c.text} `)) best = x;
      return best ? { field: best.c.field, score: 1 + Math.min(best.c.text.length / h.length, 0.99) } : null;
    },
  };
  matchers.set(def, matcher);
  return matcher;
}

/** How many cells of a row read like this register's headings (only exact headings if asked). */
export function headingScore(def: RegisterDef, row: Plain[], exactOnly = false): number {
  const m = headingMatcher(def);
  const seen = new Set<string>();
  for (const c of row) {
    if (typeof c !== 'string' || c.trimStart().startsWith(REJECT_MARK)) continue;
    const hit = m.match(c);
    if (hit && (!exactOnly || hit.score === 3)) seen.add(hit.field);
  }
  return seen.size;
}

export interface HeaderGuess {
  /** Index into the sheet's rows of the header row. */
  index: number;
  score: number;
  /** Further header rows right below (a bilingual second line): used for mapping, skipped as data. */
  extra: number[];
}

/** The row that matches the most field headings among the first rows; null if none matches two. */
export function detectHeader(def: RegisterDef, rows: Plain[][]): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const score = headingScore(def, rows[i] ?? []);
    if (score >= 2 && (!best || score > best.score)) best = { index: i, score, extra: [] };
  }
  if (!best) return null;
  // A second heading line (English under Hindi, or above it): made of exact headings, not data.
  const needed = Math.max(2, Math.ceil(best.score / 2));
  const isLine = (i: number) => headingScore(def, rows[i] ?? [], true) >= needed;
  let first = best.index;
  while (first > 0 && best.index - first < 2 && isLine(first - 1)) first--;
  let last = best.index;
  while (last + 1 < rows.length && last - first < 2 && isLine(last + 1)) last++;
  const extra: number[] = [];
  for (let i = first + 1; i <= last; i++) extra.push(i);
  return { index: first, score: best.score, extra };
}

/**
 * A test for rows that repeat the header (printed registers repeat it on every page): at least
 * half of the headings, in the same columns.
 */
export function repeatedHeaderTest(headerRows: Plain[][]): (row: Plain[]) => boolean {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const raw: Set<string>[] = [];
  const norm: Set<string>[] = [];
  for (let c = 0; c < width; c++) {
    const texts = headerRows.map((r) => r[c]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    raw.push(new Set(texts.map((t) => t.trim())));
    norm.push(new Set(texts.map(normText)));
  }
  const filled = raw.filter((h) => h.size).length;
  const needed = Math.max(2, Math.ceil(filled / 2));
  return (row) => {
    // Fast path for data rows: a repeated header repeats at least one heading letter for letter.
    let exact = 0;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (typeof v === 'string' && raw[c]!.has(v.trim())) exact++;
    }
    if (exact >= needed) return true;
    if (exact === 0) return false;
    let same = 0;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (typeof v === 'string' && norm[c]!.size && norm[c]!.has(normText(v))) same++;
    }
    return same >= needed;
  };
}

/** The "1 2 3 4 …" row under a printed register's headings (checked cell by cell, stopping early). */
export function isNumberingRow(row: Plain[]): boolean {
  let expected: number | null = null;
  let count = 0;
  for (const c of row) {
    if (isBlankPlain(c)) continue;
    let n: number;
    if (typeof c === 'number') n = c;
    else if (typeof c === 'string' && /^\s*\(?[0-9\u0966-\u096F]{1,3}\)?\.?\s*$/.test(c)) n = Number(asciiDigits(c).replace(/[^0-9]/g, ''));
    else return false;
    if (expected !== null && n !== expected) return false;
    expected = n + 1;
    count++;
  }
  return count >= 3;
}

/** Column headings, joined from the header row and any bilingual second header row. */
export function headingsOf(rows: Plain[][], guess: HeaderGuess | null, width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts = guess ? [guess.index, ...guess.extra].map((i) => plainText(rows[i]?.[c] ?? null)).filter(Boolean) : [];
    out.push([...new Set(parts)].join(' / '));
  }
  return out;
}

/** column → field key (or null to ignore the column); each field taken by its best column. */
export function proposeMapping(def: RegisterDef, rows: Plain[][], guess: HeaderGuess | null, width: number): (string | null)[] {
  const mapping: (string | null)[] = new Array(width).fill(null);
  if (!guess) return mapping;
  const m = headingMatcher(def);
  const pairs: { col: number; field: string; score: number }[] = [];
  for (let c = 0; c < width; c++) {
    let best: { field: string; score: number } | null = null;
    for (const r of [guess.index, ...guess.extra]) {
      const v = rows[r]?.[c];
      if (typeof v === 'string' && v.trimStart().startsWith(REJECT_MARK)) break;
      const hit = typeof v === 'string' ? m.match(v) : null;
      if (hit && (!best || hit.score > best.score)) best = hit;
    }
    if (best) pairs.push({ col: c, ...best });
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (taken.has(p.field) || mapping[p.col]) continue;
    mapping[p.col] = p.field;
    taken.add(p.field);
  }
  return mapping;
}
