/**
 * Reads an .xlsx off the window's thread: exceljs parses a 5,000-row roster in about a second,
 * which would freeze the screen; here it only delays the answer. The size checks (limits.ts) run
 * here too, before exceljs sees the file, without pausing (no screen to keep alive here).
 * Says 'ready' once exceljs is loaded (the import screen starts a reader before a file is
 * picked: see warmReader in read.ts). Answers plain rows.
 */
import * as ExcelJsNamespace from 'exceljs';
import { DomainError, type Bilingual } from '@/domain/bilingual';
import { checkWorkbook } from './limits';
import { IGNORED_NODES, sheetsOf, type SheetRows } from './sheets';

type ExcelJsModule = typeof ExcelJsNamespace;
const ExcelJS = (ExcelJsNamespace as ExcelJsModule & { default?: ExcelJsModule }).default ?? ExcelJsNamespace;

export type ReadReply =
  | { kind: 'ready' }
  | { kind: 'sheets'; sheets: SheetRows[] }
  /** Refused by a size check (the DomainError's code and message). */
  | { kind: 'refused'; code: string; bilingual: Bilingual }
  | { kind: 'unreadable' };

const post = (reply: ReadReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (e: MessageEvent<ArrayBuffer>) => {
  const bytes = new Uint8Array(e.data);
  try {
    await checkWorkbook(bytes, Infinity);
  } catch (err) {
    post(err instanceof DomainError ? { kind: 'refused', code: err.code, bilingual: err.bilingual } : { kind: 'unreadable' });
    return;
  }
  let reply: ReadReply;
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(e.data as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORED_NODES });
    reply = { kind: 'sheets', sheets: sheetsOf(wb) };
  } catch {
    reply = { kind: 'unreadable' };
  }
  post(reply);
};

post({ kind: 'ready' });
