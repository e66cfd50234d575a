/**
 * What a spreadsheet cell holds, reduced to plain values. exceljs hands over strings, numbers,
 * booleans, Dates (UTC), rich text, formulas with results, hyperlinks and error objects;
 * `cell.text` is no help (a date becomes Date.toString()), so each kind is unwrapped here.
 */
export type Plain = string | number | boolean | Date | null;

export function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r) => String((r as { text?: unknown }).text ?? '')).join('');
    // Formulas (plain or shared): what the sheet showed is the cached result.
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if ('hyperlink' in o) return plainValue(o.text ?? o.hyperlink);
    if ('error' in o) return null;
    if ('text' in o) return plainValue(o.text);
  }
  return null;
}

export function isBlankPlain(v: Plain): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Devanagari digits (०–९) as ASCII: some rosters are typed with a Hindi keyboard. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

/** Text of a plain value as the writer saw it (dates as dd-mm-yyyy). */
export function plainText(v: Plain): string {
  if (v === null) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return String(v).normalize('NFC').trim();
}

/**
 * A heading or a choice reduced for matching: NFC, lower case, numbering like "1." or "(1)"
 * removed, punctuation and extra spaces gone. "(3) मोबाइल नं." and "मोबाइल नं" match.
 */
export function normText(s: string): string {
  return asciiDigits(s.normalize('NFC'))
    .toLowerCase()
    .replace(/^\s*(\(?\d{1,3}[).:-]|\d{1,3}\s)\s*/, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
