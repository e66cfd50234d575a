/**
 * The rows an import did not take, as a workbook the writer can open, correct and import again:
 * the original columns as they were, then the source row and the reason in Hindi and English.
 */
import type { Bilingual } from '@/domain/bilingual';
import { plainText, type Plain } from './cells';
import { loadExcelJs } from './exceljs';
import { REJECT_MARK } from './header';
import type { RejectedRow } from './plan';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const REJECT_COLUMNS = {
  row: `${REJECT_MARK} मूल पंक्ति / Source row`,
  hi: `${REJECT_MARK} अस्वीकृति का कारण`,
  en: `${REJECT_MARK} Reason not imported`,
};

function joined(reasons: Bilingual[], lang: 'hi' | 'en'): string {
  return reasons.map((r) => r[lang]).join('; ');
}

/** An ID number as the rejects file shows it: only the last four digits (no full Aadhaar in any file we write). */
export function maskIdNumber(v: Plain): Plain {
  if (v === null) return null;
  const digits = plainText(v).replace(/\D/g, '');
  return digits.length > 4 ? `XXXXXXXX${digits.slice(-4)}` : v;
}

export interface RejectsOptions {
  /** Columns holding ID numbers (fields of type 'last4'): written masked. */
  maskColumns?: number[];
  sheetTitle?: string;
}

export async function rejectsWorkbook(headings: string[], rejected: RejectedRow[], opts: RejectsOptions = {}): Promise<Uint8Array> {
  const sheetTitle = opts.sheetTitle ?? 'अस्वीकृत पंक्तियाँ';
  const mask = new Set(opts.maskColumns ?? []);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cyber Mitan Thana Desk';
  const ws = wb.addWorksheet(sheetTitle.replace(/[[\]:*?/\\']/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = Math.max(headings.length, ...rejected.map((r) => r.cells.length));
  const originals = Array.from({ length: width }, (_, i) => headings[i] || `स्तंभ ${i + 1} / Column ${i + 1}`);
  ws.columns = [
    ...originals.map((h) => ({ header: h, width: Math.min(30, Math.max(12, Array.from(h).length + 2)) })),
    { header: REJECT_COLUMNS.row, width: 12 },
    { header: REJECT_COLUMNS.hi, width: 60 },
    { header: REJECT_COLUMNS.en, width: 60 },
  ];
  const font = { name: 'Nirmala UI', size: 10 };
  ws.getRow(1).font = { ...font, bold: true };
  for (const r of rejected) {
    const values: (Plain | string | number)[] = [];
    for (let c = 0; c < width; c++) values.push(mask.has(c) ? maskIdNumber(r.cells[c] ?? null) : (r.cells[c] ?? null));
    values.push(r.rowNumber, joined(r.reasons, 'hi'), joined(r.reasons, 'en'));
    const row = ws.addRow(values);
    row.font = font;
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd-mm-yyyy';
    });
    for (const c of [width + 2, width + 3]) {
      const cell = row.getCell(c);
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { ...font, color: { argb: 'FF9C0006' } };
    }
  }
  for (const c of [width + 1, width + 2, width + 3])
    ws.getRow(1).getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Text of a rejected row for on-screen lists. */
export function rowSummary(cells: Plain[], limit = 4): string {
  return cells
    .map(plainText)
    .filter(Boolean)
    .slice(0, limit)
    .join(' · ');
}
