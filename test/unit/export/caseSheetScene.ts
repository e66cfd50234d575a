// A complaint as a thana has it after a few days: two UPI/IMPS debits reported to 1930 within the
// golden hour, a hold at a bank, a part refund, two status steps: for the case-sheet tests.
import type { StationContext } from '../../../renderer/src/db/context';
import { changeComplaintStatus, correctComplaint, createComplaint } from '../../../renderer/src/db/complaints';
import type { StoredRecord } from '../../../renderer/src/domain/records';
import { complaint, nodal, writer } from '../complaints/fixtures';

export async function seedCaseSheetComplaint(ctx: StationContext): Promise<StoredRecord> {
  const { record } = await createComplaint(ctx, writer, complaint({ summary: 'ग्राहक सेवा के नाम से कॉल आया, स्क्रीन शेयर ऐप डलवाकर दो बार में राशि निकाली गई' }));
  await changeComplaintStatus(ctx, writer, record.id, 'inquiry');
  await correctComplaint(ctx, writer, record.id, { holds: [{ bank: 'पंजाब नेशनल बैंक', account: '9876', amount: '30,000.00', date: '2026-11-27' }] }, 'बैंक से होल्ड की सूचना मिली');
  const held = await changeComplaintStatus(ctx, nodal, record.id, 'hold');
  return held.record;
}
