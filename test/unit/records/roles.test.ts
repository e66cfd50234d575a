import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../../renderer/src/db/audit';
import { createRecord } from '../../../renderer/src/db/repository';
import type { StationDb } from '../../../renderer/src/db/schema';
import { readPcSettings, readProfile, saveProfile, savePcSettings, saveThanaOptions } from '../../../renderer/src/db/settings';
import { addUser, setPinIterationsForTests, setUserActive } from '../../../renderer/src/db/users';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE, type ThanaProfile } from '../../../renderer/src/domain/setup';
import { freshDb, incharge, makeCtx, nodal, staffed, writer } from './fixtures';

const PROFILE: ThanaProfile = {
  ...DEFAULT_PROFILE,
  thanaName: 'कोटा',
  thanaCode: 'BSPKOTA',
  inchargeName: 'रमेश कुमार साहू',
  nodalName: 'सुनीता वर्मा',
  nodalMobile: '9876543210',
  campaignStart: '2026-11-01',
  campaignEnd: '2027-01-31',
  thanaTarget: 6000,
};

let db: StationDb;
beforeEach(async () => {
  db = staffed(freshDb(), writer, nodal, incharge);
  setPinIterationsForTests(1000);
  await saveProfile(makeCtx(db), null, PROFILE);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function forbidden(p: Promise<unknown>): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe('forbidden');
  expect((e as DomainError).bilingual.hi).toContain('अनुमति नहीं');
}

describe('the role table is enforced by the domain', () => {
  it('a writer cannot change settings, manage users or read the audit log; nothing is written', async () => {
    const ctx = makeCtx(db);
    await createRecord(ctx, writer, placeRegister, { name: 'खमरिया', kind: 'village', area: 'rural' });
    const auditBefore = await db.audit.count();

    await forbidden(saveProfile(ctx, writer, { ...PROFILE, thanaTarget: 9000 }));
    await forbidden(savePcSettings(ctx, writer, { idleLockMinutes: 60, pcSeries: '' }));
    await forbidden(saveThanaOptions(ctx, writer, { topics: ['x'] }));
    await forbidden(addUser(ctx, writer, { name: 'नया व्यक्ति', rank: 'आरक्षक', role: 'incharge', pin: '2580' }));
    await forbidden(setUserActive(ctx, writer, 'user:incharge', false));
    await forbidden(queryAudit(ctx, writer, { limit: 10 }));

    expect((await readProfile(db))!.thanaTarget).toBe(6000);
    expect((await readPcSettings(db)).idleLockMinutes).toBe(10);
    expect(await db.users.count()).toBe(3); // the three people on staff; nobody added
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('the in-charge can change settings and read the audit log', async () => {
    const ctx = makeCtx(db);
    await saveProfile(ctx, incharge, { ...PROFILE, campaignName: 'सायबर मितान' });
    await savePcSettings(ctx, incharge, { idleLockMinutes: 5, pcSeries: 'B-' });
    const { rows } = await queryAudit(ctx, incharge, { limit: 10 });
    expect(rows.map((r) => r.action)).toEqual(['settings', 'settings', 'setup']);
    expect(rows[1]).toMatchObject({ before: { campaignName: 'साइबर मितान' }, after: { campaignName: 'सायबर मितान' } });
    expect((await readPcSettings(db)).pcSeries).toBe('B-');
  });
});
