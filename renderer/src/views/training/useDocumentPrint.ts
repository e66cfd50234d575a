/**
 * Certificates and consent forms from the training page: build the document (certificates are
 * numbered on the way), show it in the print preview, print exactly that to PDF (Electron) or
 * through the browser's print dialog (web mode, said plainly), and audit the print.
 */
import { shallowRef } from 'vue';
import { bi, type Bilingual } from '@/domain/bilingual';
import { bridge } from '@/bridge';
import { pdfHandedOver, pdfNotice } from '@/components/print/pdfOutcome';
import { useExportJob, whoPrints } from '@/components/print/useExportJob';
import { auditDocumentPrint, buildCertificates, buildConsentForms, type DocumentPrint } from '@/export/documents';
import { loadPrintFonts } from '@/export/print/appFonts';
import { useStationStore } from '@/stores/station';

export type DocumentKind = 'certificates' | 'consent';

export const DOCUMENT_TITLES: Record<DocumentKind, Bilingual> = {
  certificates: bi('प्रमाण पत्र', 'Certificates'),
  consent: bi('सहमति एवं सूचना पत्र', 'Consent and notice forms'),
};

export function useDocumentPrint() {
  const station = useStationStore();
  const { busy, error, notice, run } = useExportJob();
  const prepared = shallowRef<{ kind: DocumentKind; print: DocumentPrint } | null>(null);

  const who = () => whoPrints(station);

  /** Build the document for the preview (certificates: numbers are issued now, kept for reprints). */
  function prepare(kind: DocumentKind, mitanIds: string[]): Promise<void> {
    return run('prepare', async () => {
      const { actor, profile } = who();
      const fonts = await loadPrintFonts();
      const req = { ctx: station.ctx, actor, profile, mitanIds, fonts };
      prepared.value = { kind, print: kind === 'certificates' ? await buildCertificates(req) : await buildConsentForms(req) };
    });
  }

  function print(): Promise<void> {
    const job = prepared.value;
    if (!job) return Promise.resolve();
    return run('print', async () => {
      const { actor } = who();
      const result = await bridge.printToPdf({ html: job.print.html, suggestedName: job.print.fileName });
      if (pdfHandedOver(result)) await auditDocumentPrint(station.ctx, actor, job.print);
      notice.value = pdfNotice(result);
    });
  }

  function close() {
    prepared.value = null;
  }

  return { busy, error, notice, prepared, prepare, print, close };
}
