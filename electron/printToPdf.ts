/**
 * Printed registers: the renderer builds one complete HTML document (styles inline,
 * fonts as data: URLs); it is printed here by Chromium, which shapes Devanagari correctly.
 */
import { app, BrowserWindow, session } from 'electron';
import type { PrintToPDFOptions, Session } from 'electron';
import { randomUUID } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintPdfRequest, SaveResult } from '../renderer/src/bridge/contract';
import { askSavePath, CANCELLED } from './saveDialog';
import { denyAllPermissions, restrictNavigation } from './navigation';

export const PDF_OPTIONS = {
  pageSize: 'A4',
  landscape: true,
  printBackground: true,
  // The print view's own @page rules (size, margin boxes with "पृष्ठ N / M") win.
  preferCSSPageSize: true,
  margins: { marginType: 'custom', top: 0.4, bottom: 0.5, left: 0.4, right: 0.4 },
} satisfies PrintToPDFOptions;

export const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

/**
 * Print windows live in an in-memory session of their own: no app:// handler, none of
 * the app's IndexedDB, and no request leaves except the document itself and data: URLs.
 */
export const PRINT_PARTITION = 'thana-print';
const PRINT_FILE_PREFIX = 'thana-print-';

const documentsBeingPrinted = new Set<string>();
const preparedSessions = new WeakSet<Session>();

/** Whether a print window may load this URL: only the temp document being printed, and data: URLs. */
export function isPrintRequestAllowed(url: string): boolean {
  if (url.startsWith('data:')) return true;
  try {
    const u = new URL(url);
    if (u.protocol !== 'file:') return false;
    const name = decodeURIComponent(u.pathname.slice(u.pathname.lastIndexOf('/') + 1));
    return documentsBeingPrinted.has(name);
  } catch {
    return false;
  }
}

function printSession(): Session {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (!preparedSessions.has(ses)) {
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintRequestAllowed(details.url) }));
    denyAllPermissions(ses);
    preparedSessions.add(ses);
  }
  return ses;
}

function createPrintWindow(): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    width: 1123,
    height: 794,
    webPreferences: {
      session: printSession(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // The document is static; nothing in it needs to run.
      javascript: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    },
  });
  restrictNavigation(win.webContents, { mayNavigate: () => false });
  return win;
}

/** Writes the HTML to a temp file, prints it in a hidden window, and always cleans up. */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const name = `${PRINT_FILE_PREFIX}${randomUUID()}.html`;
  const tmp = join(app.getPath('temp'), name);
  let win: BrowserWindow | null = null;
  documentsBeingPrinted.add(name);
  try {
    const file = await open(tmp, 'w');
    try {
      // A BOM, so the page is read as UTF-8 even if the document forgot its <meta charset>.
      await file.write('\ufeff');
      await file.write(html);
    } finally {
      await file.close();
    }
    win = createPrintWindow();
    // Resolves on did-finish-load, rejects on did-fail-load.
    await win.webContents.loadFile(tmp);
    return await win.webContents.printToPDF(PDF_OPTIONS);
  } finally {
    documentsBeingPrinted.delete(name);
    if (win && !win.isDestroyed()) win.destroy();
    await rm(tmp, { force: true }).catch((err: unknown) => console.warn('could not delete the print file', tmp, err));
  }
}

/**
 * Asks where to save first: a long register takes tens of seconds to print, and a
 * user who cancels should not wait for it.
 */
export async function printHtmlToPdf(parent: BrowserWindow | null, req: PrintPdfRequest): Promise<SaveResult> {
  const target = await askSavePath(parent, req.suggestedName, PDF_FILTERS);
  if (target === null) return CANCELLED;
  const pdf = await renderPdf(req.html);
  await writeFile(target, pdf);
  return { saved: true, path: target };
}
