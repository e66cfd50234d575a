/**
 * Exports and prints of registers and reports: reads entries page by page (keyset paging, never
 * the whole register), maps them to paper rows, writes them as they come, reports progress,
 * gives the event loop a turn every ~1,000 rows, stops on cancel, and writes the audit row.
 */
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import { formatDateIN, istDate } from '@/domain/dates';
import type { Actor, StoredRecord } from '@/domain/records';
import { fieldByKey, paperSetting, type PaperSize, type RegisterDef } from '@/domain/registers/types';
import { PAPER_MM } from './paper';
import { assertCan, can } from '@/domain/roles';
import type { ThanaProfile } from '@/domain/setup';
import type { StationContext } from '@/db/context';
import { countRecords, logRead, pageRecords } from '@/db/repository';
import type { RegisterFilter } from './filter';
import { describeFilter, toPageQuery } from './filter';
import type { PrintFont } from './print/printView';
import { buildPrintHtml } from './print/printView';
import { initialsLegend } from './initialsLegend';
import { dbRefLabels } from './refLabels';
import { spelledSpec } from './spelling';
import type { PrintLang, RefLabels } from './registerSheet';
import { RegisterRowMapper } from './registerSheet';
import type { ReportDef, ReportRow } from './reportSheet';
import { reportColumns, reportRowMapper } from './reportSheet';
import type { PaperSpec, PrintRow, SheetSpec } from './sheet';
import { FULL_SHEET_NAME, STATION_SIGNATURES, TotalsAccumulator } from './sheet';
import type { WriterMode } from './xlsx/writer';
import { XLSX_MIME, chooseMode, createWorkbookWriter } from './xlsx/writer';

export interface ExportProgress {
  /** Rows written so far. */
  rows: number;
  /** Entries looked at so far (rows plus those the filter left out). */
  scanned: number;
  /** Entries in the register (the most there can be); null when not known. */
  total: number | null;
}

export interface RunOptions {
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

export interface XlsxResult {
  data: Uint8Array;
  fileName: string;
  mimeType: string;
  rows: number;
  mode: WriterMode;
}

export interface PrintResult {
  html: string;
  /** For the PDF: same name as the workbook, .pdf */
  fileName: string;
  rows: number;
  /** Shown in the preview: the period and filters chosen. */
  subtitle: string;
}

/** Entries read per keyset page. */
export const PAGE_SIZE = 500;
/** Rows between two turns of the event loop (and two flushes of the streaming writer). */
export const YIELD_EVERY = 1000;
/**
 * Chromium lays out a long print in super-linear time (10,000 rows ≈ 35 s, design §5); longer
 * prints are refused with a request to choose a shorter period. Excel has no such limit.
 */
export const PRINT_MAX_ROWS = 10_000;

export class ExportCancelled extends DomainError {
  constructor() {
    super('export.cancelled', bi('निर्यात रद्द किया गया', 'The export was cancelled'));
  }
}

/** A macrotask, so input and paint get their turn during a long export. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

/** What a print needs of the thana profile; `campaignName` spells साइबर/सायबर in the headings. */
export type PrintProfile = Pick<ThanaProfile, 'district' | 'thanaName' | 'nodalName' | 'nodalRank' | 'inchargeName' | 'inchargeRank'> & Partial<Pick<ThanaProfile, 'campaignName'>>;

// ─── Registers ─────────────────────────────────────────────────────────────────────────

export interface RegisterExportRequest extends RunOptions {
  ctx: StationContext;
  actor: Actor;
  profile: PrintProfile;
  def: RegisterDef;
  filter?: RegisterFilter;
  /** Language of values in the cells (headings always carry both). */
  lang?: PrintLang;
  /** Excel only: 'auto' picks the exceljs workbook for small registers, streaming for large ones. */
  mode?: WriterMode | 'auto';
  /** Entries to print instead of reading the register (benchmarks); pages in print order. */
  source?: AsyncIterable<StoredRecord[]>;
  refs?: RefLabels;
  /** 'YYYY-MM-DD' printed as the print date; default today in IST. */
  today?: string;
}

function fileSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function registerFileName(def: RegisterDef, thanaName: string, filter: RegisterFilter, today: string, ext: 'xlsx' | 'pdf'): string {
  const period = filter.from || filter.to ? `${filter.from ?? ''}_${filter.to ?? ''}` : today;
  const thana = thanaName.replace(/[\\/:*?"<>|]+/g, '').trim().replace(/\s+/g, '-');
  return `${fileSlug(def.printTitle.en) || def.type}_${thana || 'thana'}_${period}.${ext}`;
}

/** The register's paper: its declared size and orientation, or the size the thana chose in settings. */
export function registerPaper(def: RegisterDef, settings: Record<string, unknown> = {}): PaperSpec {
  const chosen = settings[paperSetting(def.type)];
  const size = typeof chosen === 'string' && chosen in PAPER_MM ? (chosen as PaperSize) : (def.paper?.size ?? 'A4');
  return { size, orientation: def.paper?.orientation ?? 'landscape' };
}

interface PreparedRegister {
  spec: SheetSpec;
  pages: AsyncIterable<PrintRow[]>;
  fileName(ext: 'xlsx' | 'pdf'): string;
  progress(): ExportProgress;
  /** The legend of the initials the printed rows show (after every page has been read). */
  legend(): string[];
}

async function prepareRegister(req: RegisterExportRequest, withFull = false): Promise<PreparedRegister> {
  const { ctx, actor, def, profile } = req;
  assertCan(actor.role, 'register.export');
  const filter = req.filter ?? {};
  const today = req.today ?? istDate(ctx.now());
  const refs = req.refs ?? dbRefLabels(ctx);
  const mapper = new RegisterRowMapper(def, {
    lang: req.lang ?? 'hi',
    maskPersonal: !can(actor.role, 'complaint.unmasked'),
    settings: ctx.settings(),
    refs,
    withFull,
  });
  // The title block names a filtered team or place the way the cells print it.
  for (const [key, value] of Object.entries(filter.equals ?? {})) {
    const f = fieldByKey(def, key);
    if (f && (f.type === 'ref' || f.type === 'refs') && f.refType) await refs.load(f.refType, [String(value)]);
  }
  const subtitle = describeFilter(def, filter, (f, v) => mapper.fieldPrinter.text(f, v));
  const spec: SheetSpec = spelledSpec({
    sheetName: def.printTitle.hi,
    district: profile.district,
    thana: profile.thanaName,
    title: def.printTitle,
    subtitle,
    columns: mapper.columns,
    paper: registerPaper(def, ctx.settings()),
    ...(withFull ? { full: { sheetName: FULL_SHEET_NAME, columns: mapper.fullColumns } } : {}),
    printedOn: formatDateIN(today),
    signatures: [
      { role: STATION_SIGNATURES[0]!, name: [actor.name, actor.rank].filter(Boolean).join(', ') },
      { role: STATION_SIGNATURES[1]!, name: [profile.nodalName, profile.nodalRank].filter(Boolean).join(', ') },
      { role: STATION_SIGNATURES[2]!, name: [profile.inchargeName, profile.inchargeRank].filter(Boolean).join(', ') },
    ],
  }, profile.campaignName);
  const state: ExportProgress = { rows: 0, scanned: 0, total: null };
  if (!req.source) state.total = await countRecords(ctx, def);
  const query = toPageQuery(def, filter);
  const matches = query.filter!;
  const countingQuery = {
    ...query,
    filter: (r: StoredRecord) => {
      state.scanned++;
      return matches(r);
    },
  };
  async function* pages(): AsyncIterable<PrintRow[]> {
    if (req.source) {
      for await (const records of req.source) {
        checkCancel(req.signal);
        state.scanned += records.length;
        const kept = records.filter(matches);
        await mapper.prepare(kept);
        yield kept.map((r) => mapper.map(r));
      }
      return;
    }
    let after: string | null = null;
    for (;;) {
      checkCancel(req.signal);
      const page = await pageRecords(ctx, def, { ...countingQuery, after, limit: PAGE_SIZE });
      await mapper.prepare(page.rows);
      yield page.rows.map((r) => mapper.map(r));
      // A cursor that does not move would print the same page forever.
      if (!page.next || page.next === after) return;
      after = page.next;
    }
  }
  return {
    spec,
    pages: pages(),
    fileName: (ext) => registerFileName(def, profile.thanaName, filter, today, ext),
    progress: () => state,
    legend: () => initialsLegend(mapper.initials.list),
  };
}

/** The register (as filtered) as an .xlsx file. Audited as 'export' for registers that log reads. */
export async function exportRegisterXlsx(req: RegisterExportRequest): Promise<XlsxResult> {
  const prepared = await prepareRegister(req, true);
  const total = prepared.progress().total;
  const mode = !req.mode || req.mode === 'auto' ? chooseMode(total ?? Infinity) : req.mode;
  const data = await writeXlsx(prepared.spec, prepared.pages, mode, { ...req, progress: prepared.progress, legend: prepared.legend });
  const rows = prepared.progress().rows;
  await logRead(req.ctx, req.actor, req.def, 'export', null, `Excel, ${rows} rows: ${prepared.spec.subtitle}`);
  return { data, fileName: prepared.fileName('xlsx'), mimeType: XLSX_MIME, rows, mode };
}

/**
 * The print view of the register (as filtered), for the preview and then the PDF. Not audited
 * here: call auditRegisterPrint when the user actually prints it.
 */
export async function buildRegisterPrint(req: RegisterExportRequest & { fonts: PrintFont[] }): Promise<PrintResult> {
  const prepared = await prepareRegister(req);
  const html = await collectHtml(prepared.spec, prepared.pages, req.fonts, { ...req, progress: prepared.progress, legend: prepared.legend });
  return { html, fileName: prepared.fileName('pdf'), rows: prepared.progress().rows, subtitle: prepared.spec.subtitle };
}

export async function auditRegisterPrint(ctx: StationContext, actor: Actor, def: RegisterDef, print: Pick<PrintResult, 'rows' | 'subtitle'>): Promise<void> {
  await logRead(ctx, actor, def, 'print', null, `PDF, ${print.rows} rows: ${print.subtitle}`);
}

// ─── Reports ───────────────────────────────────────────────────────────────────────────

export interface ReportExportRequest extends RunOptions {
  report: ReportDef;
  rows: Iterable<ReportRow> | AsyncIterable<ReportRow>;
  profile: PrintProfile;
  /** The line under the title, e.g. 'अवधि: 01-11-2026 से 30-11-2026'. */
  subtitle: string;
  /** Who prints it (प्रविष्टिकर्ता / prepared by). */
  preparedBy?: Pick<Actor, 'name' | 'rank'>;
  /** Print the signature block (default true). */
  signatures?: boolean;
  mode?: WriterMode | 'auto';
  /** 'YYYY-MM-DD' printed as the print date; default today in IST. */
  today?: string;
  /** Reports made from a register's entries are audited like the register. */
  audit?: { ctx: StationContext; actor: Actor; register: RegisterDef };
  /** The district office's prints (issue #15): its own place line and signature block instead of the thana's. */
  office?: { place: string; signatures: { role: Bilingual; name: string }[] };
}

function reportSpec(req: ReportExportRequest): SheetSpec {
  const { profile } = req;
  return spelledSpec({
    sheetName: req.report.printTitle.hi,
    district: profile.district,
    thana: profile.thanaName,
    title: req.report.printTitle,
    subtitle: req.subtitle,
    columns: reportColumns(req.report),
    printedOn: formatDateIN(req.today ?? istDate()),
    place: req.office?.place,
    signatures:
      req.signatures === false
        ? null
        : req.office
          ? [{ role: bi('तैयारकर्ता', 'Prepared by'), name: req.preparedBy ? [req.preparedBy.name, req.preparedBy.rank].filter(Boolean).join(', ') : '' }, ...req.office.signatures]
          : [
            { role: bi('तैयारकर्ता', 'Prepared by'), name: req.preparedBy ? [req.preparedBy.name, req.preparedBy.rank].filter(Boolean).join(', ') : '' },
            { role: STATION_SIGNATURES[1]!, name: [profile.nodalName, profile.nodalRank].filter(Boolean).join(', ') },
            { role: STATION_SIGNATURES[2]!, name: [profile.inchargeName, profile.inchargeRank].filter(Boolean).join(', ') },
          ],
  }, profile.campaignName);
}

async function* reportPages(req: ReportExportRequest, state: ExportProgress): AsyncIterable<PrintRow[]> {
  const map = reportRowMapper(req.report);
  let page: PrintRow[] = [];
  for await (const row of req.rows as AsyncIterable<ReportRow>) {
    page.push(map(row, state.scanned++));
    if (page.length >= PAGE_SIZE) {
      checkCancel(req.signal);
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

function reportFileName(req: ReportExportRequest, ext: 'xlsx' | 'pdf'): string {
  const thana = req.profile.thanaName.replace(/[\\/:*?"<>|]+/g, '').trim().replace(/\s+/g, '-');
  return `${fileSlug(req.report.id)}_${thana || 'thana'}_${req.today ?? istDate()}.${ext}`;
}

export async function exportReportXlsx(req: ReportExportRequest): Promise<XlsxResult> {
  if (req.audit) assertCan(req.audit.actor.role, 'register.export');
  const state: ExportProgress = { rows: 0, scanned: 0, total: Array.isArray(req.rows) ? req.rows.length : null };
  const mode = !req.mode || req.mode === 'auto' ? chooseMode(state.total ?? Infinity) : req.mode;
  const data = await writeXlsx(reportSpec(req), reportPages(req, state), mode, { ...req, progress: () => state });
  if (req.audit) await logRead(req.audit.ctx, req.audit.actor, req.audit.register, 'export', null, `Excel report ${req.report.id}: ${req.subtitle}`);
  return { data, fileName: reportFileName(req, 'xlsx'), mimeType: XLSX_MIME, rows: state.rows, mode };
}

export async function buildReportPrint(req: ReportExportRequest & { fonts: PrintFont[] }): Promise<PrintResult> {
  if (req.audit) assertCan(req.audit.actor.role, 'register.export');
  const state: ExportProgress = { rows: 0, scanned: 0, total: Array.isArray(req.rows) ? req.rows.length : null };
  const html = await collectHtml(reportSpec(req), reportPages(req, state), req.fonts, { ...req, progress: () => state });
  return { html, fileName: reportFileName(req, 'pdf'), rows: state.rows, subtitle: req.subtitle };
}

// ─── Shared loops ──────────────────────────────────────────────────────────────────────

interface LoopOptions extends RunOptions {
  progress: () => ExportProgress;
  /** Lines printed under the table, above the signatures (the legend of initials). */
  legend?: () => string[];
}

/** Writes the pages through the chosen writer: flush and a macrotask every YIELD_EVERY rows. */
export async function writeXlsx(spec: SheetSpec, pages: AsyncIterable<PrintRow[]>, mode: WriterMode, opts: LoopOptions): Promise<Uint8Array> {
  const writer = await createWorkbookWriter({ mode, title: `${spec.title.hi} — ${spec.thana}` });
  const sheet = await writer.addSheet(spec);
  // Every field on a second sheet, written from the same rows as they come.
  const full = spec.full ? await writer.addSheet({ ...spec, sheetName: spec.full.sheetName, columns: spec.full.columns, full: undefined, signatures: null }) : null;
  const totals = new TotalsAccumulator(spec.columns);
  const fullTotals = spec.full ? new TotalsAccumulator(spec.full.columns) : null;
  const state = opts.progress();
  let sinceYield = 0;
  for await (const rows of pages) {
    for (const row of rows) {
      sheet.addRow(row);
      totals.add(row);
      if (full && row.full) {
        const fullRow = { cells: row.full, cancelled: row.cancelled };
        full.addRow(fullRow);
        fullTotals!.add(fullRow);
      }
    }
    state.rows += rows.length;
    sinceYield += rows.length;
    if (sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      await sheet.flush();
      await full?.flush();
      opts.onProgress?.({ ...state });
      await nextMacrotask();
      checkCancel(opts.signal);
    }
  }
  await sheet.close(totals.any ? totals.row() : null, opts.legend ? opts.legend() : []);
  await full?.close(fullTotals!.any ? fullTotals!.row() : null);
  opts.onProgress?.({ ...state });
  checkCancel(opts.signal);
  return writer.finish();
}

async function collectHtml(spec: SheetSpec, pages: AsyncIterable<PrintRow[]>, fonts: PrintFont[], opts: LoopOptions): Promise<string> {
  const totals = new TotalsAccumulator(spec.columns);
  const state = opts.progress();
  // The rows are kept (at most PRINT_MAX_ROWS): column widths come from measuring all of them.
  const body: PrintRow[] = [];
  let sinceYield = 0;
  for await (const rows of pages) {
    for (const row of rows) {
      body.push(row);
      totals.add(row);
    }
    state.rows += rows.length;
    if (state.rows > PRINT_MAX_ROWS)
      throw new DomainError(
        'print.too-long',
        bi(
          `एक बार में ${PRINT_MAX_ROWS} से अधिक प्रविष्टियाँ प्रिंट नहीं होतीं; छोटी अवधि चुनें या Excel में निर्यात करें`,
          `More than ${PRINT_MAX_ROWS} entries cannot be printed at once; choose a shorter period or export to Excel`,
        ),
      );
    sinceYield += rows.length;
    if (sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      opts.onProgress?.({ ...state });
      await nextMacrotask();
      checkCancel(opts.signal);
    }
  }
  opts.onProgress?.({ ...state });
  return buildPrintHtml(spec, body, totals.any ? totals.row() : null, { fonts, legend: opts.legend ? opts.legend() : [] });
}
