/** Reading a picked file (.xlsx or .csv) into rows of plain cell values. */
import { bi, DomainError } from '@/domain/bilingual';
import type { RegisterDef } from '@/domain/registers/types';
import type { Plain } from './cells';
import { decodeText, parseCsv } from './csv';
import { loadExcelJs } from './exceljs';
import { headingScore } from './header';
import { checkFileSize, checkSheetSize, checkWorkbook } from './limits';
import type { ReadReply } from './read.worker';
import { IGNORED_NODES, sheetsOf, type SheetRows } from './sheets';

export type { SheetRows };

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

const unreadable = () =>
  new DomainError(
    'import.unreadable',
    bi('यह एक्सेल फ़ाइल पढ़ी नहीं जा सकी (खराब या पासवर्ड से सुरक्षित)', 'This Excel file could not be read (damaged or password protected)'),
  );

async function readXlsxHere(bytes: Uint8Array): Promise<SheetRows[]> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORED_NODES });
  } catch {
    throw unreadable();
  }
  return sheetsOf(wb);
}

const readerStopped = () =>
  new DomainError(
    'import.workerFailed',
    bi(
      'फ़ाइल पढ़ते समय पढ़ने की प्रक्रिया रुक गई (फ़ाइल बहुत बड़ी या खराब हो सकती है); फ़ाइल को छोटे भागों में बाँटकर आयात करें',
      'Reading the file stopped part way (the file may be too large or damaged); split it into smaller files and import them one by one',
    ),
  );

/** A reader worker: `ready` says whether exceljs loaded in it (false: it failed to start). */
interface Reader {
  worker: Worker;
  ready: Promise<boolean>;
  failed: boolean;
}

function startReader(): Reader | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const reader: Reader = { worker, ready: Promise.resolve(false), failed: false };
  reader.ready = new Promise<boolean>((resolve) => {
    worker.addEventListener('message', (e: MessageEvent<ReadReply>) => {
      if (e.data.kind === 'ready') resolve(true);
    });
    worker.addEventListener('error', () => {
      reader.failed = true;
      resolve(false);
    });
  });
  return reader;
}

/** The reader started ahead of a file (warmReader), not yet used. */
let warm: Reader | null = null;

/**
 * Starts a reader before the writer picks a file, so exceljs is loaded in it while the file is
 * being chosen (loading it takes about as long as reading a 5,000-row roster). The import screen
 * calls this when it opens and after each file; resolves once the reader is ready.
 */
export async function warmReader(): Promise<void> {
  if (warm?.failed) closeReader();
  warm ??= startReader();
  await warm?.ready;
}

/** Ends the reader started ahead (the import screen closes). */
export function closeReader(): void {
  warm?.worker.terminate();
  warm = null;
}

/**
 * In a worker, so the window stays responsive: the size checks, then exceljs; null only when
 * workers cannot start here (then the file is read here). A worker that dies is reported: the
 * file is NOT read again on the window's thread, where the same file would freeze or crash the
 * window. The bytes are copied to the worker (the caller keeps its own).
 */
function readXlsxInWorker(bytes: Uint8Array): Promise<SheetRows[] | null> {
  const ahead = warm && !warm.failed ? warm : null;
  if (!ahead) closeReader();
  warm = null;
  const reader = ahead ?? startReader();
  if (!reader) return Promise.resolve(null);
  const { worker } = reader;
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (e: MessageEvent<ReadReply>) => {
      const reply = e.data;
      if (reply.kind === 'ready') return;
      worker.terminate();
      if (reply.kind === 'sheets') resolve(reply.sheets);
      else if (reply.kind === 'refused') reject(new DomainError(reply.code, reply.bilingual));
      else reject(unreadable());
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      worker.terminate();
      reject(readerStopped());
    });
    worker.addEventListener('messageerror', () => {
      worker.terminate();
      reject(readerStopped());
    });
    const copy = bytes.slice().buffer;
    worker.postMessage(copy, [copy]);
  });
}

/**
 * Every workbook is read in a worker where workers run (the window never freezes: exceljs parses a
 * 5,000-row roster in one long stretch of about a second, which no import may cost the window);
 * the worker's own start-up is the price, paid ahead by warmReader. Where workers cannot start
 * (tests in Node), here, after the same checks.
 */
export const WORKER_MIN_BYTES = 0;

export interface ReadOptions {
  /** Files from this size are read in a worker (default WORKER_MIN_BYTES). */
  workerFromBytes?: number;
}

async function readXlsx(bytes: Uint8Array, opts: ReadOptions): Promise<SheetRows[]> {
  checkFileSize(bytes.length);
  const inWorker = bytes.length >= (opts.workerFromBytes ?? WORKER_MIN_BYTES) ? await readXlsxInWorker(bytes) : null;
  if (inWorker) return inWorker;
  await checkWorkbook(bytes);
  return readXlsxHere(bytes);
}

function readCsv(bytes: Uint8Array, fileName: string): SheetRows[] {
  checkFileSize(bytes.length);
  const rows: Plain[][] = parseCsv(decodeText(bytes));
  checkSheetSize(rows.length, rows.reduce((w, r) => Math.max(w, r.length), 0));
  return [{ name: fileName, rows, rowNumbers: rows.map((_, i) => i + 1), width: rows.reduce((w, r) => Math.max(w, r.length), 0) }];
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<SheetRows[]> {
  const kind = kindOf(fileName);
  if (kind === 'xlsx') return readXlsx(bytes, opts);
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
