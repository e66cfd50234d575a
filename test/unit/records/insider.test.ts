/**
 * The repositories against an insider with a script in the renderer: the permission comes from
 * the kind of change, workflow fields move only through their own operations, and sensitive
 * operations trust the users table, not the actor object handed in.
 */
import { describe, expect, it } from 'vitest';
import { changeComplaintStatus, correctComplaint, createComplaint } from '../../../renderer/src/db/complaints';
import { correctOutreach, createOutreach, verifyOutreach } from '../../../renderer/src/db/outreach';
import { correctRecord, createRecord } from '../../../renderer/src/db/repository';
import { saveProfile, saveThanaOptions } from '../../../renderer/src/db/settings';
import { addUser, setUserActive } from '../../../renderer/src/db/users';
import { makeBackup, restoreBackup } from '../../../renderer/src/db/backup';
import { saveBackupPrefs } from '../../../renderer/src/backup/settings';
import { setBackupKdfFloorForTests, BACKUP_KDF_MIN_ITERATIONS } from '../../../renderer/src/backup/format';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import type { Actor } from '../../../renderer/src/domain/records';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import { entry, makeCtx as outreachCtx, nodal, writer, incharge } from '../outreach/fixtures';
import { complaint } from '../complaints/fixtures';

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const PROFILE = { ...DEFAULT_PROFILE, thanaName: 'कोटा', thanaCode: 'BSPKOTA', inchargeName: 'अजय सिंह', nodalName: 'सीमा वर्मा', nodalMobile: '9876543210', campaignStart: '2026-11-01', campaignEnd: '2027-01-31', thanaTarget: 5000 };

describe('verification only through verification', () => {
  it('a writer cannot verify through correctRecord, with kind "verify" or without', async () => {
    const ctx = outreachCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    const stamp = { verifiedBy: 'सीमा वर्मा (उप निरीक्षक)', verifiedAt: '2026-11-28T18:00' };
    expect((await refusal(correctRecord(ctx, writer, outreachRegister, record.id, stamp, null, { kind: 'verify' }))).code).toBe('forbidden');
    const asCorrection = await refusal(correctRecord(ctx, writer, outreachRegister, record.id, stamp, 'सत्यापन जोड़ा'));
    expect(asCorrection.code).toBe('workflow');
    expect(asCorrection.bilingual.hi).toContain('केवल सत्यापन');
    expect(asCorrection.bilingual.en).toContain('only by verification');
    // Nor at creation, by calling the generic repository directly.
    expect((await refusal(createRecord(ctx, writer, outreachRegister, { ...entry(), ...stamp }))).code).toBe('workflow');
    expect((await ctx.db.outreach.get(record.id))!.data.verifiedAt ?? null).toBeNull();
  });

  it('a verification changes nothing but the verification', async () => {
    const ctx = outreachCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    const e = await refusal(
      correctRecord(ctx, nodal, outreachRegister, record.id, { verifiedBy: 'सीमा', verifiedAt: '2026-11-28T18:00', remarks: 'बदला' }, null, { kind: 'verify' }),
    );
    expect(e.code).toBe('workflow');
  });

  it("a writer's correction may still withdraw a verification (the entry goes back to the queue)", async () => {
    const ctx = outreachCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    await verifyOutreach(ctx, nodal, [record.id]);
    const { record: after } = await correctOutreach(ctx, writer, record.id, { remarks: 'संख्या सुधारी' }, 'गिनती गलत थी');
    expect(after.data.verifiedAt ?? null).toBeNull();
  });
});

describe('a complaint status moves only by the workflow table', () => {
  it('correctComplaint cannot move a complaint from received to closed', async () => {
    const ctx = outreachCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    expect(record.data.status).toBe('received');
    const e = await refusal(
      correctComplaint(ctx, writer, record.id, { status: 'closed', disposalDate: '2026-11-28', disposalType: 'no-offence' }, 'बंद करना है'),
    );
    expect(e.code).toBe('workflow');
    expect(e.bilingual.en).toContain('workflow step');
    expect((await ctx.db.complaint.get(record.id))!.data.status).toBe('received');
  });

  it('kind "status" handed to the repository directly is checked against the table, with the step\'s reason', async () => {
    const ctx = outreachCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    // Closing is in the table, but needs its reason.
    const noReason = await refusal(correctRecord(ctx, writer, complaintRegister, record.id, { status: 'closed', disposalDate: '2026-11-28', disposalType: 'no-offence' }, null, { kind: 'status' }));
    expect(noReason.code).toBe('status.refused');
    // The workflow's own operation still works.
    await changeComplaintStatus(ctx, writer, record.id, 'closed', { disposalDate: '2026-11-28', disposalType: 'no-offence' }, 'अपराध नहीं बनता');
    expect((await ctx.db.complaint.get(record.id))!.data.status).toBe('closed');
    // Not in the table: closed → FIR (a closed entry is reopened for inquiry first).
    const skip = await refusal(
      correctRecord(ctx, writer, complaintRegister, record.id, { status: 'fir', action: 'fir', firNo: '123/2026', firDate: '2026-11-28' }, 'एफआईआर', { kind: 'status' }),
    );
    expect(skip.code).toBe('status.refused');
    expect(skip.bilingual.hi).toContain('नहीं बदली जा सकती');
  });

  it('an unknown kind of change is refused, not treated as a correction', async () => {
    const ctx = outreachCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    const e = await refusal(correctRecord(ctx, writer, complaintRegister, record.id, { remarks: 'x' }, null, { kind: 'merge' as never }));
    expect(e.code).toBe('forbidden');
  });
});

describe('sensitive operations read the signed-in person from the users table', () => {
  const forged: Actor = { ...writer, role: 'incharge' };
  const stranger: Actor = { userId: 'u-nobody', name: 'कोई', rank: 'निरीक्षक', role: 'incharge', initials: 'क' };

  it('a writer claiming to be the in-charge changes no settings, users or preferences', async () => {
    const ctx = outreachCtx();
    await saveProfile(ctx, null, PROFILE);
    for (const who of [forged, stranger]) {
      expect((await refusal(saveProfile(ctx, who, { ...PROFILE, thanaTarget: 9 }))).code).toBe('forbidden');
      expect((await refusal(saveThanaOptions(ctx, who, { idleDays: 1 }))).code).toBe('forbidden');
      expect((await refusal(addUser(ctx, who, { name: 'नया प्रभारी', rank: 'निरीक्षक', role: 'incharge', pin: '2580' }))).code).toBe('forbidden');
      expect((await refusal(setUserActive(ctx, who, incharge.userId, false))).code).toBe('forbidden');
      expect((await refusal(saveBackupPrefs(ctx, who, { keep: 3, automatic: false }))).code).toBe('forbidden');
    }
    expect(await ctx.db.users.count()).toBe(3);
    expect((await ctx.db.users.get(incharge.userId))!.active).toBe(true);
  });

  it('a forged nodal officer cannot verify; a deactivated one can no longer verify either', async () => {
    const ctx = outreachCtx();
    const { record } = await createOutreach(ctx, writer, entry());
    expect((await refusal(verifyOutreach(ctx, { ...writer, role: 'nodal' }, [record.id]))).code).toBe('forbidden');
    await setUserActive(ctx, incharge, nodal.userId, false);
    expect((await refusal(verifyOutreach(ctx, nodal, [record.id]))).code).toBe('forbidden');
    expect((await ctx.db.outreach.get(record.id))!.data.verifiedAt ?? null).toBeNull();
  });

  it('a forged in-charge cannot restore a backup', async () => {
    setBackupKdfFloorForTests(1000);
    try {
      const ctx = outreachCtx();
      await saveProfile(ctx, null, PROFILE);
      const { bytes } = await makeBackup(ctx, incharge, 'थाना-कोटा-2026', '0.1.0', 1000);
      let safety = 0;
      const e = await refusal(restoreBackup(ctx, forged, bytes, 'थाना-कोटा-2026', async () => void safety++));
      expect(e.code).toBe('forbidden');
      expect(safety).toBe(0);
    } finally {
      setBackupKdfFloorForTests(BACKUP_KDF_MIN_ITERATIONS);
    }
  });
});
