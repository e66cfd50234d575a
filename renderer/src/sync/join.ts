/**
 * A second PC joins an existing thana from the first-run screen (design §3.16; issue #13 §6): it
 * signs in to the hub with its own PC account instead of typing the thana in again. The account
 * says which thana (its role `thana_<code>`) and which serial series (`series_<letter>`); the
 * thana's profile comes from the hub (the first PC's sync put it there). One transaction stores
 * the profile, this PC's series and the hub address, or nothing; the registers then come down by
 * the ordinary first sync (checkpointed, so an interrupted one goes on later). People and their
 * PINs never travel: the in-charge named in the profile sets a PIN on this PC (the setup's PIN step).
 */
import type { StationDb } from '@/db/schema';
import { auditRow } from '@/db/repository';
import { readPcSettings, readProfile, validatedProfile } from '@/db/settings';
import { bi, type Bilingual } from '@/domain/bilingual';
import type { ThanaProfile } from '@/domain/setup';
import { normalizeHubUrl, type FetchLike } from './http';
import { SyncError, toSyncError } from './messages';
import { accountRoles, joinInfo } from './series';

/** syncMeta key of the hub address and account (the sync store reads it: store.ts HUB_KEY). */
export const HUB_CONFIG_KEY = 'hub';

export class JoinError extends Error {
  constructor(
    readonly code: 'bad-address' | 'bad-user' | 'no-password' | 'unreachable' | 'wrong-password' | 'district-account' | 'not-a-pc' | 'first-pc-not-synced' | 'already-set-up' | 'hub',
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

/**
 * Sign in to the hub with this PC's account and store what joining needs, in one transaction.
 * Throws a JoinError (Hindi and English) and stores nothing when anything is wrong.
 */
export async function joinThana(db: StationDb, req: JoinRequest, now: () => Date = () => new Date()): Promise<Joined> {
  let url: string;
  try {
    url = normalizeHubUrl(req.url);
  } catch (e) {
    return fail('bad-address', e instanceof SyncError ? e.detail : undefined);
  }
  const username = req.username.trim();
  if (!/^[a-z0-9][a-z0-9_.-]{2,60}$/.test(username)) fail('bad-user');
  if (!req.password) fail('no-password');
  const target = { url, username, password: req.password, fetch: req.fetch };
  let info: Awaited<ReturnType<typeof joinInfo>>;
  try {
    info = await joinInfo(target);
  } catch (e) {
    return joinErrorOf(e, target);
  }
  const profile = validatedProfile(info.profile);
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
  return { url, username, code: info.code, series: info.series, profile };
}
