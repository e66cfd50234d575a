import type { Actor } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { assertCan } from '@/domain/roles';
import { checkAuditChains, type AuditChainCheck } from './audit-chain';
import type { StationContext } from './context';
import { auditRow } from './repository';
import type { AuditAction, AuditRow } from './schema';

/**
 * A district user's view, print or export of thanas' registers, written to THIS PC's own audit
 * log as a thana's are (DPDP s.8(5)): district mode reads a copy, but the person reading is here.
 * District screens call it where the thana's screens call logRead / auditRegisterPrint.
 */
export async function auditDistrictRead(
  ctx: StationContext,
  actor: Actor,
  action: 'view' | 'print' | 'export',
  def: Pick<RegisterDef, 'type'> | null,
  recordId: string | null,
  summary: string,
): Promise<void> {
  assertCan(actor.role, 'district.view');
  await ctx.db.audit.add(auditRow(ctx, actor, action, { recordType: def?.type ?? null, recordId, summary: `जिला / district: ${summary}` }));
}

export interface AuditQuery {
  action?: AuditAction;
  recordId?: string;
  userId?: string;
  recordType?: string;
  /** ISO instant bounds. */
  from?: string;
  to?: string;
  /** Keyset cursor (id of the last row shown). */
  before?: string | null;
  limit: number;
}

/** The audit log, newest first; only roles with 'audit.read' may read it. */
export async function queryAudit(ctx: StationContext, actor: Actor, q: AuditQuery): Promise<{ rows: AuditRow[]; next: string | null }> {
  assertCan(actor.role, 'audit.read');
  let coll = q.recordId
    ? ctx.db.audit.where('recordId').equals(q.recordId)
    : q.before
      ? ctx.db.audit.where('id').below(q.before)
      : ctx.db.audit.toCollection();
  coll = coll.reverse();
  coll = coll.filter(
    (r) =>
      (!q.action || r.action === q.action) &&
      (!q.userId || r.userId === q.userId) &&
      (!q.recordType || r.recordType === q.recordType) &&
      (!q.from || r.at >= q.from) &&
      (!q.to || r.at <= q.to) &&
      (!q.before || r.id < q.before),
  );
  const rows = await coll.limit(q.limit).toArray();
  return { rows, next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

/** Every PC's hash chain in this PC's copy of the log, checked (audit page); only roles with 'audit.read'. */
export async function checkAuditLog(ctx: StationContext, actor: Actor): Promise<AuditChainCheck> {
  assertCan(actor.role, 'audit.read');
  return checkAuditChains(ctx.db);
}
