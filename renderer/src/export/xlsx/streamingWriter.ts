/**
 * The streaming writer: each row becomes worksheet XML at once, and every flush() deflates what
 * has accumulated into the output, so memory stays flat however long the register is.
 *
 * Why not exceljs's own stream.xlsx.WorkbookWriter: its browser build (what Vite bundles for the
 * renderer) does not contain it, and the Node version needs archiver, fs, Node streams and a
 * global Buffer/process. This writer uses only CompressionStream and TextEncoder, so the same code
 * runs in the app and in Node. Strings are written inline (no shared-string table to grow).
 */
import { WidthMeter } from '../measure';
import { measureHeadings, measureRow } from '../paper';
import type { ColumnSpec, PrintCell, PrintRow, SheetSpec } from '../sheet';
import { columnLetter, excelSerial, isCorrected, isStacked, sanitizeSheetName } from '../sheet';
import type { SheetLayout } from './layout';
import { PAGE_SETUP, STYLES, correctionNote, dataRowHeight, dataStyle, legendBlock, sheetLayout, stackedText } from './layout';
import {
  StyleBook,
  WORKSHEET_OPEN,
  appXml,
  commentsXml,
  contentTypesXml,
  coreXml,
  escapeXml,
  rootRelsXml,
  sheetRelsXml,
  vmlXml,
  workbookRelsXml,
  workbookXml,
  type SheetEntry,
} from './ooxml';
import type { RegisterWorkbookWriter, SheetWriter, WorkbookOptions } from './writer';
import { MemorySink, ZipWriter, type ZipEntryWriter } from './zip';

function inlineText(text: string): string {
  const t = escapeXml(text);
  const space = t !== t.trim() || t.includes('\n') ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${t}</t></is>`;
}

const PIECE_CHARS = 32 * 1024;

interface ColumnPlan {
  col: ColumnSpec;
  letter: string;
  normal: number;
  struck: number;
  total: number;
}

class StreamingSheet implements SheetWriter {
  private rowNo: number;
  private buf: string[] = [];
  private bufChars = 0;
  /** Encoded pieces waiting for flush() to hand them to the compressor. */
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private readonly plan: ColumnPlan[];
  private readonly merges: string[] = [];
  private readonly encoder = new TextEncoder();
  /** Rows before the first flush: measured for the column widths, then written after the head. */
  private early: PrintRow[] | null = [];
  private readonly meter: WidthMeter;
  private layout: SheetLayout | null = null;
  /** Earlier values of corrected cells: the sheet's notes (comments). */
  readonly comments: { ref: string; text: string }[] = [];

  constructor(
    private readonly entry: ZipEntryWriter,
    private readonly spec: SheetSpec,
    private readonly sheet: SheetEntry,
    private readonly styles: StyleBook,
    private readonly onClosed: () => void,
  ) {
    this.rowNo = sheetLayout(spec).firstDataRow;
    this.plan = spec.columns.map((col, i) => ({
      col,
      letter: columnLetter(i),
      normal: styles.xf(dataStyle(col)),
      struck: styles.xf(dataStyle(col, { struck: true })),
      total: styles.xf({ ...dataStyle(col, { totals: true }), wrap: Boolean(col.parts) }),
    }));
    this.meter = new WidthMeter(spec.columns.length);
    measureHeadings(this.meter, spec.columns);
  }

  private push(xml: string): void {
    this.buf.push(xml);
    this.bufChars += xml.length;
    // Encode in pieces of ~32k characters: strings and buffers this small stay in V8's young
    // generation, where garbage is cheap (1 MB pieces went to the old generation and made the
    // garbage collector the biggest cost of a long export).
    if (this.bufChars >= PIECE_CHARS) this.encodePending();
  }

  private encodePending(): void {
    if (!this.buf.length) return;
    this.pending.push(this.encoder.encode(this.buf.join('')));
    this.buf = [];
    this.bufChars = 0;
  }

  /** The head, once the first rows are measured (widths come from the content). */
  private start(): void {
    if (!this.early) return;
    const layout = sheetLayout(this.spec, this.meter.measures);
    this.layout = layout;
    Object.assign(this.sheet, { printTitlesColumn: layout.printTitlesColumn });
    this.writeHead(layout);
    const rows = this.early;
    this.early = null;
    for (const row of rows) this.writeRow(row);
  }

  private writeHead(layout: SheetLayout): void {
    const { spec } = this;
    const n = layout.ncols;
    const last = columnLetter(n - 1);
    const frozen = layout.firstDataRow;
    this.push(
      WORKSHEET_OPEN +
        '<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>' +
        '<sheetViews><sheetView workbookViewId="0">' +
        `<pane xSplit="1" ySplit="${layout.frozenRows}" topLeftCell="B${frozen}" activePane="bottomRight" state="frozen"/>` +
        `<selection pane="bottomRight" activeCell="B${frozen}" sqref="B${frozen}"/>` +
        '</sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        `<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
        '<sheetData>',
    );
    layout.title.forEach((t, i) => {
      const r = i + 1;
      this.push(`<row r="${r}" ht="${t.height}" customHeight="1"><c r="A${r}" s="${this.styles.xf(t.style)}" t="inlineStr">${inlineText(t.text)}</c></row>`);
      if (n > 1) this.merges.push(`A${r}:${last}${r}`);
    });
    const head = (r: number, values: (string | number)[], style: number, height: number) => {
      const cells = values.map((v, i) =>
        typeof v === 'number'
          ? `<c r="${columnLetter(i)}${r}" s="${style}"><v>${v}</v></c>`
          : `<c r="${columnLetter(i)}${r}" s="${style}" t="inlineStr">${inlineText(v)}</c>`,
      );
      this.push(`<row r="${r}" ht="${height}" customHeight="1">${cells.join('')}</row>`);
    };
    const t = layout.title.length;
    head(t + 1, layout.headHi, this.styles.xf(STYLES.headHi), layout.headHeights[0]);
    head(t + 2, layout.headEn, this.styles.xf(STYLES.headEn), layout.headHeights[1]);
    head(
      t + 3,
      spec.columns.map((_, i) => i + 1),
      this.styles.xf(STYLES.headNo),
      layout.headHeights[2],
    );
  }

  /** A cell with its value's real type: a corrected cell holds its current value, the earlier one goes into a note. */
  private cellXml(p: ColumnPlan, ref: string, cell: PrintCell, style: number): string {
    if (cell === null || cell === undefined) return `<c r="${ref}" s="${style}"/>`;
    if (isStacked(cell)) {
      const note = correctionNote(p.col, cell);
      if (note) this.comments.push({ ref, text: note });
      const text = stackedText(p.col, cell);
      return text ? `<c r="${ref}" s="${style}" t="inlineStr">${inlineText(text)}</c>` : `<c r="${ref}" s="${style}"/>`;
    }
    let v: string | number | null = cell as string | number;
    if (isCorrected(cell)) {
      this.comments.push({ ref, text: correctionNote(p.col, cell)! });
      v = cell.now;
      if (v === null || v === undefined) return `<c r="${ref}" s="${style}"/>`;
    }
    if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : `<c r="${ref}" s="${style}"/>`;
    const text = v as string;
    if (p.col.kind === 'date' || p.col.kind === 'datetime') {
      const serial = excelSerial(text);
      if (serial !== null) return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
    }
    return `<c r="${ref}" s="${style}" t="inlineStr">${inlineText(text)}</c>`;
  }

  private rowXml(row: PrintRow, styleOf: (p: ColumnPlan) => number): string {
    const r = this.rowNo++;
    const height = dataRowHeight(this.spec.columns, row, this.layout!.widths);
    let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let i = 0; i < this.plan.length; i++) {
      const p = this.plan[i]!;
      xml += this.cellXml(p, p.letter + r, row.cells[i] ?? null, styleOf(p));
    }
    return `${xml}</row>`;
  }

  private writeRow(row: PrintRow): void {
    this.push(this.rowXml(row, row.cancelled ? (p) => p.struck : (p) => p.normal));
  }

  addRow(row: PrintRow): void {
    if (this.early) {
      measureRow(this.meter, this.spec.columns, row);
      this.early.push(row);
    } else this.writeRow(row);
  }

  async flush(): Promise<void> {
    this.start();
    this.encodePending();
    const pieces = this.pending;
    this.pending = [];
    for (const piece of pieces) await this.entry.write(piece);
  }

  async close(totals: PrintRow | null, legend: string[] = []): Promise<void> {
    if (totals && this.early) measureRow(this.meter, this.spec.columns, totals, true);
    this.start();
    const layout = this.layout!;
    if (totals) this.push(this.rowXml(totals, (p) => p.total));
    const lastDataRow = this.rowNo - 1;
    const block = legendBlock(legend, layout.widths);
    if (block) {
      this.rowNo++;
      const r = this.rowNo;
      this.push(`<row r="${r}" ht="${block.height}" customHeight="1"><c r="A${r}" s="${this.styles.xf(STYLES.legend)}" t="inlineStr">${inlineText(block.text)}</c></row>`);
      if (layout.ncols > 1) this.merges.push(`A${r}:${columnLetter(layout.ncols - 1)}${r}`);
    }
    if (layout.signature.length) {
      this.rowNo++;
      const r = this.rowNo;
      const style = this.styles.xf(STYLES.signature);
      const cells = layout.signature.map((s) => `<c r="${columnLetter(s.from)}${r}" s="${style}" t="inlineStr">${inlineText(s.text)}</c>`);
      this.push(`<row r="${r}" ht="${layout.signatureHeight}" customHeight="1">${cells.join('')}</row>`);
      for (const s of layout.signature) if (s.to > s.from) this.merges.push(`${columnLetter(s.from)}${r}:${columnLetter(s.to)}${r}`);
    }
    this.sheet.printArea = `$A$1:$${columnLetter(layout.ncols - 1)}$${Math.max(lastDataRow, this.rowNo)}`;
    this.push('</sheetData>');
    if (this.merges.length) this.push(`<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    const m = layout.margins;
    this.push(
      '<printOptions horizontalCentered="1"/>' +
        `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
        `<pageSetup paperSize="${layout.paperSize}" scale="${PAGE_SETUP.scale}" pageOrder="${PAGE_SETUP.pageOrder}" orientation="${layout.orientation}"/>` +
        `<headerFooter><oddHeader>${escapeXml(layout.oddHeader)}</oddHeader><oddFooter>${escapeXml(layout.oddFooter)}</oddFooter></headerFooter>` +
        (this.comments.length ? '<legacyDrawing r:id="rId1"/>' : '') +
        '</worksheet>',
    );
    this.sheet.comments = this.comments.length > 0;
    await this.flush();
    await this.entry.close();
    this.onClosed();
  }
}

export class StreamingXlsxWriter implements RegisterWorkbookWriter {
  readonly mode = 'streaming' as const;
  private readonly sink = new MemorySink();
  private readonly zip: ZipWriter;
  private readonly styles = new StyleBook();
  private readonly sheets: SheetEntry[] = [];
  private readonly writers: StreamingSheet[] = [];
  /** Sheets still open; the first writes straight into the archive, later ones are deferred. */
  private open = 0;
  private direct = false;
  private readonly created: Date;

  constructor(private readonly opts: WorkbookOptions) {
    this.created = opts.created ?? new Date();
    this.zip = new ZipWriter(this.sink, this.created);
  }

  async addSheet(spec: SheetSpec): Promise<SheetWriter> {
    let name = sanitizeSheetName(spec.sheetName);
    for (let i = 2; this.sheets.some((s) => s.name === name); i++) name = sanitizeSheetName(`${spec.sheetName.slice(0, 27)} ${i}`);
    const layout = sheetLayout(spec);
    const entry: SheetEntry = { name, index: this.sheets.length + 1, printTitlesRow: layout.printTitlesRow, printTitlesColumn: null, printArea: null, comments: false };
    this.sheets.push(entry);
    const path = `xl/worksheets/sheet${entry.index}.xml`;
    // Sheets written side by side (a register and its "All fields" sheet): one goes straight into
    // the archive, the others are compressed into memory and placed after it.
    const useDirect = !this.direct;
    if (useDirect) this.direct = true;
    const zipEntry = useDirect ? this.zip.entry(path) : this.zip.deferred(path);
    this.open++;
    const sheet = new StreamingSheet(zipEntry, spec, entry, this.styles, () => {
      this.open--;
      if (useDirect) this.direct = false;
    });
    this.writers.push(sheet);
    return sheet;
  }

  async finish(): Promise<Uint8Array> {
    if (this.open) throw new Error('Close the sheets before finishing the workbook');
    this.zip.placeDeferred();
    for (const [i, w] of this.writers.entries()) {
      const s = this.sheets[i]!;
      if (!s.comments) continue;
      await this.zip.file(`xl/worksheets/_rels/sheet${s.index}.xml.rels`, sheetRelsXml(s.index));
      await this.zip.file(`xl/comments${s.index}.xml`, commentsXml(w.comments));
      await this.zip.file(`xl/drawings/vmlDrawing${s.index}.vml`, vmlXml(w.comments));
    }
    await this.zip.file('[Content_Types].xml', contentTypesXml(this.sheets));
    await this.zip.file('_rels/.rels', rootRelsXml());
    await this.zip.file('docProps/core.xml', coreXml({ creator: this.opts.creator ?? 'Cyber Mitan Thana Desk', title: this.opts.title, created: this.created }));
    await this.zip.file('docProps/app.xml', appXml());
    await this.zip.file('xl/workbook.xml', workbookXml(this.sheets));
    await this.zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(this.sheets));
    await this.zip.file('xl/styles.xml', this.styles.xml());
    this.zip.finish();
    return this.sink.bytes();
  }
}
