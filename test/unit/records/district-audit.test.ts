/** District prints and views are in the district PC's own audit log, like a thana's. */
import { describe, expect, it } from 'vitest';
import { auditDistrictRead, queryAudit } from '../../../renderer/src/db/audit';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import type { Actor } from '../../../renderer/src/domain/records';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { freshDb, makeCtx, writer } from './fixtures';

const districtAdmin: Actor = { userId: 'user:da', name: 'जिला आईटी सेल', rank: 'निरीक्षक', role: 'district-admin', initials: 'जि' };

describe('district reads are audited', () => {
  it('a district print and a district view each leave a row naming the person, the register and the thana', async () => {
    const ctx = makeCtx(freshDb());
    await auditDistrictRead(ctx, districtAdmin, 'print', complaintRegister, null, 'PDF, 12 rows: BSPKOTA');
    await auditDistrictRead(ctx, districtAdmin, 'view', complaintRegister, 'BSPKOTA:complaint:01JX', '2026/0012');
    const { rows } = await queryAudit(ctx, districtAdmin, { limit: 10 });
    expect(rows.map((r) => [r.action, r.recordType, r.userName])).toEqual([
      ['view', 'complaint', 'जिला आईटी सेल'],
      ['print', 'complaint', 'जिला आईटी सेल'],
    ]);
    expect(rows[1]!.summary).toContain('BSPKOTA');
  });

  it('a thana writer cannot write district audit rows', async () => {
    const ctx = makeCtx(freshDb());
    const e = await auditDistrictRead(ctx, writer, 'print', complaintRegister, null, 'x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    expect(await ctx.db.audit.count()).toBe(0);
  });
});
