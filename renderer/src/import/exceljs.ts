import type * as ExcelJsNamespace from 'exceljs';

/** exceljs, loaded only when a workbook is read or written (it is large; most screens never need it). */
export type ExcelJsModule = typeof ExcelJsNamespace;

export async function loadExcelJs(): Promise<ExcelJsModule> {
  // A CommonJS/UMD package: the namespace is on `default` in the browser bundle, flat in Node.
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return mod.default ?? mod;
}
