/**
 * A register definition as a paper register: its print columns (plus क्र. and the entry-status
 * note), and each stored entry as a printed row, honest like paper: a cancelled entry struck
 * through with its reason, a corrected field with the old value struck through and the
 * corrector's initials, a late entry marked विलंबित.
 */
import { bi, type Bilingual } from '@/domain/bilingual';
import { formatDateIN, istDate } from '@/domain/dates';
import { maskMobile } from '@/domain/normalize';
import type { StoredRecord } from '@/domain/records';
import type { FieldDef, Option, PaperLines, RegisterDef } from '@/domain/registers/types';
import { fieldByKey, paperColumns } from '@/domain/registers/types';
import { settingOptions } from '@/domain/outreach/topics';
import { InitialsSeen } from './initialsLegend';
import type { ColumnKind, ColumnSpec, CorrectedCell, PartSpec, PrintCell, PrintRow, PrintValue } from './sheet';
import { formatValue } from './sheet';

/** Labels of records that other records point to (team of a Mitan, place of a session …). */
export interface RefLabels {
  /** Make the labels of these ids available (called once per page of entries). */
  load(refType: string, ids: string[]): Promise<void>;
  /** The printed label of a referenced record; the id's own tail when unknown. */
  label(refType: string, id: string): string;
}

export type PrintLang = 'hi' | 'en';

export interface RegisterPrintOptions {
  /** Language of option labels and yes/no in the cells (headings are always both). */
  lang?: PrintLang;
  /** Mask personal fields (roles that may not see complainants' data in full). */
  maskPersonal?: boolean;
  /** Thana settings, for select fields whose options live in settings. */
  settings?: Record<string, unknown>;
  refs?: RefLabels;
  /** Also map every field, for the workbook's "All fields" sheet (PrintRow.full). */
  withFull?: boolean;
}

export const SERIAL_LABEL: Bilingual = bi('क्र.', 'S. No.');
export const NOTE_LABEL: Bilingual = bi('प्रविष्टि टिप्पणी (निरस्त/सुधार/विलंब)', 'Entry note (cancelled/corrected/late)');
export const CANCELLED_PREFIX = 'निरस्त';
export const LATE_MARK = 'विलंबित प्रविष्टि';
export const CORRECTION_PREFIX = 'सुधार';

export function fieldKind(f: FieldDef): ColumnKind {
  switch (f.type) {
    case 'int':
      return 'int';
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return 'text';
  }
}

/** Counts and money are summed in the totals row unless the field says `print.total: false` (e.g. age). */
function totals(f: FieldDef): boolean {
  return (f.type === 'int' || f.type === 'money') && f.print?.total !== false;
}

const DEFAULT_WIDTH: Partial<Record<FieldDef['type'], number>> = { date: 11, datetime: 16, int: 8, money: 13, mobile: 12, boolean: 8, last4: 9, longtext: 24, refs: 18 };

/** One part of a paper column: a field of the register, or computed lines (a complaint's money rows). */
type Part = { field: FieldDef; lines?: undefined } | { field?: undefined; lines: PaperLines };

function resolveParts(def: RegisterDef, parts: (string | PaperLines)[]): Part[] {
  return parts.map((p) => {
    if (typeof p !== 'string') return { lines: p };
    const field = fieldByKey(def, p);
    if (!field) throw new Error(`paper layout of ${def.type}: no field ${p}`);
    return { field };
  });
}

function partSpec(p: Part): PartSpec {
  return p.field ? { label: p.field.label, kind: fieldKind(p.field), total: totals(p.field) } : { label: p.lines.label, kind: 'text', total: false };
}

function serialColumn(def: RegisterDef): ColumnSpec {
  return { label: SERIAL_LABEL, kind: 'text', width: def.serial ? 11 : 6, total: false, center: true, repeat: true };
}

const NOTE_COLUMN: ColumnSpec = { label: NOTE_LABEL, kind: 'text', width: 24, total: false, keepUnstruck: true };

/** The paper columns of a register and what fills them. */
interface PaperPlanOf {
  columns: ColumnSpec[];
  parts: Part[][];
}

function paperPlan(def: RegisterDef): PaperPlanOf {
  const cols = paperColumns(def).map((c) => ({ column: c, parts: resolveParts(def, c.parts) }));
  const columns = cols.map(({ column, parts }): ColumnSpec => {
    const repeat = column.repeat ? { repeat: true } : {};
    if (parts.length === 1) {
      const only = partSpec(parts[0]!);
      const width = parts[0]!.field ? (parts[0]!.field.print?.width ?? DEFAULT_WIDTH[parts[0]!.field.type] ?? 14) : 24;
      return { label: column.label ?? only.label, kind: only.kind, width, total: only.total, ...repeat };
    }
    const specs = parts.map(partSpec);
    return {
      label: column.label ?? { hi: specs.map((p) => p.label.hi).join(' / '), en: specs.map((p) => p.label.en).join(' / ') },
      kind: 'text',
      width: 18,
      total: false,
      parts: specs,
      ...repeat,
    };
  });
  return { columns, parts: cols.map((c) => c.parts) };
}

/** क्र. first, the register's paper columns in order, the entry note last. */
export function registerColumns(def: RegisterDef): ColumnSpec[] {
  return [serialColumn(def), ...paperPlan(def).columns, NOTE_COLUMN];
}

/** The computed lines of the paper layout (not fields), for the "All fields" sheet too. */
function paperLines(def: RegisterDef): PaperLines[] {
  return paperColumns(def).flatMap((c) => c.parts.filter((p): p is PaperLines => typeof p !== 'string'));
}

/** Every field of the register, one column each (the workbook's "All fields" sheet). */
export function allFieldColumns(def: RegisterDef): ColumnSpec[] {
  return [
    serialColumn(def),
    ...def.fields.map((f) => ({ label: f.label, kind: fieldKind(f), width: f.print?.width ?? DEFAULT_WIDTH[f.type] ?? 14, total: totals(f) })),
    ...paperLines(def).map((l) => ({ label: l.label, kind: 'text' as const, width: 30, total: false })),
    NOTE_COLUMN,
  ];
}

function maskText(s: string): string {
  const first = Array.from(s)[0] ?? '';
  return s ? `${first}***` : '';
}

/**
 * Turns stored field values into printed values: option labels, rupees from paise, masked
 * personal data, labels of referenced records.
 */
export class FieldPrinter {
  private readonly lang: PrintLang;

  constructor(private readonly opts: RegisterPrintOptions = {}) {
    this.lang = opts.lang ?? 'hi';
  }

  private optionLabel(f: FieldDef, v: unknown): string {
    const s = String(v);
    const fromDef = f.options?.find((o) => o.value === s);
    if (fromDef) return fromDef.label[this.lang];
    const withDefaults = f.optionsSetting ? settingOptions(f.optionsSetting, this.opts.settings ?? {}) : null;
    const fromSetting = withDefaults?.find((o) => o.value === s);
    if (fromSetting) return fromSetting.label[this.lang];
    const setting = f.optionsSetting ? this.opts.settings?.[f.optionsSetting] : undefined;
    if (Array.isArray(setting)) {
      for (const o of setting as (Option | string)[]) {
        if (typeof o === 'string' && o === s) return o;
        if (o && typeof o === 'object' && o.value === s) return o.label?.[this.lang] ?? s;
      }
    }
    return s;
  }

  /** The value as written into the sheet: numbers stay numbers, dates stay 'YYYY-MM-DD'. */
  value(f: FieldDef, raw: unknown): PrintValue {
    if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return null;
    switch (f.type) {
      case 'int':
        return typeof raw === 'number' ? raw : Number(raw);
      case 'money':
        // Stored as integer paise; printed in rupees.
        return typeof raw === 'number' ? raw / 100 : Number(raw) / 100;
      case 'date':
      case 'datetime':
        return String(raw);
      case 'select':
        return this.optionLabel(f, raw);
      case 'multiselect':
        return (Array.isArray(raw) ? raw : [raw]).map((v) => this.optionLabel(f, v)).join(', ');
      case 'boolean':
        return raw === true ? (this.lang === 'hi' ? 'हाँ' : 'Yes') : this.lang === 'hi' ? 'नहीं' : 'No';
      case 'mobile':
        return f.personal && this.opts.maskPersonal ? maskMobile(String(raw)) : String(raw);
      case 'last4':
        return `XXXX${String(raw)}`;
      case 'ref':
        return this.opts.refs && f.refType ? this.opts.refs.label(f.refType, String(raw)) : String(raw);
      case 'refs':
        return (Array.isArray(raw) ? raw : [raw])
          .map((id) => (this.opts.refs && f.refType ? this.opts.refs.label(f.refType, String(id)) : String(id)))
          .join(', ');
      default: {
        const s = String(raw);
        return f.personal && this.opts.maskPersonal ? maskText(s) : s;
      }
    }
  }

  /** The value as text (filters in the title block, struck-through old values). */
  text(f: FieldDef, raw: unknown): string {
    return formatValue(fieldKind(f), this.value(f, raw));
  }
}

/** Ids that a page of entries points to, per register type, so their labels load in one go. */
export function referencedIds(def: RegisterDef, records: StoredRecord[], allFields = false): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  const printed = new Set(paperColumns(def).flatMap((c) => c.parts.filter((p): p is string => typeof p === 'string')));
  for (const f of def.fields) {
    if ((f.type !== 'ref' && f.type !== 'refs') || !f.refType || (!allFields && !printed.has(f.key))) continue;
    const set = out.get(f.refType) ?? new Set<string>();
    for (const r of records) {
      const v = r.data[f.key];
      for (const id of Array.isArray(v) ? v : v ? [v] : []) set.add(String(id));
      // Old values of corrected ref fields print too.
      for (const h of r.history)
        for (const c of h.changes)
          if (c.field === f.key) for (const id of Array.isArray(c.before) ? c.before : c.before ? [c.before] : []) set.add(String(id));
    }
    out.set(f.refType, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

function istDay(instant: string): string {
  return istDate(new Date(instant));
}

/** Maps stored entries to printed rows, in the column order of registerColumns(def). */
export class RegisterRowMapper {
  readonly columns: ColumnSpec[];
  /** The "All fields" sheet's columns (allFieldColumns). */
  readonly fullColumns: ColumnSpec[];
  private readonly parts: Part[][];
  private readonly lines: PaperLines[];
  private readonly printer: FieldPrinter;
  private printed = 0;
  /** Whose initials the mapped rows print (corrections, cancellations): the print's legend. */
  readonly initials = new InitialsSeen();

  constructor(
    private readonly def: RegisterDef,
    private readonly opts: RegisterPrintOptions = {},
  ) {
    const plan = paperPlan(def);
    this.columns = [serialColumn(def), ...plan.columns, NOTE_COLUMN];
    this.parts = plan.parts;
    this.lines = paperLines(def);
    this.fullColumns = allFieldColumns(def);
    this.printer = new FieldPrinter(opts);
  }

  get fieldPrinter(): FieldPrinter {
    return this.printer;
  }

  /** Load what a page of entries needs before mapping it (labels of referenced records). */
  async prepare(records: StoredRecord[]): Promise<void> {
    if (!this.opts.refs) return;
    for (const [type, ids] of referencedIds(this.def, records, Boolean(this.opts.withFull))) if (ids.length) await this.opts.refs.load(type, ids);
  }

  private fieldCell(f: FieldDef, rec: StoredRecord, corrections: Map<string, { before: unknown; initials: string }[]> | null): PrintValue | CorrectedCell {
    const now = this.printer.value(f, rec.data[f.key]);
    const old = corrections?.get(f.key);
    return old ? { before: old.map((o) => ({ text: this.printer.text(f, o.before) || '—', initials: o.initials })), now } : now;
  }

  private linesCell(l: PaperLines, rec: StoredRecord): PrintValue {
    return l.lines(rec.data).join('\n') || null;
  }

  map(rec: StoredRecord): PrintRow {
    this.printed++;
    const serial = rec.serial ?? String(this.printed);
    const cells: PrintCell[] = [serial];
    // Earlier values of each field, oldest first, from corrections only: workflow steps
    // (status, verification) and sync merges are not corrections on paper.
    let corrections: Map<string, { before: unknown; initials: string }[]> | null = null;
    const notes: string[] = [];
    for (const h of rec.history) {
      if (h.kind !== 'correct') continue;
      corrections ??= new Map();
      this.initials.add(h);
      const changed: string[] = [];
      for (const c of h.changes) {
        const list = corrections.get(c.field) ?? [];
        list.push({ before: c.before, initials: h.initials });
        corrections.set(c.field, list);
        const f = fieldByKey(this.def, c.field);
        // The old value goes into the note too: Excel keeps the cell's own type (a date, a number).
        if (f && !f.compute) changed.push(`${f.label.hi}: ${this.printer.text(f, c.before) || '—'} → ${this.printer.text(f, c.after) || '—'}`);
      }
      const head = `${CORRECTION_PREFIX} (${h.initials}, ${formatDateIN(istDay(h.at))})`;
      notes.push([`${head}:`, changed.join('; '), h.reason ? `— ${h.reason}` : ''].filter(Boolean).join(' '));
    }
    for (const parts of this.parts) {
      if (parts.length === 1) {
        const p = parts[0]!;
        cells.push(p.field ? this.fieldCell(p.field, rec, corrections) : this.linesCell(p.lines, rec));
        continue;
      }
      cells.push(
        parts.map((p) => {
          if (p.lines) return this.linesCell(p.lines, rec);
          const v = this.fieldCell(p.field, rec, corrections);
          // Yes/no under a heading of several fields says which field it answers.
          return p.field.type === 'boolean' && typeof v === 'string' ? `${p.field.label.hi}: ${v}` : v;
        }),
      );
    }
    if (rec.cancelled) {
      const entry = [...rec.history].reverse().find((h) => h.kind === 'cancel');
      if (entry?.initials) this.initials.add(entry);
      const who = entry?.initials || rec.cancelled.byName;
      notes.unshift(`${CANCELLED_PREFIX}: ${rec.cancelled.reason} (${who}, ${formatDateIN(istDay(rec.cancelled.at))})`);
    }
    if (rec.late) notes.push(`${LATE_MARK} (${formatDateIN(istDay(rec.createdAt))} को दर्ज)`);
    const note = notes.join('; ') || null;
    cells.push(note);
    const row: PrintRow = { cells, cancelled: rec.cancelled !== null };
    if (this.opts.withFull)
      row.full = [serial, ...this.def.fields.map((f) => this.fieldCell(f, rec, corrections)), ...this.lines.map((l) => this.linesCell(l, rec)), note];
    return row;
  }
}
