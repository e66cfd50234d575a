/**
 * The district office (issue #15 "done when"): two thanas' stations are set up and sync to the test
 * hub (pouchdb-server on 127.0.0.1, provisioned with `npm run hub`); a third browser is set up as
 * the district office — no thana — signs in to the hub with the district account, and shows the
 * thana-wise progress of both thanas from the hub's views, with each thana's last sync.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { startHub, type RunningHub } from '../sync/hub-server';
import { collectConsoleErrors, completeSetup } from './helpers';
import { connectDistrict, startDistrictSetup } from './districtPc';
import { runHubCli } from './hubCli';

const port = Number(process.env.E2E_PORT ?? 4319);
test.use({ actionTimeout: 15_000 });
let hub: RunningHub;
const accounts: Record<string, string> = {};
const THANAS = [
  { thanaName: 'कोटा', thanaCode: 'BSPKOTA', mitans: 3, trained: 2 },
  { thanaName: 'बिल्हा', thanaCode: 'BILHA', mitans: 2, trained: 0 },
];


test.beforeAll(async () => {
  hub = await startHub(new URL('../..', import.meta.url).pathname);
  const out = await runHubCli(hub, [
    'provision', '--url', hub.url, '--district', 'bilaspur',
    ...THANAS.flatMap((t) => ['--thana', `${t.thanaCode}:1`]),
    '--district-user', 'sp_bilaspur', '--origin', `http://127.0.0.1:${port}`,
  ]);
  for (const m of out.matchAll(/^\s+((?:pc|sp)_\S+)\s+(\S+)\s+\(/gm)) accounts[m[1]!] = m[2]!;
  expect(Object.keys(accounts)).toHaveLength(3);
});

test.afterAll(async () => {
  await hub?.stop();
});

/** A request to the hub as its admin. */
async function asAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${hub.url}/${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${hub.admin.username}:${hub.admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

async function stationSyncs(browser: Browser, t: (typeof THANAS)[number]): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto('/');
    await expect(page.getByTestId('setup')).toBeVisible();
    await completeSetup(page, { thanaName: t.thanaName, thanaCode: t.thanaCode });
    const user = `pc_${t.thanaCode.toLowerCase()}_1`;
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-url').fill(hub.url);
    await page.getByTestId('sync-user').fill(user);
    await page.getByTestId('sync-password').fill(accounts[user]!);
    await page.getByTestId('sync-save').click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-status')).toContainText('सिंक अभी नहीं चल रहा', { timeout: 30_000 });
    await expect(page.getByTestId('sync-error')).toHaveCount(0);
  } finally {
    await context.close();
  }
}

/**
 * Mitans of a thana put straight into the district database (as the hub's replication delivers a
 * thana's entries; the thana database's own rules are the hub suite's business), shaped as the
 * roster keeps them.
 */
const teamIdOf = (t: (typeof THANAS)[number]) => `${t.thanaCode}:team:01JE2ETEAM${t.thanaCode}`;

async function mitansAtHub(t: (typeof THANAS)[number]): Promise<void> {
  const docs: Record<string, unknown>[] = Array.from({ length: t.mitans }, (_, i) => ({
    _id: `${t.thanaCode}:mitan:01JE2E${t.thanaCode}${i}`.slice(0, 60),
    thana: t.thanaCode,
    type: 'mitan',
    schemaVersion: 1,
    mutationId: `01JE2EMUT${t.thanaCode}${i}`,
    serial: `2026/${i + 1}`,
    data: { name: `मितान ${i + 1}`, status: 'active', consentDate: '2026-11-02', teamId: teamIdOf(t), ...(i < t.trained ? { trainingDate: '2026-11-05' } : {}) },
    cancelled: null,
    history: [],
  }));
  // Their team, for the drill-down thana → teams → Mitans.
  docs.push({
    _id: teamIdOf(t), thana: t.thanaCode, type: 'team', schemaVersion: 1, mutationId: `01JE2ETEAM${t.thanaCode}`, serial: null,
    data: { teamNo: 1, name: `दल 1 ${t.thanaName}`, leaderName: 'दल नायक', target: 10 }, cancelled: null, history: [],
  });
  const r = await asAdmin('POST', 'district_bilaspur/_bulk_docs', { docs });
  expect((r.body as { ok?: boolean }[]).every((x) => x.ok)).toBe(true);
}

async function districtSetup(page: Page): Promise<void> {
  await startDistrictSetup(page, hub.url);
  // A thana PC's account is refused by what the hub says about it (its roles), nothing kept.
  await connectDistrict(page, 'pc_bspkota_1', accounts.pc_bspkota_1!);
  await expect(page.getByTestId('district-setup')).toContainText('यह किसी थाने के पीसी का खाता है, जिला कार्यालय का नहीं');
  await connectDistrict(page, 'sp_bilaspur', accounts.sp_bilaspur!);
  await expect(page.locator('nav.sidenav')).toBeVisible();
}

test('a district PC is set up, signs in to the hub, and shows thana-wise progress of two thanas whose stations synced', async ({ browser }) => {
  test.setTimeout(240_000);
  for (const t of THANAS) await stationSyncs(browser, t);
  for (const t of THANAS) await mitansAtHub(t);

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  try {
    await districtSetup(page);
    // No thana was invented: the district's own pages, and no thana registers in the menu.
    await expect(page.getByTestId('nav-district')).toBeVisible();
    await expect(page.getByTestId('nav-mitans')).toHaveCount(0);
    await expect(page.getByTestId('district-progress')).toBeVisible();

    // The hub's replication is continuous but not instant: refresh until both thanas' Mitans arrived.
    const kota = page.getByTestId('district-row-BSPKOTA');
    const bilha = page.getByTestId('district-row-BILHA');
    await expect(async () => {
      await page.getByTestId('district-refresh').click();
      await expect(kota.getByTestId('cell-enrolled')).toContainText('3', { timeout: 2_000 });
      await expect(bilha.getByTestId('cell-enrolled')).toContainText('2', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(kota).toContainText('कोटा');
    await expect(bilha).toContainText('बिल्हा');
    await expect(kota.getByTestId('cell-trained')).toHaveText('2');
    // Each station synced once: its last sync shows (not "never"), and it is not silent.
    for (const row of [kota, bilha]) {
      await expect(row.getByTestId('cell-sync')).not.toContainText('कभी नहीं');
      await expect(row.getByTestId('cell-sync')).not.toContainText('मौन');
    }
    // The share: 6,000 of the district's 2 lakh for each (the thana's own setting), 3 = 0.1 %.
    await expect(kota.getByTestId('cell-enrolled')).toContainText('(0.1%)');
    await expect(page.getByTestId('district-enrolled')).toHaveText('5');

    // Drill-down into a thana goes through the same views.
    await page.getByTestId('district-thana-BSPKOTA').click();
    await expect(page.getByTestId('district-thana')).toContainText('कोटा');
    await page.getByTestId('district-team-1').getByRole('link').click();
    await expect(page.getByTestId('district-mitans')).toContainText('मितान 3');

    // Each district page opened is in the district PC's own audit log, and its chain is whole.
    await page.goto('/#/audit');
    const log = page.getByTestId('audit-table');
    await expect(log).toContainText('थाना-वार प्रगति / thana-wise progress (2)');
    await expect(log).toContainText('BSPKOTA: दल / teams (1)');
    await expect(log).toContainText("BSPKOTA: दल के मितान / the team's Mitans (3)");
    await expect(page.getByTestId('audit-chain-ok')).toBeVisible();

    // Chromium logs every 4xx answer as a console error (none is expected here besides 404 probes).
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  } finally {
    await context.close();
  }
});
