import { test, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectConsoleErrors, completeSetup, field } from './helpers';
import { ddmmyyyy, formTeam, importRoster, istDay } from './seed';

// Issue #8 in the built app (web mode): a thana seeded through its own screens (a team, a roster
// workbook, two rows of the day sheet), then the nodal officer's dashboard, the drill-down from a
// team to a Mitan to an entry, a goal changed in settings, and the monthly return as Excel and PDF.

const TODAY = istDay();

/** A village on the master list where nothing will be held: it shows as not yet covered. */
async function addPlace(page: Page) {
  await page.goto('/#/places');
  await expect(page.locator('main h1')).toHaveText('ग्राम/वार्ड सूची');
  await page.keyboard.press('Alt+N');
  await field(page, 'name').fill('खमरिया');
  await field(page, 'kind').selectOption('village');
  await field(page, 'area').selectOption('rural');
  await field(page, 'beat').press('Enter');
  await expect(page.getByTestId('notice')).toContainText('प्रविष्टि सहेजी गई');
}

function inCell(page: Page, key: string) {
  return page.evaluate((k) => {
    const a = document.activeElement;
    return !!a && (a.getAttribute('data-testid') === `cell-${k}` || !!a.closest(`[data-testid="cell-${k}"]`));
  }, key);
}

async function tabTo(page: Page, key: string) {
  for (let i = 0; i < 40; i++) {
    if (await inCell(page, key)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached cell ${key}`);
}

async function typeRow(page: Page, steps: [cell: string, text: string, ...keys: string[]][]) {
  await expect(page.getByTestId('cell-timeFrom')).toBeFocused();
  for (const [cell, text, ...keys] of steps) {
    await tabTo(page, cell);
    if (text) await page.keyboard.type(text);
    for (const k of keys) await page.keyboard.press(k);
  }
  await page.keyboard.press('Enter');
}

test('the dashboard on a seeded thana, team → Mitan → entry, a goal from settings, and the monthly return as Excel and PDF', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await completeSetup(page, { campaignStart: ddmmyyyy(istDay(-40)), campaignEnd: ddmmyyyy(istDay(60)) });
  // The landing page is the dashboard, and an empty thana shows it without errors.
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('target-mitansEnrolled').getByTestId('target-figure')).toHaveText('0 / 6,000 (0%)');

  await addPlace(page);
  await formTeam(page);
  await importRoster(page);

  // Two activities today on the day sheet: a chaupal with Mitans 1 and 2, door-to-door with Mitan 1.
  await page.getByTestId('nav-outreach').click();
  await expect(page.getByTestId('day-date')).toHaveValue(ddmmyyyy(TODAY));
  const saved = page.getByTestId('day-saved-row');
  await typeRow(page, [
    ['timeFrom', '1000'],
    ['timeTo', '1130'],
    ['activityType', 'चौपाल'],
    ['teamId', '1'],
    ['mitanIds', '1', 'Enter'],
    ['mitanIds', '2', 'Enter'],
    ['placeId', 'बेलतरा'],
    ['placeName', 'पंचायत भवन'],
    ['men', '30'],
    ['women', '20'],
    ['under18', '5'],
    ['pamphlets', '60'],
    ['pledges', '40'],
    ['topics', '1', 'Enter'],
  ]);
  await expect(saved).toHaveCount(1);
  await typeRow(page, [
    ['timeFrom', '1500'],
    ['timeTo', '1700'],
    ['activityType', 'घर'],
    ['mitanIds', '1', 'Enter'],
    ['men', '12'],
    ['women', '14'],
    ['households', '20'],
  ]);
  await expect(saved).toHaveCount(2);

  // The dashboard: targets, the team table, the idle Mitan, coverage, charts.
  await page.getByTestId('nav-dashboard').click();
  const dash = page.getByTestId('dashboard');
  await expect(dash.getByTestId('target-mitansEnrolled').getByTestId('target-figure')).toHaveText('3 / 6,000 (0.1%)');
  await expect(dash.getByTestId('target-mitansTrained').getByTestId('target-figure')).toHaveText('1 / 6,000 (0%)');
  await expect(dash.getByTestId('target-peopleReached').getByTestId('target-figure')).toHaveText('76 / 60,000 (0.1%)');
  await expect(dash.getByTestId('target-mitansEnrolled').getByTestId('target-pace')).toContainText('इस गति से अभियान समाप्ति');
  await expect(dash.getByTestId('target-placesCovered').getByTestId('target-figure')).toHaveText('1 / 2 (50%)');
  const team1 = dash.getByTestId('dash-team-1');
  await expect(team1.getByTestId('dash-team-strength')).toHaveText('3 / 25');
  await expect(team1.getByTestId('dash-team-week-activities')).toHaveText('2');
  await expect(team1.getByTestId('dash-team-week-people')).toHaveText('76');
  await expect(team1.getByTestId('dash-team-idle-mitans')).toHaveText('1 / 3');
  await expect(team1.getByTestId('dash-team-status')).toHaveText('✓ सक्रिय');
  await expect(dash.getByTestId('idle-mitan-count')).toContainText('1 मितान — 7 दिन से कोई गतिविधि नहीं');
  await expect(dash.getByTestId('idle-mitans')).toContainText('सीमा पटेल');
  await expect(dash.getByTestId('coverage-covered')).toHaveText('1 / 2');
  await expect(dash.getByTestId('not-covered')).toHaveText('खमरिया (ग्राम)');
  await expect(dash.getByTestId('complaints-count')).toHaveText('0');
  await expect(dash.getByTestId('glance-idle-mitans')).toContainText('मितान निष्क्रिय');
  for (const chart of ['chart-per-day', 'chart-by-type', 'chart-by-team']) await expect(dash.getByTestId(chart).locator('canvas')).toBeVisible();
  await dash.getByTestId('chart-by-type').locator('summary').click();
  await expect(dash.getByTestId('chart-by-type').locator('table')).toContainText('घर-घर संपर्क');

  // Team → its Mitans → a Mitan's entries → the entry in the register (keyboard on the last step).
  await team1.getByTestId('dash-team-link').click();
  await expect(page.getByTestId('dash-team-view')).toBeVisible();
  await expect(page.getByTestId('team-member')).toHaveCount(3);
  await expect(page.getByTestId('team-member').first()).toContainText('सीमा पटेल');
  await expect(page.getByTestId('team-member').first()).toContainText('निष्क्रिय');
  await page.getByTestId('member-link').filter({ hasText: 'गीता साहू' }).click();
  await expect(page.getByTestId('dash-mitan-name')).toHaveText('गीता साहू');
  await expect(page.getByTestId('dash-mitan-campaign')).toContainText('2 कार्यक्रम · 76 जागरूक व्यक्ति');
  const rows = page.getByTestId('drill-entries').locator('[role="row"]');
  await expect(rows.filter({ hasText: 'घर-घर संपर्क' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'चौपाल' })).toHaveCount(1);
  await rows.filter({ hasText: 'चौपाल' }).click();
  await expect(page).toHaveURL(/#\/outreach\?view=list&entry=/);
  await expect(page.locator('main')).toContainText('पंचायत भवन');

  // A goal from settings: the in-charge sets 10 Mitans; the dashboard measures against it.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('target-goal-mitansEnrolled').fill('10');
  await page.getByTestId('targets-save').click();
  await expect(page.getByTestId('settings-targets')).toContainText('लक्ष्य सहेजे गए');
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('target-mitansEnrolled').getByTestId('target-figure')).toHaveText('3 / 10 (30%)');

  // The monthly return: previewed, then Excel (a download in web mode) and PDF.
  await page.getByTestId('dash-returns').click();
  await expect(page.getByTestId('reports')).toBeVisible();
  await expect(page.getByTestId('return-kind-monthly')).toBeChecked();
  const frame = page.frameLocator('[data-testid="return-frame"]');
  await expect(frame.locator('h1')).toHaveText('मासिक प्रतिवेदन — साइबर मितान जागरूकता अभियान / Monthly return — Cyber Mitan awareness campaign');
  await expect(frame.locator('tbody tr', { hasText: 'All people reached' }).locator('td').nth(2)).toHaveText('76');
  await expect(frame.locator('.signatures .slot')).toHaveCount(3);

  const download = page.waitForEvent('download');
  await page.getByTestId('return-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`monthly-return_कोटा_${TODAY}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('जिला बिलासपुर, थाना कोटा');
  expect(ws.getCell('A2').value).toBe('मासिक प्रतिवेदन — साइबर मितान जागरूकता अभियान / Monthly return — Cyber Mitan awareness campaign');
  const byItem = new Map<string, ExcelJS.Row>();
  ws.eachRow((row) => byItem.set(String(row.getCell(2).value), row));
  expect(byItem.get('कुल जागरूक व्यक्ति / All people reached')!.getCell(3).value).toBe(76);
  expect(byItem.get('कुल कार्यक्रम / All sessions')!.getCell(3).value).toBe(2);
  expect(byItem.get('घर-घर संपर्क / Door-to-door')!.getCell(5).value).toBe(0.5);
  expect(byItem.get('पंजीकृत मितान / Mitans enrolled')!.getCell(6).value).toBe(3);
  expect(byItem.get('संपर्कित परिवार (घर-घर) / Households visited (door-to-door)')!.getCell(3).value).toBe(20);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  await expect(page.getByRole('status').filter({ hasText: 'प्रतिवेदन Excel में सहेजा गया' })).toBeVisible();

  // Web mode prints through the browser's print dialog (headless: nothing to click) …
  await page.getByTestId('return-print').click();
  await expect(page.getByRole('status').filter({ hasText: 'ब्राउज़र का प्रिंट संवाद खोला गया' })).toBeVisible();
  await expect(page.getByText('PDF तैयार')).toHaveCount(0);
  // … and the previewed document is what prints: Chromium prints it to a PDF, read back with poppler.
  const html = await page.getByTestId('return-frame').evaluate((el) => (el as HTMLIFrameElement).srcdoc);
  const printer = await page.context().newPage();
  await printer.setContent(html, { waitUntil: 'load' });
  await printer.evaluate(() => document.fonts.ready.then(() => undefined));
  const dir = process.env.KEEP_PDF ?? mkdtempSync(join(tmpdir(), 'dash-pdf-'));
  const pdfFile = join(dir, 'monthly-return.pdf');
  writeFileSync(pdfFile, await printer.pdf({ preferCSSPageSize: true, printBackground: true }));
  await printer.close();
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Monthly return');
  expect(text).toContain('All people reached 76');
  expect(text).toContain('Thana in-charge');

  // Both were written to the audit log.
  await page.goto('/#/audit');
  await expect(page.locator('main')).toContainText('monthly-return (Excel)');
  await expect(page.locator('main')).toContainText('monthly-return (PDF)');
  expect(errors).toEqual([]);
});
