/**
 * A return from the Reports page: its figures read for the chosen period, the print view built
 * for the preview, then exactly that document printed to PDF (Electron) or through the browser's
 * print (web mode), and the same rows written to Excel (a save dialog, or a download in web
 * mode). Both go through the paper machinery (export/runner.ts) and are audited.
 */
import { shallowRef } from 'vue';
import { bi, DomainError } from '@/domain/bilingual';
import { istDate } from '@/domain/dates';
import type { Actor } from '@/domain/records';
import type { ReturnFigures, ReturnKind } from '@/domain/reports/figures';
import { RETURNS, returnPeriod, returnReport, returnRows, returnSubtitle, type ReturnDef } from '@/domain/reports/returns';
import type { ThanaProfile } from '@/domain/setup';
import { auditReturn, loadReturnFigures } from '@/db/returns';
import { bridge } from '@/bridge';
import { buildReportPrint, exportReportXlsx, type PrintResult, type ReportDef, type ReportRow } from '@/export';
import { loadPrintFonts } from '@/export/print/appFonts';
import { useStationStore } from '@/stores/station';
import { pdfHandedOver, pdfNotice } from '@/components/print/pdfOutcome';
import { useExportJob } from '@/components/print/useExportJob';

export interface PreparedReturn {
  def: ReturnDef;
  figures: ReturnFigures;
  report: ReportDef;
  rows: ReportRow[];
  print: PrintResult;
}

export function useReturnExport() {
  const station = useStationStore();
  const { busy, error, notice, run } = useExportJob();
  const prepared = shallowRef<PreparedReturn | null>(null);
  let generation = 0;

  function who(): { actor: Actor; profile: ThanaProfile } {
    if (!station.actor) throw new DomainError('signed-out', bi('प्रिंट/निर्यात के लिए साइन इन करें', 'Sign in to print or export'));
    if (!station.profile) throw new DomainError('no-profile', bi('पहले थाना विवरण भरें', 'Fill in the thana profile first'));
    return { actor: station.actor, profile: station.profile };
  }

  /** Read the figures and build the preview (what will print). A newer choice wins over an older one still reading. */
  function prepare(kind: ReturnKind, day: string): Promise<void> {
    const mine = ++generation;
    notice.value = null;
    return run('prepare', async () => {
      const { actor, profile } = who();
      const today = istDate(station.ctx.now());
      const def = RETURNS[kind];
      const figures = await loadReturnFigures(station.ctx, returnPeriod(kind, day, today));
      const report = returnReport(def, profile.campaignName);
      const rows = returnRows(def, figures);
      const fonts = await loadPrintFonts();
      const print = await buildReportPrint({ report, rows, profile, subtitle: returnSubtitle(figures), preparedBy: actor, fonts, today });
      if (mine === generation) prepared.value = { def, figures, report, rows, print };
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
        profile,
        subtitle: job.print.subtitle,
        preparedBy: actor,
        mode: 'memory',
        today: istDate(station.ctx.now()),
      });
      const saved = await bridge.saveFile({ suggestedName: result.fileName, data: result.data, mimeType: result.mimeType, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (saved.saved) {
        await auditReturn(station.ctx, actor, 'export', job.def, job.print.subtitle);
        notice.value = bi('प्रतिवेदन Excel में सहेजा गया', 'Return saved to Excel');
      }
    });
  }

  /** Print exactly the previewed document. */
  function printPdf(): Promise<void> {
    return run('print', async () => {
      const job = prepared.value;
      if (!job) return;
      const { actor } = who();
      const result = await bridge.printToPdf({ html: job.print.html, suggestedName: job.print.fileName });
      if (pdfHandedOver(result)) await auditReturn(station.ctx, actor, 'print', job.def, job.print.subtitle);
      notice.value = pdfNotice(result);
    });
  }

  return { busy, error, notice, prepared, prepare, exportXlsx, printPdf };
}
