import { describe, expect, it } from 'vitest';
import { followUpLists, heldAwaitingByYear, pendingOver } from '../../../renderer/src/domain/complaints/followups';
import { cancelRecord } from '../../../renderer/src/db/repository';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { changeComplaintStatus, createComplaint, loadFollowUps } from '../../../renderer/src/db/complaints';
import type { StoredRecord } from '../../../renderer/src/domain/records';
import { complaint, makeCtx, nodal, TODAY, writer } from './fixtures';

const at = (date: string) => ({ receivedAt: `${date}T11:00`, incidentAt: `${date}T09:00`, noticedAt: null, gdDate: date, called1930At: `${date}T10:00`, ncrpFiledAt: `${date}T10:30` });
const noMoney = { transactions: [], ncrpCategory: 'hacking' };
const held = (amount: string, date = '2026-10-01') => ({
  transactions: [{ at: `${date}T08:00`, amount: '50,000', mode: 'upi', utr: `U${date}${amount}` }],
  holds: [{ bank: 'Axis', amount, date }],
});

async function scene() {
  const ctx = makeCtx();
  const mk = async (over: Record<string, unknown>) => (await createComplaint(ctx, writer, complaint(over))).record;
  const r = {
    fresh: await mk({ ...at('2026-11-25'), ...noMoney }), // 3 days
    eightDays: await mk({ ...at('2026-11-20'), ...noMoney }), // 8 days
    sevenDays: await mk({ ...at('2026-11-21'), ...noMoney }), // exactly 7: not "more than 7"
    fortyDays: await mk({ ...at('2026-10-19'), ...noMoney }),
    oldClosed: await mk({ ...at('2026-10-01'), ...noMoney }),
    noNcrp: await mk({ ...at('2026-11-27'), ncrpState: 'not-filed' }),
    holdNoCourt: await mk({ ...at('2026-10-01'), ...held('20,000') }),
    holdInCourt: await mk({ ...at('2025-06-01'), ...held('10,000', '2025-06-01'), courtApplicationDate: '2025-07-01' }),
    refunded: await mk({ ...at('2026-11-26'), ...held('10,000', '2026-11-26'), refunds: [{ amount: '10,000', date: '2026-11-27', route: 'mha-sop' }] }),
    cancelled: await mk({ ...at('2026-09-01'), ncrpState: 'not-filed' }),
  };
  await changeComplaintStatus(ctx, writer, r.oldClosed.id, 'closed', { disposalDate: '2026-10-05', disposalType: 'counselled' }, 'समझाइश दी');
  await cancelRecord(ctx, nodal, complaintRegister, r.cancelled.id, 'दोहरी प्रविष्टि');
  return { ctx, r };
}

const ids = (list: StoredRecord[]) => list.map((x) => x.id);

describe('follow-up lists', () => {
  it('pending more than 7 and 30 days: open entries only, oldest first', async () => {
    const { ctx, r } = await scene();
    const all = await ctx.db.complaint.toArray();
    expect(ids(pendingOver(all, TODAY, 7))).toEqual(ids([r.holdInCourt, r.holdNoCourt, r.fortyDays, r.eightDays]));
    expect(ids(pendingOver(all, TODAY, 30))).toEqual(ids([r.holdInCourt, r.holdNoCourt, r.fortyDays]));
  });

  it('money cases without NCRP number, holds without court application, refunds awaited', async () => {
    const { ctx, r } = await scene();
    const lists = followUpLists(await ctx.db.complaint.toArray(), TODAY);
    expect(ids(lists.noNcrp)).toEqual([r.noNcrp.id]);
    expect(ids(lists.holdNoCourt)).toEqual([r.holdNoCourt.id]);
    expect(ids(lists.refundAwaited)).toEqual(ids([r.holdInCourt, r.holdNoCourt])); // oldest hold first
  });

  it('the indexed query gives the same lists as the pure rules over every entry', async () => {
    const { ctx } = await scene();
    const fromIndexes = await loadFollowUps(ctx, writer, TODAY);
    const fromAll = followUpLists(await ctx.db.complaint.toArray(), TODAY);
    for (const k of Object.keys(fromAll) as (keyof typeof fromAll)[]) expect(ids(fromIndexes[k]), k).toEqual(ids(fromAll[k]));
  });

  it('lists held amounts awaiting refund year by year', async () => {
    const { ctx } = await scene();
    expect(heldAwaitingByYear(await ctx.db.complaint.toArray())).toEqual([
      { year: '2025', count: 1, held: 1_000_000, refunded: 0, pending: 1_000_000 },
      { year: '2026', count: 1, held: 2_000_000, refunded: 0, pending: 2_000_000 },
    ]);
  });
});
