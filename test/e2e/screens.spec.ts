/**
 * Every page as the station's screen shows it (1366×768 and 1280×720): nothing is cut off without
 * a scroll, the page never scrolls sideways, and every visible date, time and month is Indian
 * (dd-mm-yyyy, IST hh:mm — 24-hour or पूर्वाह्न/अपराह्न — and माह-वर्ष), with none of the browser's
 * locale controls (date pickers, "Choose File").
 */
import { test, expect, type Page } from '@playwright/test';
import { startDistrictHub, setUpDistrictPc } from './districtPc';
import { collectConsoleErrors, field, setupAndSignIn } from './helpers';

/** What the person sees that breaks the rules, as readable lines (empty when the page is right). */
async function screenProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 2 && r.height > 2 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
    };

    // The page (and the main area) never scroll sideways.
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + 1) out.push(`the main area scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);

    // No element sticks out of a box that clips without scrolling.
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.overflowX === 'visible') continue;
        if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') break; // it scrolls: reachable
        const pr = p.getBoundingClientRect();
        const right = pr.left + p.clientLeft + p.clientWidth;
        if (r.right > right + 1 && r.left < right) out.push(`${name(el)} is cut off by ${name(p)} (${Math.round(r.right - right)} px)`);
        break;
      }
    }

    // Text boxes show all they hold.
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type]), input[type="search"], input[type="tel"]'))) {
      if (visible(el) && el.value && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} is too narrow for "${el.value}"`);
    }
    // The browser's locale controls are not used (a file input stays hidden behind the app's button).
    for (const el of Array.from(document.querySelectorAll('input[type="date"], input[type="month"], input[type="week"], input[type="time"], input[type="datetime-local"]'))) {
      out.push(`${name(el)} is a browser ${el.getAttribute('type')} control`);
    }
    for (const el of Array.from(document.querySelectorAll('input[type="file"]'))) if (visible(el)) out.push(`${name(el)} is the browser's file control`);

    // Dates, times and months as Indians write them.
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')).filter(visible).map((e) => (e instanceof HTMLSelectElement ? (e.selectedOptions[0]?.text ?? '') : e.value));
    const text = `${document.body.innerText}\n${boxes.join('\n')}`;
    const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|जनवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्टूबर|नवंबर|दिसंबर';
    const rules: [RegExp, string][] = [
      [/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/, 'a date with slashes (mm/dd/yyyy?)'],
      [/\b(mm|dd)\/(dd|mm)\/yyyy\b/i, 'a browser date placeholder'],
      [/(?<![\d/])\d{4}-\d{2}-\d{2}(?![\d/])/, 'an ISO date'],
      [new RegExp(`(?:${MONTHS})\\.? \\d{4}\\b`), 'a month written "Month yyyy" (not माह-वर्ष)'],
      [new RegExp(`\\b\\d{1,2} (?:${MONTHS})\\b`), 'a date written "d Month"'],
      [/\d\s?(AM|PM|am|pm|a\.m\.|p\.m\.)(?![a-z])/, 'a time with AM/PM'],
      [/Choose File|No file chosen|कोई फ़ाइल चुनी नहीं गई/, 'the browser’s file button'],
    ];
    for (const [re, what] of rules) {
      const m = re.exec(text);
      if (m) out.push(`${what}: "${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, ' ')}"`);
    }
    return out;
  });
}

/** Each page the person can reach, and the state to open on it (tabs, forms, choosers). */
const PAGES: { path: string; ready?: string; open?: (page: Page) => Promise<void> }[] = [
  { path: '/dashboard' },
  { path: '/mitans', ready: 'register-list' },
  { path: '/mitans', ready: 'register-list', open: async (page) => page.getByTestId('new-mitan').click() },
  { path: '/mitans?tab=teams' },
  { path: '/mitans?tab=places' },
  { path: '/mitans?tab=import' },
  { path: '/mitans?tab=consent' },
  { path: '/outreach' },
  { path: '/outreach?view=list', ready: 'register-list' },
  { path: '/outreach?view=verify' },
  { path: '/outreach?view=topics' },
  { path: '/complaints', ready: 'register-list' },
  {
    path: '/complaints',
    ready: 'register-list',
    open: async (page) => {
      await page.keyboard.press('Alt+N');
      await page.keyboard.press('Alt+T');
      await page.getByTestId('money-transactions-0-at').fill('03-12-2026 13:13');
      await page.getByTestId('money-transactions-0-amount').click();
    },
  },
  { path: '/complaints?tab=followups' },
  { path: '/reports?kind=monthly' },
  { path: '/reports?kind=daily' },
  { path: '/reports?kind=weekly' },
  { path: '/sync' },
  { path: '/settings' },
  { path: '/audit' },
  { path: '/training' },
  { path: '/places', ready: 'register-list' },
  { path: '/print/mitan' },
  { path: '/print/complaint' },
  { path: '/print/outreach' },
];

/** A few hundred villages straight into IndexedDB, so the lists have rows, long names and dates. */
async function seedPlaces(page: Page) {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cyber-mitan-thana');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('place', 'readwrite');
    for (let i = 1; i <= 300; i++) {
      const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      const name = `ग्राम पंचायत बहुत लंबे नाम वाला गाँव ${i}`;
      tx.objectStore('place').put({
        id: `BSPKOTA:place:${String(i).padStart(26, '0')}`, thana: 'BSPKOTA', type: 'place', schemaVersion: 1,
        serial: null, serialYear: null, serialNo: null, data: { name, kind: 'village', area: 'rural', beat: 'बीट क्रमांक 4 (उत्तर)', isNew: false },
        tokens: ['ग्राम', String(i)], keys: [`place:${name}`], createdAt: at, createdBy: 'user:x', updatedAt: at, updatedBy: 'user:x',
        mutationId: `m${i}`, version: 1, history: [{ version: 1, kind: 'create', at, by: 'user:x', byName: 'परीक्षण', initials: 'प', reason: null, changes: [], mutationId: `m${i}` }],
        cancelled: null, late: false, _rev: null, syncState: 'dirty',
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** The district office's pages (a district PC has no thana registers): progress, its drill-down, returns. */
const DISTRICT_PAGES: typeof PAGES = [
  { path: '/district', ready: 'district-progress' },
  { path: '/district', ready: 'district-progress', open: async (page) => page.getByTestId('district-thana-BSPKOTA').click() },
  {
    path: '/district',
    ready: 'district-progress',
    open: async (page) => {
      await page.getByTestId('district-thana-BSPKOTA').click();
      await page.getByTestId('district-team-1').getByRole('link').click();
      await expect(page.getByTestId('district-mitans')).toBeVisible();
    },
  },
  { path: '/district-returns', ready: 'district-returns' },
  { path: '/district-returns', ready: 'district-returns', open: async (page) => page.getByTestId('d-return-weekly').check() },
  { path: '/district-returns', ready: 'district-returns', open: async (page) => page.getByTestId('d-return-monthly').check() },
  { path: '/district-returns', ready: 'district-returns', open: async (page) => page.getByTestId('d-return-held').check() },
  { path: '/sync' },
  { path: '/settings' },
  { path: '/audit' },
];

/** Mitans with long names and every list column filled, so the roster list is judged with rows in it. */
async function seedMitans(page: Page) {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cyber-mitan-thana');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('mitan', 'readwrite');
    for (let i = 1; i <= 60; i++) {
      const at = new Date(Date.UTC(2026, 10, 2) + i * 60_000).toISOString();
      const data = {
        name: `श्रीमती लक्ष्मीन बाई विश्वकर्मा ${i}`, relativeName: 'स्वर्गीय रामप्रसाद विश्वकर्मा', gender: 'female', age: 34, mobile: String(9826100000 + i), whatsapp: true,
        teamId: null, role: 'member', placeId: 'BSPKOTA:place:00000000000000000000000001', area: 'rural', category: 'volunteer',
        consentDate: '2026-11-02', trainingDate: '2026-11-05', status: 'active',
      };
      tx.objectStore('mitan').put({
        id: `BSPKOTA:mitan:${String(i).padStart(26, '0')}`, thana: 'BSPKOTA', type: 'mitan', schemaVersion: 1,
        serial: `2026/${i}`, serialYear: 2026, serialNo: i, data,
        tokens: ['लक्ष्मीन', String(i)], keys: [`mobile:${data.mobile}`], createdAt: at, createdBy: 'user:x', updatedAt: at, updatedBy: 'user:x',
        mutationId: `mm${i}`, version: 1, history: [{ version: 1, kind: 'create', at, by: 'user:x', byName: 'परीक्षण', initials: 'प', reason: null, changes: [], mutationId: `mm${i}` }],
        cancelled: null, late: false, _rev: null, syncState: 'dirty',
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

async function walk(page: Page, pages = PAGES): Promise<string[]> {
  const problems: string[] = [];
  for (const p of pages) {
    await page.goto(`/#${p.path}`);
    await expect(page.locator('main h1').first()).toBeVisible();
    if (p.ready) await expect(page.getByTestId(p.ready).first()).toBeVisible();
    if (p.open) await p.open(page);
    await page.waitForTimeout(300);
    for (const line of await screenProblems(page)) problems.push(`${p.path}${p.open ? ' (opened)' : ''}: ${line}`);
  }
  return problems;
}

test('every page fits 1366×768 in Hindi and 1280×720 in English, with Indian dates, times and months', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupAndSignIn(page);
  await seedPlaces(page);
  await seedMitans(page);
  await page.goto('/#/mitans');
  await expect(page.getByTestId('register-list').locator('[role="row"][data-id]').first()).toContainText('2026/60');
  expect(await walk(page)).toEqual([]);

  // The other screen, the other language, the 12-hour clock with पूर्वाह्न/अपराह्न.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/settings');
  await page.getByTestId('pref-clock').selectOption('12h');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('typing-mode')).toContainText('Hindi typing');
  expect(await walk(page)).toEqual([]);
  await page.goto('/#/audit');
  await expect(page.locator('main')).toContainText(/\d{2}-\d{2}-\d{4} \d{2}:\d{2} (पूर्वाह्न|अपराह्न)/);
  expect(errors).toEqual([]);
});

test('the district office’s pages fit 1366×768 in Hindi and 1280×720 in English, with Indian dates, times and months', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  const district = await startDistrictHub(Number(process.env.E2E_PORT ?? 4319));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await setUpDistrictPc(page, district);
    // The hub's replication is continuous but not instant: the walk starts once the Mitans are in.
    await expect(async () => {
      await page.getByTestId('district-refresh').click();
      await expect(page.getByTestId('district-enrolled')).toHaveText('5', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    // The walk has dates to judge: each thana's last sync.
    await expect(page.getByTestId('district-row-BSPKOTA').getByTestId('cell-sync')).toContainText(/\d{2}-\d{2}-\d{4}/);
    expect(await walk(page, DISTRICT_PAGES)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/#/settings');
    await page.getByTestId('pref-clock').selectOption('12h');
    await page.getByTestId('lang-toggle').click();
    expect(await walk(page, DISTRICT_PAGES)).toEqual([]);
    // Chromium logs every 4xx answer as a console error (none is expected besides 404 probes).
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  } finally {
    await page.close();
    await district.hub.stop();
  }
});

test('the first-run setup screens fit 1366×768 too: a thana PC, a district PC, and the PIN step', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  const problems: string[] = [];
  const look = async (what: string) => {
    await page.waitForTimeout(200);
    for (const line of await screenProblems(page)) problems.push(`${what}: ${line}`);
  };
  await look('setup (thana)');
  await page.getByTestId('setup-kind-district').check();
  await look('setup (district)');
  const district: Record<string, string> = {
    district: 'बिलासपुर', districtCode: 'bilaspur', officeName: 'पुलिस अधीक्षक कार्यालय', spName: 'संजय सिंह',
    adminName: 'अनिता ध्रुव', campaignStart: '01-11-2026', campaignEnd: '31-01-2027',
  };
  for (const [k, v] of Object.entries(district)) await field(page, k).fill(v);
  await look('setup (district, filled)');
  await field(page, 'districtTarget').press('Enter');
  await expect(page.getByTestId('district-pin')).toBeVisible();
  await look('setup (district PIN)');
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
});

test('a wide register scrolls inside its own box with the serial and name pinned; columns are chosen per person', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await setupAndSignIn(page);
  await seedPlaces(page);
  await page.goto('/#/places');
  const list = page.getByTestId('register-list');
  await expect(list.locator('[role="row"][data-id]').first()).toBeVisible();
  // Make the list narrower than its columns, then scroll it sideways: serial and name stay put.
  await page.evaluate(() => ((document.querySelector('[data-testid="register-list"]')!.parentElement as HTMLElement).style.width = '330px'));
  const row = list.locator('[role="row"][data-id]').first();
  const before = await row.locator('.pin1').boundingBox();
  await list.evaluate((el) => (el.scrollLeft = 400));
  await expect.poll(() => list.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const after = await row.locator('.pin1').boundingBox();
  expect(after!.x).toBeCloseTo(before!.x, 0);
  expect(await row.locator('.pin0').boundingBox().then((b) => b!.x)).toBeGreaterThanOrEqual((await list.boundingBox())!.x);

  // Hide a column: it is gone for this person after a reload, and back with one click.
  const heads = list.locator('.rl-head [role="columnheader"]');
  const count = await heads.count();
  await page.getByTestId('list-columns').locator('summary').click();
  const keys = await page.getByTestId('list-columns').locator('input[type="checkbox"]:not([disabled])').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  await page.getByTestId(keys[0]!).uncheck();
  await expect(heads).toHaveCount(count - 1);
  await page.reload();
  await setupAndSignIn(page);
  await page.goto('/#/places');
  await expect(list.locator('.rl-head [role="columnheader"]')).toHaveCount(count - 1);
  await page.getByTestId('list-columns').locator('summary').click();
  await page.getByTestId(keys[0]!).check();
  await expect(list.locator('.rl-head [role="columnheader"]')).toHaveCount(count);
});

test('the keyboard walks the list (↓ PgDn End Home) and the chosen row is always whole in view, below the pinned header', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupAndSignIn(page);
  await seedPlaces(page);
  await page.goto('/#/places');
  const list = page.getByTestId('register-list');
  await expect(list.locator('[role="row"][data-id]').first()).toBeVisible();
  await page.getByTestId('list-search').press('ArrowDown');
  await expect(list).toBeFocused();
  /** The active row's index, and whether it lies whole between the header's bottom and the box's bottom. */
  const active = () =>
    list.evaluate((el) => {
      const row = el.querySelector<HTMLElement>('.rl-row.active');
      if (!row) return { index: -1, whole: false };
      const head = el.querySelector('.rl-head')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { index: Number(row.getAttribute('aria-rowindex')) - 2, whole: r.top >= head.bottom - 1 && r.bottom <= box.top + el.clientTop + el.clientHeight + 1 };
    });
  await expect.poll(active).toEqual({ index: 0, whole: true });
  await page.keyboard.press('ArrowDown');
  await expect.poll(active).toEqual({ index: 1, whole: true });
  await page.keyboard.press('PageDown');
  const paged = (await active()).index;
  expect(paged).toBeGreaterThan(5);
  expect((await active()).whole).toBe(true);
  // End: the last row loaded so far; pages load on the way, ending at the 300th. End is pressed
  // again until then (five presses in a row could all come before the next page had loaded).
  await expect
    .poll(async () => {
      await page.keyboard.press('End');
      return active();
    })
    .toEqual({ index: 299, whole: true });
  await expect(list.locator('.rl-row.active')).toContainText('गाँव 1');
  await page.keyboard.press('ArrowUp');
  await expect.poll(active).toEqual({ index: 298, whole: true });
  await page.keyboard.press('Home');
  await expect.poll(active).toEqual({ index: 0, whole: true });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  await expect.poll(active).toEqual({ index: 0, whole: true });
  // Enter opens the chosen entry.
  await page.keyboard.press('Enter');
  await expect(page.locator('.rp-detail h2')).toContainText('गाँव 300');
});

test('scrolling a long list rewrites the same rows in place: no row is created and no cell restyled per frame; a cut name shows whole on hover', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupAndSignIn(page);
  await seedPlaces(page);
  await page.goto('/#/places');
  const list = page.getByTestId('register-list');
  await expect(list.locator('[role="row"][data-id]').first()).toContainText('गाँव 300');

  // Mark the row elements, scroll a screenful at a time: the rows shown are new, the elements are not.
  const firstShown = () => list.evaluate((el) => Math.min(...Array.from(el.querySelectorAll('.rl-row'), (r) => Number(r.getAttribute('aria-rowindex')))));
  // (Once away from the top the list holds its full number of rows, overscan above and below.)
  await list.evaluate((el) => (el.scrollTop = el.clientHeight));
  await expect.poll(firstShown).toBeGreaterThan(10);
  const before = await firstShown();
  await list.evaluate((el) => el.querySelectorAll('.rl-row').forEach((r) => r.setAttribute('data-seen', '')));
  // A trace of the frames counts the elements the browser restyles in each (UpdateLayoutTree's elementCount).
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const cells = await list.evaluate(async (el) => {
    for (let n = 0; n < 8; n++) {
      el.scrollTop += el.clientHeight;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return el.querySelectorAll('.rl-row [role="gridcell"]').length;
  });
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; args?: { elementCount?: number } }[] };
  expect(await firstShown()).toBeGreaterThan(before + 50);
  const rows = list.locator('.rl-row');
  expect(await rows.count()).toBeLessThan(40);
  await expect(list.locator('.rl-row:not([data-seen])')).toHaveCount(0);
  // The rows are still in the entries' order in the page.
  const order = await list.evaluate((el) => Array.from(el.querySelectorAll('.rl-row'), (r) => Number(r.getAttribute('aria-rowindex'))));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // Restyled per frame: the rows that moved, fewer elements than the cells (new rows each frame, a
  // title on every cell or an `inherit` in every pinned cell restyled them all, and more).
  const restyled = trace.traceEvents.filter((e) => e.name === 'UpdateLayoutTree' && (e.args?.elementCount ?? 0) > 0).map((e) => e.args!.elementCount!);
  expect(restyled.length).toBeGreaterThanOrEqual(8);
  restyled.sort((a, b) => a - b);
  expect(restyled[Math.floor(restyled.length / 2)]).toBeLessThan(cells);

  // No cell carries a title until the pointer reaches it; a name cut short then shows whole.
  await expect(list.locator('.rl-cell[title]')).toHaveCount(0);
  const box = (await list.boundingBox())!;
  const at = { x: box.x + 200, y: box.y + box.height / 2 };
  await page.mouse.move(at.x, at.y);
  const hovered = () =>
    page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y)?.closest('.rl-cell');
      return el && { title: el.getAttribute('title'), text: el.textContent, cut: el.scrollWidth > el.clientWidth };
    }, at);
  await expect.poll(async () => (await hovered())?.title).toMatch(/^ग्राम पंचायत बहुत लंबे नाम वाला गाँव \d+$/);
  const cell = await hovered();
  expect(cell).toEqual({ title: cell!.text, text: cell!.text, cut: true });
});
