/**
 * The print view: one complete, static HTML document per register print (styles inline, the
 * bundled Noto Sans Devanagari as data: URLs), printed by Chromium (design §3.8). The preview
 * shows this same string, so what is previewed is what prints.
 */
import type { ColumnSpec, PrintCell, PrintRow, SheetSpec } from '../sheet';
import { correctedRuns, formatValue, isCorrected, isNumericKind, signatureLines, titleLines } from '../sheet';

/** One face of the print font (woff2 bytes, or a data: URL already made). */
export interface PrintFont {
  weight: 400 | 600;
  unicodeRange?: string;
  woff2: Uint8Array | string;
}

export const PRINT_FONT_FAMILY = 'Thana Print Noto';
/** Fallbacks only matter when the bundled font could not be embedded. */
const FONT_STACK = `'${PRINT_FONT_FAMILY}', 'Noto Sans Devanagari', 'Nirmala UI', 'Mangal', sans-serif`;

export const DEVANAGARI_RANGE = 'U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20A8, U+20B9, U+20F0, U+25CC, U+A830-A839, U+A8E0-A8FF';
export const LATIN_RANGE = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) out += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(out);
}

export function fontFaceCss(fonts: PrintFont[]): string {
  return fonts
    .map((f) => {
      const url = typeof f.woff2 === 'string' ? f.woff2 : `data:font/woff2;base64,${toBase64(f.woff2)}`;
      return `@font-face { font-family: '${PRINT_FONT_FAMILY}'; font-style: normal; font-weight: ${f.weight}; src: url(${url}) format('woff2');${f.unicodeRange ? ` unicode-range: ${f.unicodeRange};` : ''} }`;
    })
    .join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal (margin-box content). */
function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/** Wide registers print smaller so every column fits across A4 landscape. */
export function fontSizePt(columns: ColumnSpec[]): number {
  const width = columns.reduce((s, c) => s + c.width, 0);
  if (width <= 140) return 9;
  if (width <= 200) return 8;
  if (width <= 260) return 7;
  if (width <= 330) return 6.5;
  return 6;
}

function cellHtml(col: ColumnSpec, cell: PrintCell, struck: boolean): string {
  let html: string;
  if (isCorrected(cell)) {
    html = correctedRuns(col.kind, cell)
      .map((r) => (r.strike ? `<s>${escapeHtml(r.text)}</s>` : r.small ? `<small class="by">${escapeHtml(r.text)}</small>` : escapeHtml(r.text)))
      .join('');
  } else {
    html = escapeHtml(formatValue(col.kind, cell)).replace(/\n/g, '<br>');
  }
  return struck && !col.keepUnstruck && html ? `<s>${html}</s>` : html;
}

function cellClass(col: ColumnSpec): string {
  const cls = [isNumericKind(col.kind) ? 'num' : '', col.center || col.kind === 'date' || col.kind === 'datetime' ? 'center' : '', col.keepUnstruck ? 'keep' : '']
    .filter(Boolean)
    .join(' ');
  return cls ? ` class="${cls}"` : '';
}

export function rowHtml(columns: ColumnSpec[], row: PrintRow, extraClass = ''): string {
  const struck = Boolean(row.cancelled);
  const cls = [struck ? 'cancelled' : '', extraClass].filter(Boolean).join(' ');
  let html = cls ? `<tr class="${cls}">` : '<tr>';
  for (let i = 0; i < columns.length; i++) html += `<td${cellClass(columns[i]!)}>${cellHtml(columns[i]!, row.cells[i] ?? null, struck)}</td>`;
  return `${html}</tr>`;
}

export interface PrintViewOptions {
  fonts: PrintFont[];
  /** Shown when there are no rows. */
  emptyText?: string;
}

function styles(spec: SheetSpec, fonts: PrintFont[]): string {
  const pt = fontSizePt(spec.columns);
  const box = `font-family: ${FONT_STACK}; font-size: 7.5pt; color: #222;`;
  return `
${fontFaceCss(fonts)}
@page {
  size: A4 landscape;
  margin: 13mm 9mm 13mm 9mm;
  @top-left { content: ${cssString(`${spec.title.hi} / ${spec.title.en}`)}; ${box} }
  @top-right { content: ${cssString(spec.place ?? `थाना ${spec.thana}, जिला ${spec.district}`)}; ${box} }
  @bottom-left { content: ${cssString(spec.subtitle)}; ${box} }
  @bottom-center { content: "पृष्ठ " counter(page) " / " counter(pages); ${box} font-size: 8.5pt; color: #000; }
  @bottom-right { content: ${cssString(`मुद्रण दिनांक: ${spec.printedOn}`)}; ${box} }
}
html { font-family: ${FONT_STACK}; font-size: ${pt}pt; color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.title-block { text-align: center; margin: 0 0 5pt; }
.title-block p { margin: 0; }
.title-block .district { font-weight: 600; font-size: 11pt; }
.title-block h1 { font-size: 13pt; font-weight: 600; margin: 1pt 0; }
.title-block .subtitle { font-size: 9pt; }
table.register { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.5pt 2.5pt; vertical-align: top; overflow-wrap: anywhere; }
th { background: #ededed; font-weight: 600; text-align: center; vertical-align: middle; }
thead tr.en th { font-weight: 400; font-size: 0.85em; }
thead tr.num th { font-weight: 400; font-size: 0.8em; padding: 0.5pt; }
td.num { text-align: right; }
td.center { text-align: center; }
tr.cancelled td:not(.keep) { text-decoration: line-through; color: #333; }
tr.totals td { font-weight: 600; background: #f6f6f6; }
td.empty { text-align: center; padding: 8pt; }
small.by { font-size: 0.8em; }
/* The preview (screen) shows the sheet as a page; print media ignores this. */
@media screen {
  html { background: #e9ecef; }
  body { width: 279mm; margin: 6mm auto; padding: 10mm 9mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
.signatures { display: flex; justify-content: space-between; gap: 12pt; margin-top: 10pt; padding-top: 34pt; break-inside: avoid; page-break-inside: avoid; }
.signatures .slot { flex: 1; text-align: center; font-size: 9pt; }
.signatures .slot p { margin: 0; }
.signatures .slot .sign { border-top: 0.6pt solid #000; padding-top: 2pt; font-weight: 600; }
`;
}

/** The document around the rows: everything before the first body row, and after the last. */
export function printDocument(spec: SheetSpec, opts: PrintViewOptions): { head: string; empty: string; tail: (totals: PrintRow | null) => string } {
  const [district, title, subtitle] = titleLines(spec);
  const cols = spec.columns;
  const totalWidth = cols.reduce((s, c) => s + c.width, 0) || 1;
  const head = [
    '<!doctype html><html lang="hi"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${spec.title.hi} — ${spec.thana}`)}</title>`,
    `<style>${styles(spec, opts.fonts)}</style></head><body>`,
    `<header class="title-block"><p class="district">${escapeHtml(district)}</p><h1>${escapeHtml(title)}</h1>`,
    subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : '',
    '</header><table class="register"><colgroup>',
    ...cols.map((c) => `<col style="width:${((c.width / totalWidth) * 100).toFixed(2)}%">`),
    '</colgroup><thead>',
    `<tr class="hi">${cols.map((c) => `<th>${escapeHtml(c.label.hi)}</th>`).join('')}</tr>`,
    `<tr class="en">${cols.map((c) => `<th>${escapeHtml(c.label.en)}</th>`).join('')}</tr>`,
    `<tr class="num">${cols.map((_, i) => `<th>${i + 1}</th>`).join('')}</tr>`,
    '</thead><tbody>',
  ].join('');
  const empty = `<tr><td class="empty" colspan="${cols.length}">${escapeHtml(opts.emptyText ?? 'कोई प्रविष्टि नहीं / No entries')}</td></tr>`;
  const tail = (totals: PrintRow | null): string => {
    const parts = [totals ? rowHtml(cols, totals, 'totals') : '', '</tbody></table>'];
    if (spec.signatures?.length) {
      parts.push('<section class="signatures">');
      for (const slot of spec.signatures) {
        const [sign, role, name] = signatureLines(slot);
        parts.push(`<div class="slot"><p class="sign">${escapeHtml(sign!)}</p><p>${escapeHtml(role!)}</p>${name ? `<p>${escapeHtml(name)}</p>` : ''}</div>`);
      }
      parts.push('</section>');
    }
    parts.push('</body></html>');
    return parts.join('');
  };
  return { head, empty, tail };
}

/** The complete HTML document for `rows` (already filtered and mapped) and the totals row. */
export function buildPrintHtml(spec: SheetSpec, rows: Iterable<PrintRow>, totals: PrintRow | null, opts: PrintViewOptions): string {
  const doc = printDocument(spec, opts);
  let body = '';
  for (const row of rows) body += rowHtml(spec.columns, row);
  return doc.head + (body || doc.empty) + doc.tail(totals);
}
