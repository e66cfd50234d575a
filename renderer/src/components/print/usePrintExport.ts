/**
 * Excel and PDF of a register from a view: reads who is signed in and the thana profile from the
 * station store, runs the export with progress and cancel, saves through the bridge (a save
 * dialog in Electron, a download in web mode) and audits the print.
 */
import { ref, shallowRef } from 'vue';
import { bi } from '@/domain/bilingual';
import type { RegisterDef } from '@/domain/registers/types';
import { bridge } from '@/bridge';
import { auditRegisterPrint, buildRegisterPrint, exportRegisterXlsx, type ExportProgress, type PrintResult, type RegisterFilter } from '@/export';
import { loadPrintFonts } from '@/export/print/appFonts';
import { useStationStore } from '@/stores/station';
import { pdfHandedOver, pdfNotice } from './pdfOutcome';
import { useExportJob, whoPrints } from './useExportJob';

export function usePrintExport() {
  const station = useStationStore();
  const { busy, error, notice, run: runJob, cancel } = useExportJob();
  const progress = ref<ExportProgress | null>(null);
  const prepared = shallowRef<{ def: RegisterDef; print: PrintResult } | null>(null);

  const who = () => whoPrints(station);

  /** One job at a time, with a fresh progress bar and notice. */
  function run(job: 'xlsx' | 'print', work: (signal: AbortSignal) => Promise<void>): Promise<void | null> {
    if (busy.value) return Promise.resolve(null);
    progress.value = null;
    notice.value = null;
    return runJob(job, work);
  }

  /** Export the register (as filtered) to Excel and save it. */
  function exportXlsx(def: RegisterDef, filter: RegisterFilter): Promise<void | null> {
    return run('xlsx', async (signal) => {
      const { actor, profile } = who();
      const result = await exportRegisterXlsx({ ctx: station.ctx, actor, profile, def, filter, signal, onProgress: (p) => (progress.value = p) });
      const saved = await bridge.saveFile({
        suggestedName: result.fileName,
        data: result.data,
        mimeType: result.mimeType,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (saved.saved) notice.value = bi(`${result.rows} प्रविष्टियाँ Excel में सहेजी गईं`, `${result.rows} entries saved to Excel`);
    });
  }

  /** Build the print view for the preview. */
  function preparePrint(def: RegisterDef, filter: RegisterFilter): Promise<void | null> {
    return run('print', async (signal) => {
      const { actor, profile } = who();
      const fonts = await loadPrintFonts();
      const print = await buildRegisterPrint({ ctx: station.ctx, actor, profile, def, filter, fonts, signal, onProgress: (p) => (progress.value = p) });
      prepared.value = { def, print };
    });
  }

  /** Print exactly the previewed document to PDF (Electron) or the browser's print (web mode). */
  function printPrepared(): Promise<void | null> {
    const job = prepared.value;
    if (!job) return Promise.resolve(null);
    return run('print', async () => {
      const { actor } = who();
      const result = await bridge.printToPdf({ html: job.print.html, suggestedName: job.print.fileName });
      if (pdfHandedOver(result)) await auditRegisterPrint(station.ctx, actor, job.def, job.print);
      notice.value = pdfNotice(result);
    });
  }

  function closePreview(): void {
    prepared.value = null;
  }

  return { busy, progress, error, notice, prepared, exportXlsx, preparePrint, printPrepared, closePreview, cancel };
}
