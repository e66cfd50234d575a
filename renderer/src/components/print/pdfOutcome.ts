import { bi, type Bilingual } from '@/domain/bilingual';
import type { PdfResult } from '@/bridge/contract';

/**
 * What to tell the user after a print to PDF, as it really went (issue 16 item 8): the desktop app
 * names the file it saved; web mode only opened the browser's print dialog and saved nothing
 * itself, and says so plainly. Null: the user cancelled.
 */
export function pdfNotice(r: PdfResult): Bilingual | null {
  if (r.saved) return bi(`PDF फ़ाइल सहेजी गई: ${r.path}`, `PDF file saved: ${r.path}`);
  if (r.reason === 'print-dialog')
    return bi(
      'ब्राउज़र का प्रिंट संवाद खोला गया: वहीं से प्रिंट करें, या PDF के लिए "Save as PDF" चुनें। ऐप ने स्वयं कोई फ़ाइल नहीं सहेजी।',
      'The browser’s print dialog was opened: print from there, or choose "Save as PDF" for a file. The app itself saved no file.',
    );
  return null;
}

/** The print was made or offered (a file saved, or the print dialog opened): it goes in the audit log. */
export function pdfHandedOver(r: PdfResult): boolean {
  return r.saved || r.reason === 'print-dialog';
}
