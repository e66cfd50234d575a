// Shared scene for the complaint tests: a fresh database per test, a fixed clock in IST, and a
// 1930 alert about a UPI fraud with two transactions.
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import type { Actor } from '../../../renderer/src/domain/records';

/** 28 Nov 2026, 18:30 IST. */
export const NOW = new Date('2026-11-28T13:00:00.000Z');
export const TODAY = '2026-11-28';

export function makeCtx(now: () => Date = () => NOW): StationContext {
  return {
    db: new StationDb('t-' + crypto.randomUUID()),
    thana: 'BSPKOTA',
    pcSeries: '',
    now,
    settings: () => ({ district: 'बिलासपुर', thanaName: 'कोटा' }),
  };
}

export const writer: Actor = { userId: 'u-writer', name: 'राम कुमार', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'रक' };
export const nodal: Actor = { userId: 'u-nodal', name: 'सीमा वर्मा', rank: 'उप निरीक्षक', role: 'nodal', initials: 'सव' };
export const incharge: Actor = { userId: 'u-ti', name: 'अजय सिंह', rank: 'निरीक्षक', role: 'incharge', initials: 'अस' };
export const viewer: Actor = { userId: 'u-dv', name: 'District', rank: '', role: 'district-viewer', initials: 'D' };

/** Two UPI debits, the first at 10:00 on 27 Nov 2026, as the form hands them over (rupee text). */
export function twoTransactions(): Record<string, unknown>[] {
  return [
    {
      at: '2026-11-27T10:00',
      amount: '25,000.50',
      mode: 'upi',
      utr: '4321 0987 6543',
      victimBank: 'SBI',
      victimAccount: '30012345678901',
      beneficiaryBank: 'Axis',
      beneficiaryAccount: 'XXXXXX7788',
      beneficiaryIfsc: 'utib0001234',
      beneficiaryUpi: 'Fraud.Pay@OKAXIS',
    },
    { at: '2026-11-27T10:20', amount: '14999.50', mode: 'imps', utr: '633112223334', victimBank: 'SBI', victimAccount: '8901' },
  ];
}

/** A good 1930 complaint; each test changes what it is about. */
export function complaint(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receivedAt: '2026-11-27T12:15',
    source: '1930',
    gdNo: '23',
    gdDate: '2026-11-27',
    ncrpState: 'filed',
    ncrpAck: '31411250012345',
    ncrpFiledAt: '2026-11-27T11:30',
    called1930: true,
    called1930At: '2026-11-27T10:40',
    complainantName: 'सुनीता साहू',
    complainantRelative: 'रमेश साहू',
    complainantGender: 'female',
    complainantAge: 34,
    complainantMobile: '+91 98765 43210',
    complainantAddress: 'वार्ड 5, कोटा',
    complainantThana: 'कोटा',
    complainantDistrict: 'बिलासपुर',
    incidentAt: '2026-11-27T09:50',
    noticedAt: '2026-11-27T10:05',
    ncrpCategory: 'financial',
    ncrpSubCategory: 'financial.upi',
    modus: 'customer-care',
    platform: 'call',
    suspectMobiles: '7000012345',
    suspectUpiIds: '',
    action: 'inquiry',
    ioName: 'सीमा वर्मा',
    ioRank: 'उप निरीक्षक',
    status: 'received',
    transactions: twoTransactions(),
    holds: [],
    refunds: [],
    ...over,
  };
}
