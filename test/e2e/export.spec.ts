import { test, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { collectConsoleErrors, field, setupAndSignIn } from './helpers';

// Issue #7 in the built app (web mode): the print preview page of a register, its Excel export
// (a download in web mode, through the lazily loaded exceljs browser build) and its print.
test('a register prints through its preview and exports to Excel in the browser', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);

  // Two villages through the register UI.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('link-places').click();
  await expect(page.locator('main h1')).toHaveText('ग्राम/वार्ड सूची');
  for (const name of ['खमरिया', 'सेमरताल']) {
    await page.keyboard.press('Alt+N');
    await field(page, 'name').fill(name);
    await field(page, 'kind').selectOption('village');
    await field(page, 'area').selectOption('rural');
    await field(page, 'beat').press('Enter');
    await expect(page.getByTestId('notice')).toContainText('प्रविष्टि सहेजी गई');
    await field(page, 'name').press('Escape');
  }

  await page.goto('/#/print/place?f.kind=village');
  await expect(page.getByTestId('print-page')).toBeVisible();
  await expect(page.getByTestId('print-filters')).toContainText('प्रकार: ग्राम');
  await expect(page.getByTestId('print-filters')).toContainText('2');
  const frame = page.frameLocator('[data-testid="print-frame"]');
  await expect(frame.locator('h1')).toHaveText('ग्राम/वार्ड सूची / List of villages and wards');
  await expect(frame.locator('tbody tr')).toHaveCount(2);
  await expect(frame.locator('thead tr.num th')).toHaveText(['1', '2', '3', '4', '5', '6', '7']);
  await expect(frame.locator('.signatures .slot')).toHaveCount(3);
  // The embedded print font is loaded from the document itself (data: URL), not the app.
  const fontLoaded = await page
    .locator('[data-testid="print-frame"]')
    .evaluate((el) => (el as HTMLIFrameElement).srcdoc.includes("src: url(data:font/woff2;base64,"));
  expect(fontLoaded).toBe(true);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^list-of-villages-and-wards_कोटा_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('जिला बिलासपुर, थाना कोटा');
  expect(ws.getCell('A3').value).toBe('अवधि: सभी प्रविष्टियाँ  |  प्रकार: ग्राम');
  expect([ws.getCell('B7').value, ws.getCell('B8').value]).toEqual(['खमरिया', 'सेमरताल']);
  // The place list's paper layout is five narrow columns: A4 portrait (renderer/src/domain/registers/place.ts).
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', printTitlesRow: '4:6' });
  await expect(page.getByRole('status').filter({ hasText: 'Excel में सहेजी गईं' })).toBeVisible();

  // Web mode prints through the browser's print dialog (headless: nothing to click).
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'ब्राउज़र का प्रिंट संवाद खोला गया' })).toBeVisible();
  await expect(page.getByText('PDF तैयार')).toHaveCount(0);

  // The period is chosen on the page too: from a future day there is nothing to print.
  await page.getByTestId('print-from').fill('2099-01-01');
  await page.getByTestId('print-apply').click();
  await expect(page.getByTestId('print-filters')).toContainText('अवधि: 01-01-2099 से  |  प्रकार: ग्राम');
  await expect(frame.locator('td.empty')).toHaveText('कोई प्रविष्टि नहीं / No entries');
  expect(page.url()).toContain('from=2099-01-01');
  expect(errors).toEqual([]);
});

// A register longer than the exceljs workbook takes: the streaming writer (CompressionStream in
// Chromium) writes it, page by page from IndexedDB.
test('a long register streams to Excel in the browser', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  const n = 3500;
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cyber-mitan-thana');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('place', 'readwrite');
    const store = tx.objectStore('place');
    const at = new Date().toISOString();
    for (let i = 1; i <= count; i++) {
      const key = String(i).padStart(26, '0');
      store.put({
        id: `BSPKOTA:place:${key}`,
        thana: 'BSPKOTA',
        type: 'place',
        schemaVersion: 1,
        serial: null,
        serialYear: null,
        serialNo: null,
        data: { name: `ग्राम ${i}`, kind: 'village', area: i % 2 ? 'rural' : 'urban', beat: `बीट ${i % 7}`, isNew: false },
        tokens: [],
        keys: [],
        createdAt: at,
        createdBy: 'x',
        updatedAt: at,
        updatedBy: 'x',
        mutationId: key,
        version: 1,
        history: [],
        cancelled: null,
        late: false,
        _rev: null,
        syncState: 'synced',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, n);

  await page.goto('/#/print/place?f.area=urban');
  await expect(page.getByTestId('print-filters')).toContainText(`${n / 2} `);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await download;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A3').value).toBe('अवधि: सभी प्रविष्टियाँ  |  शहरी/ग्रामीण: शहरी');
  expect([ws.getCell('A7').value, ws.getCell('B7').value]).toEqual(['1', 'ग्राम 2']);
  expect([ws.getCell(`A${6 + n / 2}`).value, ws.getCell(`B${6 + n / 2}`).value]).toEqual([String(n / 2), `ग्राम ${n}`]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  expect(errors).toEqual([]);
});
