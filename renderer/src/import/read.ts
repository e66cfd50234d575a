/** Reading a picked file (.xlsx or .csv) into rows of plain cell values. */
import { bi, DomainError } from '@/domain/bilingual';
import type { RegisterDef } from '@/domain/registers/types';
import { plainValue, type Plain } from './cells';
import { decodeText, parseCsv } from './csv';
import { loadExcelJs } from './exceljs';
import { headingScore } from './header';

export interface SheetRows {
  name: string;
  /** Rows in sheet order; empty rows in between may be missing. */
  rows: Plain[][];
  /** The spreadsheet's own row number (1-based) of each entry in `rows`, for reporting. */
  rowNumbers: number[];
  /** Number of columns. */
  width: number;
}

export type SpreadsheetKind = 'xlsx' | 'csv';

export function kindOf(fileName: string): SpreadsheetKind | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : ext === 'csv' || ext === 'txt' ? 'csv' : null;
}

const unsupported = () =>
  new DomainError(
    'import.fileType',
    bi(
      'केवल .xlsx या .csv फ़ाइल पढ़ी जा सकती है; पुरानी .xls फ़ाइल को एक्सेल में .xlsx के रूप में सहेजें',
      'Only .xlsx or .csv files can be read; save an old .xls file as .xlsx in Excel',
    ),
  );

/** Parts of a worksheet the import never reads: skipping them makes loading faster. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'picture', 'drawing', 'extLst'];

async function readXlsx(bytes: Uint8Array): Promise<SheetRows[]> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new DomainError(
      'import.unreadable',
      bi('यह एक्सेल फ़ाइल पढ़ी नहीं जा सकी (खराब या पासवर्ड से सुरक्षित)', 'This Excel file could not be read (damaged or password protected)'),
    );
  }
  const sheets: SheetRows[] = [];
  wb.eachSheet((ws) => {
    const rows: Plain[][] = [];
    const rowNumbers: number[] = [];
    let width = 0;
    // getSheetValues(): rows and cells 1-based and sparse; merged cells repeat their master's value.
    const values = ws.getSheetValues();
    for (let r = 1; r < values.length; r++) {
      const row = values[r] as unknown[] | undefined;
      if (!row) continue;
      const cells: Plain[] = [];
      for (let c = 1; c < row.length; c++) cells.push(plainValue(row[c]));
      rows.push(cells);
      rowNumbers.push(r);
      width = Math.max(width, cells.length);
    }
    sheets.push({ name: ws.name, rows, rowNumbers, width });
  });
  return sheets;
}

function readCsv(bytes: Uint8Array, fileName: string): SheetRows[] {
  const rows: Plain[][] = parseCsv(decodeText(bytes));
  return [{ name: fileName, rows, rowNumbers: rows.map((_, i) => i + 1), width: rows.reduce((w, r) => Math.max(w, r.length), 0) }];
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SheetRows[]> {
  const kind = kindOf(fileName);
  if (kind === 'xlsx') return readXlsx(bytes);
  if (kind === 'csv') return readCsv(bytes, fileName);
  throw unsupported();
}

/** The sheet that looks most like this register (a workbook may carry a cover or summary sheet). */
export function bestSheet(def: RegisterDef, sheets: SheetRows[]): number {
  let best = 0;
  let bestScore = -1;
  sheets.forEach((s, i) => {
    const score = Math.max(0, ...s.rows.slice(0, 40).map((r) => headingScore(def, r)));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
