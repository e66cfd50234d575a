import { describe, expect, it } from 'vitest';
import { historyRecord, moneyRowsText } from '../../../renderer/src/views/complaints/historyText';
import { maskedData, maskedRecord } from '../../../renderer/src/views/complaints/privacy';
import { correctComplaint, createComplaint } from '../../../renderer/src/db/complaints';
import { complaint, makeCtx, writer } from './fixtures';

describe('what the complaint pages show', () => {
  it('masks complainant mobiles for roles that do not need them, and only then', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    expect(maskedData(record.data, false).complainantMobile).toBe('98XXXXXX10');
    expect(maskedData(record.data, true).complainantMobile).toBe('9876543210');
    expect(maskedRecord(record, false).data.complainantMobile).toBe('98XXXXXX10');
    expect(record.data.complainantMobile).toBe('9876543210'); // the stored entry is untouched
  });

  it('writes money rows as text for the history, in both languages', () => {
    expect(moneyRowsText('holds', [{ bank: 'Axis', account: '7788', amount: 3_000_000, date: '2026-11-28' }], 'hi')).toBe('1) Axis XXXX7788 ₹30,000.00 28-11-2026');
    expect(moneyRowsText('refunds', [{ amount: 1_000_000, date: '2026-11-28', route: 'mha-sop' }], 'en')).toBe('1) ₹10,000.00 28-11-2026 MHA SOP (under ₹50,000)');
    expect(moneyRowsText('transactions', [{ at: '2026-11-27T10:00', amount: 2_500_050, mode: 'upi', utr: 'U1', victimBank: 'SBI', victimAccount: '8901', beneficiaryUpi: 'x@ybl' }], 'hi')).toBe(
      '1) 27-11-2026 10:00 ₹25,000.50 यूपीआई UTR U1 SBI XXXX8901 → x@ybl',
    );
    expect(moneyRowsText('holds', [], 'hi')).toBeNull();
  });

  it('gives the history panel readable rows and masked mobiles in every version', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    const { record: v2 } = await correctComplaint(ctx, writer, record.id, { complainantMobile: '9123456780', holds: [{ bank: 'Axis', amount: '30,000', date: '2026-11-28' }] }, 'होल्ड व मोबाइल');
    const shown = historyRecord(v2, 'hi', false);
    const change = (f: string) => shown.history[1]!.changes.find((c) => c.field === f)!;
    expect(change('holds')).toMatchObject({ before: null, after: '1) Axis ₹30,000.00 28-11-2026' });
    expect(change('complainantMobile')).toMatchObject({ before: '98XXXXXX10', after: '91XXXXXX80' });
    expect(shown.data.complainantMobile).toBe('91XXXXXX80');
    expect(historyRecord(v2, 'hi', true).data.complainantMobile).toBe('9123456780');
  });
});
