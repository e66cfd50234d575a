/** District prints and views are in the district PC's own audit log, like a thana's. */
import { describe, expect, it } from 'vitest';
import { auditDistrictRead, auditDistrictView, queryAudit } from '../../../renderer/src/db/audit';
import { checkAuditChains } from '../../../renderer/src/db/audit-chain';
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

  it('opening the progress page, a thana’s teams, a team’s Mitans and a register list each leave a row; further pages do not', async () => {
    const ctx = makeCtx(freshDb());
    await auditDistrictView(ctx, districtAdmin, { page: 'progress', thanas: 2 });
    await auditDistrictView(ctx, districtAdmin, { page: 'teams', thana: 'BSPKOTA', teams: 3 });
    await auditDistrictView(ctx, districtAdmin, { page: 'mitans', thana: 'BSPKOTA', teamId: 'BSPKOTA:team:01JT', mitans: 7 });
    await auditDistrictView(ctx, districtAdmin, { page: 'register', def: complaintRegister, thana: null, search: 'रमेश' });
    const { rows } = await queryAudit(ctx, districtAdmin, { limit: 10 });
    expect(rows.reverse().map((r) => [r.action, r.recordType, r.recordId, r.userName])).toEqual([
      ['view', null, null, 'जिला आईटी सेल'],
      ['view', 'team', null, 'जिला आईटी सेल'],
      ['view', 'mitan', 'BSPKOTA:team:01JT', 'जिला आईटी सेल'],
      ['view', 'complaint', null, 'जिला आईटी सेल'],
    ]);
    expect(rows.map((r) => r.summary)).toEqual([
      'जिला / district: थाना-वार प्रगति / thana-wise progress (2)',
      'जिला / district: BSPKOTA: दल / teams (3)',
      "जिला / district: BSPKOTA: दल के मितान / the team's Mitans (7)",
      'जिला / district: पंजी / register list: सभी थाने / all thanas, खोज / search "रमेश"',
    ]);
    // The district PC's rows are chained like a thana PC's.
    expect((await checkAuditChains(ctx.db)).problems).toEqual([]);
    await expect(auditDistrictView(ctx, writer, { page: 'progress', thanas: 2 })).rejects.toBeInstanceOf(DomainError);
  });
});
