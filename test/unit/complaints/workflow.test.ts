import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { refuseTransition, STATUSES, TRANSITIONS, transitionsFrom, transitionPatch } from '../../../renderer/src/domain/complaints/workflow';
import { withStoredMoneyRows } from '../../../renderer/src/domain/complaints/draft';
import { changeComplaintStatus, correctComplaint, createComplaint } from '../../../renderer/src/db/complaints';
import { complaint, makeCtx, TODAY, writer } from './fixtures';

const data = (over: Record<string, unknown> = {}) => withStoredMoneyRows(complaint(over));
const HOLD = [{ bank: 'Axis', amount: '30,000', date: '2026-11-27' }];

describe('the transition table', () => {
  it('is data with bilingual labels, and covers every status', () => {
    for (const t of TRANSITIONS) {
      expect(t.label.hi).toMatch(/[\u0900-\u097F]/);
      expect(t.label.en).not.toBe('');
    }
    const reachable = new Set(TRANSITIONS.map((t) => t.to));
    for (const s of STATUSES.filter((x) => x.value !== 'received')) expect(reachable.has(s.value), s.value).toBe(true);
  });

  it('follows received → inquiry → FIR / NCR / sent on → hold → refund pending → disposed / closed', () => {
    expect(transitionsFrom('received').map((t) => t.to)).toEqual(['inquiry', 'fir', 'ncr', 'sent', 'hold', 'disposed', 'closed']);
    expect(transitionsFrom('inquiry').map((t) => t.to)).toEqual(['fir', 'ncr', 'sent', 'hold', 'disposed', 'closed']);
    expect(transitionsFrom('hold').map((t) => t.to)).toEqual(['refund-pending', 'disposed', 'closed']);
    expect(transitionsFrom('refund-pending').map((t) => t.to)).toEqual(['hold', 'disposed', 'closed']);
    expect(transitionsFrom('disposed').map((t) => t.to)).toEqual(['inquiry']);
  });

  it('refuses a step that is not in the table, in both languages', () => {
    const r = refuseTransition(data({ status: 'received' }), 'refund-pending');
    expect(r!.message).toEqual({
      hi: 'स्थिति "प्राप्त" से "वापसी लंबित" में नहीं बदली जा सकती',
      en: 'The status cannot change from "Received" to "Refund pending"',
    });
    expect(() => transitionPatch(data({ status: 'disposed' }), 'fir', {}, TODAY)).toThrow(DomainError);
  });

  it('asks for what a step needs', () => {
    const r = refuseTransition(data({ status: 'inquiry' }), 'fir', {}, null, (k) => ({ hi: k === 'firNo' ? 'अपराध क्रमांक' : 'एफआईआर दिनांक', en: k }));
    expect(r!.message.hi).toBe('"एफआईआर दर्ज" के लिए ये भरें: अपराध क्रमांक, एफआईआर दिनांक');
    expect(r!.issues.map((i) => i.field)).toEqual(['firNo', 'firDate']);
    expect(refuseTransition(data({ status: 'inquiry' }), 'fir', { firNo: '412/2026', firDate: '2026-11-28' })).toBeNull();
    expect(refuseTransition(data({ status: 'inquiry' }), 'hold')!.message.en).toBe('First add the amount put on hold');
    expect(refuseTransition(data({ status: 'inquiry', holds: HOLD }), 'hold')).toBeNull();
  });

  it('refuses disposal while held money waits for refund, allows closing with a reason', () => {
    const d = data({ status: 'hold', holds: HOLD });
    const r = refuseTransition(d, 'disposed', { disposalDate: TODAY, disposalType: 'refunded' });
    expect(r!.message.hi).toMatch(/₹30,000.00 की वापसी अभी लंबित है/);
    expect(refuseTransition(d, 'closed', { disposalDate: TODAY, disposalType: 'other' })!.issues[0]!.field).toBe('reason');
    expect(refuseTransition(d, 'closed', { disposalDate: TODAY, disposalType: 'other' }, 'बैंक ने 90 दिन बाद होल्ड हटाया')).toBeNull();
  });

  it('the patch sets the action with the status, and the date', () => {
    expect(transitionPatch(data({ status: 'inquiry' }), 'fir', { firNo: '412/2026', firDate: TODAY }, TODAY)).toEqual({
      firNo: '412/2026',
      firDate: TODAY,
      action: 'fir',
      status: 'fir',
      statusSince: TODAY,
    });
  });
});

describe('status changes are recorded versions', () => {
  it('takes a 1930 complaint through hold and a partial refund to disposal, version by version', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    const id = record.id;
    await changeComplaintStatus(ctx, writer, id, 'inquiry');
    await expect(changeComplaintStatus(ctx, writer, id, 'hold')).rejects.toMatchObject({ code: 'status.refused' });
    await correctComplaint(ctx, writer, id, { holds: HOLD }, 'होल्ड की सूचना बैंक से');
    await changeComplaintStatus(ctx, writer, id, 'hold');
    await correctComplaint(ctx, writer, id, { refunds: [{ amount: '10,000', date: '2026-11-28', route: 'mha-sop' }] }, 'आंशिक वापसी');
    const rp = await changeComplaintStatus(ctx, writer, id, 'refund-pending');
    expect(rp.record.data).toMatchObject({ status: 'refund-pending', totalHeld: 3_000_000, totalRefunded: 1_000_000, pendingRefund: 2_000_000 });
    await expect(changeComplaintStatus(ctx, writer, id, 'disposed', { disposalDate: TODAY, disposalType: 'refunded' })).rejects.toThrow(/still to be refunded/);
    await correctComplaint(ctx, writer, id, { refunds: [{ amount: '10,000', date: '2026-11-28', route: 'mha-sop' }, { amount: '20,000', date: '2026-11-28', route: 'mha-sop' }] }, 'शेष वापसी');
    const done = await changeComplaintStatus(ctx, writer, id, 'disposed', { disposalDate: TODAY, disposalType: 'refunded' }, 'पूरी राशि वापस');
    const h = done.record.history;
    expect(h.map((v) => v.kind)).toEqual(['create', 'status', 'correct', 'status', 'correct', 'status', 'correct', 'status']);
    expect(h.filter((v) => v.kind === 'status').map((v) => v.changes.find((c) => c.field === 'status')!.after)).toEqual(['inquiry', 'hold', 'refund-pending', 'disposed']);
    expect(h[7]!.reason).toBe('पूरी राशि वापस');
    const audit = await ctx.db.audit.where('recordId').equals(id).toArray();
    expect(audit.filter((a) => a.action === 'status')).toHaveLength(4);
  });

  it('a correction cannot put an entry in a status its data contradicts', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint({ status: 'inquiry' }));
    await expect(correctComplaint(ctx, writer, record.id, { status: 'hold' }, 'गलत स्थिति')).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'status', code: 'status.hold' })],
    });
  });

  it('refuses a stale step (someone else changed the entry)', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    await changeComplaintStatus(ctx, writer, record.id, 'inquiry');
    await expect(changeComplaintStatus(ctx, writer, record.id, 'ncr', {}, null, record.version)).rejects.toMatchObject({ code: 'stale' });
  });

  it('reopening clears the disposal and needs a reason', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint({ transactions: [], ncrpCategory: 'hacking' }));
    await changeComplaintStatus(ctx, writer, record.id, 'closed', { disposalDate: TODAY, disposalType: 'no-offence' }, 'अपराध नहीं');
    await expect(changeComplaintStatus(ctx, writer, record.id, 'inquiry')).rejects.toMatchObject({ code: 'status.refused' });
    const r = await changeComplaintStatus(ctx, writer, record.id, 'inquiry', {}, 'प्रार्थी ने नए साक्ष्य दिए');
    expect(r.record.data).toMatchObject({ status: 'inquiry', disposalDate: null, disposalType: null });
  });
});
