/**
 * A second PC joins an existing thana from the first-run screen (design §3.16; issue #13 §6): it
 * signs in to the hub with its own PC account instead of typing the thana in again. The account
 * says which thana (its role `thana_<code>`) and which serial series (`series_<letter>`); the
 * thana's profile comes from the hub (the first PC's sync put it there). One transaction stores
 * the profile, this PC's series and the hub address, or nothing; the registers then come down by
 * the ordinary first sync (checkpointed, so an interrupted one goes on later). People and their
 * PINs never travel: the in-charge named in the profile sets a PIN on this PC (the setup's PIN step).
 *
 * A district office's PC connects with a district account (`checkDistrictAccount`): the hub's
 * answer about the account decides, before anything is written, that it is this district's.
 */
import type { StationDb } from '@/db/schema';
import { auditRow } from '@/db/repository';
import { readPcSettings, readProfile, validatedProfile } from '@/db/settings';
import { bi, type Bilingual } from '@/domain/bilingual';
import type { ThanaProfile } from '@/domain/setup';
import { DISTRICT_EPOCH_ID } from './doc';
import { docPath, HubClient, normalizeHubUrl, type FetchLike } from './http';
import { SyncError, toSyncError } from './messages';
import { registryDistrictOf } from './registryHub';
import { accountRoles, joinInfo, thanaOfRoles } from './series';
import { districtDbName, districtRole } from './vdu';

/** syncMeta key of the hub address and account (the sync store reads it: store.ts HUB_KEY). */
export const HUB_CONFIG_KEY = 'hub';

export class JoinError extends Error {
  constructor(
    readonly code:
      | 'bad-address'
      | 'bad-user'
      | 'no-password'
      | 'unreachable'
      | 'wrong-password'
      | 'district-account'
      | 'not-a-pc'
      | 'first-pc-not-synced'
      | 'already-set-up'
      | 'hub'
      | 'bad-district'
      | 'other-district'
      | 'thana-account'
      | 'not-a-district-account'
      | 'no-district'
      | 'changed',
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual.en} / ${bilingual.hi}`);
  }
}

export interface JoinRequest {
  url: string;
  username: string;
  password: string;
  fetch?: FetchLike;
}

export interface Joined {
  url: string;
  username: string;
  code: string;
  series: string;
  profile: ThanaProfile;
  /** The district on the hub the account belongs to (its `registry_<district>` role), if the hub says. */
  district: string | null;
}

const MESSAGES: Record<JoinError['code'], Bilingual> = {
  'bad-address': bi('हब का पता सही नहीं है: जैसे https://hub.bilaspur.example:6984 (जिला आईटी सेल से पूछें)', 'The hub address is not right: e.g. https://hub.bilaspur.example:6984 (ask the district IT cell)'),
  'bad-user': bi('पीसी खाते का नाम वही लिखें जो जिला आईटी सेल ने दिया है (जैसे pc_bspkota_2)', 'Enter the PC account name the district IT cell gave you (e.g. pc_bspkota_2)'),
  'no-password': bi('पासवर्ड लिखें', 'Enter the password'),
  unreachable: bi('इस पते पर हब नहीं मिला। पता और नेटवर्क जाँचें; कुछ भी सहेजा नहीं गया।', 'No hub answered at this address. Check the address and the network; nothing was saved.'),
  'wrong-password': bi('खाते का नाम या पासवर्ड गलत है; कुछ भी सहेजा नहीं गया।', 'The account name or the password is wrong; nothing was saved.'),
  'district-account': bi(
    'यह जिला कार्यालय का खाता है, थाने के पीसी का नहीं। थाने के पीसी का खाता (pc_…) लिखें, या ऊपर "जिला कार्यालय" चुनें।',
    'This is a district office account, not a thana PC account. Enter the thana PC account (pc_…), or choose "District office" above.',
  ),
  'not-a-pc': bi('यह खाता किसी एक थाने के पीसी का नहीं है (दूसरे जिले या दूसरे काम का खाता)। जिला आईटी सेल से इस पीसी का खाता लें।', 'This account is not the PC account of one thana (another district’s, or for another purpose). Ask the district IT cell for this PC’s account.'),
  'first-pc-not-synced': bi(
    'हब पर इस थाने की प्रोफ़ाइल अभी नहीं है: पहले थाने का पहला पीसी एक बार सिंक करे, फिर जुड़ें।',
    'The hub has no profile of this thana yet: let the thana’s first PC sync once, then join.',
  ),
  'already-set-up': bi('यह कंप्यूटर पहले से एक थाने के लिए सेट है।', 'This computer is already set up for a thana.'),
  hub: bi('हब ने अपेक्षित उत्तर नहीं दिया; कुछ भी सहेजा नहीं गया। जिला आईटी सेल से संपर्क करें।', 'The hub did not answer as expected; nothing was saved. Contact the district IT cell.'),
  changed: bi('हब का उत्तर अब वह नहीं है जिसकी आपने पुष्टि की थी (दूसरा थाना या जिला); कुछ भी सहेजा नहीं गया। फिर से साइन इन करें।', 'The hub now answers differently from what you confirmed (another thana or district); nothing was saved. Sign in again.'),
  'bad-district': bi('जिले का नाम अंग्रेज़ी अक्षरों में लिखें (जैसे bilaspur)', 'Write the district name in English letters (e.g. bilaspur)'),
  'other-district': bi('यह खाता दूसरे जिले का है; कुछ भी सहेजा नहीं गया। अपने जिले का खाता लिखें या जिले का नाम जाँचें।', 'This account belongs to another district; nothing was saved. Enter your district’s account, or check the district name.'),
  'thana-account': bi('यह किसी थाने के पीसी का खाता है, जिला कार्यालय का नहीं; कुछ भी सहेजा नहीं गया। जिला आईटी सेल से जिले का खाता लें।', 'This is a thana PC’s account, not a district office account; nothing was saved. Ask the district IT cell for the district account.'),
  'not-a-district-account': bi('यह खाता इस जिले का जिला खाता नहीं है; कुछ भी सहेजा नहीं गया। जिला आईटी सेल से जिले का खाता लें।', 'This account is not a district account of this district; nothing was saved. Ask the district IT cell for the district account.'),
  'no-district': bi('हब पर इस नाम का जिला नहीं है; कुछ भी सहेजा नहीं गया। जिले का नाम वैसा ही लिखें जैसा आईटी सेल ने हब पर बनाया।', 'The hub has no district of this name; nothing was saved. Write the district name exactly as the IT cell set up the hub.'),
};

function fail(code: JoinError['code'], detail?: string): never {
  const m = MESSAGES[code];
  throw new JoinError(code, detail ? { hi: `${m.hi} (${detail})`, en: `${m.en} (${detail})` } : m);
}

/** What the hub said, as a join message (never a half-truth about the network). */
async function joinErrorOf(e: unknown, r: JoinRequest & { url: string }): Promise<never> {
  const err = toSyncError(e);
  if (err.code === 'network' || err.code === 'timeout') fail('unreachable');
  if (err.code === 'unauthorized') fail('wrong-password');
  if (err.code === 'forbidden') {
    const roles = await accountRoles(r).catch(() => [] as string[]);
    if (roles.some((x) => x.startsWith('district_'))) fail('district-account');
    fail('not-a-pc');
  }
  if (err.code === 'not-provisioned') fail('first-pc-not-synced');
  if (err.code === 'insecure-url' || err.code === 'not-configured') fail('bad-address');
  fail('hub', err.message);
}

/** The address, account name and password as typed, checked before anything is asked of the hub. */
function checkedTarget(req: JoinRequest): JoinRequest & { url: string; username: string } {
  let url: string;
  try {
    url = normalizeHubUrl(req.url);
  } catch (e) {
    return fail('bad-address', e instanceof SyncError ? e.detail : undefined);
  }
  const username = req.username.trim();
  if (!/^[a-z0-9][a-z0-9_.-]{2,60}$/.test(username)) fail('bad-user');
  if (!req.password) fail('no-password');
  return { url, username, password: req.password, fetch: req.fetch };
}

/**
 * What joining with this account would do, as the hub says it (thana, its profile, district,
 * series), WITHOUT writing anything: the first-run screen shows it for the person to confirm, so
 * an account of another thana or another district is seen before this PC becomes that thana's.
 */
export async function previewJoin(req: JoinRequest): Promise<Joined> {
  const target = checkedTarget(req);
  const { url, username } = target;
  let info: Awaited<ReturnType<typeof joinInfo>>;
  try {
    info = await joinInfo(target);
  } catch (e) {
    return joinErrorOf(e, target);
  }
  return { url, username, code: info.code, series: info.series, profile: validatedProfile(info.profile), district: info.district };
}

/**
 * Sign in to the hub with this PC's account and store what joining needs, in one transaction.
 * `confirmed`: what the person saw and confirmed (previewJoin); a hub that now names another thana
 * or district is refused. Throws a JoinError (Hindi and English) and stores nothing when anything is wrong.
 */
export async function joinThana(
  db: StationDb,
  req: JoinRequest,
  now: () => Date = () => new Date(),
  confirmed?: Pick<Joined, 'code' | 'district'>,
): Promise<Joined> {
  const info = await previewJoin(req);
  if (confirmed && (confirmed.code !== info.code || confirmed.district !== info.district)) fail('changed', `${confirmed.code} → ${info.code}`);
  const { url, username, profile } = info;
  await db.transaction('rw', [db.settings, db.audit, db.syncMeta], async () => {
    if (await readProfile(db)) fail('already-set-up');
    const pc = await readPcSettings(db);
    await db.settings.put({ key: 'profile', value: profile });
    await db.settings.put({ key: 'pc', value: { ...pc, pcSeries: info.series } });
    await db.syncMeta.put({ key: HUB_CONFIG_KEY, value: { url, username } });
    await db.audit.add(
      auditRow({ db, thana: info.code, pcSeries: info.series, now, settings: () => ({}) }, null, 'settings', {
        summary: `joined thana ${info.code} from the hub ${url} as ${username} (series ${info.series || '—'})`,
        before: null,
        after: { thanaCode: info.code, pcSeries: info.series, hub: url, username },
      }),
    );
  });
  return info;
}

export interface DistrictJoinRequest extends JoinRequest {
  /** The district's name on the hub, as the district PC's profile has it (`district_<name>`). */
  district: string;
}

export interface DistrictJoined {
  url: string;
  username: string;
  district: string;
}

/** The district a role names (`district_raipur` → 'raipur'), for each such role. */
function districtsOfRoles(roles: readonly string[]): string[] {
  return roles.map((r) => /^district_([a-z][a-z0-9_]{1,30})$/.exec(r)?.[1]).filter((d): d is string => !!d);
}

/**
 * A district office's PC connecting to the hub (issue #15 §1): checks with the hub, before the
 * caller writes anything, that this account is a district account OF THIS district. pouchdb-server
 * lets any account read any database, so a read that succeeds proves nothing; what the hub says
 * about the account decides:
 * - its roles (`_session`): `district_<name>` for this district (or a server admin); another
 *   district's role, a thana PC's roles (`thana_<code>`, `registry_<district>`) or none are refused,
 *   naming what the account is;
 * - the district database's epoch document (`district:meta:epoch`, written by provisioning and
 *   never changed): absent means no district of this name was provisioned on this hub.
 * Throws a JoinError in Hindi and English.
 */
export async function checkDistrictAccount(req: DistrictJoinRequest): Promise<DistrictJoined> {
  const target = checkedTarget(req);
  const { url, username } = target;
  const district = req.district.trim().toLowerCase();
  if (!/^[a-z][a-z0-9_]{1,30}$/.test(district)) fail('bad-district');
  try {
    const roles = await accountRoles(target);
    if (!roles.includes('_admin') && !roles.includes(districtRole(district))) {
      const others = districtsOfRoles(roles);
      if (others.length) fail('other-district', `${username}: ${others.join(', ')} ≠ ${district}`);
      const thana = thanaOfRoles(roles);
      if (thana) fail('thana-account', `${username}: ${thana}${registryDistrictOf(roles) ? `, ${registryDistrictOf(roles)}` : ''}`);
      fail('not-a-district-account', username);
    }
    const client = new HubClient({ url, auth: { username, password: req.password }, fetch: req.fetch, retry: { attempts: 2, baseMs: 300, capMs: 2000 } });
    const epoch = await client.request('GET', `${encodeURIComponent(districtDbName(district))}/${docPath(DISTRICT_EPOCH_ID)}`, { accept: [401, 403, 404] });
    if (epoch.status === 404) fail('no-district', districtDbName(district));
    if (epoch.status !== 200) fail('not-a-district-account', `${username}: ${districtDbName(district)}`);
  } catch (e) {
    if (e instanceof JoinError) throw e;
    return joinErrorOf(e, target);
  }
  return { url, username, district };
}
