/**
 * The print view: one complete, static HTML document per register print (styles inline, the
 * bundled Noto Sans Devanagari as data: URLs), printed by Chromium (design §3.8). The preview
 * shows this same string, so what is previewed is what prints.
 */
import { PAPER_MIN_PT } from '@/domain/registers/types';
import { LEGEND_TITLE } from '../initialsLegend';
import { EMPTY_PART, MARGIN_MM, isWholeKind, measureSheet, pageSizeMm, planPaper, usableWidthPt, type PaperPlan } from '../paper';
import type { ColumnKind, ColumnSpec, CorrectedCell, PrintCell, PrintRow, PrintValue, SheetSpec } from '../sheet';
import { DEFAULT_PAPER, correctedRuns, formatValue, isCorrected, isNumericKind, isStacked, signatureLines, titleLines } from '../sheet';

/** One face of the print font (woff2 bytes, or a data: URL already made). */
export interface PrintFont {
  weight: 400 | 600;
  unicodeRange?: string;
  woff2: Uint8Array | string;
}

export const PRINT_FONT_FAMILY = 'Thana Print Noto';
/** Fallbacks only matter when the bundled font could not be embedded. */
const FONT_STACK = `'${PRINT_FONT_FAMILY}', 'Noto Sans Devanagari', 'Nirmala UI', 'Mangal', sans-serif`;

/**
 * The Devanagari face also takes the space and the no-break space (it has both, as wide as the
 * Latin face's): a Hindi line is then one run of one font instead of a run per word, for the
 * shaper and in the PDF. It is declared after the Latin face (`fontFaceCss`), so it wins them.
 */
export const DEVANAGARI_RANGE = 'U+0020, U+00A0, U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20A8, U+20B9, U+20F0, U+25CC, U+A830-A839, U+A8E0-A8FF';
export const LATIN_RANGE = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) out += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(out);
}

/**
 * The font faces in a <style> element of their own, ahead of the document's other styles. Chromium
 * rebuilds the @font-face rules of every style sheet whose media queries change when it switches
 * to print (our sheets have `@media screen` rules for the preview): the web font is then dropped
 * and every line of text is shaped again, several times per print (2,000 rows: most of the PDF
 * time, issue #16). A sheet holding only @font-face rules never changes, so the print reuses the
 * text already shaped.
 */
export function fontFaceStyle(fonts: PrintFont[]): string {
  return fonts.length ? `<style>${fontFaceCss(fonts)}</style>` : '';
}

/** Devanagari faces last: where ranges overlap (the space), the face declared last is used. */
const isDevanagariFace = (f: PrintFont) => (f.unicodeRange?.includes('U+0900') ? 1 : 0);

function fontFaceCss(fonts: PrintFont[]): string {
  return [...fonts]
    .sort((a, b) => isDevanagariFace(a) - isDevanagariFace(b))
    .map((f) => {
      const url = typeof f.woff2 === 'string' ? f.woff2 : `data:font/woff2;base64,${toBase64(f.woff2)}`;
      return `@font-face { font-family: '${PRINT_FONT_FAMILY}'; font-style: normal; font-weight: ${f.weight}; src: url(${url}) format('woff2');${f.unicodeRange ? ` unicode-range: ${f.unicodeRange};` : ''} }`;
    })
    .join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A CSS string literal (margin-box content). Inside <style> the HTML parser ends the block at the
 * first "</style", whatever CSS thinks: so "<" is written as a CSS escape, as are quotes,
 * backslashes and line ends (issue #14 item 9).
 */
export function cssString(s: string): string {
  const line = s.replace(/[\r\n\f\u2028\u2029]+/g, ' ');
  return `"${line.replace(/[\\"<>&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** Values of whole kinds are one unbreakable piece; the class keeps them on one line. */
function valueHtml(kind: ColumnKind, v: PrintValue): string {
  const text = escapeHtml(formatValue(kind, v));
  if (!text) return '';
  // Inside free text, a date, amount, mobile or number is kept on one line (Chromium would break
  // "15-11-2026" after a hyphen in a narrow column).
  return isWholeKind(kind) ? text : text.replace(NUMBER_RUN, (run) => (/[-/]/.test(run) ? `<span class="w">${run}</span>` : run));
}

/** A run of digits with the separators that join them (12,34,567.89  15-11-2026  2026/0007  10:30); only runs with - or / can break. */
const NUMBER_RUN = /[₹]?\d[\d,.:/-]*\d/g;

function correctedHtml(kind: ColumnKind, cell: CorrectedCell): string {
  const w = isWholeKind(kind) ? ' class="w"' : '';
  return correctedRuns(kind, cell)
    .map((r) => {
      const t = escapeHtml(r.text.trim());
      if (!t) return ' ';
      return r.strike ? `<s${w}>${t}</s>` : r.small ? ` <span class="by">${t}</span>` : `<span${w}>${t}</span>`;
    })
    .join('');
}

/**
 * Digits joined only by , . : never offer a line break (Unicode line breaking keeps a number
 * whole across these separators), so such a value (a mobile, an amount, an age, a time) needs no
 * nowrap element of its own. Fewer elements per row: every element is styled and laid out again
 * when Chromium switches to print (issue #16).
 */
const UNBREAKABLE = /^\d(?:[\d,.:]*\d)?$/;

function partHtml(kind: ColumnKind, cell: PrintValue | CorrectedCell): string {
  if (isCorrected(cell)) return correctedHtml(kind, cell);
  const html = valueHtml(kind, cell);
  if (!html) return EMPTY_PART;
  return isWholeKind(kind) && !UNBREAKABLE.test(html) ? `<span class="w">${html}</span>` : html;
}

function cellHtml(col: ColumnSpec, cell: PrintCell, struck: boolean): string {
  let html: string;
  if (col.parts && isStacked(cell)) {
    const parts = col.parts;
    // Trailing empty parts print nothing; inner ones a dash, so lines stay under their headings.
    let last = cell.length - 1;
    while (last >= 0 && (cell[last] === null || cell[last] === undefined || cell[last] === '')) last--;
    html = last < 0 ? '' : cell.slice(0, last + 1).map((v, k) => partHtml(parts[k]?.kind ?? 'text', v ?? null)).join('\n');
  } else if (isCorrected(cell)) html = correctedHtml(col.kind, cell);
  else if (isStacked(cell)) html = cell.map((v) => partHtml('text', v)).join('<br>');
  else html = valueHtml(col.kind, cell);
  return struck && !col.keepUnstruck && html ? `<s>${html}</s>` : html;
}

function cellClass(col: ColumnSpec): string {
  const whole = !col.parts && isWholeKind(col.kind);
  const cls = [
    isNumericKind(col.kind) && !col.parts ? 'num' : '',
    col.center || (!col.parts && (col.kind === 'date' || col.kind === 'datetime')) ? 'center' : '',
    col.keepUnstruck ? 'keep' : '',
    whole ? 'w' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return cls ? ` class="${cls}"` : '';
}

/** One table row of the columns `pick` (all of them by default). */
export function rowHtml(columns: ColumnSpec[], row: PrintRow, extraClass = '', pick?: number[]): string {
  const struck = Boolean(row.cancelled);
  const cls = [struck ? 'cancelled' : '', extraClass].filter(Boolean).join(' ');
  let html = cls ? `<tr class="${cls}">` : '<tr>';
  if (pick) for (const i of pick) html += `<td${cellClass(columns[i]!)}>${cellHtml(columns[i]!, row.cells[i] ?? null, struck)}</td>`;
  else for (let i = 0; i < columns.length; i++) html += `<td${cellClass(columns[i]!)}>${cellHtml(columns[i]!, row.cells[i] ?? null, struck)}</td>`;
  return `${html}</tr>`;
}

export interface PrintViewOptions {
  fonts: PrintFont[];
  /** Shown when there are no rows. */
  emptyText?: string;
  /** Lines under the table, above the signatures: whose initials the rows show (initialsLegend). */
  legend?: string[];
}

function styles(spec: SheetSpec, plan: PaperPlan): string {
  const paper = spec.paper ?? DEFAULT_PAPER;
  const [pageW] = pageSizeMm(paper);
  const box = `font-family: ${FONT_STACK}; font-size: ${PAPER_MIN_PT}pt; color: #222;`;
  return `
@page {
  size: ${paper.size} ${paper.orientation};
  margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.side}mm;
  @top-left { content: ${cssString(`${spec.title.hi} / ${spec.title.en}`)}; ${box} }
  @top-right { content: ${cssString(spec.place ?? `थाना ${spec.thana}, जिला ${spec.district}`)}; ${box} }
  @bottom-left { content: ${cssString(spec.subtitle)}; ${box} }
  @bottom-center { content: "पृष्ठ " counter(page) " / " counter(pages); ${box} font-size: 8.5pt; color: #000; }
  @bottom-right { content: ${cssString(`मुद्रण दिनांक: ${spec.printedOn}`)}; ${box} }
}
html { font-family: ${FONT_STACK}; font-size: ${plan.fontPt}pt; color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.title-block { text-align: center; margin: 0 0 5pt; }
.title-block p { margin: 0; }
.title-block .district { font-weight: 600; font-size: 11pt; }
.title-block h1 { font-size: 13pt; font-weight: 600; margin: 1pt 0; }
.title-block .subtitle { font-size: 9pt; }
.part { font-size: 9pt; margin: 0 0 3pt; }
.part + .part, section.sheet + section.sheet { break-before: page; page-break-before: always; }
table.register { border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.5pt 2.5pt; vertical-align: top; white-space: normal; overflow-wrap: normal; word-break: normal; }
/* A cell's lines (stacked fields, lines of a note) end in a newline, not a <br>: fewer elements to restyle and lay out when printing. */
td { white-space: pre-line; }
th { background: #ededed; font-weight: 600; text-align: center; vertical-align: middle; }
thead tr.en th { font-weight: 400; }
thead tr.num th { font-weight: 400; font-size: ${PAPER_MIN_PT}pt; padding: 0.5pt; }
td.num { text-align: right; }
td.center { text-align: center; }
.w { white-space: nowrap; }
tr.cancelled td:not(.keep) { text-decoration: line-through; color: #333; }
tr.totals td { font-weight: 600; background: #f6f6f6; }
td.empty { text-align: center; padding: 8pt; }
/* The preview (screen) shows the sheet as a page; print media ignores this. */
@media screen {
  html { background: #e9ecef; }
  body { width: ${(pageW - 2 * MARGIN_MM.side).toFixed(1)}mm; margin: 6mm auto; padding: 10mm ${MARGIN_MM.side}mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
.legend { margin-top: 6pt; font-size: 9pt; break-inside: avoid; page-break-inside: avoid; }
.legend p { margin: 0; }
.legend .legend-title { font-weight: 600; }
.signatures { display: flex; justify-content: space-between; gap: 12pt; margin-top: 10pt; padding-top: 34pt; break-inside: avoid; page-break-inside: avoid; }
.signatures .slot { flex: 1; text-align: center; font-size: 9pt; }
.signatures .slot p { margin: 0; }
.signatures .slot .sign { border-top: 0.6pt solid #000; padding-top: 2pt; font-weight: 600; }
`;
}

/** The paper plan of a sheet: measured from its headings, rows and totals. */
export function printPlan(spec: SheetSpec, rows: PrintRow[], totals: PrintRow | null): PaperPlan {
  return planPaper(spec.columns, measureSheet(spec.columns, rows, totals), usableWidthPt(spec.paper ?? DEFAULT_PAPER));
}

function tableHead(cols: ColumnSpec[], plan: PaperPlan, pick: number[]): string {
  const width = pick.reduce((s, i) => s + plan.widthsPt[i]!, 0);
  return [
    `<table class="register" style="width:${width.toFixed(1)}pt"><colgroup>`,
    ...pick.map((i) => `<col style="width:${plan.widthsPt[i]!.toFixed(1)}pt">`),
    '</colgroup><thead>',
    `<tr class="hi">${pick.map((i) => `<th>${escapeHtml(cols[i]!.label.hi)}</th>`).join('')}</tr>`,
    `<tr class="en">${pick.map((i) => `<th>${escapeHtml(cols[i]!.label.en)}</th>`).join('')}</tr>`,
    `<tr class="num">${pick.map((i) => `<th>${i + 1}</th>`).join('')}</tr>`,
    '</thead><tbody>',
  ].join('');
}

/**
 * The complete HTML document for `rows` (already filtered and mapped) and the totals row. When the
 * columns do not fit one sheet of paper at the smallest text size, the print continues on further
 * sheets (each with the serial and name columns again), the signature block after the last.
 */
export function buildPrintHtml(spec: SheetSpec, rows: PrintRow[], totals: PrintRow | null, opts: PrintViewOptions): string {
  const plan = printPlan(spec, rows, totals);
  const [district, title, subtitle] = titleLines(spec);
  const cols = spec.columns;
  const out: string[] = [
    '<!doctype html><html lang="hi"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${spec.title.hi} — ${spec.thana}`)}</title>`,
    fontFaceStyle(opts.fonts),
    `<style>${styles(spec, plan)}</style></head><body>`,
    `<header class="title-block"><p class="district">${escapeHtml(district)}</p><h1>${escapeHtml(title)}</h1>`,
    subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : '',
    '</header>',
  ];
  plan.groups.forEach((pick, k) => {
    out.push('<section class="sheet">');
    if (plan.groups.length > 1) {
      const own = pick.filter((i) => i !== 0 && !cols[i]!.repeat);
      const range = `${(own[0] ?? 0) + 1}–${(own[own.length - 1] ?? 0) + 1}`;
      out.push(`<p class="part">भाग ${k + 1} / ${plan.groups.length}: स्तंभ ${range} (Part ${k + 1} of ${plan.groups.length}: columns ${range})</p>`);
    }
    out.push(tableHead(cols, plan, pick));
    if (rows.length) for (const row of rows) out.push(rowHtml(cols, row, '', pick));
    else out.push(`<tr><td class="empty" colspan="${pick.length}">${escapeHtml(opts.emptyText ?? 'कोई प्रविष्टि नहीं / No entries')}</td></tr>`);
    if (totals) out.push(rowHtml(cols, totals, 'totals', pick));
    out.push('</tbody></table></section>');
  });
  if (opts.legend?.length) {
    out.push(`<section class="legend"><p class="legend-title">${escapeHtml(LEGEND_TITLE)}:</p>`);
    for (const line of opts.legend) out.push(`<p>${escapeHtml(line)}</p>`);
    out.push('</section>');
  }
  if (spec.signatures?.length) {
    out.push('<section class="signatures">');
    for (const slot of spec.signatures) {
      const [sign, role, name] = signatureLines(slot);
      out.push(`<div class="slot"><p class="sign">${escapeHtml(sign!)}</p><p>${escapeHtml(role!)}</p>${name ? `<p>${escapeHtml(name)}</p>` : ''}</div>`);
    }
    out.push('</section>');
  }
  out.push('</body></html>');
  return out.join('');
}
