/**
 * The foot of a printed roster: signatures ("हस्ताक्षर … थाना प्रभारी"), totals ("कुल योग 48"),
 * seals and the date of the print. They are not entries; an import skips and counts them.
 */
import { normalizeMobile } from '@/domain/normalize';
import { isBlankPlain, plainText, type Plain } from './cells';

/** Words that only the foot of a register carries. */
const FOOTER_WORDS =
  /हस्ताक्षर|प्रभारी|थाना\s*प्रभारी|नोडल\s*अधिकारी|अनुविभागीय|पुलिस\s*अधीक्षक|कुल\s*योग|^\s*कुल\b|^\s*योग\b|सील|मुहर|मुद्रण|प्रिंट\s*दिनांक|तैयारकर्ता|सत्यापित|signature|signed|in-?charge|station house officer|\bsho\b|\bs\.?h\.?o\.?\b|grand total|^\s*total\b|printed on|print date|prepared by|verified by|\bseal\b/i;

/** A date or time of the print on its own ("दिनांक: 12-11-2026", "Date: …"). */
const PRINT_DATE = /^\s*(दिनांक|दि\.|date|dated|मुद्रण\s*दिनांक)\s*[:：-]/i;

/**
 * A row at the foot of the sheet rather than an entry: it names a signature, a total, a seal or
 * the date of the print, fills few of the columns an entry fills, and carries no mobile number.
 * Once the foot has begun (`afterFooter`), a sparse row without a mobile is part of it too
 * ("थाना कोटा" under "थाना प्रभारी").
 */
export function isFooterRow(cells: Plain[], mappedColumns: number[], afterFooter = false): boolean {
  // Entries fill most mapped columns: they leave here, before any text is looked at.
  let filledMapped = 0;
  for (const col of mappedColumns) if (!isBlankPlain(cells[col] ?? null)) filledMapped++;
  if (filledMapped > Math.max(3, Math.floor(mappedColumns.length / 2))) return false;
  const texts: string[] = [];
  for (const c of cells) {
    if (isBlankPlain(c)) continue;
    if ((typeof c === 'number' || typeof c === 'string') && normalizeMobile(c)) return false;
    texts.push(plainText(c));
  }
  if (!texts.length) return false;
  if (afterFooter) return true;
  return texts.some((t) => FOOTER_WORDS.test(t) || PRINT_DATE.test(t));
}
