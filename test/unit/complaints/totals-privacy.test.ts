import { describe, expect, it } from 'vitest';
import { readTotals, cancelRecord } from '../../../renderer/src/db/repository';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { COMPLAINT_TOTAL_KEYS as K, percent } from '../../../renderer/src/domain/complaints/totals';
import { changeComplaintStatus, correctComplaint, createComplaint, pageComplaints, viewComplaint } from '../../../renderer/src/db/complaints';
import { can } from '../../../renderer/src/domain/roles';
import { maskMobile } from '../../../renderer/src/domain/normalize';
import { queryAudit } from '../../../renderer/src/db/audit';
import { complaint, incharge, makeCtx, nodal, viewer, writer } from './fixtures';

describe('running totals for the dashboard and returns', () => {
  it('counts and sums paise by year, source, category, modus and status, and follows corrections and cancellations', async () => {
    const ctx = makeCtx();
    const a = (await createComplaint(ctx, writer, complaint())).record; // ₹40,000, golden hour (10:00 → 10:40)
    await createComplaint(ctx, writer, complaint({ source: 'walkin', called1930: false, ncrpFiledAt: '2026-11-27T12:30', transactions: [{ at: '2026-11-27T10:00', amount: '10,00,000', mode: 'neft', utr: 'N1' }] }));
    const c = (await createComplaint(ctx, writer, complaint({ receivedAt: '2025-03-01T10:00', incidentAt: '2025-03-01T09:00', noticedAt: null, gdDate: '2025-03-01', transactions: [], ncrpCategory: 'hacking' }))).record;

    let t = await readTotals(ctx, [K.all, K.year(2026), K.year(2025), K.source('1930'), K.source('walkin'), K.category('financial'), K.modus('customer-care'), K.status('received')]);
    expect(t.get(K.all)).toMatchObject({ count: 3, moneyCases: 2, lost: 104_000_000, held: 0, goldenHour: 1, within24h: 2, highValue: 1, ncrpMissing: 0, open: 3 });
    expect(t.get(K.year(2026))).toMatchObject({ count: 2, lost: 104_000_000 });
    expect(t.get(K.year(2025))).toMatchObject({ count: 1, lost: 0 });
    expect(t.get(K.source('1930'))).toMatchObject({ count: 2, lost: 4_000_000 });
    expect(t.get(K.source('walkin'))).toMatchObject({ count: 1, lost: 100_000_000, highValue: 1 });
    expect(t.get(K.category('financial'))).toMatchObject({ count: 2 });
    expect(t.get(K.modus('customer-care'))).toMatchObject({ count: 3 });
    expect(t.get(K.status('received'))).toMatchObject({ count: 3 });

    await correctComplaint(ctx, writer, a.id, { holds: [{ bank: 'Axis', amount: '30,000', date: '2026-11-28' }], refunds: [{ amount: '0.10', date: '2026-11-28', route: 'bank-reversal' }] }, 'होल्ड व वापसी');
    await changeComplaintStatus(ctx, writer, a.id, 'hold');
    await cancelRecord(ctx, nodal, complaintRegister, c.id, 'गलत प्रविष्टि');
    t = await readTotals(ctx, [K.all, K.status('received'), K.status('hold'), K.year(2025)]);
    expect(t.get(K.all)).toMatchObject({ count: 2, held: 3_000_000, refunded: 10, pending: 2_999_990 });
    expect(t.get(K.status('received'))).toMatchObject({ count: 1 });
    expect(t.get(K.status('hold'))).toMatchObject({ count: 1, pending: 2_999_990 });
    expect(t.get(K.year(2025))).toMatchObject({ count: 0 });
    expect(percent(1, 2)).toBe(50);
    expect(percent(1, 0)).toBeNull();
  });
});

describe('privacy', () => {
  it('only station roles see complainant mobiles unmasked', () => {
    expect(can('writer', 'complaint.unmasked')).toBe(true);
    expect(can('incharge', 'complaint.unmasked')).toBe(true);
    expect(can('district-viewer', 'complaint.unmasked')).toBe(false);
    expect(can('district-admin', 'complaint.unmasked')).toBe(false);
    expect(maskMobile('9876543210')).toBe('98XXXXXX10');
  });

  it('opening an entry writes a "view" row to the audit log, which the in-charge can read', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    await viewComplaint(ctx, writer, record.id);
    await viewComplaint(ctx, viewer, record.id);
    const views = (await queryAudit(ctx, incharge, { action: 'view', limit: 10 })).rows;
    expect(views.map((v) => [v.userName, v.recordId, v.summary])).toEqual([
      ['District', record.id, '2026/0001'],
      ['राम कुमार', record.id, '2026/0001'],
    ]);
    await expect(queryAudit(ctx, writer, { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('listing does not log each row, but needs the read permission', async () => {
    const ctx = makeCtx();
    await createComplaint(ctx, writer, complaint());
    const page = await pageComplaints(ctx, viewer, { limit: 10 });
    expect(page.rows).toHaveLength(1);
    await expect(pageComplaints(ctx, { ...writer, role: 'nobody' as never }, { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a district viewer cannot enter complaints', async () => {
    const ctx = makeCtx();
    await expect(createComplaint(ctx, viewer, complaint())).rejects.toMatchObject({ code: 'forbidden' });
  });
});
