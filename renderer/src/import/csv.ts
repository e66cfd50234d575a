/**
 * CSV as Excel and Google Sheets write it: UTF-8 with or without a BOM (or Excel's UTF-16
 * "Unicode text"), comma, semicolon or tab separated, quoted fields with "" and line breaks.
 */
import { bi, DomainError } from '@/domain/bilingual';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DomainError(
      'csv.encoding',
      bi(
        'CSV फ़ाइल UTF-8 में नहीं है; एक्सेल में "CSV UTF-8" के रूप में सहेजें या .xlsx फ़ाइल चुनें',
        'The CSV file is not UTF-8; save it from Excel as "CSV UTF-8" or pick the .xlsx file',
      ),
    );
  }
}

function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000).split(/\r?\n/).slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const counts = sample.map((line) => line.split(d).length - 1).filter((n) => n > 0);
    const score = counts.length ? counts.reduce((a, b) => a + b, 0) : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function parseCsv(text: string): string[][] {
  const delim = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
