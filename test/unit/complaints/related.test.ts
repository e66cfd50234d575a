import { describe, expect, it } from 'vitest';
import { complaintLookupKeys, describeKey, matchRelated, mergeKeyHits } from '../../../renderer/src/domain/complaints/related';
import { withStoredMoneyRows } from '../../../renderer/src/domain/complaints/draft';
import { cancelRecord } from '../../../renderer/src/db/repository';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { createComplaint, relatedByFullScan, relatedComplaints } from '../../../renderer/src/db/complaints';
import { complaint, makeCtx, nodal, writer } from './fixtures';

let ack = 31411250090000;
const other = (over: Record<string, unknown>) =>
  complaint({
    complainantName: 'मोहन यादव',
    complainantMobile: '9123456780',
    suspectMobiles: '',
    transactions: [{ at: '2026-11-26T15:00', amount: '5000', mode: 'upi', utr: `ZZZ${ack}` }],
    ncrpAck: String(ack++),
    ...over,
  });

describe('lookup keys of a complaint', () => {
  it('normalises each identifier so the same thing always gives the same key', () => {
    const keys = complaintLookupKeys(
      withStoredMoneyRows(
        complaint({
          suspectMobiles: '+91 70000 12345, 0092-300-1234567; 123',
          suspectUpiIds: 'Cheat@YBL ',
          suspectAccount: '9012',
          suspectIfsc: 'hdfc0000123',
          suspectUrl: 'https://www.Fake-KYC.in/login?x=1',
          suspectHandle: '@Fake.Profile',
        }),
      ),
    );
    expect(keys.sort()).toEqual(
      [
        'cmob:9876543210',
        'smob:7000012345',
        'smob:00923001234567',
        'upi:cheat@ybl',
        'upi:fraud.pay@okaxis',
        'acct:HDFC0000123:9012',
        'acct:UTIB0001234:7788',
        'url:fake-kyc.in',
        'sh:fake.profile',
        'ncrp:31411250012345',
        'utr:432109876543',
        'utr:633112223334',
      ].sort(),
    );
  });

  it('never makes a key from the last 4 digits alone', () => {
    const keys = complaintLookupKeys(withStoredMoneyRows(complaint({ suspectAccount: '9012', transactions: [{ at: '2026-11-27T10:00', amount: '1', mode: 'upi', beneficiaryAccount: '5555' }] })));
    expect(keys.filter((k) => k.startsWith('acct:'))).toEqual([]);
  });

  it('describes keys for people, complainant mobiles masked unless allowed', () => {
    expect(describeKey('cmob:9876543210', false)).toEqual({ hi: 'प्रार्थी मोबाइल: 98XXXXXX10', en: 'Complainant mobile: 98XXXXXX10' });
    expect(describeKey('cmob:9876543210', true).hi).toBe('प्रार्थी मोबाइल: 9876543210');
    expect(describeKey('utr:432109876543', false).en).toBe('UTR: 432109876543');
    expect(describeKey('acct:UTIB0001234:7788', false).en).toBe('Account (IFSC + last 4): UTIB0001234 XXXX7788');
  });
});

describe('related complaints', () => {
  it('finds entries sharing a UTR, a complainant mobile, a suspect mobile, a UPI id or an account', async () => {
    const ctx = makeCtx();
    const me = (await createComplaint(ctx, writer, complaint())).record;
    const byUtr = (await createComplaint(ctx, writer, other({ transactions: [{ at: '2026-11-26T15:00', amount: '5000', mode: 'upi', utr: '4321 0987 6543' }] }))).record;
    const byMobile = (await createComplaint(ctx, writer, other({ complainantMobile: '09876543210' }))).record;
    const bySuspect = (await createComplaint(ctx, writer, other({ suspectMobiles: '70000-12345' }))).record;
    const byUpi = (await createComplaint(ctx, writer, other({ suspectUpiIds: 'FRAUD.PAY@okaxis' }))).record;
    const byAcct = (await createComplaint(ctx, writer, other({ suspectAccount: '0000000007788', suspectIfsc: 'UTIB0001234' }))).record;
    await createComplaint(ctx, writer, other({})); // unrelated
    const twice = (await createComplaint(ctx, writer, other({ complainantMobile: '9876543210', suspectMobiles: '7000012345' }))).record;

    const related = await relatedComplaints(ctx, me);
    expect(related.map((r) => r.record.id).sort()).toEqual([byUtr, byMobile, bySuspect, byUpi, byAcct, twice].map((r) => r.id).sort());
    expect(related[0]!.record.id).toBe(twice.id); // most shared identifiers first
    expect(related[0]!.shared.sort()).toEqual(['cmob:9876543210', 'smob:7000012345']);
    expect(related.find((r) => r.record.id === byUtr.id)!.shared).toEqual(['utr:432109876543']);

    // and the other way round: the UTR entry finds this one
    expect((await relatedComplaints(ctx, byUtr)).find((r) => r.record.id === me.id)!.shared).toEqual(['utr:432109876543']);
  });

  it('the indexed lookup and the full scan agree', async () => {
    const ctx = makeCtx();
    const me = (await createComplaint(ctx, writer, complaint())).record;
    for (let i = 0; i < 12; i++)
      await createComplaint(ctx, writer, other({ complainantMobile: `91234567${String(i).padStart(2, '0')}`, suspectMobiles: i % 3 === 0 ? '7000012345' : '' }));
    const indexed = await relatedComplaints(ctx, me);
    const scanned = await relatedByFullScan(ctx, me);
    expect(indexed.map((r) => r.record.id)).toEqual(scanned.map((r) => r.record.id));
    expect(indexed).toHaveLength(4);
  });

  it('leaves out cancelled entries and the entry itself', async () => {
    const ctx = makeCtx();
    const me = (await createComplaint(ctx, writer, complaint())).record;
    const dup = (await createComplaint(ctx, writer, complaint())).record;
    expect((await relatedComplaints(ctx, me)).map((r) => r.record.id)).toEqual([dup.id]);
    await cancelRecord(ctx, nodal, complaintRegister, dup.id, 'दोहरी प्रविष्टि');
    expect(await relatedComplaints(ctx, me)).toEqual([]);
  });

  it('pure matching and merging give the same answer', () => {
    const rec = (id: string, keys: string[]) => ({ id, keys, cancelled: null }) as never;
    const a = rec('a', ['utr:1', 'cmob:9000000000']);
    const b = rec('b', ['utr:1']);
    const c = rec('c', ['utr:1', 'cmob:9000000000']);
    const d = rec('d', ['utr:2']);
    expect(matchRelated(a, [a, b, c, d]).map((r) => r.record.id)).toEqual(['c', 'b']);
    expect(mergeKeyHits(a, [['utr:1', [a, b, c]], ['cmob:9000000000', [a, c]]]).map((r) => [r.record.id, r.shared.length])).toEqual([['c', 2], ['b', 1]]);
  });
});
