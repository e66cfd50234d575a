import { test, expect } from '@playwright/test';
import { collectConsoleErrors, field, setupAndSignIn, signIn } from './helpers';

test('first-run setup refuses bad input beside the field and saves nothing', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  await field(page, 'thanaCode').fill('क');
  await field(page, 'nodalMobile').fill('12345');
  await field(page, 'nodalMobile').press('Enter');
  const name = page.locator('[data-field="thanaName"]');
  await expect(name).toContainText('थाना का नाम भरना आवश्यक है');
  await expect(name).toContainText('Thana name is required');
  await expect(page.locator('[data-field="nodalMobile"]')).toContainText('मोबाइल नंबर सही नहीं है');
  await expect(page.getByTestId('form-summary')).toBeVisible();
  await expect(page.getByTestId('setup-pin')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('setup')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an entry is created, corrected and cancelled with reasons; history and audit log show all of it after a reload', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  await expect(page.getByTestId('signed-in-user')).toContainText('रमेश कुमार साहू');
  await expect(page.getByTestId('signed-in-user')).toContainText('थाना प्रभारी');

  // Villages and wards are reached from सेटिंग्स.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('link-places').click();
  await expect(page.locator('main h1')).toHaveText('ग्राम/वार्ड सूची');

  // New entry from the keyboard: Alt+N, type, Enter saves.
  await page.keyboard.press('Alt+N');
  await expect(field(page, 'name')).toBeFocused();
  await field(page, 'name').fill('खमरिया');
  await field(page, 'kind').selectOption('village');
  await field(page, 'area').selectOption('rural');
  await field(page, 'beat').fill('बीट 3');
  await field(page, 'beat').press('Enter');
  await expect(page.getByTestId('notice')).toContainText('प्रविष्टि सहेजी गई');
  // The next form offers the carry-over values of the previous entry.
  await expect(field(page, 'kind')).toHaveValue('village');
  await expect(field(page, 'name')).toHaveValue('');
  await field(page, 'name').press('Escape');

  const row = page.getByTestId('register-list').locator('[role="row"]', { hasText: 'खमरिया' });
  await row.click();
  await expect(page.getByTestId('history-version')).toHaveCount(1);

  // Correction needs a reason.
  await page.getByTestId('correct-entry').click();
  await field(page, 'name').fill('खमरिया कला');
  await field(page, 'name').press('Enter');
  await expect(page.locator('.rp-reason')).toContainText('सुधार का कारण लिखना आवश्यक है');
  await page.getByTestId('correction-reason').fill('नाम की वर्तनी सुधारी');
  await page.getByTestId('correction-reason').press('Enter');
  await expect(page.getByTestId('history-version')).toHaveCount(2);
  const v2 = page.getByTestId('history-version').nth(1);
  await expect(v2).toContainText('सुधार');
  await expect(v2).toContainText('नाम की वर्तनी सुधारी');
  await expect(v2.locator('s')).toHaveText('खमरिया');
  await expect(v2).toContainText('खमरिया कला');
  // Initials say on hover whose they are: full name and role (issue #17 item 7).
  await expect(v2.getByTestId('history-initials')).toHaveAttribute('title', /^\S+ = रमेश कुमार साहू, .*थाना प्रभारी/);

  // Cancellation needs a reason too; the entry stays, struck through.
  await page.getByTestId('cancel-entry').click();
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('cancel-dialog')).toContainText('निरस्त करने का कारण लिखना आवश्यक है');
  await page.getByTestId('cancel-reason').fill('दोहरी प्रविष्टि');
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('cancelled-reason')).toContainText('दोहरी प्रविष्टि');
  await expect(page.getByTestId('correct-entry')).toHaveCount(0);
  await expect(row).toHaveClass(/cancelled/);
  await expect(row).toContainText('निरस्त');

  // After a reload: sign in again; the entry and its three versions are still there.
  await page.reload();
  await signIn(page);
  await page.goto('/#/places');
  const again = page.getByTestId('register-list').locator('[role="row"]', { hasText: 'खमरिया कला' });
  await expect(again).toHaveClass(/cancelled/);
  await again.click();
  await expect(page.getByTestId('history-version')).toHaveCount(3);

  // The audit log has the create, the correction and the cancellation.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('link-audit').click();
  await page.getByTestId('audit-register').selectOption('place');
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-action', 'cancel');
  await expect(rows.nth(0)).toContainText('दोहरी प्रविष्टि');
  await expect(rows.nth(1)).toHaveAttribute('data-action', 'correct');
  await expect(rows.nth(1).locator('s')).toHaveText('खमरिया');
  await expect(rows.nth(1)).toContainText('खमरिया कला');
  await expect(rows.nth(2)).toHaveAttribute('data-action', 'create');
  await expect(rows.nth(2)).toContainText('रमेश कुमार साहू');
  expect(errors).toEqual([]);
});

test('the idle lock asks the same person’s PIN and keeps the unsaved form underneath', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.clock.install();
  await setupAndSignIn(page);
  await page.getByTestId('nav-settings').click();
  await page.locator('#pc-idle').fill('1');
  await page.locator('#pc-idle').press('Enter');
  await expect(page.getByTestId('settings-pc')).toContainText('सहेजी गईं');

  await page.goto('/#/places');
  await page.getByTestId('new-entry').click();
  await field(page, 'name').fill('अधूरी प्रविष्टि');
  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText('रमेश कुमार साहू');
  // Nothing of the page shows through: the shell is hidden and the overlay is opaque.
  await expect(field(page, 'name')).toBeHidden();
  await expect(page.getByTestId('register-list')).toBeHidden();
  const overlay = await page.locator('dialog.lock-overlay').evaluate((d) => getComputedStyle(d).backgroundColor);
  expect(overlay).toMatch(/^rgb\(/);

  await page.getByTestId('lock-screen').getByTestId('signin-pin').fill('1357');
  await page.getByTestId('lock-screen').getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('lock-screen')).toContainText('पिन गलत है');
  await expect(page.getByTestId('lock-screen')).toContainText('Wrong PIN');
  await page.getByTestId('lock-screen').getByTestId('signin-pin').fill('2580');
  await page.getByTestId('lock-screen').getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(field(page, 'name')).toHaveValue('अधूरी प्रविष्टि');

  // Locked while a dialog is open: the lock screen still comes on top and takes the PIN.
  await field(page, 'kind').selectOption('ward');
  await field(page, 'area').selectOption('urban');
  await field(page, 'name').press('Enter');
  await expect(page.getByTestId('notice')).toContainText('प्रविष्टि सहेजी गई');
  await page.getByTestId('register-list').locator('[role="row"]', { hasText: 'अधूरी प्रविष्टि' }).click();
  await page.getByTestId('cancel-entry').click();
  await expect(page.getByTestId('cancel-dialog')).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('lock-screen').getByTestId('signin-pin').fill('2580');
  await page.getByTestId('lock-screen').getByTestId('signin-pin').press('Enter');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.getByTestId('cancel-reason').press('Escape');
  await expect(page.getByTestId('cancel-dialog')).toHaveCount(0);

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('signin')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the list keeps only visible rows in the page, pages by keyset as it scrolls, searches and opens from the keyboard', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await setupAndSignIn(page);
  const N = 10_000;
  // Fill the register straight through IndexedDB (the app's own writes are tested elsewhere).
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cyber-mitan-thana');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('place', 'readwrite');
    const store = tx.objectStore('place');
    for (let i = 1; i <= n; i++) {
      const at = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
      const name = `ग्राम ${i}`;
      store.put({
        id: `BSPKOTA:place:${String(i).padStart(26, '0')}`, thana: 'BSPKOTA', type: 'place', schemaVersion: 1,
        serial: null, serialYear: null, serialNo: null, data: { name, kind: 'village', area: 'rural', beat: null, isNew: false },
        tokens: ['ग्राम', String(i)], keys: [`place:${name}`], createdAt: at, createdBy: 'user:x', updatedAt: at, updatedBy: 'user:x',
        mutationId: `m${i}`, version: 1, history: [{ version: 1, kind: 'create', at, by: 'user:x', byName: 'परीक्षण', initials: 'प', reason: null, changes: [], mutationId: `m${i}` }],
        cancelled: i % 10 === 0 ? { at, by: 'user:x', byName: 'परीक्षण', reason: 'दोहरी' } : null,
        late: i % 7 === 0, _rev: null, syncState: 'dirty',
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, N);

  await page.goto('/#/places');
  const list = page.getByTestId('register-list');
  await expect(list.locator('[role="row"][data-id]').first()).toContainText(`ग्राम ${N}`);
  const domRows = () => list.locator('[role="row"][data-id]').count();
  expect(await domRows()).toBeLessThan(80);
  await expect(list.locator('[role="row"]', { hasText: `ग्राम ${N - 10}` })).toHaveClass(/cancelled/);

  // Scroll to the end: pages keep arriving until every entry is loaded, the DOM stays small.
  await list.evaluate(async (el, n) => {
    const count = () => Number(/(\d+)/.exec(el.parentElement!.querySelector('.rl-count')!.textContent!)![1]);
    for (let guard = 0; guard < 500 && !(count() >= n && !el.parentElement!.querySelector('.rl-count')!.textContent!.includes('+')); guard++) {
      el.scrollTop = el.scrollHeight;
      await new Promise((r) => setTimeout(r, 20));
    }
  }, N);
  await expect(page.locator('.rl-count')).toHaveText(`${N} प्रविष्टियाँ`);
  await expect(list.locator('[role="row"][data-id]').last()).toContainText('ग्राम 1');
  expect(await domRows()).toBeLessThan(80);

  // Indexed search, then ↓ and Enter open the entry.
  await page.getByTestId('list-search').fill('4321');
  await expect(list.locator('[role="row"][data-id]')).toHaveCount(1);
  await page.getByTestId('list-search').press('ArrowDown');
  await expect(list).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.rp-detail h2')).toHaveText('ग्राम 4321');
  expect(errors).toEqual([]);
});
