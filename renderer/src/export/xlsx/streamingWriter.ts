/**
 * The streaming writer: each row becomes worksheet XML at once, and every flush() deflates what
 * has accumulated into the output, so memory stays flat however long the register is.
 *
 * Why not exceljs's own stream.xlsx.WorkbookWriter: its browser build (what Vite bundles for the
 * renderer) does not contain it, and the Node version needs archiver, fs, Node streams and a
 * global Buffer/process. This writer uses only CompressionStream and TextEncoder, so the same code
 * runs in the app and in Node. Strings are written inline (no shared-string table to grow).
 */
import type { ColumnSpec, PrintCell, PrintRow, SheetSpec } from '../sheet';
import { columnLetter, correctedRuns, excelSerial, isCorrected, sanitizeSheetName } from '../sheet';
import type { SheetLayout } from './layout';
import { PAGE_SETUP, STYLES, dataRowHeight, dataStyle, sheetLayout } from './layout';
import { StyleBook, WORKSHEET_OPEN, appXml, contentTypesXml, coreXml, escapeXml, rootRelsXml, workbookRelsXml, workbookXml, type SheetEntry } from './ooxml';
import type { RegisterWorkbookWriter, SheetWriter, WorkbookOptions } from './writer';
import { MemorySink, ZipWriter, type ZipEntryWriter } from './zip';

function inlineText(text: string): string {
  const t = escapeXml(text);
  const space = t !== t.trim() || t.includes('\n') ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${t}</t></is>`;
}

function richText(col: ColumnSpec, cell: Exclude<PrintCell, string | number | null>, struck: boolean): string {
  const runs = correctedRuns(col.kind, cell)
    .map((r) => `<r>${StyleBook.runProps(r.small ? 8 : 10, Boolean(r.strike) || (struck && !col.keepUnstruck))}<t xml:space="preserve">${escapeXml(r.text)}</t></r>`)
    .join('');
  return `<is>${runs}</is>`;
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

  constructor(
    private readonly entry: ZipEntryWriter,
    private readonly spec: SheetSpec,
    private readonly layout: SheetLayout,
    private readonly styles: StyleBook,
    private readonly onClosed: () => void,
  ) {
    this.rowNo = layout.firstDataRow;
    this.plan = spec.columns.map((col, i) => ({
      col,
      letter: columnLetter(i),
      normal: styles.xf(dataStyle(col)),
      struck: styles.xf(dataStyle(col, { struck: true })),
      total: styles.xf({ ...dataStyle(col, { totals: true }), wrap: false }),
    }));
    this.writeHead();
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

  private writeHead(): void {
    const { layout, spec } = this;
    const n = layout.ncols;
    const last = columnLetter(n - 1);
    const frozen = layout.firstDataRow;
    this.push(
      WORKSHEET_OPEN +
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
        '<sheetViews><sheetView workbookViewId="0">' +
        `<pane ySplit="${layout.frozenRows}" topLeftCell="A${frozen}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen}" sqref="A${frozen}"/>` +
        '</sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` +
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

  private cellXml(p: ColumnPlan, ref: string, cell: PrintCell, style: number, struck: boolean): string {
    if (cell === null || cell === undefined) return `<c r="${ref}" s="${style}"/>`;
    if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}" s="${style}"><v>${cell}</v></c>` : `<c r="${ref}" s="${style}"/>`;
    if (isCorrected(cell)) return `<c r="${ref}" s="${style}" t="inlineStr">${richText(p.col, cell, struck)}</c>`;
    if (p.col.kind === 'date' || p.col.kind === 'datetime') {
      const serial = excelSerial(cell);
      if (serial !== null) return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
    }
    return `<c r="${ref}" s="${style}" t="inlineStr">${inlineText(cell)}</c>`;
  }

  private rowXml(row: PrintRow, styleOf: (p: ColumnPlan) => number, struck: boolean): string {
    const r = this.rowNo++;
    const height = dataRowHeight(this.spec.columns, row);
    let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let i = 0; i < this.plan.length; i++) {
      const p = this.plan[i]!;
      xml += this.cellXml(p, p.letter + r, row.cells[i] ?? null, styleOf(p), struck);
    }
    return `${xml}</row>`;
  }

  addRow(row: PrintRow): void {
    const struck = Boolean(row.cancelled);
    this.push(this.rowXml(row, struck ? (p) => p.struck : (p) => p.normal, struck));
  }

  async flush(): Promise<void> {
    this.encodePending();
    const pieces = this.pending;
    this.pending = [];
    for (const piece of pieces) await this.entry.write(piece);
  }

  async close(totals: PrintRow | null): Promise<void> {
    const { layout } = this;
    if (totals) this.push(this.rowXml(totals, (p) => p.total, false));
    if (layout.signature.length) {
      this.rowNo++;
      const r = this.rowNo;
      const style = this.styles.xf(STYLES.signature);
      const cells = layout.signature.map((s) => `<c r="${columnLetter(s.from)}${r}" s="${style}" t="inlineStr">${inlineText(s.text)}</c>`);
      this.push(`<row r="${r}" ht="${layout.signatureHeight}" customHeight="1">${cells.join('')}</row>`);
      for (const s of layout.signature) if (s.to > s.from) this.merges.push(`${columnLetter(s.from)}${r}:${columnLetter(s.to)}${r}`);
    }
    this.push('</sheetData>');
    if (this.merges.length) this.push(`<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    const m = layout.margins;
    this.push(
      '<printOptions horizontalCentered="1"/>' +
        `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
        `<pageSetup paperSize="${PAGE_SETUP.paperSize}" orientation="${PAGE_SETUP.orientation}" fitToWidth="${PAGE_SETUP.fitToWidth}" fitToHeight="${PAGE_SETUP.fitToHeight}"/>` +
        `<headerFooter><oddHeader>${escapeXml(layout.oddHeader)}</oddHeader><oddFooter>${escapeXml(layout.oddFooter)}</oddFooter></headerFooter>` +
        '</worksheet>',
    );
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
  private current: StreamingSheet | null = null;
  private readonly created: Date;

  constructor(private readonly opts: WorkbookOptions) {
    this.created = opts.created ?? new Date();
    this.zip = new ZipWriter(this.sink, this.created);
  }

  async addSheet(spec: SheetSpec): Promise<SheetWriter> {
    if (this.current) throw new Error('Close the previous sheet before adding another');
    let name = sanitizeSheetName(spec.sheetName);
    for (let i = 2; this.sheets.some((s) => s.name === name); i++) name = sanitizeSheetName(`${spec.sheetName.slice(0, 27)} ${i}`);
    const layout = sheetLayout(spec);
    const entry: SheetEntry = { name, index: this.sheets.length + 1, printTitlesRow: layout.printTitlesRow };
    this.sheets.push(entry);
    const sheet = new StreamingSheet(this.zip.entry(`xl/worksheets/sheet${entry.index}.xml`), spec, layout, this.styles, () => {
      this.current = null;
    });
    this.current = sheet;
    return sheet;
  }

  async finish(): Promise<Uint8Array> {
    if (this.current) throw new Error('Close the sheet before finishing the workbook');
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
