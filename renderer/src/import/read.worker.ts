/**
 * Reads an .xlsx off the window's thread: exceljs parses a 5,000-row roster in about a second,
 * which would freeze the screen; here it only delays the answer. Answers plain rows.
 */
import * as ExcelJsNamespace from 'exceljs';
import { IGNORED_NODES, sheetsOf, type SheetRows } from './sheets';

type ExcelJsModule = typeof ExcelJsNamespace;
const ExcelJS = (ExcelJsNamespace as ExcelJsModule & { default?: ExcelJsModule }).default ?? ExcelJsNamespace;

export type ReadReply = { ok: true; sheets: SheetRows[] } | { ok: false; unreadable: true };

self.onmessage = async (e: MessageEvent<ArrayBuffer>) => {
  let reply: ReadReply;
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(e.data as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: IGNORED_NODES });
    reply = { ok: true, sheets: sheetsOf(wb) };
  } catch {
    reply = { ok: false, unreadable: true };
  }
  (self as unknown as Worker).postMessage(reply);
};
