import { test, expect } from '@playwright/test';
import { collectConsoleErrors, completeSetup, field } from './helpers';
import { ROSTER, ddmmyyyy, formTeam, importRoster, istDay, type RosterRow } from './seed';

// Issue 16 item 6 in the built app (web mode): a training session with three Mitans present is
// entered once on #/training and records the training on each Mitan's roster entry; then the
// three certificates print in one batch, numbered, each naming its Mitan, the venue and trainer.
test('a training session of three Mitans trains each of them, and their certificates print in a batch', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await completeSetup(page, { campaignStart: ddmmyyyy(istDay(-40)), campaignEnd: ddmmyyyy(istDay(60)) });
  await formTeam(page);
  // None of the three is trained yet.
  await importRoster(page, ROSTER.map((r): RosterRow => [...r.slice(0, 9), '', '', ''] as RosterRow));

  await page.goto('/#/training');
  await expect(page.getByTestId('training-form')).toBeVisible();
  await field(page, 'date').fill(ddmmyyyy(istDay(-1)));
  await field(page, 'venue').fill('थाना कोटा सभाकक्ष');
  await field(page, 'trainerName').fill('सुनीता वर्मा');
  await field(page, 'trainerRank').selectOption('उप निरीक्षक');
  await field(page, 'hours').fill('3');
  await field(page, 'topics').check();
  const picker = page.getByTestId('training-mitans').locator('input');
  for (const name of ['गीता', 'रवि', 'सीमा']) {
    await picker.fill(name);
    await expect(page.getByTestId('training-mitans').locator('li[role="option"]').first()).toContainText(name);
    await picker.press('Enter');
  }
  await expect(page.getByTestId('training-mitans').locator('.chip')).toHaveCount(3);
  await page.getByTestId('training-form').getByTestId('form-submit').click();
  await expect(page.getByTestId('training-saved')).toContainText('3 मितानों की पंजी में प्रशिक्षण दर्ज');

  const session = page.getByTestId('training-sessions').locator('tbody tr').first();
  await expect(session).toContainText('गीता साहू');
  await expect(session).toContainText('सीमा पटेल');

  // Each Mitan's roster entry now carries the training (its page shows the date and the venue).
  for (const name of ['गीता साहू', 'रवि यादव', 'सीमा पटेल']) {
    await page.goto('/#/mitans');
    await page.getByText(name, { exact: true }).first().click();
    await expect(page.locator('main')).toContainText('थाना कोटा सभाकक्ष');
    await expect(page.locator('main')).toContainText(ddmmyyyy(istDay(-1)));
  }

  // The certificates of the session, one batch: three sheets, numbered 0001–0003.
  await page.goto('/#/training');
  await page.getByTestId('training-sessions').getByTestId('print-certificates').first().click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
  const html = await page.getByTestId('print-frame').evaluate((el) => (el as HTMLIFrameElement).srcdoc);
  expect(html.match(/<section class="sheet">/g)).toHaveLength(3);
  const year = istDay().slice(0, 4);
  for (const n of ['0001', '0002', '0003']) expect(html).toContain(`BSPKOTA/${year}/${n}`);
  for (const name of ['गीता साहू', 'रवि यादव', 'सीमा पटेल']) expect(html).toContain(name);
  expect(html).toContain('थाना कोटा सभाकक्ष');
  expect(html).toContain('सुनीता वर्मा, उप निरीक्षक');
  // Web mode prints through the browser's print dialog, and says so.
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'ब्राउज़र का प्रिंट संवाद खोला गया' })).toBeVisible();
  expect(errors).toEqual([]);
});
