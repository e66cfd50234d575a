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
import type { FieldDef, Option, RegisterDef } from '@/domain/registers/types';
import { printColumns } from '@/domain/registers/types';
import type { ColumnKind, ColumnSpec, PrintCell, PrintRow, PrintValue } from './sheet';
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

/** क्र. first, the register's print columns in order, the entry note last. */
export function registerColumns(def: RegisterDef): ColumnSpec[] {
  return [
    { label: SERIAL_LABEL, kind: 'text', width: def.serial ? 11 : 6, total: false, center: true },
    ...printColumns(def).map((f) => ({ label: f.label, kind: fieldKind(f), width: f.print!.width, total: totals(f) })),
    { label: NOTE_LABEL, kind: 'text' as const, width: 24, total: false, keepUnstruck: true },
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
export function referencedIds(def: RegisterDef, records: StoredRecord[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const f of def.fields) {
    if ((f.type !== 'ref' && f.type !== 'refs') || !f.refType || !f.print) continue;
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
  private readonly fields: FieldDef[];
  private readonly printer: FieldPrinter;
  private printed = 0;

  constructor(
    private readonly def: RegisterDef,
    private readonly opts: RegisterPrintOptions = {},
  ) {
    this.columns = registerColumns(def);
    this.fields = printColumns(def);
    this.printer = new FieldPrinter(opts);
  }

  get fieldPrinter(): FieldPrinter {
    return this.printer;
  }

  /** Load what a page of entries needs before mapping it (labels of referenced records). */
  async prepare(records: StoredRecord[]): Promise<void> {
    if (!this.opts.refs) return;
    for (const [type, ids] of referencedIds(this.def, records)) if (ids.length) await this.opts.refs.load(type, ids);
  }

  map(rec: StoredRecord): PrintRow {
    this.printed++;
    const cells: PrintCell[] = [rec.serial ?? String(this.printed)];
    // Earlier values of each field, oldest first, from corrections only: workflow steps
    // (status, verification) and sync merges are not corrections on paper.
    let corrections: Map<string, { before: unknown; initials: string }[]> | null = null;
    const notes: string[] = [];
    for (const h of rec.history) {
      if (h.kind !== 'correct') continue;
      corrections ??= new Map();
      for (const c of h.changes) {
        const list = corrections.get(c.field) ?? [];
        list.push({ before: c.before, initials: h.initials });
        corrections.set(c.field, list);
      }
      notes.push(`${CORRECTION_PREFIX} (${h.initials}, ${formatDateIN(istDay(h.at))}): ${h.reason ?? ''}`.trim());
    }
    for (const f of this.fields) {
      const now = this.printer.value(f, rec.data[f.key]);
      const old = corrections?.get(f.key);
      cells.push(
        old
          ? { before: old.map((o) => ({ text: this.printer.text(f, o.before) || '—', initials: o.initials })), now }
          : now,
      );
    }
    if (rec.cancelled) {
      const entry = [...rec.history].reverse().find((h) => h.kind === 'cancel');
      const who = entry?.initials || rec.cancelled.byName;
      notes.unshift(`${CANCELLED_PREFIX}: ${rec.cancelled.reason} (${who}, ${formatDateIN(istDay(rec.cancelled.at))})`);
    }
    if (rec.late) notes.push(`${LATE_MARK} (${formatDateIN(istDay(rec.createdAt))} को दर्ज)`);
    cells.push(notes.join('; ') || null);
    return { cells, cancelled: rec.cancelled !== null };
  }
}
