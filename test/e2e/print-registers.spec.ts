import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { collectConsoleErrors, field, setupAndSignIn } from './helpers';

// Issue #7 on a register's own list: the Excel and print buttons take the list's current filter
// and search, so what the list shows is what prints. The roster stands for every register list
// (the export unit tests print each register's definition).

const istDay = (offsetDays = 0) => new Date(Date.now() + 330 * 60_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');

async function formTeam(page: Page, no: number, leader: string, mobile: string) {
  await page.getByTestId('new-team').click();
  await expect(field(page, 'teamNo')).toHaveValue(String(no));
  await field(page, 'name').fill(`दल ${no}`);
  await field(page, 'leaderName').fill(leader);
  await field(page, 'leaderRank').selectOption('आरक्षक');
  await field(page, 'leaderMobile').fill(mobile);
  await field(page, 'beat').fill(`बीट ${no}`);
  await field(page, 'formedOn').fill(ddmmyyyy(istDay(-30)));
  await field(page, 'formedOn').press('Enter');
  await expect(page.getByTestId('team-saved')).toContainText(`दल ${no} बनाया गया`);
}

async function addMitan(page: Page, m: { name: string; father: string; age: string; mobile: string; team: string; newPlace?: string }) {
  await field(page, 'name').fill(m.name);
  await field(page, 'relativeName').fill(m.father);
  await field(page, 'gender').selectOption('female');
  await field(page, 'age').fill(m.age);
  await field(page, 'mobile').fill(m.mobile);
  await field(page, 'teamId').selectOption({ label: m.team });
  if (m.newPlace) {
    await page.getByTestId('add-place').click();
    await page.getByTestId('new-place-name').fill(m.newPlace);
    await page.getByTestId('new-place-name').press('Enter');
  } else await field(page, 'placeId').selectOption({ label: 'बेलतरा *' });
  await field(page, 'category').selectOption('volunteer');
  await field(page, 'consentDate').fill(ddmmyyyy(istDay(-20)));
  // The previous entry's message may still be showing: wait for this entry's own one.
  const before = (await page.getByTestId('mitan-saved').count()) ? await page.getByTestId('mitan-saved').innerText() : '';
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('mitan-saved')).toContainText('मितान दर्ज किया गया');
  await expect(page.getByTestId('mitan-saved')).not.toHaveText(before);
  // Let the list and the roster finish reloading before the next entry is typed.
  await expect(page.getByTestId('register-list').locator('[role="row"]').filter({ hasText: m.name })).toHaveCount(1);
}

async function downloadWorkbook(page: Page): Promise<{ ws: ExcelJS.Worksheet; full: ExcelJS.Worksheet; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await download;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  return { ws: wb.worksheets[0]!, full: wb.worksheets[1]!, name: file.suggestedFilename() };
}

test('the roster list exports to Excel and prints exactly what its filter and search show', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  await page.getByTestId('nav-mitans').click();
  await page.getByTestId('tab-teams').click();
  await formTeam(page, 1, 'आरक्षक दीपक', '9425100001');
  await formTeam(page, 2, 'आरक्षक संगीता', '9425100002');
  await page.getByTestId('tab-list').click();
  await page.getByTestId('new-mitan').click();
  await addMitan(page, { name: 'रीना पटेल', father: 'किशोर पटेल', age: '22', mobile: '9826099991', team: 'दल 1 — दल 1 (आरक्षक दीपक)', newPlace: 'बेलतरा' });
  await addMitan(page, { name: 'सीमा यादव', father: 'राम यादव', age: '31', mobile: '9826099992', team: 'दल 2 — दल 2 (आरक्षक संगीता)' });
  await addMitan(page, { name: 'गीता साहू', father: 'मोहन साहू', age: '40', mobile: '9826099993', team: 'दल 1 — दल 1 (आरक्षक दीपक)' });

  // The list shows team 1; the workbook holds team 1, named in the title block.
  await page.getByTestId('filter-team').selectOption({ label: 'दल 1 — दल 1 (आरक्षक दीपक)' });
  const rows = page.getByTestId('register-list').locator('[role="row"]');
  await expect(rows.filter({ hasText: 'सीमा यादव' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'रीना पटेल' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'गीता साहू' })).toHaveCount(1);
  const { ws, full, name } = await downloadWorkbook(page);
  expect(name).toMatch(/^cyber-mitan-roster_कोटा_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(ws.getCell('A1').value).toBe('जिला बिलासपुर, थाना कोटा');
  expect(ws.getCell('A2').value).toBe('साइबर मितान पंजी / Cyber Mitan roster');
  expect(String(ws.getCell('A3').value)).toContain('दल: ');
  // The paper sheet stacks name / father's name / mobile in one column, as the paper roster does.
  const headings = (ws.getRow(4).values as unknown[]).map((v) => String(v ?? ''));
  for (const h of ['नाम / पिता या पति का नाम / मोबाइल', 'लिंग / आयु / जन्मतिथि', 'दल / भूमिका', 'स्थिति / दिनांक / कारण']) expect(headings).toContain(h);
  expect([ws.getCell('B7').value, ws.getCell('B8').value]).toEqual(['रीना पटेल\nकिशोर पटेल\n9826099991', 'गीता साहू\nमोहन साहू\n9826099993']);
  // Every field, one column each, on the second sheet.
  const fullHeadings = (full.getRow(4).values as unknown[]).map((v) => String(v ?? ''));
  for (const h of ['नाम', 'पिता/पति का नाम', 'आयु (वर्ष)', 'मोबाइल नंबर', 'दल', 'ग्राम/वार्ड', 'स्थिति']) expect(fullHeadings).toContain(h);
  expect([full.getCell('B7').value, full.getCell('B8').value]).toEqual(['रीना पटेल', 'गीता साहू']);
  // Ages are not summed: the roster has no totals row (योग).
  expect(ws.getCell('A9').value).not.toBe('योग / Total');
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:6' });
  await expect(page.getByRole('status').filter({ hasText: '2 प्रविष्टियाँ Excel में सहेजी गईं' })).toBeVisible();

  // With the search box too: the preview prints the one entry the list shows.
  await page.getByTestId('list-search').fill('गीता');
  await expect(rows.filter({ hasText: 'रीना पटेल' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'गीता साहू' })).toHaveCount(1);
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  await expect(page.getByTestId('print-filters')).toContainText('खोज: "गीता"');
  await expect(page.getByTestId('print-filters')).toContainText('· 1 ');
  const frame = page.frameLocator('[data-testid="print-frame"]');
  await expect(frame.locator('tbody tr')).toHaveCount(1);
  await expect(frame.locator('tbody')).toContainText('गीता साहू');
  await page.getByTestId('print-close').click();
  await expect(page.getByTestId('print-preview')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The outreach register's list takes a period on the activity date; its Excel holds that period,
// and the day sheet's buttons hold that one day.
test('the outreach list prints its period, the day sheet its day', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  const days = [istDay(-10), istDay(-5), istDay(-1)];
  await page.evaluate(async (dates) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cyber-mitan-thana');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('outreach', 'readwrite');
    const at = new Date().toISOString();
    dates.forEach((date, i) => {
      const key = String(i + 1).padStart(26, '0');
      tx.objectStore('outreach').put({
        id: `BSPKOTA:outreach:${key}`,
        thana: 'BSPKOTA',
        type: 'outreach',
        schemaVersion: 1,
        serial: `${date.slice(0, 4)}/000${i + 1}`,
        serialYear: Number(date.slice(0, 4)),
        serialNo: i + 1,
        data: { date, timeFrom: '10:00', activityType: 'school', mode: 'in-person', placeName: `ग्राम ${i + 1}`, men: 10 * (i + 1), women: 5, other: 0, under18: 0, total: 10 * (i + 1) + 5, reportedBy: 'रमेश' },
        tokens: [],
        keys: [`date:${date}`, 'unverified'],
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
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, days);

  await page.goto('/#/outreach?view=list');
  const rows = page.getByTestId('register-list').locator('.rl-row');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('outreach-from').fill(days[1]!);
  await page.getByTestId('outreach-to').fill(days[2]!);
  await expect(rows).toHaveCount(2);
  const { ws } = await downloadWorkbook(page);
  expect(ws.getCell('A3').value).toBe(`अवधि: ${ddmmyyyy(days[1]!)} से ${ddmmyyyy(days[2]!)}`);
  const printed = [7, 8, 9].map((r) => ws.getRow(r).getCell(1).value);
  expect(printed.slice(0, 2)).toEqual([`${days[1]!.slice(0, 4)}/0002`, `${days[2]!.slice(0, 4)}/0003`]);
  expect(printed[2]).toBe('योग / Total');

  await page.goto(`/#/outreach?date=${days[0]}`);
  await expect(page.getByTestId('day-saved-row')).toHaveCount(1);
  const day = await downloadWorkbook(page);
  expect(day.ws.getCell('A3').value).toBe(`अवधि: ${ddmmyyyy(days[0]!)} से ${ddmmyyyy(days[0]!)}`);
  expect(day.ws.getRow(7).getCell(1).value).toBe(`${days[0]!.slice(0, 4)}/0001`);
  expect(day.ws.getRow(8).getCell(1).value).toBe('योग / Total');
  expect(errors).toEqual([]);
});
