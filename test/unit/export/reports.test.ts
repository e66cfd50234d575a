// Returns and reports go through the same paper format as the registers: a report definition
// (bilingual columns) and rows of values.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { bi } from '../../../renderer/src/domain/bilingual';
import type { ReportDef } from '../../../renderer/src/export/reportSheet';
import { buildReportPrint, exportReportXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, nodePrintFonts, sessionRegister, writer } from './fixtures';

const dailyReturn: ReportDef = {
  id: 'daily-outreach-return',
  printTitle: bi('दैनिक जागरूकता प्रतिवेदन', 'Daily outreach return'),
  columns: [
    { key: 'team', label: bi('दल', 'Team'), type: 'text', width: 18 },
    { key: 'date', label: bi('दिनांक', 'Date'), type: 'date', width: 12 },
    { key: 'sessions', label: bi('सत्र', 'Sessions'), type: 'int', width: 8, total: true },
    { key: 'people', label: bi('जागरूक व्यक्ति', 'People reached'), type: 'int', width: 12, total: true },
    { key: 'held', label: bi('होल्ड राशि', 'Amount held'), type: 'money', width: 14, total: true },
    { key: 'share', label: bi('लक्ष्य का %', '% of target'), type: 'percent', width: 10 },
  ],
};

const rows = [
  { team: 'दल 1 — सेमरताल', date: '2026-11-19', sessions: 3, people: 240, held: 125000.5, share: 0.42 },
  { team: 'दल 2 — कोनी', date: '2026-11-19', sessions: 2, people: 160, held: 0, share: 0.31 },
];

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

describe('a report', () => {
  it.each(['memory', 'streaming'] as const)('prints to Excel with numbered bilingual columns and totals (%s writer)', async (mode) => {
    const r = await exportReportXlsx({ report: dailyReturn, rows, profile: PROFILE, subtitle: 'दिनांक: 19-11-2026', preparedBy: writer, mode, today: '2026-11-20' });
    expect(r.fileName).toBe('daily-outreach-return_कोटा_2026-11-20.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('दैनिक जागरूकता प्रतिवेदन / Daily outreach return');
    expect(ws.getCell('A3').value).toBe('दिनांक: 19-11-2026');
    expect(ws.getRow(4).values).toEqual([undefined, 'क्र.', 'दल', 'दिनांक', 'सत्र', 'जागरूक व्यक्ति', 'होल्ड राशि', 'लक्ष्य का %']);
    expect(ws.getRow(6).values).toEqual([undefined, 1, 2, 3, 4, 5, 6, 7]);
    expect(ws.getCell('C7').value).toEqual(new Date('2026-11-19T00:00:00.000Z'));
    expect(ws.getCell('G7').numFmt).toBe('0.0%');
    expect([ws.getCell('A9').value, ws.getCell('D9').value, ws.getCell('E9').value, ws.getCell('F9').value, ws.getCell('G9').value]).toEqual([
      'योग / Total',
      5,
      400,
      125000.5,
      null,
    ]);
    expect(String(ws.getCell('A11').value)).toContain('तैयारकर्ता / Prepared by');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:6' });
  });

  it('prints to the same HTML print view', async () => {
    const p = await buildReportPrint({ report: dailyReturn, rows, profile: PROFILE, subtitle: 'दिनांक: 19-11-2026', fonts: nodePrintFonts(), today: '2026-11-20' });
    expect(p.rows).toBe(2);
    expect(p.html).toContain('<th>जागरूक व्यक्ति</th>');
    expect(p.html).toContain('<th>People reached</th>');
    expect(p.html).toContain('<td class="num w">1,25,000.50</td>');
    expect(p.html).toContain('<td class="num w">42.0%</td>');
    expect(p.html).toContain('<tr class="totals"><td class="center">योग / Total</td>');
  });

  it('made from a register is audited like the register', async () => {
    ctx = makeCtx();
    await exportReportXlsx({ report: dailyReturn, rows, profile: PROFILE, subtitle: 'दिनांक: 19-11-2026', audit: { ctx, actor: writer, register: sessionRegister } });
    const logged = await ctx.db.audit.where('action').equals('export').toArray();
    expect(logged.map((a) => a.summary)).toEqual(['Excel report daily-outreach-return: दिनांक: 19-11-2026']);
  });
});
