import { test, expect, type Page } from '@playwright/test';
import { collectConsoleErrors, completeSetup, field, signIn } from './helpers';

/** Dates the way the app sees them: IST calendar days. */
const istDay = (offsetDays = 0) => new Date(Date.now() + 330 * 60_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');
const TODAY = istDay();
const TEN_DAYS_AGO = istDay(-10);
const YEAR = Number(TODAY.slice(0, 4));

const WRITER = { name: 'मोहन लाल', rank: 'प्रधान आरक्षक', role: 'writer', pin: '4826' };
const NODAL = { name: 'सुनीता वर्मा', rank: 'उप निरीक्षक', role: 'nodal', pin: '7391' };

async function addUser(page: Page, u: typeof WRITER) {
  const users = page.getByTestId('settings-users');
  await users.getByTestId('add-user').click();
  await users.locator('[data-field="name"] input').fill(u.name);
  await users.locator('[data-field="rank"] select').selectOption(u.rank);
  await users.locator('[data-field="role"] select').selectOption(u.role);
  await users.getByTestId('user-pin').fill(u.pin);
  await users.getByTestId('user-pin2').fill(u.pin);
  await users.getByTestId('form-submit').click();
  await expect(users).toContainText(`${u.name} जोड़े गए`);
}

/** A team and two Mitans for the pickers, made through the roster's own screens. */
async function createRoster(page: Page) {
  await page.getByTestId('nav-mitans').click();
  await expect(page.getByTestId('mitans-view')).toBeVisible();
  await page.getByTestId('tab-teams').click();
  await page.getByTestId('new-team').click();
  await expect(page.getByTestId('team-form')).toBeVisible();
  await field(page, 'name').fill('कोटा उत्तर');
  await field(page, 'leaderName').fill('मोहन लाल');
  await field(page, 'leaderRank').selectOption('प्रधान आरक्षक');
  await field(page, 'leaderMobile').fill('9425100001');
  await field(page, 'beat').fill('बीट 1');
  await field(page, 'formedOn').fill(ddmmyyyy(istDay(-30)));
  await field(page, 'formedOn').press('Enter');
  await expect(page.getByTestId('team-saved')).toContainText('दल 1 बनाया गया');

  await page.getByTestId('tab-list').click();
  const mitans = [
    { name: 'गीता साहू', father: 'रामलाल साहू', gender: 'female', age: '24', mobile: '9826100011' },
    { name: 'रवि यादव', father: 'सुरेश यादव', gender: 'male', age: '31', mobile: '9826100012' },
  ];
  for (const [i, m] of mitans.entries()) {
    await page.getByTestId('new-mitan').click();
    await field(page, 'name').fill(m.name);
    await field(page, 'relativeName').fill(m.father);
    await field(page, 'gender').selectOption(m.gender);
    await field(page, 'age').fill(m.age);
    await field(page, 'mobile').fill(m.mobile);
    await field(page, 'teamId').selectOption({ label: 'दल 1 — कोटा उत्तर (मोहन लाल)' });
    if (i === 0) {
      await page.getByTestId('add-place').click();
      await page.getByTestId('new-place-name').fill('बेलतरा');
      await page.getByTestId('new-place-name').press('Enter');
      await expect(field(page, 'area')).toHaveValue('rural');
    } else await field(page, 'placeId').selectOption({ label: 'बेलतरा *' });
    await field(page, 'category').selectOption('volunteer');
    await field(page, 'consentDate').fill(ddmmyyyy(istDay(-20)));
    await page.getByTestId('form-submit').click();
    await expect(page.getByTestId('mitan-saved')).toContainText(`BSPKOTA/${YEAR}/000${i + 1}`);
  }
}

/** Is the keyboard focus in this day-sheet cell? */
function inCell(page: Page, key: string) {
  return page.evaluate((k) => {
    const a = document.activeElement;
    return !!a && (a.getAttribute('data-testid') === `cell-${k}` || !!a.closest(`[data-testid="cell-${k}"]`));
  }, key);
}

/** Tab forward to a cell (the keyboard only; the test just counts for the writer). */
async function tabTo(page: Page, key: string) {
  for (let i = 0; i < 40; i++) {
    if (await inCell(page, key)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached cell ${key}`);
}

type Step = [cell: string, text: string, ...keys: string[]];

/** Type a row: for each step Tab to the cell, type, press the keys (Enter adds a Mitan or topic). Enter saves. */
async function typeRow(page: Page, steps: Step[]) {
  await expect(page.getByTestId('cell-timeFrom')).toBeFocused();
  for (const [cell, text, ...keys] of steps) {
    await tabTo(page, cell);
    if (text) await page.keyboard.type(text);
    for (const k of keys) await page.keyboard.press(k);
  }
  await page.keyboard.press('Enter');
}

test('a day sheet of five activities from the keyboard, its totals, verification by the nodal officer, a correction with a reason, and a late entry', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await completeSetup(page, { campaignStart: ddmmyyyy(istDay(-40)), campaignEnd: ddmmyyyy(istDay(60)) });

  // The in-charge adds a writer and the nodal officer.
  await page.getByTestId('nav-settings').click();
  await addUser(page, WRITER);
  await addUser(page, NODAL);
  await createRoster(page);

  // The in-charge adds a topic to the list the day sheet offers.
  await page.getByTestId('nav-outreach').click();
  await page.getByTestId('outreach-tab-topics').click();
  await page.getByTestId('topic-hi').fill('पार्सल/कूरियर ठगी');
  await page.getByTestId('topic-en').fill('Parcel / courier fraud');
  await page.getByTestId('topic-en').press('Enter');
  await expect(page.getByTestId('topics-editor')).toContainText('"पार्सल/कूरियर ठगी" जोड़ा गया');
  await page.getByTestId('sign-out').click();

  // The writer enters the day's activities.
  await signIn(page, WRITER.name, WRITER.pin);
  await page.getByTestId('nav-outreach').click();
  await expect(page.getByTestId('day-date')).toHaveValue(ddmmyyyy(TODAY));
  const saved = page.getByTestId('day-saved-row');

  // 1. Chaupal at a village not yet on the list (added on the spot), Mitans 1 and 2 by number.
  await typeRow(page, [
    ['timeFrom', '1000'],
    ['timeTo', '1130'],
    ['activityType', 'चौपाल'],
    ['teamId', '1'],
    ['mitanIds', '1', 'Enter'],
    ['mitanIds', 'रवि', 'Enter'],
    ['placeId', 'खमरिया'],
    ['placeName', 'पंचायत भवन'],
    ['area', '1'],
    ['men', '30'],
    ['women', '25'],
    ['under18', '5'],
    ['contacts', '4'],
    ['pamphlets', '60'],
    ['pledges', '40'],
    ['complaintsHelped', '1'],
    ['topics', '1', 'Enter'],
    ['topics', 'डिजिटल', 'Enter'],
  ]);
  await expect(saved).toHaveCount(1);
  await expect(page.getByTestId('day-notice')).toContainText(`प्रविष्टि सहेजी गई: क्र. ${YEAR}/0001`);
  await expect(saved.nth(0)).toContainText('खमरिया (नया)');
  // The order of the Mitans present is not part of the entry: check both are listed.
  await expect(saved.nth(0)).toContainText('1 गीता साहू');
  await expect(saved.nth(0)).toContainText('2 रवि यादव');

  // 2. A school: the row takes team, village and topics from the row above. A wrong under-18
  // count is refused in the row, in both languages, and nothing is saved until it is fixed.
  await expect(page.getByTestId('cell-teamId').locator('input')).toHaveValue('दल 1 — कोटा उत्तर');
  await typeRow(page, [
    ['timeFrom', '14'],
    ['timeTo', '1530'],
    ['activityType', 'स्कूल'],
    ['mitanIds', '2', 'Enter'],
    ['policeNames', 'आर. श्याम'],
    ['institution', 'शा. उ. मा. वि. खमरिया'],
    ['institutionClass', '9-12'],
    ['men', '80'],
    ['women', '70'],
    ['under18', '200'],
  ]);
  const issues = page.getByTestId('day-entry-issues');
  await expect(issues).toContainText('18 वर्ष से कम (200) कुल व्यक्तियों (150) से अधिक नहीं हो सकते');
  await expect(issues).toContainText('Under-18 (200) cannot exceed the total people reached (150)');
  await expect(saved).toHaveCount(1);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');
  await expect(saved).toHaveCount(2);
  await expect(issues).toHaveCount(0);

  // 3. Door to door: households are asked only here.
  await typeRow(page, [
    ['timeFrom', '0900'],
    ['timeTo', '1100'],
    ['activityType', '1'],
    ['mitanIds', '1', 'Enter'],
    ['men', '12'],
    ['women', '14'],
    ['households', '20'],
    ['pamphlets', '20'],
  ]);
  await expect(saved).toHaveCount(3);

  // 4. Phone/WhatsApp contacts by police alone: the mode follows the activity.
  await typeRow(page, [
    ['timeFrom', '1600'],
    ['activityType', 'व्हाट्सएप'],
    ['policeNames', 'म.आर. गीता'],
    ['men', '5'],
    ['women', '7'],
    ['contacts', '50'],
  ]);
  await expect(saved).toHaveCount(4);
  await expect(saved.nth(3)).toContainText('मोबाइल द्वारा');

  // 5. Nukkad natak.
  await typeRow(page, [
    ['timeFrom', '1700'],
    ['timeTo', '1800'],
    ['activityType', 'नुक्कड़'],
    ['mitanIds', '1', 'Enter'],
    ['mitanIds', '2', 'Enter'],
    ['men', '100'],
    ['women', '90'],
    ['other', '2'],
    ['under18', '40'],
    ['pamphlets', '300'],
    ['pledges', '120'],
    ['complaintsHelped', '2'],
    ['topics', 'पार्सल', 'Enter'],
  ]);
  await expect(saved).toHaveCount(5);
  await expect(saved.nth(4)).toContainText('पार्सल/कूरियर ठगी');

  // Rows stand in register order, numbered; the day's totals come from the totals table.
  await expect(saved.nth(2)).toHaveAttribute('data-serial', `${YEAR}/0003`);
  await expect(saved.nth(2)).toContainText('09:00');
  const total = (k: string) => page.getByTestId('day-summary').locator(`[data-total="${k}"] dd`);
  const expected = { activities: '5', men: '227', women: '206', other: '2', under18: '195', total: '435', households: '20', contacts: '54', pamphlets: '380', pledges: '160', complaintsHelped: '3', verified: '0' };
  for (const [k, v] of Object.entries(expected)) await expect(total(k), k).toHaveText(v);
  await expect(page.getByTestId('day-totals')).toContainText('दिन का योग: 5 गतिविधियाँ');

  // A late entry: Shift+Tab to the date, ten days back, one row; it is saved and marked late.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('day-date')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ddmmyyyy(TEN_DAYS_AGO));
  await page.keyboard.press('Enter');
  await expect(saved).toHaveCount(0);
  await typeRow(page, [
    ['timeFrom', '11'],
    ['activityType', 'हाट'],
    ['teamId', '1'],
    ['mitanIds', '2', 'Enter'],
    ['placeId', 'खमरि'],
    ['men', '40'],
    ['women', '35'],
    ['pamphlets', '75'],
    ['topics', '1', 'Enter'],
  ]);
  await expect(saved).toHaveCount(1);
  await expect(page.getByTestId('day-notice')).toContainText('विलंबित प्रविष्टि');
  await expect(saved.nth(0).getByTestId('late-badge')).toBeVisible();
  await expect(saved.nth(0)).toContainText('खमरिया');

  // A writer cannot verify.
  await page.getByTestId('outreach-tab-verify').click();
  await expect(page.getByTestId('verify-queue')).toContainText('केवल नोडल अधिकारी या थाना प्रभारी');
  await expect(page.getByTestId('verify-selected')).toHaveCount(0);
  await page.getByTestId('sign-out').click();

  // The nodal officer verifies today's five entries.
  await signIn(page, NODAL.name, NODAL.pin);
  await page.getByTestId('nav-outreach').click();
  await page.getByTestId('outreach-tab-verify').click();
  await expect(page.getByTestId('verify-row')).toHaveCount(6);
  await page.getByTestId(`verify-day-${TODAY}`).check();
  await page.getByTestId('verify-selected').click();
  await expect(page.getByTestId('verify-queue')).toContainText('5 प्रविष्टियाँ सत्यापित की गईं');
  await expect(page.getByTestId('verify-row')).toHaveCount(1);

  // …and corrects one of them, with a reason; it stays verified (the verifier corrected it).
  await page.getByTestId('outreach-tab-list').click();
  const list = page.getByTestId('register-list');
  await list.locator('[role="row"]', { hasText: 'विद्यालय' }).click();
  await expect(page.getByTestId('entry-verified')).toBeVisible();
  await page.getByTestId('correct-entry').click();
  await expect(page.locator('.or-detail')).toContainText('सुधार केवल कारण सहित');
  await page.locator('[data-field="men"] input').fill('81');
  await page.getByTestId('form-submit').click();
  await expect(page.locator('.or-reason')).toContainText('सुधार का कारण लिखना आवश्यक है');
  await page.getByTestId('correction-reason').fill('पुरुषों की गिनती रजिस्टर से मिलाई');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('notice')).toContainText('सुधार सहेजा गया (संस्करण 3)');
  const versions = page.getByTestId('history-version');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(1)).toContainText('सत्यापन');
  await expect(versions.nth(2)).toContainText('पुरुषों की गिनती रजिस्टर से मिलाई');
  await expect(page.getByTestId('entry-verified')).toBeVisible();

  // The late entry is marked in the register too.
  await expect(list.locator('[role="row"].late')).toHaveCount(1);
  await expect(list.locator('[role="row"].late')).toContainText('विलंबित');

  // The day sheet shows the verified rows and the corrected totals.
  await page.getByTestId('outreach-tab-day').click();
  await expect(page.getByTestId('day-date')).toHaveValue(ddmmyyyy(TODAY));
  await expect(saved.getByTestId('verified-badge')).toHaveCount(5);
  await expect(total('men')).toHaveText('228');
  await expect(total('total')).toHaveText('436');
  await expect(total('verified')).toHaveText('5');
  await expect(page.getByTestId('outreach-progress')).toContainText('अब तक जागरूक: 511');
  expect(errors).toEqual([]);
});
