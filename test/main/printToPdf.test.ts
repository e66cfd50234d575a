import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { printHtmlToPdf, PDF_OPTIONS, PRINT_PARTITION, isPrintRequestAllowed } = await import('../../electron/printToPdf');

const HTML = '<!doctype html><html lang="hi"><body><table><thead><tr><th>क्र.</th></tr></thead></table></body></html>';
let dir: string;
let temp: string;

beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'thana-pdf-'));
  temp = join(dir, 'temp');
  await mkdir(temp);
  fake.state.paths = { userData: join(dir, 'userData'), downloads: join(dir, 'Downloads'), temp };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function printWindow() {
  const win = fake.BrowserWindow.instances[0];
  if (!win) throw new Error('no print window was opened');
  return win;
}

describe('printing a register to PDF', () => {
  it('prints A4 landscape with backgrounds and the CSS page size, and writes the PDF where the dialog said', async () => {
    const target = join(dir, 'शिकायत-रजिस्टर.pdf');
    fake.state.saveDialogResult = { canceled: false, filePath: target };

    const result = await printHtmlToPdf(null, { html: HTML, suggestedName: 'शिकायत-रजिस्टर.pdf' });

    expect(result).toEqual({ saved: true, path: target });
    const options = printWindow().webContents.printOptions;
    expect(options).toHaveLength(1);
    expect(options[0]).toMatchObject({ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(options[0]).toEqual(PDF_OPTIONS);
    expect(await readFile(target)).toEqual(Buffer.from(fake.state.pdfBytes));
  });

  it('asks for a .pdf in Downloads', async () => {
    await printHtmlToPdf(null, { html: HTML, suggestedName: 'roster.pdf' });
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join(dir, 'Downloads', 'roster.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('returns {saved:false} when the dialog is cancelled, and prints nothing', async () => {
    fake.state.saveDialogResult = { canceled: true };
    expect(await printHtmlToPdf(null, { html: HTML, suggestedName: 'roster.pdf' })).toEqual({ saved: false, reason: 'cancelled' });
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(await readdir(temp)).toEqual([]);
  });

  it('loads the document from a UTF-8 temp file, then closes the window and deletes the file', async () => {
    fake.state.saveDialogResult = { canceled: false, filePath: join(dir, 'out.pdf') };
    await printHtmlToPdf(null, { html: HTML, suggestedName: 'x.pdf' });
    const { webContents } = printWindow();
    expect(webContents.loadedFile?.startsWith(temp)).toBe(true);
    expect(webContents.loadedFileContent).toBe(`\ufeff${HTML}`);
    expect(printWindow().isDestroyed()).toBe(true);
    expect(await readdir(temp)).toEqual([]);
  });

  it.each([
    ['the page fails to load', () => (fake.state.loadFileError = new Error('did-fail-load'))],
    ['printing fails', () => (fake.state.printError = new Error('printing failed'))],
  ])('cleans up when %s, and writes no PDF', async (_what, breakIt) => {
    breakIt();
    const target = join(dir, 'out.pdf');
    fake.state.saveDialogResult = { canceled: false, filePath: target };
    await expect(printHtmlToPdf(null, { html: HTML, suggestedName: 'x.pdf' })).rejects.toThrow();
    expect(printWindow().isDestroyed()).toBe(true);
    expect(await readdir(temp)).toEqual([]);
    await expect(readFile(target)).rejects.toThrow();
  });
});

describe('the hidden print window', () => {
  beforeEach(() => {
    fake.state.saveDialogResult = { canceled: false, filePath: join(dir, 'out.pdf') };
  });

  it('is hidden, sandboxed and isolated, with no preload and no scripts', async () => {
    await printHtmlToPdf(null, { html: HTML, suggestedName: 'x.pdf' });
    const { options } = printWindow();
    expect(options.show).toBe(false);
    const prefs = options.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.javascript).toBe(false);
    expect(prefs.preload).toBeUndefined();
  });

  it('uses a session of its own that lets only the document being printed and data: URLs load', async () => {
    const seen: Record<string, boolean> = {};
    fake.state.whileLoading = async (file, session) => {
      seen.document = await session.allowsRequest(pathToFileURL(file).href);
      seen.otherFile = await session.allowsRequest(pathToFileURL(join(temp, 'other.html')).href);
      seen.network = await session.allowsRequest('https://evil.example/beacon?name=complainant');
      seen.hub = await session.allowsRequest('http://127.0.0.1:5984/thana_042/_all_docs');
      seen.app = await session.allowsRequest('app://thana/index.html');
      seen.font = await session.allowsRequest('data:font/woff2;base64,AAAA');
    };
    await printHtmlToPdf(null, { html: HTML, suggestedName: 'x.pdf' });
    const { webContents } = printWindow();
    expect(webContents.session).toBe(fake.session.fromPartition(PRINT_PARTITION));
    expect(webContents.session).not.toBe(fake.session.defaultSession);
    expect(seen).toEqual({ document: true, otherFile: false, network: false, hub: false, app: false, font: true });
    // Once printed, the document is no longer allowed either.
    expect(await webContents.session.allowsRequest(pathToFileURL(webContents.loadedFile ?? '').href)).toBe(false);
    expect(await webContents.session.askPermission('media')).toBe(false);
  });

  it('cannot navigate or open windows', async () => {
    await printHtmlToPdf(null, { html: HTML, suggestedName: 'x.pdf' });
    const { webContents } = printWindow();
    expect(webContents.navigate('will-navigate', 'app://thana/index.html')).toBe(false);
    expect(webContents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('isPrintRequestAllowed', () => {
  it('refuses network, other files and the app itself', () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5984/', 'file:///etc/passwd', 'app://thana/index.html', 'not a url']) {
      expect(isPrintRequestAllowed(url), url).toBe(false);
    }
    expect(isPrintRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
  });
});
