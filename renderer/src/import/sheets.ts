/** An exceljs workbook as plain rows (strings, numbers, booleans, UTC Dates, null), sheet by sheet. */
import type { Workbook } from 'exceljs';
import { plainValue, type Plain } from './cells';

export interface SheetRows {
  name: string;
  /** Rows in sheet order; empty rows in between may be missing. */
  rows: Plain[][];
  /** The spreadsheet's own row number (1-based) of each entry in `rows`, for reporting. */
  rowNumbers: number[];
  /** Number of columns. */
  width: number;
}

/** Parts of a worksheet the import never reads: skipping them makes loading faster. */
export const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'picture', 'drawing', 'extLst'];

export function sheetsOf(wb: Workbook): SheetRows[] {
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
