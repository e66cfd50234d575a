// Issue 16 item 5: every list prints through the same machinery as the registers and returns —
// follow-up lists, held amounts by year, the team table, idle Mitans, places not covered, the
// audit log — with the title block, headings, totals and signature block; read back as Excel.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { loadDashboard } from '../../../renderer/src/db/dashboard';
import { followUpLists, heldAwaitingByYear } from '../../../renderer/src/domain/complaints/followups';
import {
  AUDIT_REPORT,
  HELD_BY_YEAR_REPORT,
  TEAM_REPORT,
  UNCOVERED_REPORT,
  auditRows,
  followUpReport,
  followUpRows,
  heldByYearRows,
  idleMitanReport,
  idleMitanRows,
  teamRows,
  uncoveredRows,
} from '../../../renderer/src/export/lists';
import { buildReportPrint, exportReportXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, TODAY, dropCtx, makeCtx, seedThana, writer } from '../dashboard/fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

async function sheet(report: Parameters<typeof exportReportXlsx>[0]['report'], rows: Parameters<typeof exportReportXlsx>[0]['rows']) {
  const x = await exportReportXlsx({ report, rows, profile: PROFILE, subtitle: 'दिनांक 28-11-2026 की स्थिति', preparedBy: writer, mode: 'memory', today: TODAY });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(x.data) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('lists on paper', () => {
  it('the follow-up list and the year-wise held amounts, with amounts as numbers and totals', async () => {
    ctx = makeCtx();
    const s = await seedThana(ctx);
    const lists = followUpLists(s.complaints, TODAY);
    const rows = followUpRows(lists.refundAwaited, TODAY);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'सुनीता साहू', lost: 40_000, held: 15_000, pending: 10_000, banks: 'Axis', firstHold: '2026-11-27', court: null });
    const ws = await sheet(followUpReport('refundAwaited'), rows);
    expect(String(ws.getCell('A2').value)).toContain('अनुवर्ती सूची');
    const values = ws.getSheetValues().flat().filter((v) => v === 10_000);
    expect(values.length).toBeGreaterThanOrEqual(2); // the row and the totals row
    const byYear = heldByYearRows(heldAwaitingByYear(lists.refundAwaited));
    expect(byYear).toEqual([{ year: '2026', count: 1, held: 15_000, refunded: 5_000, pending: 10_000 }]);
    const p = await buildReportPrint({ report: HELD_BY_YEAR_REPORT, rows: byYear, profile: PROFILE, subtitle: 'x', fonts: [], today: TODAY });
    expect(p.html).toContain('वर्षवार होल्ड राशि');
    expect(p.html).toContain('10,000.00');
  });

  it('the dashboard tables: teams with strength, idle Mitans, places not covered', async () => {
    ctx = makeCtx();
    await seedThana(ctx);
    const d = await loadDashboard(ctx, TODAY, { idleLimit: 1000 });
    const teams = teamRows(d.teams);
    expect(teams.map((t) => [t.teamNo, t.target, t.active])).toEqual([
      ['1', 3, 3],
      ['2', 3, 1],
      ['3', 3, 1],
    ]);
    const ws = await sheet(TEAM_REPORT, teams);
    expect(String(ws.getCell('A2').value)).toContain('दलवार सदस्य संख्या');
    const idle = idleMitanRows(d.idleMitans);
    expect(idle.length).toBe(d.idleMitanCount);
    const p = await buildReportPrint({ report: idleMitanReport(7), rows: idle, profile: PROFILE, subtitle: 'x', fonts: [], today: TODAY });
    expect(p.html).toContain('निष्क्रिय मितान (7 दिन');
    expect(uncoveredRows(d.coverage.notCovered)).toEqual([{ name: 'खमरिया', kind: 'ग्राम' }]);
    const u = await buildReportPrint({ report: UNCOVERED_REPORT, rows: uncoveredRows(d.coverage.notCovered), profile: PROFILE, subtitle: 'x', fonts: [], today: TODAY });
    expect(u.html).toContain('खमरिया');
  });

  it('the audit log for a period, times in IST', async () => {
    const rows = auditRows([{ at: '2026-11-28T13:00:00.000Z', userName: 'राम कुमार', role: 'writer', action: 'प्रिंट', register: 'साइबर शिकायत पंजी', record: '01J', summary: 'PDF, 3 rows' }]);
    expect(rows[0]).toMatchObject({ at: '2026-11-28T18:30', user: 'राम कुमार', role: 'लेखक (मोहर्रिर)' });
    const p = await buildReportPrint({ report: AUDIT_REPORT, rows, profile: PROFILE, subtitle: 'x', fonts: [], today: TODAY });
    expect(p.html).toContain('28-11-2026\u00a018:30');
  });
});
