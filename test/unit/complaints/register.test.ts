import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { validateRecord } from '../../../renderer/src/domain/validation';
import { complaintRegister as def } from '../../../renderer/src/domain/registers/complaint';
import { MODUS_OPERANDI, NCRP_SUBCATEGORIES } from '../../../renderer/src/domain/registers/complaint-options';
import { moneyTotals } from '../../../renderer/src/domain/complaints/money-rows';
import { moneyDraftsOf, newComplaintDraft, withStoredMoneyRows } from '../../../renderer/src/domain/complaints/draft';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import { createComplaint, correctComplaint } from '../../../renderer/src/db/complaints';
import { complaint, makeCtx, NOW, TODAY, writer } from './fixtures';

const check = (input: Record<string, unknown>) => validateRecord(def, withStoredMoneyRows(input), { today: TODAY, settings: {} });
const codes = (input: Record<string, unknown>) => check(input).issues.map((i) => `${i.severity}:${i.field}:${i.code}`);

describe('the complaint register definition', () => {
  it('is registered, serial per year of receipt, audited', () => {
    expect(REGISTERS.complaint).toBe(def);
    expect(def.serial).toBe(true);
    expect(def.serialDateField).toBe('receivedAt');
    expect(def.auditReads).toBe(true);
    expect(def.fields.find((f) => f.key === 'complainantMobile')?.personal).toBe(true);
    expect(def.fields.find((f) => f.key === 'mitanId')).toMatchObject({ type: 'ref', refType: 'mitan' });
  });

  it('has the 20 modus-operandi rows and every label in Hindi and English', () => {
    expect(MODUS_OPERANDI).toHaveLength(20);
    for (const f of def.fields) {
      expect(f.label.hi, f.key).toMatch(/[\u0900-\u097F]/);
      expect(f.label.en, f.key).not.toBe('');
      for (const o of f.options ?? []) expect(o.label.en, `${f.key}.${o.value}`).not.toBe('');
    }
    const keys = def.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('accepts a good 1930 complaint without issues', () => {
    expect(codes(complaint())).toEqual([]);
  });

  it('warns, but does not refuse, an NCRP number that is not 14 digits', () => {
    const { issues } = check(complaint({ ncrpAck: '3141125001' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'ncrpAck', code: 'ncrp.format', severity: 'warning' });
    expect(issues[0]!.message.hi).toMatch(/14 अंकों/);
  });

  it('has an explicit "not filed yet" state, and then warns for a money case', () => {
    const r = check(complaint({ ncrpState: 'not-filed', ncrpAck: '31411250012345' }));
    expect(r.data.ncrpAck).toBeNull();
    expect(r.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['warning:ncrp.missing']);
    expect(r.data.ncrpMissing).toBe(true);
    expect(codes(complaint({ ncrpState: 'filed', ncrpAck: '' }))).toContain('error:ncrpAck:required');
  });

  it('offers sub-categories of the chosen category only', () => {
    expect(NCRP_SUBCATEGORIES.financial!.map((o) => o.value)).toContain('financial.upi');
    expect(codes(complaint({ ncrpSubCategory: 'social.job' }))).toEqual(['error:ncrpSubCategory:option']);
    const hacking = check(complaint({ ncrpCategory: 'hacking', ncrpSubCategory: 'financial.upi', transactions: [] }));
    expect(hacking.issues).toEqual([]);
    expect(hacking.data.ncrpSubCategory).toBeNull();
  });

  it('links a Mitan when the complaint came through one', () => {
    expect(codes(complaint({ source: 'mitan' }))).toEqual(['error:mitanId:required']);
    expect(codes(complaint({ source: 'mitan', mitanId: 'BSPKOTA:mitan:01J0000000000000000000000' }))).toEqual([]);
    expect(check(complaint({ source: 'walkin', mitanId: 'x' })).data.mitanId).toBeNull();
  });

  it('asks for the FIR number, date when the action is an FIR', () => {
    expect(codes(complaint({ action: 'fir' }))).toEqual(['error:firNo:required', 'error:firDate:required']);
    expect(codes(complaint({ action: 'fir', firNo: '412/2026', firDate: '2026-11-28', firSections: '318(4) BNS, 66D IT Act' }))).toEqual([]);
  });

  it('refuses times in the wrong order', () => {
    expect(codes(complaint({ incidentAt: '2026-11-27T13:00' }))).toContain('error:incidentAt:order');
    expect(codes(complaint({ noticedAt: '2026-11-27T09:00' }))).toContain('error:noticedAt:order');
    expect(codes(complaint({ receivedAt: '2026-11-29T10:00' }))).toContain('error:receivedAt:future');
  });
});

describe('money rows inside the complaint', () => {
  it('stores amounts in paise and accounts as their last 4 digits only', () => {
    const { data } = check(complaint());
    const [t1, t2] = data.transactions as Record<string, unknown>[];
    expect(t1).toMatchObject({ amount: 2_500_050, utr: '432109876543', victimAccount: '8901', beneficiaryAccount: '7788', beneficiaryIfsc: 'UTIB0001234', beneficiaryUpi: 'fraud.pay@okaxis' });
    expect(t2).toMatchObject({ amount: 1_499_950, victimAccount: '8901' });
    expect(JSON.stringify(data)).not.toContain('30012345678901');
    expect(data.totalLost).toBe(4_000_000); // ₹25,000.50 + ₹14,999.50 = ₹40,000.00 exactly
  });

  it('computes lost, held, refunded and pending = held − refunded', () => {
    const { data } = check(
      complaint({
        holds: [
          { bank: 'Axis', account: '917020012347788', amount: '20,000', date: '2026-11-27' },
          { bank: 'Kotak', account: '1234', amount: '5000.25', date: '2026-11-28' },
        ],
        refunds: [{ amount: '12,000.10', date: '2026-11-28', route: 'mha-sop' }],
      }),
    );
    expect(moneyTotals(data)).toEqual({ lost: 4_000_000, held: 2_500_025, refunded: 1_200_010, pending: 1_300_015 });
    expect([data.totalLost, data.totalHeld, data.totalRefunded, data.pendingRefund]).toEqual([4_000_000, 2_500_025, 1_200_010, 1_300_015]);
    expect((data.holds as { account: string }[])[0]!.account).toBe('7788');
  });

  it('refuses a hold larger than the loss, with a bilingual message', () => {
    const r = check(complaint({ holds: [{ bank: 'Axis', account: '7788', amount: '40,000.01', date: '2026-11-27' }] }));
    const e = r.issues.find((i) => i.code === 'money.hold-exceeds-loss')!;
    expect(e.severity).toBe('error');
    expect(e.message.hi).toBe('कुल होल्ड राशि (₹40,000.01) कुल ठगी की राशि (₹40,000.00) से अधिक नहीं हो सकती');
    expect(e.message.en).toBe('Total held (₹40,000.01) cannot be more than the total lost (₹40,000.00)');
    expect(codes(complaint({ holds: [{ bank: 'Axis', amount: '40,000', date: '2026-11-27' }] }))).toEqual([]);
  });

  it('refuses a refund larger than what is held', () => {
    const r = check(
      complaint({
        holds: [{ bank: 'Axis', amount: '10,000', date: '2026-11-27' }],
        refunds: [
          { amount: '6,000', date: '2026-11-28', route: 'bank-reversal' },
          { amount: '4,000.01', date: '2026-11-28', route: 'bank-reversal' },
        ],
      }),
    );
    expect(r.issues.map((i) => i.code)).toEqual(['money.refund-exceeds-hold']);
    expect(r.issues[0]!.message.en).toMatch(/₹10,000.01.*₹10,000.00/);
  });

  it('reports each bad row and column', () => {
    const r = check(
      complaint({
        transactions: [{ at: '2026-11-30T10:00', amount: '0', mode: 'pigeon', victimAccount: '12' }],
        holds: [{ bank: '', amount: '5', date: '27-11-2026' }],
        refunds: [{ amount: '1', date: '2026-11-27', route: '' }],
      }),
    );
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual([
      'transactions.0.at',
      'transactions.0.amount',
      'transactions.0.mode',
      'transactions.0.victimAccount',
      'holds.0.bank',
      'holds.0.date',
      'refunds.0.route',
    ]);
  });

  it('refuses an amount that is not rupees before anything is saved', () => {
    expect(() => withStoredMoneyRows(complaint({ holds: [{ bank: 'Axis', amount: '12.345', date: '2026-11-27' }] }))).toThrow(DomainError);
    try {
      withStoredMoneyRows({ refunds: [{ amount: 'abc', date: '2026-11-27', route: 'other' }] });
    } catch (e) {
      expect((e as DomainError).issues[0]!.field).toBe('refunds.0.amount');
    }
  });

  it('a stored full account number is refused even if it bypasses the form (import, sync)', () => {
    const raw = complaint();
    const r = validateRecord(def, { ...raw, transactions: [{ at: '2026-11-27T10:00', amount: 100, mode: 'upi', victimAccount: '30012345678901' }] }, { today: TODAY, settings: {} });
    expect(r.issues.some((i) => i.field === 'transactions.0.victimAccount' && i.code === 'last4')).toBe(true);
  });

  it('warns for the SOP route at ₹50,000 or more', () => {
    const big = complaint({
      transactions: [{ at: '2026-11-27T10:00', amount: '60,000', mode: 'upi', utr: 'A1' }],
      holds: [{ bank: 'Axis', amount: '60,000', date: '2026-11-27' }],
      refunds: [{ amount: '50,000', date: '2026-11-28', route: 'mha-sop' }],
    });
    expect(codes(big)).toEqual(['warning:refunds.0.route:sop.limit']);
  });

  it('round-trips rows through the form drafts', () => {
    const { data } = check(complaint());
    const drafts = moneyDraftsOf(data);
    expect(drafts.transactions[0]!.amount).toBe('25000.50');
    expect(withStoredMoneyRows({ ...drafts }).transactions).toEqual(data.transactions);
  });
});

describe('saving complaints', () => {
  it('creates with an annual serial from the date received, and keeps warnings', async () => {
    const ctx = makeCtx();
    const a = await createComplaint(ctx, writer, complaint({ ncrpAck: '12345' }));
    expect(a.record.serial).toBe('2026/0001');
    expect(a.warnings.map((w) => w.code)).toEqual(['ncrp.format']);
    const b = await createComplaint(ctx, writer, complaint({ receivedAt: '2025-12-31T23:50', incidentAt: '2025-12-31T23:00', noticedAt: null, gdDate: '2025-12-31', transactions: [], ncrpCategory: 'hacking' }));
    expect(b.record.serial).toBe('2025/0001');
    expect(b.record.late).toBe(true);
  });

  it('a draft from the form starts as received, not filed on NCRP, inquiry', () => {
    const d = newComplaintDraft(NOW, { district: 'बिलासपुर', thanaName: 'कोटा' });
    expect(d).toMatchObject({ receivedAt: '2026-11-28T18:30', status: 'received', ncrpState: 'not-filed', action: 'inquiry', complainantDistrict: 'बिलासपुर' });
  });

  it('adding a hold is a recorded correction; nothing is saved when the hold exceeds the loss', async () => {
    const ctx = makeCtx();
    const { record } = await createComplaint(ctx, writer, complaint());
    await expect(
      correctComplaint(ctx, writer, record.id, { holds: [{ bank: 'Axis', amount: '50,000', date: '2026-11-28' }] }, 'होल्ड की सूचना'),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ code: 'money.hold-exceeds-loss' })] });
    expect((await ctx.db.complaint.get(record.id))!.version).toBe(1);
    const ok = await correctComplaint(ctx, writer, record.id, { holds: [{ bank: 'Axis', amount: '30,000', date: '2026-11-28' }] }, 'होल्ड की सूचना');
    expect(ok.record.version).toBe(2);
    expect(ok.record.data.pendingRefund).toBe(3_000_000);
    expect(ok.record.history[1]!.changes.map((c) => c.field).sort()).toEqual(['holds', 'pendingRefund', 'totalHeld']);
  });
});
