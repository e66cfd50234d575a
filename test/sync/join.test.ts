/**
 * A second PC joins a thana from the first-run screen by signing in to the hub (issue #13 §6;
 * sync/join.ts): profile, series and hub address in one transaction, or nothing with a message in
 * Hindi and English; then the first sync brings the registers (PC 1's Mitan) down.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StationDb } from '../../renderer/src/db/schema';
import { readPcSettings, readProfile } from '../../renderer/src/db/settings';
import { checkDistrictAccount, joinThana, JoinError, HUB_CONFIG_KEY, previewJoin } from '../../renderer/src/sync/join';
import { syncOnce } from '../../renderer/src/sync/replicator';
import { thanaDbName } from '../../renderer/src/sync/vdu';
import { PROFILE } from '../unit/dashboard/fixtures';
import { hubAdmin, hubUrl, provisionThana, type ThanaSetup } from './helpers';
import { RealPc } from './real';

let setup: ThanaSetup;
const open: RealPc[] = [];
const dbs: StationDb[] = [];

beforeAll(async () => {
  setup = await provisionThana('JN', 2);
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

async function freshPc(): Promise<StationDb> {
  const db = new StationDb(`join-${Date.now()}-${dbs.length}`);
  await db.open();
  dbs.push(db);
  return db;
}

/** Nothing of a join is stored: no profile, no hub address, no audit row. */
async function expectNothingSaved(db: StationDb): Promise<void> {
  expect(await readProfile(db)).toBeNull();
  expect(await db.syncMeta.get(HUB_CONFIG_KEY)).toBeUndefined();
  expect(await db.audit.count()).toBe(0);
}

/** The join's refusal: a JoinError whose message is in Hindi and in English. */
async function refusal(attempt: Promise<unknown>): Promise<JoinError> {
  const e = await attempt.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(JoinError);
  const je = e as JoinError;
  expect(je.bilingual.hi).toMatch(/[\u0900-\u097F]/);
  expect(je.bilingual.en).toMatch(/[A-Za-z]/);
  return je;
}

async function refused(db: StationDb, req: Parameters<typeof joinThana>[1]): Promise<JoinError> {
  const je = await refusal(joinThana(db, req));
  await expectNothingSaved(db);
  return je;
}

describe('a second PC joins an existing thana by signing in to the hub', () => {
  it('bad address, wrong password, a district account, a hub that does not answer, the first PC not synced yet: a clear message, nothing saved', async () => {
    const db = await freshPc();
    const pc2 = setup.pcs[1]!;
    expect((await refused(db, { url: 'hub.bilaspur', ...pc2 })).code).toBe('bad-address');
    expect((await refused(db, { url: 'http://hub.bilaspur.example', ...pc2 })).code).toBe('bad-address'); // plain http off this computer
    expect((await refused(db, { url: hubUrl(), username: 'PC 2', password: 'x' })).code).toBe('bad-user');
    expect((await refused(db, { url: 'http://127.0.0.1:9', ...pc2 })).code).toBe('unreachable');
    expect((await refused(db, { url: hubUrl(), ...pc2, password: 'wrong-password' })).code).toBe('wrong-password');
    expect((await refused(db, { url: hubUrl(), ...setup.districtUser })).code).toBe('district-account');
    expect((await refused(db, { url: hubUrl(), ...pc2 })).code).toBe('first-pc-not-synced');
  });

  it('PC 2 takes the profile and its series B from its account, and its first sync brings PC 1’s Mitan down', async () => {
    const a = await RealPc.open(setup, 'first', 0);
    open.push(a);
    // The first PC was set up through the first-run screen: a whole profile.
    await a.db.settings.put({ key: 'profile', value: { ...PROFILE, thanaCode: setup.code, thanaName: `थाना ${setup.code}` } });
    const place = (await a.place('गाँव जुड़ाव')).record;
    const team = (await a.team(7)).record;
    const mitan = (await a.mitan(team.id, place.id, { name: 'सीता बाई', mobile: '9300012345' })).record;
    await a.sync();

    const db = await freshPc();
    // First what the hub says, shown for the person to confirm: thana, district, series; nothing written.
    const seen = await previewJoin({ url: `${hubUrl()}/`, ...setup.pcs[1]! });
    expect(seen).toMatchObject({ code: setup.code, district: setup.district, series: 'B-' });
    expect(seen.profile.thanaName).toBe(`थाना ${setup.code}`);
    await expectNothingSaved(db);
    // Confirmed for another thana or district than the hub now names: refused, nothing written.
    for (const other of [{ code: 'ZZOTHER', district: setup.district }, { code: setup.code, district: 'raipur' }])
      await expect(joinThana(db, { url: hubUrl(), ...setup.pcs[1]! }, undefined, other)).rejects.toMatchObject({ code: 'changed' });
    await expectNothingSaved(db);
    const joined = await joinThana(db, { url: `${hubUrl()}/`, ...setup.pcs[1]! }, undefined, seen);
    expect(joined).toMatchObject({ code: setup.code, series: 'B-', username: setup.pcs[1]!.username, url: hubUrl(), district: setup.district });
    expect(await readProfile(db)).toMatchObject({ thanaCode: setup.code, thanaName: `थाना ${setup.code}`, inchargeName: PROFILE.inchargeName });
    expect((await readPcSettings(db)).pcSeries).toBe('B-');
    expect((await db.syncMeta.get(HUB_CONFIG_KEY))?.value).toEqual({ url: hubUrl(), username: setup.pcs[1]!.username });
    // A second join on the same PC is refused and changes nothing.
    await expect(joinThana(db, { url: hubUrl(), ...setup.pcs[1]! })).rejects.toMatchObject({ code: 'already-set-up' });

    await syncOnce({ db, thana: joined.code, hub: { url: joined.url, db: thanaDbName(joined.code), ...setup.pcs[1]! } });
    const got = await db.mitan.get(mitan.id);
    expect(got?.data.name).toBe('सीता बाई');
    expect(got?.serial).toBe(mitan.serial);
  });
});

describe('a district office’s PC connects only with its own district’s account', () => {
  const refusedDistrict = (req: Parameters<typeof checkDistrictAccount>[0]): Promise<JoinError> => refusal(checkDistrictAccount(req));

  it('another district’s account, a thana PC’s account, a district the hub does not have: refused by what the hub says, in Hindi and English', async () => {
    const other = await provisionThana('JO', 1);
    const district = setup.district;
    // pouchdb-server lets any account read any database: reading the district database would not tell these apart.
    const wrong = await refusedDistrict({ url: hubUrl(), ...other.districtUser, district });
    expect(wrong.code).toBe('other-district');
    expect(wrong.bilingual.en).toContain(`${other.district} ≠ ${district}`);
    expect(wrong.bilingual.en).toContain('nothing was saved');
    // The same account for its own district is fine; and this district's account for the other district is not.
    expect(await checkDistrictAccount({ url: hubUrl(), ...other.districtUser, district: other.district })).toEqual({ url: hubUrl(), username: other.districtUser.username, district: other.district });
    expect((await refusedDistrict({ url: hubUrl(), ...setup.districtUser, district: other.district })).code).toBe('other-district');
    const pc = await refusedDistrict({ url: hubUrl(), ...setup.pcs[0]!, district });
    expect(pc.code).toBe('thana-account');
    expect(pc.bilingual.en).toContain(setup.code);
    expect((await refusedDistrict({ url: hubUrl(), ...hubAdmin(), district: `${district}x` })).code).toBe('no-district');
    expect((await refusedDistrict({ url: hubUrl(), ...setup.districtUser, password: 'wrong', district })).code).toBe('wrong-password');
    expect((await refusedDistrict({ url: hubUrl(), ...setup.districtUser, district: 'बिलासपुर' })).code).toBe('bad-district');
    expect(await checkDistrictAccount({ url: `${hubUrl()}/`, ...setup.districtUser, district: ` ${district.toUpperCase()} ` })).toEqual({ url: hubUrl(), username: setup.districtUser.username, district });
  });
});
