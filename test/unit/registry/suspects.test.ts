// The district suspect registry at the station (issue #15 §5): which identifiers a complaint gives
// the registry, that they are written in the complaint's own transaction, withdrawn (never deleted)
// on a correction or cancellation, carry nothing of the complainant, and are matched by index.
import { describe, expect, it, vi } from 'vitest';
import { cancelComplaintForTest, createComplaint, correctComplaint } from './complaintOps';
import { amountBand, planSuspectBodies, registryKeys, suspectDocId, SUSPECT_FIELDS } from '../../../renderer/src/domain/registry/suspects';
import { withStoredMoneyRows } from '../../../renderer/src/domain/complaints/draft';
import { findMatches, landRegistry, registryRowOf, scanMatches, suspectToDoc } from '../../../renderer/src/db/registry';
import { complaint, makeCtx, nodal, writer } from '../complaints/fixtures';

describe('identifiers for the registry', () => {
  it('takes the suspect identifiers, normalised, and never the complainant’s mobile, the NCRP number or a handle', () => {
    const keys = registryKeys(
      withStoredMoneyRows(complaint({ suspectMobiles: '+91 70000 12345', suspectUpiIds: 'Cheat@YBL ', suspectAccount: '9012', suspectIfsc: 'hdfc0000123', suspectUrl: 'https://www.Fake-KYC.in/x', suspectHandle: '@fake' })),
    );
    expect(keys.sort()).toEqual(
      ['smob:7000012345', 'upi:cheat@ybl', 'upi:fraud.pay@okaxis', 'acct:HDFC0000123:9012', 'acct:UTIB0001234:7788', 'url:fake-kyc.in', 'utr:432109876543', 'utr:633112223334'].sort(),
    );
  });

  it('bands amounts instead of carrying them', () => {
    expect([0, 999_999, 10_000_00, 99_999_99, 1_00_000_00, 10_00_000_00].map(amountBand)).toEqual(['nil', 'lt10k', '10k-1l', '10k-1l', '1l-10l', 'ge10l']);
  });

  it('plans only what changes: a new identifier is added, a removed one withdrawn, an unchanged one left alone', () => {
    const rec = { id: 'KOTA:complaint:01ABC', thana: 'KOTA', serial: '2026/0001', cancelled: null, data: withStoredMoneyRows(complaint()) };
    const first = planSuspectBodies(rec, [], 't1', () => 'm1');
    expect(first.map((b) => b.key).sort()).toEqual(['smob:7000012345', 'upi:fraud.pay@okaxis', 'acct:UTIB0001234:7788', 'utr:432109876543', 'utr:633112223334'].sort());
    expect(first.every((b) => b.id === suspectDocId(rec.id, b.key) && b.id.startsWith('KOTA:suspect:01ABC-'))).toBe(true);
    expect(planSuspectBodies(rec, first, 't2', () => 'm2')).toEqual([]);
    const second = planSuspectBodies({ ...rec, data: { ...rec.data, suspectMobiles: '7000099999' } }, first, 't2', () => 'm2');
    expect(second.map((b) => [b.key, b.withdrawn]).sort()).toEqual([['smob:7000012345', true], ['smob:7000099999', false]].sort());
  });
});

describe('written with the complaint', () => {
  it('a saved complaint has its registry entries, holding only the allowed fields and nothing of the complainant', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    const rows = await ctx.db.suspect.where('complaintId').equals(record.id).toArray();
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      const doc = suspectToDoc(r);
      expect(Object.keys(doc).filter((k) => !k.startsWith('_')).sort()).toEqual([...SUSPECT_FIELDS].sort());
      expect(r).toMatchObject({ thana: 'BSPKOTA', serial: record.serial, date: '2026-11-27', category: 'financial', band: '10k-1l', withdrawn: false, syncState: 'dirty' });
      const text = JSON.stringify(doc);
      for (const personal of ['सुनीता', 'साहू', '9876543210', 'वार्ड', '30012345678901', '8901']) expect(text).not.toContain(personal);
    }
  });

  it('nothing half-saved: when the registry write fails, the complaint is not saved either', async () => {
    const ctx = makeCtx();
    await ctx.db.open();
    const spy = vi.spyOn(ctx.db.suspect, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(createComplaint(ctx, writer, complaint())).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await ctx.db.complaint.count()).toBe(0);
    expect(await ctx.db.suspect.count()).toBe(0);
  });

  it('a corrected identifier is withdrawn, not deleted; a cancelled complaint withdraws every one', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    await correctComplaint(ctx, nodal, record.id, { suspectMobiles: '7000099999' }, 'गलत नंबर लिखा था', record.version);
    let rows = await ctx.db.suspect.where('complaintId').equals(record.id).toArray();
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.key === 'smob:7000012345')!.withdrawn).toBe(true);
    expect(rows.find((r) => r.key === 'smob:7000099999')!.withdrawn).toBe(false);
    await cancelComplaintForTest(ctx, record.id);
    rows = await ctx.db.suspect.where('complaintId').equals(record.id).toArray();
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.withdrawn && r.syncState === 'dirty')).toBe(true);
  });
});

describe('matching against the district registry', () => {
  async function seeded() {
    const ctx = makeCtx();
    await ctx.db.open();
    const entry = (thana: string, n: number, key: string, withdrawn = false) => ({
      id: `${thana}:suspect:C${n}-${key}`,
      deleted: false,
      doc: { _id: `${thana}:suspect:C${n}-${key}`, thana, type: 'suspect', schemaVersion: 1, mutationId: 'm', complaintId: `${thana}:complaint:C${n}`, key, serial: `2026/000${n}`, date: '2026-11-20', category: 'financial', band: 'lt10k', withdrawn, updatedAt: 't' },
    });
    await landRegistry(
      ctx.db,
      [
        entry('BILHA', 1, 'utr:432109876543'),
        entry('BILHA', 1, 'smob:7000012345'),
        entry('BILHA', 2, 'utr:999'),
        entry('TAKHATPUR', 3, 'smob:7000012345', true),
        entry('BSPKOTA', 4, 'utr:432109876543'),
        { id: 'BILHA:profile:main', deleted: false, doc: { _id: 'BILHA:profile:main', thana: 'BILHA', type: 'profile', value: { thanaCode: 'BILHA', thanaName: 'बिल्हा', nodalName: 'अनिल', nodalRank: 'उप निरीक्षक', nodalMobile: '9425500000' } } },
      ],
      { url: 'u', db: 'registry_x', epoch: 'e', seq: 6 },
    );
    return ctx;
  }

  it('finds other thanas’ complaints sharing an identifier, with whom to call; own thana and withdrawn entries left out', async () => {
    const ctx = await seeded();
    const keys = ['utr:432109876543', 'smob:7000012345', 'upi:none@ybl'];
    const found = await findMatches(ctx.db, keys, 'BSPKOTA');
    expect(found).toHaveLength(1);
    expect(found[0]!.entry).toMatchObject({ thana: 'BILHA', serial: '2026/0001' });
    expect(found[0]!.shared.sort()).toEqual(['smob:7000012345', 'utr:432109876543']);
    expect(found[0]!.contact).toEqual({ thanaName: 'बिल्हा', name: 'अनिल', rank: 'उप निरीक्षक', mobile: '9425500000' });
    expect(await scanMatches(ctx.db, keys, 'BSPKOTA')).toEqual(found);
    expect(await findMatches(ctx.db, [], 'BSPKOTA')).toEqual([]);
  });

  it('the copy mirrors the registry (an entry the IT cell removed goes); an unknown document type is skipped', async () => {
    const ctx = await seeded();
    await landRegistry(ctx.db, [{ id: 'BILHA:suspect:C1-utr:432109876543', deleted: true, doc: null }], { url: 'u', db: 'registry_x', epoch: 'e', seq: 7 });
    expect((await findMatches(ctx.db, ['utr:432109876543'], 'BSPKOTA')).length).toBe(0);
    expect((await findMatches(ctx.db, ['smob:7000012345'], 'BSPKOTA')).length).toBe(1);
    expect(registryRowOf({ _id: 'X:mitan:1', type: 'mitan' })).toBeNull();
  });
});
