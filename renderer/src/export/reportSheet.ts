/**
 * Returns and reports (दैनिक प्रतिवेदन, thana-wise progress …) as paper: a small table definition
 * with bilingual columns, and rows of plain values. The same writers and print view serve them.
 */
import type { Bilingual } from '@/domain/bilingual';
import type { ColumnKind, ColumnSpec, PrintRow, PrintValue } from './sheet';

export interface ReportColumn {
  key: string;
  label: Bilingual;
  /** 'money' values are in rupees; 'percent' values are fractions 0…1. */
  type: ColumnKind;
  /** Excel character units. */
  width: number;
  /** Summed in the totals row (योग). */
  total?: boolean;
  center?: boolean;
}

export interface ReportDef {
  /** Stable id, used in file names (e.g. 'daily-outreach-return'). */
  id: string;
  printTitle: Bilingual;
  columns: ReportColumn[];
  /** Print a क्र. column before the report's own columns (default true). */
  numbered?: boolean;
}

export type ReportRow = Record<string, PrintValue>;

export const REPORT_SERIAL: ReportColumn = { key: '__serial', label: { hi: 'क्र.', en: 'S. No.' }, type: 'text', width: 6, center: true };

export function reportColumns(def: ReportDef): ColumnSpec[] {
  const cols = def.numbered === false ? def.columns : [REPORT_SERIAL, ...def.columns];
  return cols.map((c) => ({ label: c.label, kind: c.type, width: c.width, total: c.total ?? false, center: c.center }));
}

export function reportRowMapper(def: ReportDef): (row: ReportRow, index: number) => PrintRow {
  const numbered = def.numbered !== false;
  return (row, index) => {
    const cells: PrintValue[] = def.columns.map((c) => {
      const v = row[c.key];
      return v === undefined ? null : v;
    });
    return { cells: numbered ? [String(index + 1), ...cells] : cells };
  };
}
