import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { collectConsoleErrors, field, setupAndSignIn } from './helpers';

async function formTeam(page: Page, no: number, leader: string, mobile: string, beat: string) {
  await page.getByTestId('new-team').click();
  await expect(page.getByTestId('team-form')).toBeVisible();
  await expect(field(page, 'teamNo')).toHaveValue(String(no));
  await field(page, 'name').fill(`दल ${no}`);
  await field(page, 'leaderName').fill(leader);
  await field(page, 'leaderRank').selectOption('आरक्षक');
  await field(page, 'leaderMobile').fill(mobile);
  await field(page, 'beat').fill(beat);
  await field(page, 'formedOn').fill('05-11-2026');
  await field(page, 'formedOn').press('Enter');
  await expect(page.getByTestId('team-saved')).toContainText(`दल ${no} बनाया गया`);
}

async function fillMitan(page: Page, m: { name: string; father: string; gender: string; age: string; mobile: string; team: string }) {
  await field(page, 'name').fill(m.name);
  await field(page, 'relativeName').fill(m.father);
  await field(page, 'gender').selectOption(m.gender);
  await field(page, 'age').fill(m.age);
  await field(page, 'mobile').fill(m.mobile);
  await field(page, 'teamId').selectOption({ label: m.team });
}

/** A roster as stations keep it: merged title rows, Hindi headings, mixed dates and mobiles. */
async function rosterWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('दल सूची');
  ws.addRow(['थाना कोटा — साइबर मितान सूची']);
  ws.mergeCells('A1:J1');
  ws.addRow(['क्र.', 'नाम', 'पिता का नाम', 'लिंग', 'आयु', 'मोबाइल नंबर', 'दल क्रमांक', 'ग्राम', 'श्रेणी', 'सहमति दिनांक']);
  const rows: ExcelJS.CellValue[][] = [
    [1, 'सीमा यादव', 'राम यादव', 'महिला', 24, 9826100001, 1, 'बेलतरा', 'छात्र', new Date(Date.UTC(2026, 10, 10))],
    [2, 'Anil Verma', 'Suresh Verma', 'M', '31', '9.82610001E+09', 'दल 2', 'बेलतरा', 'Volunteer', '12-11-2026'],
    [3, 'गोपाल साहू', 'मोहन साहू', 'पुरुष', 40, '+91 98261 00003', 2, 'ग्राम बेलतरा', 'शिक्षक', '12/11/26'],
    [4, 'बालक', 'पिता', 'पुरुष', 16, 9826100004, 1, 'बेलतरा', 'छात्र', '12-11-2026'],
    [5, 'गलत नंबर', 'पिता', 'पुरुष', 30, '12345', 1, 'बेलतरा', 'स्वयंसेवक', '12-11-2026'],
    [],
    [6, 'दोहराव', 'पिता', 'पुरुष', 30, 9826099999, 1, 'बेलतरा', 'स्वयंसेवक', '12-11-2026'],
  ];
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('the roster: two teams, Mitans by hand with the duplicate flag, an Excel import with a rejects file, strength against 25', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  await page.getByTestId('nav-mitans').click();
  await expect(page.getByTestId('mitans-view')).toBeVisible();
  await expect(page.locator('main h1')).toHaveText('साइबर मितान पंजी');

  // Two teams.
  await page.getByTestId('tab-teams').click();
  await formTeam(page, 1, 'आरक्षक दीपक', '9425100001', 'बीट 1');
  await formTeam(page, 2, 'आरक्षक संगीता', '9425100002', 'बीट 2');
  await expect(page.getByTestId('team-row-1').getByTestId('team-strength')).toHaveText('0 / 25');

  // A Mitan by hand; the village is added on the spot.
  await page.getByTestId('tab-list').click();
  await page.getByTestId('new-mitan').click();
  await fillMitan(page, { name: 'रीना पटेल', father: 'किशोर पटेल', gender: 'female', age: '22', mobile: '98260 99999', team: 'दल 1 — दल 1 (आरक्षक दीपक)' });
  await page.getByTestId('add-place').click();
  await page.getByTestId('new-place-name').fill('बेलतरा');
  await page.getByTestId('new-place-name').press('Enter');
  await expect(field(page, 'area')).toHaveValue('rural');
  await field(page, 'category').selectOption('volunteer');
  await field(page, 'consentDate').fill('10-11-2026');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('mitan-saved')).toContainText('मितान दर्ज किया गया: BSPKOTA/2026/0001');

  // The same mobile again is flagged before saving, with a link to the first entry, and refused.
  await fillMitan(page, { name: 'दूसरी रीना', father: 'पिता', gender: 'female', age: '25', mobile: '+91 9826099999', team: 'दल 2 — दल 2 (आरक्षक संगीता)' });
  await expect(page.getByTestId('mobile-duplicate')).toContainText('यह मोबाइल नंबर पहले से पंजी में दर्ज है');
  await expect(page.getByTestId('duplicate-link')).toContainText('BSPKOTA/2026/0001 — रीना पटेल');
  await field(page, 'placeId').selectOption({ label: 'बेलतरा *' });
  await field(page, 'category').selectOption('student');
  await field(page, 'consentDate').fill('10-11-2026');
  await page.getByTestId('form-submit').click();
  await expect(page.locator('[data-field="mobile"]')).toContainText('यह मोबाइल पहले से पंजी में दर्ज है (BSPKOTA/2026/0001 रीना पटेल)');
  await expect(page.locator('[data-field="mobile"]')).toContainText('This mobile is already on the roster');
  // Under 18 is refused with a clear message; a new mobile and age save.
  await field(page, 'age').fill('17');
  await field(page, 'mobile').fill('9826088888');
  await expect(page.getByTestId('mobile-duplicate')).toHaveCount(0);
  await page.getByTestId('form-submit').click();
  await expect(page.locator('[data-field="age"]')).toContainText('18 वर्ष से कम आयु');
  await expect(page.locator('[data-field="age"]')).toContainText('under 18');
  await field(page, 'age').fill('19');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('mitan-saved')).toContainText('BSPKOTA/2026/0002');

  // Import a workbook with good and bad rows; nothing is written before the confirmation.
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'कोटा-रोस्टर.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterWorkbook() });
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  await expect(page.getByTestId('map-1')).toHaveValue('name');
  await expect(page.getByTestId('map-5')).toHaveValue('mobile');
  await expect(page.getByTestId('map-6')).toHaveValue('teamId');
  await expect(page.getByTestId('map-7')).toHaveValue('placeId');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-accepted')).toContainText('जोड़ने योग्य: 3');
  await expect(page.getByTestId('import-invalid')).toContainText('त्रुटि वाली पंक्तियाँ: 2');
  await expect(page.getByTestId('import-duplicates')).toContainText('पहले से पंजी में: 1');
  await expect(page.getByTestId('import-rejected')).toContainText('18 वर्ष से कम');
  await expect(page.getByTestId('import-preview')).toContainText('Anil Verma');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('3 प्रविष्टियाँ जोड़ी गईं');

  // The rejected rows come back as Excel, with the reason in Hindi and English.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects').click()]);
  expect(download.suggestedFilename()).toBe('कोटा-रोस्टर-अस्वीकृत-rejected.xlsx');
  const rejects = new ExcelJS.Workbook();
  await rejects.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = rejects.worksheets[0]!;
  expect(sheet.rowCount).toBe(4);
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header.slice(0, 10)).toEqual(['क्र.', 'नाम', 'पिता का नाम', 'लिंग', 'आयु', 'मोबाइल नंबर', 'दल क्रमांक', 'ग्राम', 'श्रेणी', 'सहमति दिनांक']);
  const lines = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? '')));
  expect(lines.map((l) => l[1])).toEqual(['बालक', 'गलत नंबर', 'दोहराव']);
  expect(lines[0]!.join(' ')).toContain('18 वर्ष से कम');
  expect(lines[0]!.join(' ')).toContain('under 18');
  expect(lines[2]!.join(' ')).toContain('BSPKOTA/2026/0001');

  // Importing the same file again adds nothing.
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-accepted')).toContainText('जोड़ने योग्य: 0');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();

  // Team strength against 25, read from the running totals.
  await page.getByTestId('tab-teams').click();
  await expect(page.getByTestId('team-row-1').getByTestId('team-strength')).toHaveText('2 / 25');
  await expect(page.getByTestId('team-row-1').getByTestId('team-gap')).toHaveText('23');
  await expect(page.getByTestId('team-row-2').getByTestId('team-strength')).toHaveText('3 / 25');
  await expect(page.getByTestId('roster-summary')).toContainText('कुल मितान 5');

  // Moving a Mitan to team 2 keeps the history and moves the strength.
  await page.getByTestId('team-row-1').click();
  await expect(page.getByTestId('team-view')).toBeVisible();
  await page.getByTestId('register-list').locator('[role="row"]', { hasText: 'रीना पटेल' }).click();
  await expect(page.getByTestId('mitan-regno')).toHaveText('BSPKOTA/2026/0001');
  await page.getByTestId('mitan-move').click();
  await page.getByTestId('move-team').selectOption({ label: 'दल 2 — दल 2 (आरक्षक संगीता)' });
  await page.getByTestId('move-reason').fill('गाँव दल 2 के क्षेत्र में');
  await page.getByTestId('move-reason').press('Enter');
  await expect(page.getByTestId('mitan-notice')).toContainText('इतिहास में पुराना दल दर्ज है');
  await expect(page.getByTestId('history-version')).toHaveCount(2);
  await expect(page.getByTestId('history-version').nth(1)).toContainText('गाँव दल 2 के क्षेत्र में');
  await page.goto('/#/mitans?tab=teams');
  await expect(page.getByTestId('team-row-1').getByTestId('team-strength')).toHaveText('1 / 25');
  await expect(page.getByTestId('team-row-2').getByTestId('team-strength')).toHaveText('4 / 25');
  expect(errors).toEqual([]);
});

test('a large roster workbook is read off the window thread (worker) and mapped the same way', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('मितान');
  ws.addRow(['साइबर मितान सूची']);
  ws.addRow(['नाम', 'पिता का नाम', 'मोबाइल नंबर', 'आयु', 'रिमार्क']);
  // Varied remarks make a large file (every workbook is read in the worker; this one is big).
  for (let i = 0; i < 14_000; i++) ws.addRow([`मितान ${i}`, `पिता ${i}`, 9000000000 + i, 20 + (i % 50), `${(i * 2654435761) % 4294967296} ${(i * 40503) % 65536} ${i.toString(36)}`]);
  const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  expect(buffer.length).toBeGreaterThan(512 * 1024);
  await setupAndSignIn(page);
  await page.goto('/#/mitans?tab=import');
  await page.getByTestId('import-file').setInputFiles({ name: 'बड़ी-सूची.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(page.getByTestId('import-read')).toContainText('14002 पंक्तियाँ पढ़ी गईं', { timeout: 60_000 });
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  await expect(page.getByTestId('map-2')).toHaveValue('mobile');
  const usedWorker = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('read.worker')));
  expect(usedWorker).toBe(true);
  expect(errors).toEqual([]);
});
