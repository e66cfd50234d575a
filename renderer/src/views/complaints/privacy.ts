/**
 * Complainant mobiles for roles without 'complaint.unmasked' (roles.ts): masked before a record
 * reaches a list or a view, so the full number is never on screen for them.
 */
import { maskMobile } from '@/domain/normalize';
import type { StoredRecord } from '@/domain/records';
import { complaintRegister } from '@/domain/registers/complaint';

const PERSONAL_MOBILES = complaintRegister.fields.filter((f) => f.personal && f.type === 'mobile').map((f) => f.key);

export function maskedData(data: Record<string, unknown>, unmasked: boolean): Record<string, unknown> {
  if (unmasked) return data;
  const out = { ...data };
  for (const k of PERSONAL_MOBILES) if (typeof out[k] === 'string') out[k] = maskMobile(out[k] as string);
  return out;
}

export function maskedRecord(r: StoredRecord, unmasked: boolean): StoredRecord {
  return unmasked ? r : { ...r, data: maskedData(r.data, false) };
}
