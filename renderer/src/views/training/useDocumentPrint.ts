/**
 * Certificates and consent forms from the training page: build the document (certificates are
 * numbered on the way), show it in the print preview, print exactly that to PDF (Electron) or
 * through the browser's print dialog (web mode, said plainly), and audit the print.
 */
import { ref, shallowRef } from 'vue';
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import { bridge } from '@/bridge';
import { errorMessage } from '@/components/errors';
import { pdfHandedOver, pdfNotice } from '@/components/print/pdfOutcome';
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
  const busy = ref(false);
  const error = shallowRef<Bilingual | null>(null);
  const notice = shallowRef<Bilingual | null>(null);
  const prepared = shallowRef<{ kind: DocumentKind; print: DocumentPrint } | null>(null);

  function who() {
    if (!station.actor) throw new DomainError('signed-out', bi('प्रिंट के लिए साइन इन करें', 'Sign in to print'));
    if (!station.profile) throw new DomainError('no-profile', bi('पहले थाना विवरण भरें', 'Fill in the thana profile first'));
    return { actor: station.actor, profile: station.profile };
  }

  async function run(work: () => Promise<void>) {
    busy.value = true;
    error.value = null;
    notice.value = null;
    try {
      await work();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = false;
    }
  }

  /** Build the document for the preview (certificates: numbers are issued now, kept for reprints). */
  function prepare(kind: DocumentKind, mitanIds: string[]): Promise<void> {
    return run(async () => {
      const { actor, profile } = who();
      const fonts = await loadPrintFonts();
      const req = { ctx: station.ctx, actor, profile, mitanIds, fonts };
      prepared.value = { kind, print: kind === 'certificates' ? await buildCertificates(req) : await buildConsentForms(req) };
    });
  }

  function print(): Promise<void> {
    const job = prepared.value;
    if (!job) return Promise.resolve();
    return run(async () => {
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
