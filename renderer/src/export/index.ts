/**
 * Paper-style registers and reports (issue #7): Excel through the project's writer interface,
 * PDF through the HTML print view. A register or report view needs only these.
 *
 *   exportRegisterXlsx({ ctx, actor, profile, def, filter, onProgress, signal })  → XlsxResult
 *   buildRegisterPrint({ ctx, actor, profile, def, filter, fonts })               → PrintResult (html)
 *   auditRegisterPrint(ctx, actor, def, printResult)                              after printing
 *   exportReportXlsx / buildReportPrint({ report, rows, profile, subtitle, … })   for returns
 *
 * Most views drop in <RegisterPrintActions :def :filter /> (components/print) instead.
 */
export type { RegisterFilter, FilterValue } from './filter';
export { describeFilter, filterFromQuery, filterToQuery, periodField, recordMatcher, toPageQuery } from './filter';
export type { ReportColumn, ReportDef, ReportRow } from './reportSheet';
export type { ExportProgress, PrintResult, RegisterExportRequest, ReportExportRequest, XlsxResult } from './runner';
export {
  ExportCancelled,
  PRINT_MAX_ROWS,
  auditRegisterPrint,
  buildRegisterPrint,
  buildReportPrint,
  exportRegisterXlsx,
  exportReportXlsx,
} from './runner';
export type { PrintFont } from './print/printView';
export type { RegisterWorkbookWriter, SheetWriter, WriterMode } from './xlsx/writer';
export { XLSX_MIME, createWorkbookWriter } from './xlsx/writer';
export type { ColumnSpec, PrintRow, SheetSpec } from './sheet';
