// A district office's PC (issue #15 §1): its own profile, checked in both languages, saved with its
// audit row in one transaction; no thana profile is written, and a thana PC cannot become one.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISTRICT_PROFILE, type DistrictProfile } from '../../renderer/src/domain/districtProfile';
import { readDistrictProfile, saveDistrictProfile } from '../../renderer/src/db/district';
import { readProfile } from '../../renderer/src/db/settings';
import { createFirstUser } from '../../renderer/src/db/users';
import type { StationContext } from '../../renderer/src/db/context';
import type { DomainError } from '../../renderer/src/domain/bilingual';
import { dropCtx, makeCtx, PROFILE } from '../unit/dashboard/fixtures';

const GOOD: DistrictProfile = {
  ...DEFAULT_DISTRICT_PROFILE,
  district: 'बिलासपुर',
  districtCode: ' Bilaspur ',
  officeName: 'पुलिस अधीक्षक कार्यालय',
  spName: 'संजय सिंह',
  adminName: 'अनिता ध्रुव',
  campaignStart: '2026-11-01',
  campaignEnd: '2027-01-31',
};

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('district office setup', () => {
  it('saves the district profile and its audit row; no thana profile appears; the first user is the district admin', async () => {
    ctx = makeCtx();
    const saved = await saveDistrictProfile(ctx, GOOD);
    expect(saved.districtCode).toBe('bilaspur');
    expect(await readDistrictProfile(ctx.db)).toEqual(saved);
    expect(await readProfile(ctx.db)).toBeNull();
    const audit = await ctx.db.audit.toArray();
    expect(audit.map((a) => [a.action, a.thana])).toEqual([['setup', 'D-bilaspur']]);
    // The shared fixture seeds the thana's people; a district PC starts with none.
    await ctx.db.users.clear();
    const user = await createFirstUser({ ...ctx, thana: 'D-bilaspur' }, { name: GOOD.adminName, rank: GOOD.adminRank, pin: '1357' }, 'district-admin');
    expect(user.role).toBe('district-admin');
  });

  it('refuses bad input field by field in Hindi and English, and writes nothing', async () => {
    ctx = makeCtx();
    const e = await errorOf(saveDistrictProfile(ctx, { ...GOOD, districtCode: 'बिलासपुर', spName: '', campaignEnd: '2026-10-01', districtTarget: 0 }));
    const issues = (e as unknown as { issues: { field: string; message: { hi: string; en: string } }[] }).issues;
    expect(issues.map((i) => i.field).sort()).toEqual(['campaignEnd', 'districtCode', 'districtTarget', 'spName']);
    for (const i of issues) expect(i.message.hi && i.message.en).toBeTruthy();
    expect(await ctx.db.settings.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
  });

  it('a thana PC cannot be turned into the district office, and the district is set up once', async () => {
    ctx = makeCtx();
    await ctx.db.settings.put({ key: 'profile', value: PROFILE });
    expect((await errorOf(saveDistrictProfile(ctx, GOOD))).code).toBe('setup.thana');
    await ctx.db.settings.delete('profile');
    await saveDistrictProfile(ctx, GOOD);
    expect((await errorOf(saveDistrictProfile(ctx, GOOD))).code).toBe('setup.done');
    expect(await ctx.db.audit.count()).toBe(1);
  });
});
