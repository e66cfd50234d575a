import type { AppInfo, Bridge, FolderKind, PrintPdfRequest, SaveFileRequest, SaveResult } from './contract';
import { BridgeError, isAllowedExternalUrl } from './contract';

declare const __APP_VERSION__: string;

/** Web mode: downloads instead of save dialogs, the browser's print instead of printToPDF. */
export function createBrowserBridge(win: Window = window): Bridge {
  return {
    async appInfo(): Promise<AppInfo> {
      return { name: 'Cyber Mitan Thana Desk', version: __APP_VERSION__, mode: 'web', platform: win.navigator.platform };
    },
    async saveFile(req: SaveFileRequest): Promise<SaveResult> {
      const blob = new Blob([req.data as BlobPart], { type: req.mimeType });
      const url = URL.createObjectURL(blob);
      try {
        const a = win.document.createElement('a');
        a.href = url;
        a.download = req.suggestedName;
        a.rel = 'noopener';
        win.document.body.appendChild(a);
        a.click();
        a.remove();
      } finally {
        // Give the download a moment to start before the URL is revoked.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { saved: true, path: req.suggestedName };
    },
    async printToPdf(req: PrintPdfRequest): Promise<SaveResult> {
      // Print the document in a hidden iframe so the app itself is not printed.
      const frame = win.document.createElement('iframe');
      frame.setAttribute('aria-hidden', 'true');
      frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
      frame.srcdoc = req.html;
      win.document.body.appendChild(frame);
      await new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
      await frame.contentDocument?.fonts?.ready;
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 60_000);
      return { saved: true, path: req.suggestedName };
    },
    async openFolder(kind: FolderKind): Promise<void> {
      throw new BridgeError('unsupported', `Opening the ${kind} folder needs the desktop app`);
    },
    async openExternal(url: string): Promise<void> {
      if (!isAllowedExternalUrl(url)) throw new BridgeError('forbidden-url', 'This link is not allowed');
      win.open(url, '_blank', 'noopener,noreferrer');
    },
  };
}
