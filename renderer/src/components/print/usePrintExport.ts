/**
 * Excel and PDF of a register from a view: reads who is signed in and the thana profile from the
 * station store, runs the export with progress and cancel, saves through the bridge (a save
 * dialog in Electron, a download in web mode) and audits the print.
 */
import { ref, shallowRef } from 'vue';
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import type { ThanaProfile } from '@/domain/setup';
import { bridge } from '@/bridge';
import { ExportCancelled, auditRegisterPrint, buildRegisterPrint, exportRegisterXlsx, type ExportProgress, type PrintResult, type RegisterFilter } from '@/export';
import { loadPrintFonts } from '@/export/print/appFonts';
import { useStationStore } from '@/stores/station';
import { pdfHandedOver, pdfNotice } from './pdfOutcome';
import { errorMessage } from '../errors';

export type PrintJob = 'xlsx' | 'print';

export function usePrintExport() {
  const station = useStationStore();
  const busy = ref<PrintJob | null>(null);
  const progress = ref<ExportProgress | null>(null);
  const error = ref<Bilingual | null>(null);
  const notice = ref<Bilingual | null>(null);
  const prepared = shallowRef<{ def: RegisterDef; print: PrintResult } | null>(null);
  let controller: AbortController | null = null;

  function who(): { actor: Actor; profile: ThanaProfile } {
    if (!station.actor) throw new DomainError('signed-out', bi('प्रिंट/निर्यात के लिए साइन इन करें', 'Sign in to print or export'));
    if (!station.profile) throw new DomainError('no-profile', bi('पहले थाना विवरण भरें', 'Fill in the thana profile first'));
    return { actor: station.actor, profile: station.profile };
  }

  async function run<T>(job: PrintJob, work: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    busy.value = job;
    error.value = null;
    notice.value = null;
    progress.value = null;
    controller = new AbortController();
    try {
      return await work(controller.signal);
    } catch (e) {
      if (e instanceof ExportCancelled) notice.value = e.bilingual;
      else error.value = errorMessage(e);
      return null;
    } finally {
      busy.value = null;
      controller = null;
    }
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
  function preparePrint(def: RegisterDef, filter: RegisterFilter): Promise<PrintResult | null> {
    return run('print', async (signal) => {
      const { actor, profile } = who();
      const fonts = await loadPrintFonts();
      const print = await buildRegisterPrint({ ctx: station.ctx, actor, profile, def, filter, fonts, signal, onProgress: (p) => (progress.value = p) });
      prepared.value = { def, print };
      return print;
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

  function cancel(): void {
    controller?.abort();
  }

  return { busy, progress, error, notice, prepared, exportXlsx, preparePrint, printPrepared, closePreview, cancel };
}
