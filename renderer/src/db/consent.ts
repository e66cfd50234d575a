/**
 * Mitans imported with "consent form to be collected": the follow-up list, and the signed forms'
 * date entered for a batch (a team at a time) in one transaction, each as a correction with its reason.
 */
import { bi, DomainError } from '@/domain/bilingual';
import type { Actor, StoredRecord } from '@/domain/records';
import { CONSENT_PENDING_KEY, mitanRegister } from '@/domain/registers/mitan';
import type { StationContext } from './context';
import { correctRecord } from './repository';

/** Live Mitans whose signed consent form is still to be collected, in serial order. */
export async function consentPending(ctx: StationContext): Promise<StoredRecord[]> {
  const rows = await ctx.db.registerTable('mitan').where('keys').equals(CONSENT_PENDING_KEY).toArray();
  return rows.filter((r) => !r.cancelled).sort((a, b) => (a.serial ?? '').localeCompare(b.serial ?? ''));
}

export const CONSENT_RECEIVED_REASON = 'हस्ताक्षरित सहमति पत्र प्राप्त / signed consent form received';

/** The date the signed forms carry, for these Mitans: all of them or none. */
export async function recordConsentForms(ctx: StationContext, actor: Actor, ids: string[], consentDate: string): Promise<number> {
  if (!ids.length) throw new DomainError('consent.none', bi('कोई मितान नहीं चुना गया', 'No Mitan was chosen'));
  const { db } = ctx;
  return db.transaction('rw', [db.registerTable('mitan'), db.syncStates, db.serials, db.audit, db.totals], async () => {
    for (const id of ids) await correctRecord(ctx, actor, mitanRegister, id, { consentDate, consentPending: false }, CONSENT_RECEIVED_REASON);
    return ids.length;
  });
}
