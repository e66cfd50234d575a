/**
 * The project's own Excel writer interface (design §3.9): callers describe a paper register
 * (SheetSpec + PrintRows) and never see exceljs or XML. Two implementations behind it:
 *   'memory'    exceljs Workbook, for everyday prints (a month's register, a return);
 *   'streaming' rows are serialised and compressed as they come, for registers of any size.
 * Both produce the same layout; the tests read both back with exceljs and compare.
 */
import type { PrintRow, SheetSpec } from '../sheet';

export interface SheetWriter {
  /** Append the next row. Cheap: kept until flush(). */
  addRow(row: PrintRow): void;
  /** Commit the rows added so far (streaming: serialise and compress them). Call every ~1,000 rows. */
  flush(): Promise<void>;
  /**
   * Write the totals row (if any), the legend lines (initials → names, merged across the table),
   * the signature block and the print setup; the sheet is then done.
   */
  close(totals: PrintRow | null, legend?: string[]): Promise<void>;
}

export interface RegisterWorkbookWriter {
  readonly mode: WriterMode;
  /** Sheets are written one after another: close the previous sheet before adding the next. */
  addSheet(spec: SheetSpec): Promise<SheetWriter>;
  /** The finished .xlsx file. */
  finish(): Promise<Uint8Array>;
}

export type WriterMode = 'memory' | 'streaming';

export interface WorkbookOptions {
  mode: WriterMode;
  /** Document properties. */
  creator?: string;
  title?: string;
  /** The time written into the file (tests pin it). */
  created?: Date;
}

/** Up to this many rows the exceljs workbook is used; beyond it the streaming writer. */
export const MEMORY_WRITER_MAX_ROWS = 2000;

export function chooseMode(expectedRows: number): WriterMode {
  return expectedRows <= MEMORY_WRITER_MAX_ROWS ? 'memory' : 'streaming';
}

export async function createWorkbookWriter(opts: WorkbookOptions): Promise<RegisterWorkbookWriter> {
  if (opts.mode === 'memory') {
    const { createExcelJsWriter } = await import('./exceljsWriter');
    return createExcelJsWriter(opts);
  }
  const { StreamingXlsxWriter } = await import('./streamingWriter');
  return new StreamingXlsxWriter(opts);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
