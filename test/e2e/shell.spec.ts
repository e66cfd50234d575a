import { test, expect } from '@playwright/test';
import { collectConsoleErrors, setupAndSignIn, signIn } from './helpers';

const NAV_HI = ['डैशबोर्ड', 'मितान पंजी', 'जागरूकता पंजी', 'शिकायत पंजी', 'रिपोर्ट', 'सिंक', 'सेटिंग्स'];
const NAV_EN = ['Dashboard', 'Mitan roster', 'Outreach register', 'Complaint register', 'Reports', 'Sync', 'Settings'];

test('shows the Hindi shell, switches to English and back, and keeps the choice after a reload', async ({ page, browserName }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  console.log(`e2e browser: ${browserName} ${page.context().browser()?.version()}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await setupAndSignIn(page);
  await expect(page.getByTestId('app-title')).toHaveText('साइबर मितान — थाना डेस्क');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  const nav = page.locator('nav.sidenav a');
  await expect(nav).toHaveText(NAV_HI);

  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('app-title')).toHaveText('Cyber Mitan — Thana Desk');
  await expect(nav).toHaveText(NAV_EN);
  // A PC already set up never shows the first-run screen, not even for a moment while it reads
  // who is set up (a fast typist could start filling it): recorded from the first DOM change on.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="setup"]')) (globalThis as { sawSetup?: boolean }).sawSetup = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.getByTestId('signin')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { sawSetup?: boolean }).sawSetup ?? false)).toBe(false);
  // A reload is a fresh start: the sign-in screen, already in English.
  await expect(page.getByTestId('app-title')).toHaveText('Cyber Mitan — Thana Desk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await signIn(page);
  await expect(nav).toHaveText(NAV_EN);

  await page.getByTestId('lang-toggle').click();
  await page.reload();
  await signIn(page);
  await expect(nav).toHaveText(NAV_HI);
  expect(errors).toEqual([]);
});

test('every navigation entry opens a page with a heading and no console errors', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  for (const label of NAV_HI) {
    await page.locator('nav.sidenav a', { hasText: label }).click();
    await expect(page.locator('main h1').first()).toBeVisible();
    await expect(page.locator('nav.sidenav a.active')).toHaveText(label);
  }
  expect(errors).toEqual([]);
});

test('the title follows the district spelling of the campaign (सायबर मितान)', async ({ page }) => {
  await setupAndSignIn(page);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('edit-profile').click();
  await page.locator('[data-field="campaignName"] select').selectOption('सायबर मितान');
  await page.locator('[data-field="campaignName"] select').press('Enter');
  await expect(page.getByTestId('app-title')).toHaveText('सायबर मितान — थाना डेस्क');
});
