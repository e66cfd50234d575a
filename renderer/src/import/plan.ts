/**
 * The import of a sheet, before anything is written: every row read through the column mapping,
 * coerced, checked with the register's own validation (the same as the form's), and checked for
 * duplicates within the file and against the register. Works in time slices so the window stays live.
 */
import { bi, type Bilingual, type Issue } from '@/domain/bilingual';
import type { FieldContext, FieldDef, RegisterDef } from '@/domain/registers/types';
import { timeSlicer } from '@/domain/timeslice';
import { validateRecord, validationStamp, type RecordData } from '@/domain/validation';
import { isBlankPlain, type Plain } from './cells';
import { coerceCell } from './coerce';
import { isFooterRow } from './footer';
import { isNumberingRow, repeatedHeaderTest, type HeaderGuess } from './header';
import type { SheetRows } from './read';
import type { RefResolver, RefTarget, SoundMatch } from './refs';

export interface ExistingEntry {
  id: string;
  /** What the writer recognises the entry by (serial, name). */
  label: string;
}

export interface ImportOptions {
  def: RegisterDef;
  sheet: SheetRows;
  header: HeaderGuess | null;
  /** Field key for each column, null to ignore the column. */
  mapping: (string | null)[];
  /** Values the writer chose for fields that no column gives, or where the cell is blank. */
  defaults?: RecordData;
  /** Resolvers for 'ref'/'refs' fields, by register type ('team', 'place'). */
  resolvers?: Record<string, RefResolver>;
  /** Lookup-key prefixes that must be unique (e.g. 'mobile:'): later rows repeating one are skipped. */
  uniqueKeys?: string[];
  /** Which of these keys live entries of the register already have. */
  existing?: (keys: string[]) => Promise<Map<string, ExistingEntry>>;
  /** Register-specific completion of a row before validation (e.g. a Mitan's area from the village). */
  completeRow?: (input: RecordData, ref: (refType: string, id: string) => RefTarget | undefined) => void;
  validation: Omit<FieldContext, 'record'>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Rows between two progress reports (the pauses for the window go by the clock). */
  chunkSize?: number;
}

export interface PlannedRow {
  rowNumber: number;
  cells: Plain[];
  /** Normalised, validated register data, ready for createRecords (new refs still as `new:` ids). */
  data: RecordData;
  warnings: Issue[];
}

export type RejectKind = 'invalid' | 'duplicate-file' | 'duplicate-register';

export interface RejectedRow {
  rowNumber: number;
  cells: Plain[];
  kind: RejectKind;
  reasons: Bilingual[];
  /** The entry already on the register (duplicate-register). */
  existing?: ExistingEntry;
}

export interface ImportPlan {
  type: string;
  /** Data rows looked at (not counting blank, repeated header and footer rows). */
  total: number;
  accepted: PlannedRow[];
  rejected: RejectedRow[];
  /** Blank rows below the header, including the ones the file leaves out altogether. */
  skippedBlank: number;
  /** Repeated header rows and "1 2 3 …" numbering rows. */
  skippedHeaders: number;
  /** Signatures, totals, "थाना प्रभारी", print dates at the foot of a page. */
  skippedFooter: number;
  /** New entries of other registers the accepted rows need (e.g. villages not on the list), by type. */
  added: Record<string, RefTarget[]>;
  /** Names matched across scripts that accepted rows use: the writer confirms each before writing. */
  matches: SoundMatch[];
  /** What the writer knows each referenced id by (its name): the screen never shows an id. */
  labels: Record<string, string>;
  /** The validation context the accepted rows were checked under (validationStamp): the write does not validate them again under the same. */
  validatedUnder: string;
}

function aborted(): Error {
  return new DOMException('Import cancelled', 'AbortError');
}

function fieldsByKey(def: RegisterDef): Map<string, FieldDef> {
  return new Map(def.fields.map((f) => [f.key, f]));
}

export async function planImport(opts: ImportOptions): Promise<ImportPlan> {
  const { def, sheet, header, mapping } = opts;
  const fields = fieldsByKey(def);
  const chunk = opts.chunkSize ?? 250;
  const columns = mapping.map((key, col) => ({ col, field: key ? fields.get(key) : undefined })).filter((c) => c.field) as { col: number; field: FieldDef }[];
  const unique = opts.uniqueKeys ?? [];
  const defaults = Object.entries(opts.defaults ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  const ref = (type: string, id: string) => opts.resolvers?.[type]?.get(id);
  const start = header ? Math.max(header.index, ...header.extra) + 1 : 0;

  const plan: ImportPlan = { type: def.type, total: 0, accepted: [], rejected: [], skippedBlank: 0, skippedHeaders: 0, skippedFooter: 0, added: {}, matches: [], labels: {}, validatedUnder: validationStamp(opts.validation) };
  const mappedCols = columns.map((c) => c.col);
  let inFooter = false;
  const firstRowOfKey = new Map<string, number>();
  const keysOfRow = new Map<PlannedRow, string[]>();
  const count = sheet.rows.length - start;
  const isHeaderLike = repeatedHeaderTest(header ? [header.index, ...header.extra].map((i) => sheet.rows[i] ?? []) : []);
  const slicer = timeSlicer();

  for (let i = start; i < sheet.rows.length; i++) {
    if ((i - start) % chunk === 0 && i > start) opts.onProgress?.(i - start, count);
    if (slicer.due()) {
      await slicer.pause();
      if (opts.signal?.aborted) throw aborted();
    }
    const cells = sheet.rows[i]!;
    const rowNumber = sheet.rowNumbers[i] ?? i + 1;
    // Rows with nothing in them are not in the file at all: count the gap.
    if (i > start) plan.skippedBlank += Math.max(0, rowNumber - (sheet.rowNumbers[i - 1] ?? rowNumber - 1) - 1);
    if (cells.every(isBlankPlain)) {
      plan.skippedBlank++;
      continue;
    }
    if (header && (isHeaderLike(cells) || isNumberingRow(cells))) {
      plan.skippedHeaders++;
      continue;
    }
    const footer = isFooterRow(cells, mappedCols, inFooter);
    if (footer) {
      plan.skippedFooter++;
      inFooter = true;
      continue;
    }
    plan.total++;

    const input: RecordData = {};
    const problems: Bilingual[] = [];
    const problemFields = new Set<string>();
    for (const { col, field } of columns) {
      const v = cells[col] ?? null;
      if (isBlankPlain(v)) continue;
      if ((field.type === 'ref' || field.type === 'refs') && field.refType && opts.resolvers?.[field.refType]) {
        const resolver = opts.resolvers[field.refType]!;
        const parts = field.type === 'refs' && typeof v === 'string' ? v.split(/[,;|]/).filter((p) => p.trim()) : [v];
        const ids: string[] = [];
        for (const p of parts) {
          const hit = resolver.resolve(p);
          if ('problem' in hit) {
            problems.push(hit.problem);
            problemFields.add(field.key);
          } else ids.push(hit.id);
        }
        input[field.key] = field.type === 'refs' ? ids : (ids[0] ?? null);
        continue;
      }
      const c = coerceCell(field, v, opts.validation.today);
      input[field.key] = c.value;
      if (c.problem) {
        problems.push(c.problem);
        problemFields.add(field.key);
      }
    }
    for (const [k, v] of defaults) if (input[k] === undefined || input[k] === null || input[k] === '') input[k] = v;
    opts.completeRow?.(input, ref);

    const { data, issues } = validateRecord(def, input, opts.validation);
    const errors = issues.filter((x) => x.severity === 'error' && !(x.field && problemFields.has(x.field)));
    if (problems.length || errors.length) {
      plan.rejected.push({ rowNumber, cells, kind: 'invalid', reasons: [...problems, ...errors.map((e) => e.message)] });
      continue;
    }
    const keys = (def.lookupKeys?.(data) ?? []).filter((k) => unique.some((p) => k.startsWith(p)));
    const dupOf = keys.map((k) => firstRowOfKey.get(k)).find((n) => n !== undefined);
    if (dupOf !== undefined) {
      plan.rejected.push({
        rowNumber,
        cells,
        kind: 'duplicate-file',
        reasons: [bi(`दोहराव: यही प्रविष्टि फ़ाइल की पंक्ति ${dupOf} में है`, `Duplicate: the same entry is in row ${dupOf} of the file`)],
      });
      continue;
    }
    for (const k of keys) firstRowOfKey.set(k, rowNumber);
    const row: PlannedRow = { rowNumber, cells, data, warnings: issues.filter((x) => x.severity === 'warning') };
    keysOfRow.set(row, keys);
    plan.accepted.push(row);
  }
  opts.onProgress?.(count, count);

  if (opts.existing && firstRowOfKey.size) {
    const found = await opts.existing([...firstRowOfKey.keys()]);
    if (found.size) {
      const kept: PlannedRow[] = [];
      for (const row of plan.accepted) {
        const hit = keysOfRow
          .get(row)!
          .map((k) => found.get(k))
          .find(Boolean);
        if (!hit) kept.push(row);
        else
          plan.rejected.push({
            rowNumber: row.rowNumber,
            cells: row.cells,
            kind: 'duplicate-register',
            existing: hit,
            reasons: [bi(`पहले से पंजी में दर्ज है (${hit.label}); दोबारा नहीं जोड़ा गया`, `Already on the register (${hit.label}); not added again`)],
          });
      }
      plan.accepted = kept;
      plan.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    }
  }

  // Only the new villages (etc.) that accepted rows use are created.
  const used = new Set<string>();
  const usedIds = new Set<string>();
  // Every reference field, mapped from a column or set for all rows.
  const refColumns = def.fields.filter((f) => f.refType).map((f) => f.key);
  const note = (id: unknown) => {
    if (typeof id !== 'string') return;
    usedIds.add(id);
    if (id.startsWith('new:')) used.add(id);
  };
  for (const row of plan.accepted) {
    if (slicer.due()) await slicer.pause();
    for (const key of refColumns) {
      const v = row.data[key];
      if (Array.isArray(v)) v.forEach(note);
      else note(v);
    }
  }
  for (const [type, r] of Object.entries(opts.resolvers ?? {})) {
    const list = [...r.added.values()].filter((t) => used.has(t.id));
    if (list.length) plan.added[type] = list;
    plan.matches.push(...[...r.bySound.values()].filter((m) => usedIds.has(m.id)));
    for (const id of usedIds) {
      const name = r.get(id)?.data.name;
      if (typeof name === 'string') plan.labels[id] = name;
    }
  }
  return plan;
}

/** A few rows read through the mapping, for the preview before the writer confirms. */
export function previewRows(opts: Pick<ImportOptions, 'sheet' | 'header'> & { mappedColumns?: number[] }, limit = 10): { rowNumber: number; cells: Plain[] }[] {
  const start = opts.header ? Math.max(opts.header.index, ...opts.header.extra) + 1 : 0;
  const isHeaderLike = repeatedHeaderTest(opts.header ? [opts.header.index, ...opts.header.extra].map((i) => opts.sheet.rows[i] ?? []) : []);
  const out: { rowNumber: number; cells: Plain[] }[] = [];
  for (let i = start; i < opts.sheet.rows.length && out.length < limit; i++) {
    const cells = opts.sheet.rows[i]!;
    if (cells.every(isBlankPlain)) continue;
    if (opts.header && (isHeaderLike(cells) || isNumberingRow(cells))) continue;
    if (isFooterRow(cells, opts.mappedColumns ?? [], false)) continue;
    out.push({ rowNumber: opts.sheet.rowNumbers[i] ?? i + 1, cells });
  }
  return out;
}
