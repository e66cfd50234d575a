/**
 * Serial series belong to PC accounts (design §3.16; sync README "Serial series"). Provisioning
 * gives each PC account of a thana a role `series_<letter>`: the first PC `series_a` (the plain
 * series, `2026/0001`), the next `series_b` (`2026/B-0001`), … The hub refuses a new entry whose
 * serial is outside its writer's series. A PC takes its series from its account: at the start of
 * every sync session (`adoptAccountSeries`, called by the sync store) and when it joins a thana
 * (`joinInfo`), so nobody sets a letter by hand and two PCs can never issue the same serial.
 */
import type { StationDb } from '@/db/schema';
import { auditRow } from '@/db/repository';
import { readPcSettings } from '@/db/settings';
import type { ThanaProfile } from '@/domain/setup';
import { settingDocId } from './doc';
import { docPath, HubClient, type FetchLike } from './http';
import { SyncError } from './messages';
import { registryDistrictOf } from './registryHub';
import { thanaDbName } from './vdu';

export interface AccountTarget {
  url: string;
  username: string;
  password: string;
  fetch?: FetchLike;
}

/** The letter of a series role (`series_b` → 'B'), or null. */
export function seriesLetterOf(roles: readonly string[] | undefined): string | null {
  for (const r of roles ?? []) {
    const m = /^series_([a-z])$/.exec(r);
    if (m) return m[1]!.toUpperCase();
  }
  return null;
}

/** 'A' → '' (the plain series), 'B' → 'B-' … as the app writes serials (`YYYY/B-0001`). */
export function seriesOfLetter(letter: string): string {
  return letter.toUpperCase() === 'A' ? '' : `${letter.toUpperCase()}-`;
}

/** The thana code of a PC account (`thana_bspkota` → 'BSPKOTA'), or null. */
export function thanaOfRoles(roles: readonly string[] | undefined): string | null {
  const codes = (roles ?? []).map((r) => /^thana_([a-z0-9]{2,12})$/.exec(r)?.[1]).filter((c): c is string => !!c);
  return codes.length === 1 ? codes[0]!.toUpperCase() : null;
}

function client(t: AccountTarget): HubClient {
  return new HubClient({ url: t.url, auth: { username: t.username, password: t.password }, fetch: t.fetch, retry: { attempts: 2, baseMs: 300, capMs: 2000 } });
}

/** The account's roles as the hub sees them (a wrong password is a 401 SyncError). */
export async function accountRoles(t: AccountTarget): Promise<string[]> {
  const res = await client(t).request<{ userCtx?: { name?: string | null; roles?: string[] } }>('GET', '_session');
  if (res.body?.userCtx?.name !== t.username) throw new SyncError('unauthorized', 'the hub did not accept this account', 401);
  return res.body.userCtx.roles ?? [];
}

/**
 * Take this PC's serial series from its hub account when it differs from the one stored here (a
 * per-PC setting; an audit row records the change). Returns null when the account carries no
 * series (a hub provisioned before series existed): the PC keeps what it has.
 */
export async function adoptAccountSeries(db: StationDb, t: AccountTarget, now: () => Date = () => new Date()): Promise<{ series: string; changed: boolean } | null> {
  const letter = seriesLetterOf(await accountRoles(t));
  if (!letter) return null;
  const series = seriesOfLetter(letter);
  const pc = await readPcSettings(db);
  if (pc.pcSeries === series) return { series, changed: false };
  const thana = (((await db.settings.get('profile'))?.value as { thanaCode?: string } | undefined)?.thanaCode ?? '').toUpperCase();
  await db.transaction('rw', db.settings, db.audit, async () => {
    await db.settings.put({ key: 'pc', value: { ...pc, pcSeries: series } });
    await db.audit.add(
      auditRow({ db, thana, pcSeries: series, now, settings: () => ({}) }, null, 'settings', {
        summary: `pc series ${pc.pcSeries || '—'} → ${series || '—'} (hub account ${t.username})`,
        before: { pcSeries: pc.pcSeries },
        after: { pcSeries: series },
      }),
    );
  });
  return { series, changed: true };
}

export interface JoinInfo {
  code: string;
  profile: ThanaProfile;
  series: string;
  /** The district on the hub, from the account's `registry_<district>` role (null on a hub provisioned before the registry). */
  district: string | null;
}

/**
 * What a second PC needs to join a thana, read with its own hub account: the thana (from the
 * account's role), the thana's profile (written by the first PC's sync) and this PC's series.
 */
export async function joinInfo(t: AccountTarget): Promise<JoinInfo> {
  const roles = await accountRoles(t);
  const code = thanaOfRoles(roles);
  if (!code) throw new SyncError('forbidden', 'this account is not a PC account of one thana', 403);
  const letter = seriesLetterOf(roles) ?? 'A';
  const res = await client(t).request<{ value?: ThanaProfile }>('GET', `${encodeURIComponent(thanaDbName(code))}/${docPath(settingDocId(code, 'profile'))}`, { accept: [404] });
  if (res.status === 404 || !res.body?.value) throw new SyncError('not-provisioned', `${code}: no profile on the hub yet`, 404);
  if (res.body.value.thanaCode !== code) throw new SyncError('bad-response', `profile of ${res.body.value.thanaCode} in ${code}'s database`);
  return { code, profile: res.body.value, series: seriesOfLetter(letter), district: registryDistrictOf(roles) };
}
