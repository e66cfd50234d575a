/**
 * Reusable e2e steps. Every Playwright test starts with an empty IndexedDB, so a spec that needs
 * the shell calls `setupAndSignIn(page)` first: it does the first-run setup when the database is
 * new (which signs the in-charge in) or signs in when the setup is already done (after a reload).
 */
import { expect, type Page } from '@playwright/test';

export const IN_CHARGE = { name: 'रमेश कुमार साहू', pin: '2580' } as const;

export const THANA = {
  thanaName: 'कोटा',
  thanaCode: 'BSPKOTA',
  inchargeName: IN_CHARGE.name,
  nodalName: 'सुनीता वर्मा',
  nodalMobile: '9876543210',
  campaignStart: '01-11-2026',
  campaignEnd: '31-01-2027',
  thanaTarget: '6000',
} as const;

/** Collects console errors and uncaught exceptions; a spec ends with `expect(errors).toEqual([])`. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The editor of one field of a RegisterForm (by field key). */
export function field(page: Page, key: string) {
  return page.locator(`[data-field="${key}"]`).locator('input, select, textarea').first();
}

/** Fill the first-run setup (profile, then the in-charge's PIN twice); ends signed in, in the shell. */
export async function completeSetup(page: Page, overrides: Partial<Record<keyof typeof THANA, string>> = {}): Promise<void> {
  const values = { ...THANA, ...overrides };
  await expect(page.getByTestId('setup')).toBeVisible();
  for (const [key, value] of Object.entries(values)) await field(page, key).fill(value);
  await field(page, 'thanaTarget').press('Enter');
  await page.getByTestId('setup-pin').fill(IN_CHARGE.pin);
  await page.getByTestId('setup-pin2').fill(IN_CHARGE.pin);
  await page.getByTestId('setup-pin2').press('Enter');
  await expect(page.locator('nav.sidenav')).toBeVisible();
}

/** Sign in on the sign-in screen: pick the name, type the PIN, Enter. */
export async function signIn(page: Page, name: string = IN_CHARGE.name, pin: string = IN_CHARGE.pin): Promise<void> {
  await expect(page.getByTestId('signin')).toBeVisible();
  await page.locator('label.user', { hasText: name }).click();
  await page.getByTestId('signin-pin').fill(pin);
  await page.getByTestId('signin-pin').press('Enter');
  await expect(page.locator('nav.sidenav')).toBeVisible();
}

/** Open the app and reach the shell as the thana in-charge, whatever state the database is in. */
export async function setupAndSignIn(page: Page): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  const first = page.locator('[data-testid="setup"], [data-testid="signin"], nav.sidenav').first();
  await expect(first).toBeVisible();
  if (await page.getByTestId('setup').isVisible()) await completeSetup(page);
  else if (await page.getByTestId('signin').isVisible()) await signIn(page);
}
