/**
 * A district office's PC for the screen walk (test/e2e/screens.spec.ts): a test hub provisioned by
 * `npm run hub` with two thanas and the district account, a few Mitans and a team per thana put
 * and each station's last-sync marker into the district database (as the hub's replication
 * delivers them), and a browser set up as the
 * district PC signed in to the hub. district.spec.ts tests the same steps with their refusals.
 */
import { expect, type Page } from '@playwright/test';
import { startHub, type RunningHub } from '../sync/hub-server';
import { field } from './helpers';
import { runHubCli } from './hubCli';

export const DISTRICT_THANAS = [
  { thanaName: 'कोटा', thanaCode: 'BSPKOTA', mitans: 3 },
  { thanaName: 'बिल्हा', thanaCode: 'BILHA', mitans: 2 },
] as const;

export interface DistrictHub {
  hub: RunningHub;
  accounts: Record<string, string>;
}

async function asAdmin(hub: RunningHub, method: string, path: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${hub.url}/${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${hub.admin.username}:${hub.admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json();
}

export async function startDistrictHub(appPort: number): Promise<DistrictHub> {
  const hub = await startHub(new URL('../..', import.meta.url).pathname);
  const out = await runHubCli(hub, [
    'provision', '--url', hub.url, '--district', 'bilaspur',
    ...DISTRICT_THANAS.flatMap((t) => ['--thana', `${t.thanaCode}:1`]),
    '--district-user', 'sp_bilaspur', '--origin', `http://127.0.0.1:${appPort}`,
  ]);
  const accounts: Record<string, string> = {};
  for (const m of out.matchAll(/^\s+((?:pc|sp)_\S+)\s+(\S+)\s+\(/gm)) accounts[m[1]!] = m[2]!;
  for (const t of DISTRICT_THANAS) {
    const teamId = `${t.thanaCode}:team:01JE2ETEAM${t.thanaCode}`;
    const docs: Record<string, unknown>[] = Array.from({ length: t.mitans }, (_, i) => ({
      _id: `${t.thanaCode}:mitan:01JE2E${t.thanaCode}${i}`,
      thana: t.thanaCode, type: 'mitan', schemaVersion: 1, mutationId: `01JE2EMUT${t.thanaCode}${i}`, serial: `2026/${i + 1}`,
      data: { name: `मितान ${i + 1} ${t.thanaName}`, status: 'active', consentDate: '2026-11-02', teamId, trainingDate: i ? '2026-11-05' : null },
      createdAt: '2026-11-02T05:30:00.000Z', updatedAt: '2026-11-02T05:30:00.000Z', cancelled: null, history: [],
    }));
    // Each station's last-sync marker (as its PC writes it after a session): the page shows its date and time.
    docs.push({ _id: `${t.thanaCode}:pcsync:PC1${t.thanaCode}`, thana: t.thanaCode, type: 'pcsync', schemaVersion: 1, pc: `PC1${t.thanaCode}`, pcSeries: '', at: new Date(Date.now() - 2 * 3600_000).toISOString(), appVersion: '0.1.0' });
    docs.push({
      _id: teamId, thana: t.thanaCode, type: 'team', schemaVersion: 1, mutationId: `01JE2ETEAM${t.thanaCode}`, serial: null,
      data: { teamNo: 1, name: `दल 1 ${t.thanaName}`, leaderName: 'दल नायक', target: 10 }, cancelled: null, history: [],
    });
    const res = (await asAdmin(hub, 'POST', 'district_bilaspur/_bulk_docs', { docs })) as { ok?: boolean }[];
    expect(res.every((x) => x.ok)).toBe(true);
  }
  return { hub, accounts };
}

/** The first-run screen as a district office, up to the hub address: profile, PIN, the hub. */
export async function startDistrictSetup(page: Page, hubUrl: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('setup')).toBeVisible();
  await page.getByTestId('setup-kind-district').check();
  const values: Record<string, string> = {
    district: 'बिलासपुर', districtCode: 'bilaspur', officeName: 'पुलिस अधीक्षक कार्यालय', spName: 'संजय सिंह',
    adminName: 'अनिता ध्रुव', campaignStart: '01-11-2026', campaignEnd: '31-01-2027',
  };
  for (const [k, v] of Object.entries(values)) await field(page, k).fill(v);
  await field(page, 'districtTarget').press('Enter');
  await page.getByTestId('district-pin').fill('1357');
  await page.getByTestId('district-pin2').fill('1357');
  await page.getByTestId('district-pin-next').click();
  await page.getByTestId('district-setup-url').fill(hubUrl);
}

/** The hub account typed into the district setup and "connect" pressed. */
export async function connectDistrict(page: Page, user: string, password: string): Promise<void> {
  await page.getByTestId('district-setup-user').fill(user);
  await page.getByTestId('district-setup-password').fill(password);
  await page.getByTestId('district-setup-connect').click();
}

/** The first-run screen as a district office: profile, PIN, the hub's district account. */
export async function setUpDistrictPc(page: Page, { hub, accounts }: DistrictHub): Promise<void> {
  await startDistrictSetup(page, hub.url);
  await connectDistrict(page, 'sp_bilaspur', accounts.sp_bilaspur!);
  await expect(page.locator('nav.sidenav')).toBeVisible();
}
