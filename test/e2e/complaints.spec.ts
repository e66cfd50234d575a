import { test, expect, type Page } from '@playwright/test';
import { collectConsoleErrors, field, setupAndSignIn, IN_CHARGE } from './helpers';

/** Yesterday in IST as 'YYYY-MM-DD' (the fraud happened then) and today as dd-mm-yyyy. */
const IST = 330 * 60_000;
const yesterday = new Date(Date.now() + IST - 86_400_000).toISOString().slice(0, 10);
const todayIN = new Date(Date.now() + IST).toISOString().slice(0, 10).split('-').reverse().join('-');

async function fillComplainant(page: Page, name: string, mobile: string) {
  await field(page, 'complainantName').fill(name);
  await field(page, 'complainantRelative').fill('रमेश साहू');
  await field(page, 'complainantGender').selectOption('female');
  await field(page, 'complainantAge').fill('34');
  await field(page, 'complainantMobile').fill(mobile);
  await field(page, 'complainantAddress').fill('वार्ड 5, कोटा');
}

async function fillIncident(page: Page) {
  await field(page, 'incidentAt').fill(`${yesterday}T09:50`);
  await field(page, 'ncrpCategory').selectOption('financial');
  await field(page, 'ncrpSubCategory').selectOption('financial.upi');
  await field(page, 'modus').selectOption('customer-care');
  await field(page, 'platform').selectOption('call');
  await field(page, 'ioName').fill('सुनीता वर्मा');
  await field(page, 'ioRank').selectOption('उप निरीक्षक');
}

async function addMoney(page: Page, reason: string, fill: () => Promise<void>) {
  await page.getByTestId('money-entry').click();
  await fill();
  await page.getByTestId('correction-reason').fill(reason);
  await page.getByTestId('money-save').click();
  await expect(page.getByTestId('notice')).toContainText('सुधार सहेजा गया');
}

async function step(page: Page, to: string, status: string) {
  await page.getByTestId(`status-to-${to}`).click();
  await page.getByTestId('status-confirm').click();
  await expect(page.getByTestId('status-current')).toHaveText(status);
}

test('a 1930 complaint with two transactions goes through hold and a partial refund; a related complaint is found by UTR; the views are in the audit log', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  await page.getByTestId('nav-complaints').click();
  await expect(page.locator('main h1')).toHaveText('साइबर शिकायत पंजी');

  // New complaint from the keyboard.
  await page.keyboard.press('Alt+N');
  await field(page, 'source').selectOption('1930');
  await field(page, 'gdNo').fill('45');
  await field(page, 'ncrpState').selectOption('filed');
  await field(page, 'ncrpAck').fill('31411250012345');
  await field(page, 'ncrpFiledAt').fill(`${yesterday}T11:30`);
  await field(page, 'called1930').check();
  await field(page, 'called1930At').fill(`${yesterday}T10:40`);
  await fillComplainant(page, 'सुनीता साहू', '9876543210');
  await fillIncident(page);

  // Two transactions, added with Alt+T; the full account number is cut to its last 4 digits.
  await page.keyboard.press('Alt+T');
  await expect(page.getByTestId('money-transactions-0-at')).toBeFocused();
  await page.getByTestId('money-transactions-0-at').fill(`${yesterday}T10:00`);
  await page.getByTestId('money-transactions-0-amount').fill('25,000.50');
  await page.getByTestId('money-transactions-0-utr').fill('432109876543');
  await page.getByTestId('money-transactions-0-victimAccount').fill('30012345678901');
  await expect(page.getByTestId('money-transactions-0-victimAccount')).toHaveValue('8901');
  await page.keyboard.press('Alt+T');
  await page.getByTestId('money-transactions-1-at').fill(`${yesterday}T10:20`);
  await page.getByTestId('money-transactions-1-amount').fill('14999.50');
  await page.getByTestId('money-transactions-1-mode').selectOption('imps');
  await page.getByTestId('money-transactions-1-utr').fill('633112223334');
  await expect(page.getByTestId('money-live-totals')).toContainText('₹40,000.00');
  await page.getByTestId('form-submit').click();

  await expect(page.getByTestId('notice')).toContainText('शिकायत सहेजी गई');
  const serial = (await page.getByTestId('complaint-serial').textContent())!.trim();
  expect(serial).toMatch(/^\d{4}\/0001$/);
  await expect(page.getByTestId('amount-lost')).toHaveText('₹40,000.00');
  await expect(page.getByTestId('flag-goldenHour')).toContainText('गोल्डन ऑवर में सूचना');
  await expect(page.getByTestId('reporting-delay')).toContainText('40 मिनट');
  await expect(page.getByTestId('transactions-table')).toContainText('XXXX8901');
  await expect(page.getByTestId('transactions-table')).not.toContainText('30012345678901');

  // Workflow: a hold cannot be marked before an amount is on hold.
  await step(page, 'inquiry', 'जांच में');
  await page.getByTestId('status-to-hold').click();
  await page.getByTestId('status-confirm').click();
  await expect(page.getByTestId('status-panel')).toContainText('पहले होल्ड की गई राशि की प्रविष्टि जोड़ें');
  await page.keyboard.press('Escape');

  // A hold larger than the loss is refused with a clear message; then ₹30,000 is held.
  await addMoney(page, 'बैंक से होल्ड की सूचना', async () => {
    await page.keyboard.press('Alt+H');
    await page.getByTestId('money-holds-0-bank').fill('Axis Bank');
    await page.getByTestId('money-holds-0-account').fill('917020012347788');
    await page.getByTestId('money-holds-0-amount').fill('50,000');
    await page.getByTestId('money-holds-0-date').fill(todayIN);
    await page.getByTestId('correction-reason').fill('बैंक से होल्ड की सूचना');
    await page.getByTestId('money-save').click();
    await expect(page.getByTestId('money-editor')).toContainText('कुल होल्ड राशि (₹50,000.00) कुल ठगी की राशि (₹40,000.00) से अधिक नहीं हो सकती');
    await page.getByTestId('money-holds-0-amount').fill('30,000');
  });
  await expect(page.getByTestId('holds-table')).toContainText('XXXX7788');
  // The first hold moves the complaint to "money on hold" with no further press.
  await expect(page.getByTestId('status-current')).toHaveText('राशि होल्ड');
  await expect(page.getByTestId('status-to-hold')).toHaveCount(0);

  // A partial refund of ₹10,000 by the SOP route; ₹20,000 stays pending.
  await addMoney(page, 'आंशिक राशि वापसी', async () => {
    await page.keyboard.press('Alt+R');
    await page.getByTestId('money-refunds-0-amount').fill('10,000');
    await page.getByTestId('money-refunds-0-date').fill(todayIN);
    await page.getByTestId('money-refunds-0-route').selectOption('mha-sop');
  });
  await step(page, 'refund-pending', 'वापसी लंबित');
  await expect(page.getByTestId('amount-held')).toHaveText('₹30,000.00');
  await expect(page.getByTestId('amount-refunded')).toHaveText('₹10,000.00');
  await expect(page.getByTestId('amount-pending')).toHaveText('₹20,000.00');
  await expect(page.getByTestId('pending-words')).toContainText('बीस हजार रुपये');
  const statusSteps = page.getByTestId('history-version').filter({ hasText: 'स्थिति परिवर्तन' });
  await expect(statusSteps).toHaveCount(3);
  // Each money correction is in the history as readable rows, not numbers in paise.
  await expect(page.getByTestId('history-version').filter({ hasText: 'आंशिक राशि वापसी' })).toContainText('1) ₹10,000.00');
  await expect(page.getByTestId('history-version').filter({ hasText: 'बैंक से होल्ड की सूचना' })).toContainText('1) Axis Bank XXXX7788 ₹30,000.00');

  // A walk-in complaint paying the same UTR shows the first one as related.
  await page.getByTestId('new-entry').click();
  await field(page, 'source').selectOption('walkin');
  await field(page, 'gdNo').fill('46');
  await fillComplainant(page, 'मोहन यादव', '9123456780');
  await fillIncident(page);
  await page.getByTestId('add-transaction').click();
  await page.getByTestId('money-transactions-0-at').fill(`${yesterday}T10:05`);
  await page.getByTestId('money-transactions-0-amount').fill('5000');
  await page.getByTestId('money-transactions-0-utr').fill('4321 0987 6543');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('notice')).toContainText('शिकायत सहेजी गई');
  await expect(page.getByTestId('notice')).toContainText('एनसीआरपी पर शिकायत दर्ज कराएँ'); // saved with a warning
  await expect(page.getByTestId('flag-ncrpMissing')).toBeVisible();
  const related = page.getByTestId('related-item');
  await expect(related).toHaveCount(1);
  await expect(related).toContainText(serial);
  await expect(related).toContainText('यूटीआर: 432109876543');
  await page.getByTestId(`compare-${serial}`).click();
  await expect(page.getByTestId('related-compare')).toContainText('सुनीता साहू');
  await expect(page.getByTestId('related-compare')).toContainText('मोहन यादव');

  // Follow-up lists: the second one is a money case without NCRP number; ₹20,000 awaits refund.
  await page.getByTestId('tab-followups').click();
  await page.getByTestId('followup-noNcrp').click();
  await expect(page.getByTestId('followup-row')).toHaveCount(1);
  await expect(page.getByTestId('followup-row')).toContainText('मोहन यादव');
  await page.getByTestId('followup-refundAwaited').click();
  await expect(page.getByTestId('followup-row')).toContainText('₹20,000.00');

  // The audit log shows the in-charge's own views of complaint entries.
  await page.goto('/#/audit');
  await page.getByTestId('audit-action').selectOption('view');
  const views = page.getByTestId('audit-row').filter({ hasText: 'साइबर शिकायत पंजी' });
  await expect(views.first()).toBeVisible();
  expect(await views.count()).toBeGreaterThanOrEqual(3);
  await expect(views.first()).toContainText(IN_CHARGE.name);
  expect(errors).toEqual([]);
});
