import { test, expect, type Page } from '@playwright/test';
import { collectConsoleErrors, field, setupAndSignIn } from './helpers';
import { chanakyaRosterWorkbook, issueRosterWorkbook, KRUTI_NAMES, krutiRosterWorkbook, latinVillagesWorkbook } from '../unit/import/roster-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function pick(page: Page, name: string, bytes: Uint8Array) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

test('rosters as thanas keep them: the issue-17 workbook, a Kruti Dev roster, a Chanakya roster, and Latin village names matched to Devanagari places', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  await page.getByTestId('nav-mitans').click();
  await page.getByTestId('tab-teams').click();
  await page.getByTestId('new-team').click();
  await field(page, 'name').fill('दल 1');
  await field(page, 'leaderName').fill('आरक्षक दीपक');
  await field(page, 'leaderRank').selectOption('आरक्षक');
  await field(page, 'leaderMobile').fill('9425100001');
  await field(page, 'beat').fill('बीट 1');
  await field(page, 'formedOn').fill('05-11-2026');
  await field(page, 'formedOn').press('Enter');
  await expect(page.getByTestId('team-saved')).toContainText('दल 1 बनाया गया');
  const team = 'दल 1 — दल 1 (आरक्षक दीपक)';

  // 1. Two merged titles, Hindi + English headings, a blank row, a repeated header, a signature; no team or consent column.
  await page.getByTestId('tab-import').click();
  await pick(page, 'कोटा-सूची.xlsx', await issueRosterWorkbook());
  await expect(page.getByTestId('import-header-row')).toHaveValue('3');
  await page.getByTestId('import-add-places').check();
  await page.getByTestId('default-teamId').locator('select').selectOption({ label: team });
  await expect(page.getByTestId('default-consentDate')).toBeVisible();
  await page.getByTestId('default-consentPending').locator('input').check();
  await expect(page.getByTestId('default-consentDate')).toHaveCount(0);
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-accepted')).toContainText('जोड़ने योग्य: 6');
  await expect(page.getByTestId('import-invalid')).toContainText('त्रुटि वाली पंक्तियाँ: 3');
  await expect(page.getByTestId('import-result')).toContainText('फ़ाइल में दोहराव: 1');
  await expect(page.getByTestId('import-skipped')).toContainText('खाली 2, दोहराई शीर्षक 1, हस्ताक्षर/योग 2');
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toContainText('18 वर्ष से कम');
  await expect(rejected).toContainText('scientific notation');
  await expect(rejected).toContainText('Mobile number is not valid');
  await expect(rejected).toContainText('row 6 of the file');
  await expect(rejected).not.toContainText('हस्ताक्षर');
  await expect(page.getByTestId('import-preview')).not.toContainText('new:');
  await expect(page.getByTestId('import-preview')).toContainText('सकरी');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('6 प्रविष्टियाँ जोड़ी गईं');

  // Their consent forms are followed up: the date entered for the team at once.
  await page.getByTestId('tab-consent').click();
  await expect(page.getByTestId('consent-list').locator('tbody tr')).toHaveCount(6);
  await page.locator('#consent-date').fill('01-12-2026');
  await page.getByTestId('consent-save').click();
  await expect(page.getByTestId('consent-message')).toContainText('6 मितानों का सहमति दिनांक दर्ज किया गया');
  await expect(page.getByTestId('consent-none')).toBeVisible();

  // 2. A roster typed in Kruti Dev 010: shown converted before the import, names stored in Unicode.
  await page.getByTestId('tab-import').click();
  await pick(page, 'kruti.xlsx', await krutiRosterWorkbook());
  await expect(page.getByTestId('import-legacy')).toContainText("jes'k dqekj lkgw");
  await expect(page.getByTestId('import-legacy')).toContainText('रमेश कुमार साहू');
  await expect(page.getByTestId('legacy-font').first()).toHaveText('कृतिदेव 010 / DevLys');
  await expect(page.getByTestId('map-1')).toHaveValue('name');
  await page.getByTestId('default-teamId').locator('select').selectOption({ label: team });
  await page.getByTestId('default-category').locator('select').selectOption('volunteer');
  await page.getByTestId('default-consentDate').locator('input').fill('01-12-2026');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-accepted')).toContainText('जोड़ने योग्य: 2');
  await expect(page.getByTestId('import-preview')).toContainText(KRUTI_NAMES[0]!);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('2 प्रविष्टियाँ जोड़ी गईं');

  // 2b. A roster typed in Chanakya: the font is named and the names shown converted before the import.
  await pick(page, 'chanakya.xlsx', await chanakyaRosterWorkbook());
  await expect(page.getByTestId('legacy-font').first()).toHaveText('चाणक्य (Chanakya)');
  await expect(page.getByTestId('import-legacy')).toContainText('ÚU×ðàæ ·¤é×æÚU âæãê');
  await expect(page.getByTestId('import-legacy')).toContainText('रमेश कुमार साहू');
  await expect(page.getByTestId('map-1')).toHaveValue('name');

  // 3. Village names in Latin letters: matched to सकरी and बेलतरा, confirmed once each.
  await pick(page, 'latin.xlsx', await latinVillagesWorkbook());
  await page.getByTestId('default-teamId').locator('select').selectOption({ label: team });
  await page.getByTestId('default-category').locator('select').selectOption('volunteer');
  await page.getByTestId('default-consentDate').locator('input').fill('01-12-2026');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-accepted')).toContainText('जोड़ने योग्य: 3');
  await expect(page.getByTestId('match-Sakri')).toContainText('Sakri → सकरी');
  await expect(page.getByTestId('match-Beltara')).toContainText('Beltara → बेलतरा');
  await expect(page.getByTestId('import-result')).not.toContainText('new:');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('match-ok-Sakri').check();
  await page.getByTestId('match-ok-Beltara').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('3 प्रविष्टियाँ जोड़ी गईं');

  // The roster lists the Kruti Dev names in Unicode; no new village was made for Sakri.
  await page.getByTestId('tab-list').click();
  await expect(page.getByTestId('register-list')).toContainText(KRUTI_NAMES[0]!);
  await page.getByTestId('tab-places').click();
  await expect(page.getByTestId('mitans-view')).not.toContainText('Sakri *');
  expect(errors).toEqual([]);
});
