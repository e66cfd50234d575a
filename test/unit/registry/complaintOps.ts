// The complaint operations the registry tests use (a cancellation needs the register definition).
import { cancelRecord } from '../../../renderer/src/db/repository';
import type { StationContext } from '../../../renderer/src/db/context';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { incharge } from '../complaints/fixtures';

export { createComplaint, correctComplaint } from '../../../renderer/src/db/complaints';

export async function cancelComplaintForTest(ctx: StationContext, id: string): Promise<void> {
  await cancelRecord(ctx, incharge, complaintRegister, id, 'दोहरी प्रविष्टि');
}
