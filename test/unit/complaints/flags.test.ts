import { describe, expect, it } from 'vitest';
import { complaintFlags, firstTransactionAt, flagBadges, formatDelay, reportedToHelplineAt } from '../../../renderer/src/domain/complaints/flags';
import { withStoredMoneyRows } from '../../../renderer/src/domain/complaints/draft';
import { complaint } from './fixtures';

const data = (over: Record<string, unknown> = {}) => withStoredMoneyRows(complaint(over));
const tx = (at: string, amount: string) => ({ at, amount, mode: 'upi', utr: `U${at}` });

describe('golden hour: reported to 1930/NCRP within 1 hour of the FIRST fraudulent transaction', () => {
  it('measures from the earliest transaction, whatever the row order', () => {
    const d = data({ transactions: [tx('2026-11-27T10:20', '100'), tx('2026-11-27T10:00', '100')], called1930At: '2026-11-27T10:55' });
    expect(firstTransactionAt(d)).toBe('2026-11-27T10:00');
    expect(complaintFlags(d)).toMatchObject({ goldenHour: true, within24h: true, delayMinutes: 55 });
  });

  it('uses the earlier of the 1930 call and the NCRP filing', () => {
    const d = data({ called1930: false, ncrpFiledAt: '2026-11-27T10:45' });
    expect(reportedToHelplineAt(d)).toBe('2026-11-27T10:45');
    expect(complaintFlags(d).goldenHour).toBe(true);
    expect(reportedToHelplineAt(data({ called1930At: '2026-11-27T12:00', ncrpFiledAt: '2026-11-27T10:30' }))).toBe('2026-11-27T10:30');
  });

  it('is exactly 60 minutes inclusive, not 61', () => {
    expect(complaintFlags(data({ called1930At: '2026-11-27T11:00', ncrpFiledAt: '2026-11-27T12:00' })).goldenHour).toBe(true);
    const late = complaintFlags(data({ called1930At: '2026-11-27T11:01', ncrpFiledAt: '2026-11-27T12:00' }));
    expect(late).toMatchObject({ goldenHour: false, within24h: true, delayMinutes: 61 });
  });

  it('within 24 hours, across midnight, and not after', () => {
    const d = (at: string) => complaintFlags(data({ called1930At: at, ncrpState: 'not-filed' }));
    expect(d('2026-11-28T10:00')).toMatchObject({ goldenHour: false, within24h: true, delayMinutes: 1440 });
    expect(d('2026-11-28T10:01')).toMatchObject({ goldenHour: false, within24h: false });
  });

  it('is false for a money case never reported, and not applicable without money', () => {
    expect(complaintFlags(data({ called1930: false, ncrpState: 'not-filed' }))).toMatchObject({ goldenHour: false, within24h: false, delayMinutes: null });
    expect(complaintFlags(data({ transactions: [] }))).toMatchObject({ goldenHour: null, within24h: null });
  });

  it('counts a report made before the money left as within the golden hour', () => {
    expect(complaintFlags(data({ called1930At: '2026-11-27T09:55', ncrpState: 'not-filed' }))).toMatchObject({ goldenHour: true, delayMinutes: 0 });
  });
});

describe('₹10 lakh or more', () => {
  it('flags at ₹10,00,000.00 and not a paisa below', () => {
    expect(complaintFlags(data({ transactions: [tx('2026-11-27T10:00', '9,99,999.99')] })).highValue).toBe(false);
    expect(complaintFlags(data({ transactions: [tx('2026-11-27T10:00', '5,00,000'), tx('2026-11-27T10:05', '5,00,000')] })).highValue).toBe(true);
  });
});

describe('money case without an NCRP number', () => {
  it('flags money lost with no acknowledgement, not a complaint without money', () => {
    expect(complaintFlags(data({ ncrpState: 'not-filed' })).ncrpMissing).toBe(true);
    expect(complaintFlags(data({ ncrpState: 'filed', ncrpAck: '' })).ncrpMissing).toBe(true);
    expect(complaintFlags(data()).ncrpMissing).toBe(false);
    expect(complaintFlags(data({ ncrpState: 'not-filed', transactions: [] })).ncrpMissing).toBe(false);
  });
});

describe('badges and delay text', () => {
  it('shows the flags in both languages', () => {
    const b = flagBadges(data({ ncrpState: 'not-filed', transactions: [tx('2026-11-27T10:00', '12,00,000')], called1930At: '2026-11-27T10:30' }));
    expect(b.map((x) => x.key)).toEqual(['highValue', 'ncrpMissing', 'goldenHour']);
    expect(b[2]!.label.hi).toBe('गोल्डन ऑवर में सूचना');
  });

  it('writes delays in days, hours and minutes', () => {
    expect(formatDelay(55)).toEqual({ hi: '55 मिनट', en: '55 min' });
    expect(formatDelay(125)).toEqual({ hi: '2 घंटे 5 मिनट', en: '2 h 5 min' });
    expect(formatDelay(1500)).toEqual({ hi: '1 दिन 1 घंटे', en: '1 d 1 h' });
    expect(formatDelay(0).hi).toBe('0 मिनट');
  });
});
