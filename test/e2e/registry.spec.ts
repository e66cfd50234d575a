/**
 * The district suspect registry at a thana (issue #15 "done when"): two thanas' stations sync to the
 * test hub (pouchdb-server on 127.0.0.1, provisioned with `npm run hub`). Thana B (बिल्हा) enters a
 * complaint; the hub's replication gathers its identifiers into the registry. At thana A (कोटा), a
 * writer entering a new complaint sees B's complaint at once — by suspect mobile, then by UTR —
 * with B's serial and whom to call; B's complainant's name and mobile appear nowhere at A, neither
 * on the page nor in A's IndexedDB.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { startHub, type RunningHub } from '../sync/hub-server';
import { collectConsoleErrors, completeSetup, field } from './helpers';
import { runHubCli } from './hubCli';

const port = Number(process.env.E2E_PORT ?? 4319);
test.use({ actionTimeout: 15_000 });
let hub: RunningHub;
const accounts: Record<string, string> = {};
const A = { thanaName: 'कोटा', thanaCode: 'BSPKOTA' };
const B = { thanaName: 'बिल्हा', thanaCode: 'BILHA', nodalName: 'अनिल ध्रुव', nodalMobile: '9425512345' };
const IST = 330 * 60_000;
const yesterday = new Date(Date.now() + IST - 86_400_000).toISOString().slice(0, 10);
const B_COMPLAINANT = { name: 'गीता बघेल', mobile: '9300011122' };

test.beforeAll(async () => {
  hub = await startHub(new URL('../..', import.meta.url).pathname);
  const out = await runHubCli(hub, ['provision', '--url', hub.url, '--district', 'bilaspur', '--thana', `${A.thanaCode}:1`, '--thana', `${B.thanaCode}:1`, '--origin', `http://127.0.0.1:${port}`]);
  for (const m of out.matchAll(/^\s+(pc_\S+)\s+(\S+)\s+\(/gm)) accounts[m[1]!] = m[2]!;
  expect(Object.keys(accounts)).toHaveLength(2);
});

test.afterAll(async () => {
  await hub?.stop();
});

async function registryDocs(): Promise<Record<string, unknown>[]> {
  const r = await fetch(`${hub.url}/registry_bilaspur/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${Buffer.from(`${hub.admin.username}:${hub.admin.password}`).toString('base64')}` },
  });
  return ((await r.json()) as { rows: { doc: Record<string, unknown> }[] }).rows.map((x) => x.doc);
}

async function station(browser: Browser, t: Record<string, string>): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await completeSetup(page, t);
  const user = `pc_${t.thanaCode!.toLowerCase()}_1`;
  await page.getByTestId('nav-sync').click();
  await page.getByTestId('sync-url').fill(hub.url);
  await page.getByTestId('sync-user').fill(user);
  await page.getByTestId('sync-password').fill(accounts[user]!);
  await page.getByTestId('sync-save').click();
  return page;
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('nav-sync').click();
  // Saving the hub settings starts a sync by itself: wait for it, then sync once more.
  await expect(page.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toContainText('सिंक अभी नहीं चल रहा', { timeout: 30_000 });
  await expect(page.getByTestId('sync-error')).toHaveCount(0);
}

/** The fields every complaint needs, with this complainant. */
async function newComplaint(page: Page, name: string, mobile: string): Promise<void> {
  await page.getByTestId('nav-complaints').click();
  await expect(page.locator('main h1')).toHaveText('साइबर शिकायत पंजी');
  await page.keyboard.press('Alt+N');
  await field(page, 'source').selectOption('walkin');
  await field(page, 'gdNo').fill('12');
  await field(page, 'complainantName').fill(name);
  await field(page, 'complainantRelative').fill('रामलाल');
  await field(page, 'complainantGender').selectOption('female');
  await field(page, 'complainantAge').fill('41');
  await field(page, 'complainantMobile').fill(mobile);
  await field(page, 'complainantAddress').fill('वार्ड 2');
  await field(page, 'incidentAt').fill(`${yesterday}T09:50`);
  await field(page, 'ncrpCategory').selectOption('financial');
  await field(page, 'ncrpSubCategory').selectOption('financial.upi');
  await field(page, 'modus').selectOption('customer-care');
  await field(page, 'platform').selectOption('call');
  await field(page, 'ioName').fill('सुनीता वर्मा');
  await field(page, 'ioRank').selectOption('उप निरीक्षक');
}

async function transaction(page: Page, utr: string): Promise<void> {
  await page.keyboard.press('Alt+T');
  await page.getByTestId('money-transactions-0-at').fill(`${yesterday}T10:00`);
  await page.getByTestId('money-transactions-0-amount').fill('25,000');
  await page.getByTestId('money-transactions-0-utr').fill(utr);
}

/** Every row of every table of the station's IndexedDB, as text. */
async function wholeDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('cyber-mitan-thana');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out: unknown[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((res, rej) => {
        const q = db.transaction(name).objectStore(name).getAll();
        q.onsuccess = () => res(q.result);
        q.onerror = () => rej(q.error);
      });
      out.push(name, rows);
    }
    db.close();
    return JSON.stringify(out);
  });
}

test('a complaint entered at thana A shows thana B’s complaint by suspect mobile and by UTR, with B’s serial, and nothing of B’s complainant', async ({ browser }) => {
  // Thana B: a complaint with the suspect's mobile and a UTR, synced to the hub.
  const b = await station(browser, B);
  await newComplaint(b, B_COMPLAINANT.name, B_COMPLAINANT.mobile);
  await field(b, 'suspectMobiles').fill('70000 12345');
  await transaction(b, '432109876543');
  await b.getByTestId('form-submit').click();
  await expect(b.getByTestId('notice')).toContainText('शिकायत सहेजी गई');
  const serialB = (await b.getByTestId('complaint-serial').textContent())!.trim();
  await syncNow(b);
  await expect.poll(async () => (await registryDocs()).filter((d) => d.type === 'suspect').length, { timeout: 20_000 }).toBe(2);
  await b.context().close();

  // Thana A syncs (and pulls the registry), then enters a new complaint.
  const a = await station(browser, A);
  const errors = collectConsoleErrors(a);
  await syncNow(a);
  await newComplaint(a, 'मीना यादव', '9111122233');
  await expect(a.getByTestId('registry-matches')).toHaveCount(0);
  await field(a, 'suspectMobiles').fill('7000012345');
  const match = a.getByTestId('registry-match');
  await expect(match).toHaveCount(1);
  await expect(match.getByTestId('registry-serial')).toHaveText(serialB);
  await expect(match.getByTestId('registry-thana')).toContainText('बिल्हा');
  await expect(match.getByTestId('registry-key')).toHaveText(['संदेही मोबाइल: 7000012345']);
  await expect(match.getByTestId('registry-call')).toContainText('अनिल ध्रुव');
  await expect(match.getByTestId('registry-call')).toContainText('9425512345');

  // The suspect mobile corrected away: the match goes; the UTR alone brings it back.
  await field(a, 'suspectMobiles').fill('');
  await expect(a.getByTestId('registry-none')).toHaveCount(0);
  await transaction(a, '4321 0987 6543');
  await expect(match).toHaveCount(1);
  await expect(match.getByTestId('registry-serial')).toHaveText(serialB);
  await expect(match.getByTestId('registry-key')).toHaveText(['यूटीआर: 432109876543']);

  // In English too.
  await a.getByTestId('lang-toggle').click();
  await expect(a.getByTestId('registry-matches')).toContainText('Same suspect in other thanas');
  await expect(match.getByTestId('registry-key')).toHaveText(['UTR: 432109876543']);

  // Nothing of B's complainant anywhere at A: the page, and every table of A's IndexedDB.
  const text = await a.locator('body').innerText();
  for (const s of [B_COMPLAINANT.name, B_COMPLAINANT.mobile, 'बघेल']) expect(text).not.toContain(s);
  const stored = await wholeDatabase(a);
  expect(stored).toContain(serialB); // the registry copy is there…
  for (const s of [B_COMPLAINANT.name, B_COMPLAINANT.mobile, 'बघेल']) expect(stored).not.toContain(s); // …without the complainant
  // 404s are the sync's own look-ups of documents not there yet (its marker), as in district.spec.ts.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('the Sync page counts a complaint’s suspect-registry entries as waiting, said apart, and nothing before a hub is set', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await completeSetup(page, A);
  await newComplaint(page, 'रमा साहू', '9111100000');
  await field(page, 'suspectMobiles').fill('7000099999');
  await transaction(page, '555509876543');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('notice')).toContainText('शिकायत सहेजी गई');

  // No hub yet: nothing is "waiting" (it is kept on this PC), and no breakdown.
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('sync-waiting')).toContainText('हब सेट नहीं');
  await expect(page.getByTestId('sync-waiting-kinds')).toHaveCount(0);

  // A hub set with a wrong password (nothing can be sent): what a push will send is counted, the
  // two identifiers for the district suspect registry said apart from the register entries.
  await page.getByTestId('sync-url').fill(hub.url);
  await page.getByTestId('sync-user').fill('pc_bspkota_1');
  await page.getByTestId('sync-password').fill('not-the-password');
  await page.getByTestId('sync-save').click();
  await expect(page.getByTestId('sync-waiting-kinds')).toContainText('संदेही रजिस्टर (जिला) हेतु 2');
  const kinds = (await page.getByTestId('sync-waiting-kinds').innerText()).match(/\d+/g)!.map(Number);
  await expect(page.getByTestId('sync-waiting')).toHaveText(String(kinds.reduce((a, b) => a + b, 0)));

  // The right password: one sync sends all of it.
  await page.getByTestId('sync-password').fill(accounts.pc_bspkota_1!);
  await page.getByTestId('sync-save').click();
  await syncNow(page);
  await expect(page.getByTestId('sync-waiting')).toHaveText('0');
  await expect(page.getByTestId('sync-waiting-kinds')).toHaveCount(0);
  await page.context().close();
});
