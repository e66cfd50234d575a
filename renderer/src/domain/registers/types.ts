import type { Bilingual, Issue } from '../bilingual';

/**
 * A register declared as data (design §3.1). Forms, lists, Excel, print and import
 * all read this one definition; a new column is one edit here.
 */
/** An entry id (`<THANA>:<type>:<ULID>`, or `new:<n>` in an import) is never longer: each value of a 'refs' field. */
export const REF_ID_MAX = 80;

export type FieldType =
  | 'text'
  | 'longtext'
  /** Whole number ≥ 0 unless `min` says otherwise. */
  | 'int'
  /** Rupees, stored as integer paise. */
  | 'money'
  /** 'YYYY-MM-DD', a calendar date with no time zone. */
  | 'date'
  /** 'YYYY-MM-DDTHH:mm', wall-clock time in IST. */
  | 'datetime'
  /** 'HH:mm' */
  | 'time'
  | 'select'
  | 'multiselect'
  | 'boolean'
  /** Indian mobile, normalised to 10 digits. */
  | 'mobile'
  /** Last four digits of an account, card or ID; never the full number. */
  | 'last4'
  /** The id of a record in another register. */
  | 'ref'
  /** A list of ids of records in another register. */
  | 'refs';

export interface Option {
  value: string;
  label: Bilingual;
}

export interface FieldContext {
  /** Today in IST, 'YYYY-MM-DD'. */
  today: string;
  /** The whole record being validated (already normalised). */
  record: Record<string, unknown>;
  settings: Record<string, unknown>;
}

export interface FieldDef {
  key: string;
  label: Bilingual;
  type: FieldType;
  required?: boolean;
  /** Only asked and validated when this returns true (e.g. institution only for schools). */
  when?: (record: Record<string, unknown>) => boolean;
  options?: Option[];
  /** Options kept in settings under this key (e.g. outreach topics). */
  optionsSetting?: string;
  /** Register type for 'ref' and 'refs' fields. */
  refType?: string;
  min?: number;
  max?: number;
  /** Characters a text may hold; for 'multiselect' and 'refs', each value (a topic typed in an import, an id). */
  maxLength?: number;
  /** 'multiselect' and 'refs': most values the list may hold (forms, import and the hub refuse more). */
  maxItems?: number;
  /** Extra rule for this field; returns problems (error or warning). */
  validate?: (value: unknown, ctx: FieldContext) => Issue | Issue[] | null | undefined;
  /** Derived from other fields; never typed by the user. */
  compute?: (record: Record<string, unknown>) => unknown;
  /** Offer the value of the writer's previous entry as the default. */
  carryOver?: boolean;
  /** Shown in the list view; lower `order` first. */
  list?: { order: number; width?: number };
  /**
   * Column in Excel / PDF; lower `order` first; `width` in Excel character units. `total`: summed in
   * the printed totals row (योग); int and money columns are summed unless it is false (ages, numbers).
   */
  print?: { order: number; width: number; total?: boolean };
  /** Personal data of a complainant or Mitan: masked for roles that do not need it. */
  personal?: boolean;
  /** Headings that mean this field in imported workbooks (Hindi and English). */
  importAliases?: string[];
  help?: Bilingual;
  placeholder?: string;
  /** Group heading in the form. */
  section?: Bilingual;
  /**
   * 'latin' for identifiers typed in Latin letters and digits (UTR, IFSC, UPI, URL, acknowledgement
   * numbers): the app's Hindi typing (Remington / phonetic) leaves the box alone.
   */
  script?: 'latin';
  /**
   * Only this kind of change sets the field (the repository refuses it anywhere else):
   * 'verify', the nodal officer's verification (a correction may only clear it: the verification
   * is withdrawn); 'status', a step of the register's workflow (`stepRefusal`).
   */
  changedBy?: 'verify' | 'status';
}

export interface RegisterDef {
  /** Record type; also the middle part of ids `<thana>:<type>:<ULID>`. */
  type: string;
  title: Bilingual;
  /** Printed register name, e.g. 'साइबर मितान पंजी'. */
  printTitle: Bilingual;
  /** Gets a gap-free annual serial `YYYY/NNNN` per thana. */
  serial: boolean;
  /** Field whose date decides the serial year (default: the creation date). */
  serialDateField?: string;
  schemaVersion: number;
  fields: FieldDef[];
  /** Rules across fields, after each field passed its own. */
  validateRecord?: (record: Record<string, unknown>, ctx: FieldContext) => Issue[];
  /** Views, prints and exports of this register are written to the audit log. */
  auditReads?: boolean;
  /** Fields searched by the list's search box (indexed through `searchTokens`). */
  searchFields: string[];
  /** Lookup keys stored with the entry (indexed): e.g. ['mobile:98…'] for duplicates, UTRs for related complaints. */
  lookupKeys?: (data: Record<string, unknown>) => string[];
  /** Lookup-key prefixes no two live entries may share (e.g. 'mobile:' of Mitans); sync lists breaks for review. */
  uniqueKeys?: string[];
  /** An entry made more than `days` after the date in `dateField` is marked late (विलंबित प्रविष्टि). */
  late?: { dateField: string; days: number };
  /**
   * What this entry adds to running totals (kept in the same transaction as the entry, so views
   * never re-add every entry). A cancelled entry contributes nothing.
   */
  totals?: (data: Record<string, unknown>) => TotalContribution[];
  /**
   * Lists of rows kept inside the data that are not fields (a complaint's money rows). Declared
   * here so every reader of the definition (the hub's validation function included) knows their
   * shape and limits.
   */
  rows?: RowArrayDef[];
  /**
   * The workflow table's answer for a 'status' change from `before` to `after` (null: the step is
   * allowed). A register without one has no status changes.
   */
  stepRefusal?: (before: Record<string, unknown>, after: Record<string, unknown>, reason: string | null) => Bilingual | null;
  /**
   * The register as a paper register of its kind has it (design §3.18): 8–14 columns, several
   * fields stacked in one column where paper does that, the paper size. Print view and the Excel
   * sheet's print area use it; every field still goes to the workbook's "All fields" sheet.
   * Without it each `print` field is a column of its own.
   */
  paper?: PaperLayout;
}

export type PaperSize = 'A4' | 'legal' | 'A3';
export type PaperOrientation = 'landscape' | 'portrait';

/** A computed part of a paper column that is not a field (e.g. a complaint's transactions, one per line). */
export interface PaperLines {
  key: string;
  label: Bilingual;
  lines: (data: Record<string, unknown>) => string[];
}

export interface PaperColumn {
  /** What the column holds, top to bottom: field keys, or computed lines. */
  parts: (string | PaperLines)[];
  /** The heading; default: the parts' labels joined with " / ". */
  label?: Bilingual;
  /** Printed again on each further sheet of paper when the columns do not fit on one (the name). */
  repeat?: boolean;
}

export interface PaperLayout {
  /** The columns between क्र. (first) and the entry note (last), which every print adds. */
  columns: PaperColumn[];
  /** Default A4; a thana may choose another in settings (`paperSetting(type)`). */
  size?: PaperSize;
  /** Default landscape. */
  orientation?: PaperOrientation;
}

/** Text never prints smaller than this (design §3.18); columns that do not fit continue on the next sheet. */
export const PAPER_MIN_PT = 8;

/** The settings key under which a thana chooses the paper size of a register (A4, legal, A3). */
export function paperSetting(type: string): string {
  return `paperSize.${type}`;
}

/** The register's paper columns: its declared layout, else one column per printed field. */
export function paperColumns(def: RegisterDef): PaperColumn[] {
  return def.paper?.columns ?? printColumns(def).map((f) => ({ parts: [f.key] }));
}

/** A list of rows inside a record's data, e.g. a complaint's transactions. */
export interface RowArrayDef {
  key: string;
  /** Most rows the list may hold. */
  maxRows: number;
  fields: { key: string; type: FieldType; maxLength?: number }[];
}

export interface TotalContribution {
  /** e.g. 'outreach:day:2026-11-28', 'outreach:team:<id>' */
  key: string;
  values: Record<string, number>;
}

export function fieldByKey(def: RegisterDef, key: string): FieldDef | undefined {
  return def.fields.find((f) => f.key === key);
}

export function listColumns(def: RegisterDef): FieldDef[] {
  return def.fields.filter((f) => f.list).sort((a, b) => a.list!.order - b.list!.order);
}

export function printColumns(def: RegisterDef): FieldDef[] {
  return def.fields.filter((f) => f.print).sort((a, b) => a.print!.order - b.print!.order);
}
