/**
 * The district's returns (issue #15 §4): the daily, weekly and monthly return thana-wise — the
 * thana's own return lines (domain/reports) printed one row per thana, each thana's figures
 * answered by the hub's views — and the held amounts awaiting refund, year-wise. Previewed,
 * printed and exported through the paper machinery (export/runner.ts) with the SP office's place
 * line and signature block, and audited like the thana's returns.
 */
import { shallowRef } from 'vue';
import { bi, DomainError } from '@/domain/bilingual';
import { formatDateIN, istDate } from '@/domain/dates';
import type { DistrictProfile } from '@/domain/districtProfile';
import type { Actor } from '@/domain/records';
import type { ReturnKind } from '@/domain/reports/figures';
import { monthName, RETURNS, returnPeriod, thanaWiseReport, thanaWiseRows, type ReturnDef, type ReturnPeriod } from '@/domain/reports/returns';
import { auditReturn } from '@/db/returns';
import { bridge } from '@/bridge';
import { buildReportPrint, exportReportXlsx, type PrintResult, type ReportDef, type ReportRow } from '@/export';
import { loadPrintFonts } from '@/export/print/appFonts';
import { useStationStore } from '@/stores/station';
import { useDistrictStore } from '@/sync/district';
import { limited, readThanas } from '@/sync/districtFigures';
import { loadDistrictReturnFigures, loadHeldByYear, type HeldYearRow } from '@/sync/districtReturns';
import { useExportJob } from '@/components/print/useExportJob';

/** The lines of the thana-wise return: 14 columns with the thana's name, as A4 landscape holds them. */
export const DISTRICT_RETURN_LINES = ['sessions', 'people', 'places', 'mitans.enrolled', 'mitans.trained', 'complaints', 'complaints.held', 'complaints.pending'];

export type ReturnWindow = 'period' | 'cumulative';

export interface PreparedDistrictReturn {
  def: ReturnDef;
  report: ReportDef;
  rows: ReportRow[];
  print: PrintResult;
}

const HELD_REPORT: ReportDef = {
  id: 'held-awaiting-refund',
  printTitle: bi('होल्ड राशि — वापसी हेतु शेष (वर्षवार, थानावार)', 'Amounts held awaiting refund (year-wise, thana-wise)'),
  columns: [
    { key: 'year', label: bi('वर्ष', 'Year'), type: 'text', width: 8, center: true },
    { key: 'thana', label: bi('थाना', 'Thana'), type: 'text', width: 20 },
    { key: 'cases', label: bi('होल्ड वाले मामले', 'Cases with a hold'), type: 'int', width: 12, total: true },
    { key: 'held', label: bi('होल्ड राशि (₹)', 'Held (₹)'), type: 'money', width: 16, total: true },
    { key: 'refunded', label: bi('वापस (₹)', 'Refunded (₹)'), type: 'money', width: 16, total: true },
    { key: 'pending', label: bi('वापसी हेतु शेष (₹)', 'Awaiting refund (₹)'), type: 'money', width: 16, total: true },
    { key: 'pendingCases', label: bi('शेष वाले मामले', 'Cases awaiting refund'), type: 'int', width: 12, total: true },
  ],
};

export function periodWords(p: ReturnPeriod): string {
  if (p.kind === 'daily') return `दिनांक: ${formatDateIN(p.to)}`;
  if (p.kind === 'monthly') return `माह: ${monthName(p.from.slice(0, 7)).hi} (${formatDateIN(p.from)} से ${formatDateIN(p.to)})`;
  return `सप्ताह: ${formatDateIN(p.from)} से ${formatDateIN(p.to)}`;
}

/** The SP office's place line and signature block (instead of the thana's in-charge and nodal officer). */
function office(d: DistrictProfile) {
  return {
    place: `${d.officeName}, जिला ${d.district}`,
    signatures: [{ role: bi('पुलिस अधीक्षक', 'Superintendent of Police'), name: [d.spName, d.spRank].filter(Boolean).join(', ') }],
  };
}

function printProfile(d: DistrictProfile) {
  return { district: d.district, thanaName: d.officeName, nodalName: '', nodalRank: '', inchargeName: '', inchargeRank: '' };
}

export function useDistrictReturn() {
  const station = useStationStore();
  const district = useDistrictStore();
  const { busy, error, notice, run } = useExportJob();
  const prepared = shallowRef<PreparedDistrictReturn | null>(null);
  const held = shallowRef<{ district: HeldYearRow[]; thanas: HeldYearRow[] } | null>(null);
  const names = new Map<string, string>();
  let generation = 0;

  function who(): { actor: Actor; profile: DistrictProfile } {
    if (!station.actor) throw new DomainError('signed-out', bi('प्रिंट/निर्यात के लिए साइन इन करें', 'Sign in to print or export'));
    if (!station.district) throw new DomainError('no-profile', bi('यह कंप्यूटर जिला कार्यालय के रूप में सेट नहीं है', 'This computer is not set up as the district office'));
    return { actor: station.actor, profile: station.district };
  }

  async function build(report: ReportDef, rows: ReportRow[], subtitle: string): Promise<PrintResult> {
    const { actor, profile } = who();
    const fonts = await loadPrintFonts();
    return buildReportPrint({ report, rows, profile: printProfile(profile), subtitle, preparedBy: actor, fonts, today: istDate(station.ctx.now()), office: office(profile) });
  }

  /** Every thana's figures for the period from the hub, printed thana-wise; a newer choice wins. */
  function prepare(kind: ReturnKind, day: string, window: ReturnWindow): Promise<void> {
    const mine = ++generation;
    return run('prepare', async () => {
      const { profile } = who();
      const views = await district.views();
      const period = returnPeriod(kind, day, istDate(station.ctx.now()));
      const thanas = await readThanas(views);
      for (const t of thanas) names.set(t.code, t.name);
      const figures = await limited(thanas, 4, async (t) => ({ thana: t.name, figures: await loadDistrictReturnFigures(views, t, period) }));
      const def = RETURNS[kind];
      const report = thanaWiseReport(def, DISTRICT_RETURN_LINES, window, profile.campaignName);
      const rows = thanaWiseRows(DISTRICT_RETURN_LINES, figures, window);
      const target = `जिले का लक्ष्य: ${new Intl.NumberFormat('en-IN').format(profile.districtTarget)} मितान`;
      const subtitle = [periodWords(period), `अभियान: ${formatDateIN(profile.campaignStart)} से ${formatDateIN(profile.campaignEnd)}`, target, `थाने: ${thanas.length}`].join('  |  ');
      const print = await build(report, rows, subtitle);
      if (mine === generation) prepared.value = { def, report, rows, print };
    });
  }

  /** The held amounts awaiting refund, year-wise and thana-wise, as the SP reviews them. */
  function prepareHeld(): Promise<void> {
    const mine = ++generation;
    return run('prepare', async () => {
      const views = await district.views();
      const [h, thanas] = await Promise.all([loadHeldByYear(views), readThanas(views)]);
      for (const t of thanas) names.set(t.code, t.name);
      held.value = h;
      const rows: ReportRow[] = h.thanas.map((r) => ({ ...r, thana: names.get(r.thana) ?? r.thana, held: r.held / 100, refunded: r.refunded / 100, pending: r.pending / 100 }));
      const print = await build(HELD_REPORT, rows, `दिनांक ${formatDateIN(istDate(station.ctx.now()))} की स्थिति (शिकायत प्राप्ति वर्ष अनुसार)`);
      if (mine === generation) prepared.value = { def: { ...RETURNS.monthly, id: HELD_REPORT.id }, report: HELD_REPORT, rows, print };
    });
  }

  function exportXlsx(): Promise<void> {
    return run('xlsx', async () => {
      const job = prepared.value;
      if (!job) return;
      const { actor, profile } = who();
      const result = await exportReportXlsx({
        report: job.report,
        rows: job.rows,
        profile: printProfile(profile),
        subtitle: job.print.subtitle,
        preparedBy: actor,
        mode: 'memory',
        today: istDate(station.ctx.now()),
        office: office(profile),
      });
      const saved = await bridge.saveFile({ suggestedName: result.fileName, data: result.data, mimeType: result.mimeType, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (saved.saved) {
        await auditReturn(station.ctx, actor, 'export', { ...job.def, id: job.report.id }, job.print.subtitle);
        notice.value = bi('प्रतिवेदन Excel में सहेजा गया', 'Return saved to Excel');
      }
    });
  }

  function printPdf(): Promise<void> {
    return run('print', async () => {
      const job = prepared.value;
      if (!job) return;
      const { actor } = who();
      const saved = await bridge.printToPdf({ html: job.print.html, suggestedName: job.print.fileName });
      if (saved.saved) {
        await auditReturn(station.ctx, actor, 'print', { ...job.def, id: job.report.id }, job.print.subtitle);
        notice.value = bi('PDF तैयार', 'PDF ready');
      }
    });
  }

  return { busy, error, notice, prepared, held, names, prepare, prepareHeld, exportXlsx, printPdf };
}
