/**
 * Printed documents that are not tables (certificates, the consent and notice form): one static
 * HTML document, one sheet of paper per item, the bundled print font embedded, printed by
 * Chromium like the registers (design §3.8). Nothing prints below 9 pt; dates, numbers and
 * mobiles never wrap inside (`.v`).
 */
import { escapeHtml, fontFaceStyle, PRINT_FONT_FAMILY, type PrintFont } from '../print/printView';

export const DOCUMENT_FONT_STACK = `'${PRINT_FONT_FAMILY}', 'Noto Sans Devanagari', 'Nirmala UI', 'Mangal', sans-serif`;

/** A value that never breaks across lines (a date, a number, a mobile). */
export function v(text: string): string {
  return `<span class="v">${escapeHtml(text)}</span>`;
}

/** A value to fill in, or a blank line to write it on when it is not known. */
export function fill(text: string | null | undefined, blankWidth = '40mm'): string {
  return text ? `<b>${escapeHtml(text)}</b>` : `<span class="blank" style="min-width:${blankWidth}"></span>`;
}

export interface DocumentPage {
  /** Inner HTML of one sheet. */
  html: string;
}

export function documentHtml(opts: { title: string; size: 'A4 landscape' | 'A4 portrait'; fonts: PrintFont[]; css: string; pages: DocumentPage[] }): string {
  const body = opts.pages.map((p) => `<section class="sheet">${p.html}</section>`).join('\n');
  return `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>${fontFaceStyle(opts.fonts)}<style>
@page { size: ${opts.size}; margin: 10mm; }
html, body { margin: 0; padding: 0; }
body { font-family: ${DOCUMENT_FONT_STACK}; font-size: 11pt; color: #111; line-height: 1.45; }
.sheet { break-after: page; page-break-after: always; box-sizing: border-box; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.v { white-space: nowrap; }
.blank { display: inline-block; border-bottom: 1px dotted #333; height: 1em; vertical-align: bottom; }
${opts.css}
</style></head><body>
${body || '<p>कोई प्रविष्टि नहीं / Nothing to print</p>'}
</body></html>`;
}
