/**
 * Seeding a thana through its own screens, for the specs that need Mitans: a team (दल 1) and a
 * roster workbook imported on the roster's import tab. Dates are IST calendar days.
 */
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { field } from './helpers';

/** Dates the way the app sees them: IST calendar days. */
export const istDay = (offsetDays = 0) => new Date(Date.now() + 330 * 60_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
export const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');

/** Team 1 (कोटा उत्तर), formed 30 days ago. */
export async function formTeam(page: Page) {
  await page.goto('/#/mitans?tab=teams');
  await page.getByTestId('new-team').click();
  await expect(page.getByTestId('team-form')).toBeVisible();
  await field(page, 'name').fill('कोटा उत्तर');
  await field(page, 'leaderName').fill('आरक्षक दीपक');
  await field(page, 'leaderRank').selectOption('आरक्षक');
  await field(page, 'leaderMobile').fill('9425100001');
  await field(page, 'beat').fill('बीट 1');
  await field(page, 'formedOn').fill(ddmmyyyy(istDay(-30)));
  await field(page, 'formedOn').press('Enter');
  await expect(page.getByTestId('team-saved')).toContainText('दल 1 बनाया गया');
}

/** One roster row: name, father's name, gender, age, mobile, team no., village, category, consent, training date, venue, trainer. */
export type RosterRow = [string, string, string, number, number, number, string, string, string, string, string, string];

/** Three Mitans of team 1 from बेलतरा, as a station's roster workbook has them (the first trained). */
export const ROSTER: RosterRow[] = [
  ['गीता साहू', 'राम साहू', 'महिला', 24, 9826100001, 1, 'बेलतरा', 'छात्र', ddmmyyyy(istDay(-20)), ddmmyyyy(istDay(-18)), 'थाना कोटा', 'उनि सुनीता वर्मा'],
  ['रवि यादव', 'मोहन यादव', 'पुरुष', 31, 9826100002, 1, 'बेलतरा', 'स्वयंसेवक', ddmmyyyy(istDay(-20)), '', '', ''],
  ['सीमा पटेल', 'किशोर पटेल', 'महिला', 28, 9826100003, 1, 'बेलतरा', 'शिक्षक', ddmmyyyy(istDay(-15)), '', '', ''],
];

/** The roster rows imported as a station's workbook (बेलतरा is added to the master list). */
export async function importRoster(page: Page, rows: RosterRow[] = ROSTER) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('मितान');
  ws.addRow(['थाना कोटा — साइबर मितान सूची']);
  ws.addRow(['क्र.', 'नाम', 'पिता का नाम', 'लिंग', 'आयु', 'मोबाइल नंबर', 'दल क्रमांक', 'ग्राम', 'श्रेणी', 'सहमति दिनांक', 'प्रशिक्षण दिनांक', 'प्रशिक्षण स्थान', 'प्रशिक्षक']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  await page.goto('/#/mitans?tab=import');
  await page.getByTestId('import-file').setInputFiles({
    name: 'कोटा-मितान.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer),
  });
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  // बेलतरा is not on the master list yet: the import adds it (marked new for review).
  await page.getByTestId('import-add-places').check();
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-accepted')).toContainText(`जोड़ने योग्य: ${rows.length}`);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText(`${rows.length} प्रविष्टियाँ जोड़ी गईं`);
}

