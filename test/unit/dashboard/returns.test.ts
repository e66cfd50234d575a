// The daily, weekly and monthly returns on the hand-worked thana of fixtures.ts: every figure,
// the rows as printed, the Excel and print view through the export machinery, the audit row, and
// the same lines printed thana-wise for the district.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { auditReturn, loadReturnFigures } from '../../../renderer/src/db/returns';
import type { ReturnFigures } from '../../../renderer/src/domain/reports/figures';
import { RETURNS, returnPeriod, returnReport, returnRows, returnSubtitle, thanaWiseReport, thanaWiseRows } from '../../../renderer/src/domain/reports/returns';
import type { ReportRow } from '../../../renderer/src/export/reportSheet';
import { buildReportPrint, exportReportXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, TODAY, dropCtx, makeCtx, nodal, seedThana, writer } from './fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

async function figures(kind: 'daily' | 'weekly' | 'monthly', day: string): Promise<ReturnFigures> {
  ctx = makeCtx();
  await seedThana(ctx);
  return loadReturnFigures(ctx, returnPeriod(kind, day, TODAY));
}

/** A printed line by its id: [count, amount (₹), share] for the period and for the campaign. */
function line(rows: ReportRow[], id: string) {
  const r = rows.find((x) => x.line === id);
  if (!r) throw new Error(`no line ${id}`);
  return { period: [r.pCount, r.pAmount, r.pShare], campaign: [r.cCount, r.cAmount, r.cShare], sno: r.sno, item: r.item };
}

describe('periods', () => {
  it('a day, the 7 days ending on a day, a calendar month — never past today', () => {
    expect(returnPeriod('daily', '2026-11-27', TODAY)).toEqual({ kind: 'daily', from: '2026-11-27', to: '2026-11-27' });
    expect(returnPeriod('weekly', '2026-11-28', TODAY)).toEqual({ kind: 'weekly', from: '2026-11-22', to: '2026-11-28' });
    expect(returnPeriod('monthly', '2026-10-05', TODAY)).toEqual({ kind: 'monthly', from: '2026-10-01', to: '2026-10-31' });
    expect(returnPeriod('monthly', '2026-11-05', TODAY)).toEqual({ kind: 'monthly', from: '2026-11-01', to: '2026-11-28' });
    expect(returnPeriod('monthly', '2024-02-10', TODAY)).toEqual({ kind: 'monthly', from: '2024-02-01', to: '2024-02-29' });
    expect(returnPeriod('daily', '2026-12-05', TODAY).to).toBe(TODAY);
  });
});

describe('the monthly return (मासिक प्रतिवेदन), November 2026 up to the 28th', () => {
  it('outreach: sessions by type, people in person and by mobile, M/F/other/under 18, material', async () => {
    const f = await figures('monthly', '2026-11-15');
    expect([f.from, f.to, f.cumulativeFrom]).toEqual(['2026-11-01', '2026-11-28', '2026-11-01']);
    const rows = returnRows(RETURNS.monthly, f);
    expect(line(rows, 'sessions').period).toEqual([6, null, null]);
    expect(line(rows, 'sessions.school').period).toEqual([2, null, 2 / 6]);
    expect(line(rows, 'sessions.door-to-door').period).toEqual([1, null, 1 / 6]);
    expect(line(rows, 'sessions.nukkad-natak').period).toEqual([0, null, 0]);
    expect(line(rows, 'sessions.verified').period).toEqual([0, null, 0]);
    expect(line(rows, 'people').period).toEqual([258, null, null]);
    expect(line(rows, 'people.in-person').period).toEqual([248, null, 248 / 258]);
    expect(line(rows, 'people.mobile').period).toEqual([10, null, 10 / 258]);
    expect(['people.men', 'people.women', 'people.other', 'people.under18'].map((id) => line(rows, id).period[0])).toEqual([140, 117, 1, 127]);
    expect(['people.urban', 'people.rural', 'people.households', 'people.contacts'].map((id) => line(rows, id).period[0])).toEqual([175, 83, 15, 10]);
    expect(['pamphlets', 'pledges', 'complaintsHelped'].map((id) => line(rows, id).period[0])).toEqual([150, 165, 1]);
    // The campaign began on 1 November: both columns agree.
    expect(line(rows, 'people').campaign).toEqual(line(rows, 'people').period);
  });

  it('coverage, Mitans and teams', async () => {
    const f = await figures('monthly', '2026-11-15');
    const rows = returnRows(RETURNS.monthly, f);
    expect(f.places).toEqual({ village: 3, ward: 1 });
    expect(line(rows, 'places').period).toEqual([3, null, 0.75]);
    expect(line(rows, 'places.village').period).toEqual([2, null, 2 / 3]);
    expect(line(rows, 'places.ward').period).toEqual([1, null, 1]);
    expect(line(rows, 'places.notCovered')).toMatchObject({ period: [null, null, null], campaign: [1, null, 0.25] });
    // One school (written two ways), one college.
    expect([line(rows, 'schools').period[0], line(rows, 'colleges').period[0]]).toEqual([1, 1]);
    // Joined in November (consent date): M1, M2, M3, M5, M6 (M4 joined in October, M7 is cancelled); trained M1, M2.
    expect(line(rows, 'mitans.enrolled').period).toEqual([5, null, 0.05]);
    expect(line(rows, 'mitans.trained').period).toEqual([2, null, 0.02]);
    expect(line(rows, 'mitans.tookPart').period[0]).toBe(5);
    expect(line(rows, 'teams.formed').period[0]).toBe(2);
    expect(line(rows, 'teams.atStrength')).toMatchObject({ period: [1, null, 1 / 3], campaign: [1, null, 1 / 3] });
  });

  it('the complaint abstract: by source and category, amounts, hold %, golden hour %, pendency', async () => {
    const f = await figures('monthly', '2026-11-15');
    const rows = returnRows(RETURNS.monthly, f);
    // Received in November: C1 (1930, ₹40,000) and C2 (walk-in, no money); C3 was received in October; C4 is cancelled.
    expect(line(rows, 'complaints').period).toEqual([2, 40_000, null]);
    expect(line(rows, 'complaints.source.1930').period).toEqual([1, 40_000, 0.5]);
    expect(line(rows, 'complaints.source.walkin').period).toEqual([1, 0, 0.5]);
    expect(line(rows, 'complaints.source.mitan').period).toEqual([0, 0, 0]);
    expect(line(rows, 'complaints.money').period).toEqual([1, 40_000, null]);
    expect(line(rows, 'complaints.held').period).toEqual([null, 15_000, 0.375]);
    expect(line(rows, 'complaints.refunded').period).toEqual([null, 5_000, 1 / 3]);
    expect(line(rows, 'complaints.pending').period).toEqual([null, 10_000, null]);
    expect(line(rows, 'complaints.goldenHour').period).toEqual([1, null, 1]);
    expect(line(rows, 'complaints.within24h').period).toEqual([1, null, 1]);
    expect(line(rows, 'complaints.fir').period).toEqual([0, null, 0]);
    expect(line(rows, 'complaints.ncrpMissing').period[0]).toBe(0);
    // Open on the 28th: C1 (1 day), C2 (18 days), C3 (39 days).
    expect(line(rows, 'complaints.pendency')).toMatchObject({ period: [3, null, null], campaign: [null, null, null] });
    expect([line(rows, 'complaints.over7').period[0], line(rows, 'complaints.over30').period[0]]).toEqual([2, 1]);
    expect(line(rows, 'complaints.category.financial').period).toEqual([1, 40_000, 0.5]);
    expect(line(rows, 'complaints.category.social').period).toEqual([1, 0, 0.5]);
  });

  it('rows: lettered section headings, lines numbered through, both languages', async () => {
    const f = await figures('monthly', '2026-11-15');
    const rows = returnRows(RETURNS.monthly, f);
    expect(rows[0]).toEqual({ line: 'section:sessions', sno: 'अ', item: 'जागरूकता कार्यक्रम (प्रकार अनुसार) / Awareness sessions (by type)' });
    expect(line(rows, 'sessions')).toMatchObject({ sno: '1', item: 'कुल कार्यक्रम / All sessions' });
    expect(rows.filter((r) => String(r.line).startsWith('section:')).map((r) => r.sno)).toEqual(['अ', 'ब', 'स', 'द', 'इ', 'ई', 'उ']);
    // The last numbered line, then the note saying what the two columns count.
    expect(rows[rows.length - 2]!.sno).toBe(String(rows.length - 8));
    expect(rows[rows.length - 1]).toMatchObject({ line: 'note', sno: '*' });
  });
});

describe('the weekly and daily returns', () => {
  it('weekly: the 7 days to 28 November against everything to date', async () => {
    const f = await figures('weekly', '2026-11-28');
    const rows = returnRows(RETURNS.weekly, f);
    expect(line(rows, 'sessions')).toMatchObject({ period: [3, null, null], campaign: [6, null, null] });
    expect(line(rows, 'people')).toMatchObject({ period: [85, null, null], campaign: [258, null, null] });
    expect(line(rows, 'people.in-person').period).toEqual([75, null, 75 / 85]);
    expect(['people.men', 'people.women', 'people.under18', 'pledges'].map((id) => line(rows, id).period[0])).toEqual([40, 45, 30, 45]);
    expect(line(rows, 'places')).toMatchObject({ period: [2, null, 0.5], campaign: [3, null, 0.75] });
    // To date includes M4, who joined in October before the campaign start (as the dashboard counts him).
    expect(line(rows, 'mitans.enrolled')).toMatchObject({ period: [2, null, 0.02], campaign: [6, null, 0.06] });
    expect(line(rows, 'mitans.trained').period[0]).toBe(0);
    expect(line(rows, 'mitans.tookPart').period[0]).toBe(4);
    expect(line(rows, 'teams.formed')).toMatchObject({ period: [1, null, null], campaign: [3, null, null] });
    // C3 came on 20 October: counted to date.
    expect(line(rows, 'complaints')).toMatchObject({ period: [1, 40_000, null], campaign: [3, 140_000, null] });
    expect(returnSubtitle(f)).toBe('सप्ताह: 22-11-2026 से 28-11-2026  |  अभियान प्रारंभ: 01-11-2026  |  समाप्ति: 31-01-2027 (शेष 64 दिन)  |  थाने का लक्ष्य: 100 मितान');
  });

  it('daily: 27 November; the daily return leaves the complaint categories to the weekly and monthly ones', async () => {
    const f = await figures('daily', '2026-11-27');
    const rows = returnRows(RETURNS.daily, f);
    expect(line(rows, 'sessions')).toMatchObject({ period: [1, null, null], campaign: [5, null, null] });
    expect(line(rows, 'sessions.phone-whatsapp').period).toEqual([1, null, 1]);
    expect(line(rows, 'people')).toMatchObject({ period: [10, null, null], campaign: [213, null, null] });
    expect(line(rows, 'people.mobile').period).toEqual([10, null, 1]);
    expect(line(rows, 'people.contacts').period[0]).toBe(10);
    expect(line(rows, 'complaints').period).toEqual([1, 40_000, null]);
    expect(line(rows, 'complaints.pendency').period[0]).toBe(3);
    expect(rows.some((r) => String(r.line).startsWith('complaints.category.'))).toBe(false);
    expect(returnSubtitle(f).startsWith('दिनांक: 27-11-2026  |')).toBe(true);
  });
});

describe('printed through the paper machinery', () => {
  it('the monthly return as Excel: title block, bilingual headings, numbers as numbers, signature block; then audited', async () => {
    const f = await figures('monthly', '2026-11-15');
    const report = returnReport(RETURNS.monthly, 'साइबर मितान');
    const rows = returnRows(RETURNS.monthly, f);
    const subtitle = returnSubtitle(f);
    const x = await exportReportXlsx({ report, rows, profile: PROFILE, subtitle, preparedBy: writer, today: TODAY });
    expect(x.fileName).toBe('monthly-return_कोटा_2026-11-28.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('जिला बिलासपुर, थाना कोटा');
    expect(ws.getCell('A2').value).toBe('मासिक प्रतिवेदन — साइबर मितान जागरूकता अभियान / Monthly return — Cyber Mitan awareness campaign');
    expect(String(ws.getCell('A3').value)).toContain('माह: नवंबर-2026 (01-11-2026 से 28-11-2026)');
    expect(ws.getRow(4).values).toEqual([undefined, 'क्र.', 'विवरण', 'अवधि में — संख्या', 'अवधि में — राशि (₹)', 'अवधि में — प्रतिशत', 'अवधि के अंत तक कुल — संख्या', 'अवधि के अंत तक कुल — राशि (₹)', 'अवधि के अंत तक कुल — प्रतिशत']);
    const byItem = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => byItem.set(String(row.getCell(2).value), row));
    const people = byItem.get('कुल जागरूक व्यक्ति / All people reached')!;
    expect([people.getCell(1).value, people.getCell(3).value]).toEqual(['16', 258]);
    const held = byItem.get('होल्ड राशि (ठगी की राशि का %) / Amount held (% of the amount lost)')!;
    expect([held.getCell(4).value, held.getCell(5).value]).toEqual([15000, 0.375]);
    expect(held.getCell(4).numFmt).toContain('##,##0.00');
    expect(held.getCell(5).numFmt).toBe('0.0%');
    let signature = '';
    ws.eachRow((row) => row.eachCell((c) => (signature += `${String(c.value)}\n`)));
    expect(signature).toContain('नोडल अधिकारी / Nodal officer');
    expect(signature).toContain('थाना प्रभारी / Thana in-charge');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });

    await auditReturn(ctx!, nodal, 'export', RETURNS.monthly, subtitle);
    const audit = await ctx!.db.audit.where('action').equals('export').toArray();
    expect(audit.map((a) => [a.recordType, a.userName, a.summary])).toEqual([['report', 'सीमा वर्मा', `monthly-return (Excel): ${subtitle}`]]);
  });

  it('the same return as the print view (the PDF), with its signature block', async () => {
    const f = await figures('monthly', '2026-11-15');
    const p = await buildReportPrint({ report: returnReport(RETURNS.monthly, 'सायबर मितान'), rows: returnRows(RETURNS.monthly, f), profile: { ...PROFILE, campaignName: 'सायबर मितान' }, subtitle: returnSubtitle(f), fonts: [], today: TODAY });
    expect(p.fileName).toBe('monthly-return_कोटा_2026-11-28.pdf');
    expect(p.html).toContain('<h1>मासिक प्रतिवेदन — सायबर मितान जागरूकता अभियान / Monthly return — Cyber Mitan awareness campaign</h1>');
    expect(p.html).toContain('<td class="num w">40,000.00</td>');
    expect(p.html).toContain('<td class="num w">37.5%</td>');
    expect(p.html).toContain('<td class="center">अ</td><td>जागरूकता कार्यक्रम (प्रकार अनुसार) / Awareness sessions (by type)</td>');
    expect((p.html.match(/class="slot"/g) ?? []).length).toBe(3);
    await auditReturn(ctx!, writer, 'print', RETURNS.monthly, p.subtitle);
    expect((await ctx!.db.audit.where('action').equals('print').toArray()).map((a) => a.summary.split(':')[0])).toEqual(['monthly-return (PDF)']);
  });
});

describe('the district’s thana-wise version reuses the same lines', () => {
  it('one row per thana, one column per figure, numbers and amounts summed', async () => {
    const f = await figures('monthly', '2026-11-15');
    const lines = ['sessions', 'people', 'places', 'complaints.held'];
    const report = thanaWiseReport(RETURNS.monthly, lines, 'period', 'साइबर मितान');
    expect(report.columns.map((c) => [c.key, c.type, c.total ?? false])).toEqual([
      ['thana', 'text', false],
      ['sessions:count', 'int', true],
      ['people:count', 'int', true],
      ['places:count', 'int', true],
      ['places:share', 'percent', false],
      ['complaints.held:amount', 'money', true],
      ['complaints.held:share', 'percent', false],
    ]);
    const rows = thanaWiseRows(lines, [
      { thana: 'कोटा', figures: f },
      { thana: 'रतनपुर', figures: f },
    ], 'period');
    expect(rows[1]).toEqual({ thana: 'रतनपुर', 'sessions:count': 6, 'people:count': 258, 'places:count': 3, 'places:share': 0.75, 'complaints.held:amount': 15_000, 'complaints.held:share': 0.375 });
    const x = await exportReportXlsx({ report, rows, profile: { ...PROFILE, thanaName: 'सभी थाने' }, subtitle: 'माह: नवंबर-2026', signatures: false, today: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('मासिक प्रतिवेदन — साइबर मितान जागरूकता अभियान — थानावार / Monthly return — Cyber Mitan awareness campaign — thana-wise');
    expect((ws.getRow(9).values as unknown[]).slice(1, 8)).toEqual(['योग / Total', undefined, 12, 516, 6, undefined, 30000]);
  });
});
