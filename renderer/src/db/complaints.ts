/**
 * The cyber complaint register on top of the generic repository: money rows normalised before
 * every write, status steps through the workflow, views logged, related entries by indexed
 * lookup keys, and the follow-up lists from indexed candidates.
 */
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import { addDays, istDate } from '@/domain/dates';
import { withStoredMoneyRows } from '@/domain/complaints/draft';
import { followUpLists, type FollowUps } from '@/domain/complaints/followups';
import { matchRelated, mergeKeyHits, type RelatedComplaint } from '@/domain/complaints/related';
import { OPEN_STATUSES, transitionPatch, type ComplaintStatus } from '@/domain/complaints/workflow';
import type { Actor, StoredRecord } from '@/domain/records';
import { complaintRegister } from '@/domain/registers/complaint';
import { assertCan } from '@/domain/roles';
import type { RecordData } from '@/domain/validation';
import type { StationContext } from './context';
import { correctRecord, createRecord, findByKey, getRecord, logRead, pageRecords, type CreateResult, type Page, type PageQuery } from './repository';

const def = complaintRegister;

export function fieldLabel(key: string): Bilingual {
  return def.fields.find((f) => f.key === key)?.label ?? bi(key, key);
}

export async function createComplaint(ctx: StationContext, actor: Actor, input: RecordData): Promise<CreateResult> {
  return createRecord(ctx, actor, def, withStoredMoneyRows(input));
}

/** A correction (reason required); money rows may come as form text, they are stored in paise. */
export async function correctComplaint(
  ctx: StationContext,
  actor: Actor,
  id: string,
  patch: RecordData,
  reason: string,
  expectedVersion?: number,
): Promise<CreateResult> {
  return correctRecord(ctx, actor, def, id, withStoredMoneyRows(patch), reason, { expectedVersion });
}

/**
 * One workflow step: checked against the transition table, then saved as a new version of kind
 * 'status' (with the step's own fields, e.g. the FIR number), so each step is in the history.
 */
export async function changeComplaintStatus(
  ctx: StationContext,
  actor: Actor,
  id: string,
  to: ComplaintStatus,
  input: RecordData = {},
  reason: string | null = null,
  expectedVersion?: number,
): Promise<CreateResult> {
  const rec = await getRecord(ctx, def, id);
  if (!rec) throw new DomainError('not-found', bi('यह प्रविष्टि नहीं मिली', 'This entry was not found'));
  const patch = transitionPatch(rec.data, to, input, istDate(ctx.now()), reason, fieldLabel);
  return correctRecord(ctx, actor, def, id, patch, reason, { kind: 'status', expectedVersion: expectedVersion ?? rec.version });
}

/** Opening an entry: allowed roles only, and written to the audit log (DPDP s.8(5)). */
export async function viewComplaint(ctx: StationContext, actor: Actor, id: string): Promise<StoredRecord | undefined> {
  assertCan(actor.role, 'complaint.read');
  const rec = await getRecord(ctx, def, id);
  if (rec) await logRead(ctx, actor, def, 'view', rec.id, rec.serial ?? '');
  return rec;
}

export async function pageComplaints(ctx: StationContext, actor: Actor, q: PageQuery): Promise<Page> {
  assertCan(actor.role, 'complaint.read');
  return pageRecords(ctx, def, q);
}

/** Related entries: one indexed lookup per key of the entry (within this thana's database). */
export async function relatedComplaints(ctx: StationContext, rec: Pick<StoredRecord, 'id' | 'keys'>): Promise<RelatedComplaint[]> {
  const hits = await Promise.all(rec.keys.map(async (k) => [k, await findByKey(ctx, def, k)] as [string, StoredRecord[]]));
  return mergeKeyHits(rec, hits);
}

/** The same answer by reading every entry: the baseline the benchmark compares with. */
export async function relatedByFullScan(ctx: StationContext, rec: Pick<StoredRecord, 'id' | 'keys'>): Promise<RelatedComplaint[]> {
  return matchRelated(rec, await ctx.db.complaint.toArray());
}

/**
 * Candidates for the follow-up lists through indexes: open entries received before the 7-day
 * cut-off, and entries with money lost or held; the pure rules then pick the lists.
 */
export async function loadFollowUps(ctx: StationContext, actor: Actor, today = istDate(ctx.now())): Promise<FollowUps> {
  assertCan(actor.role, 'complaint.read');
  const table = ctx.db.complaint;
  const cutoff = addDays(today, -7);
  const old = await Promise.all(
    OPEN_STATUSES.map((s) => table.where('[data.status+data.receivedAt]').between([s, ''], [s, cutoff], true, false).toArray()),
  );
  const money = await table.where('data.totalLost').above(0).toArray();
  const byId = new Map<string, StoredRecord>();
  for (const r of [...old.flat(), ...money]) byId.set(r.id, r);
  return followUpLists([...byId.values()], today);
}
