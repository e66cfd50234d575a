/**
 * What the hub's validation function knows about each register, generated from the register
 * definitions (design §3.1) at provisioning time: a register added later is covered by the next
 * `npm run hub -- provision`, and a length changed in a definition reaches the hub the same way.
 *
 * The shape is plain JSON embedded in the ES5 source (vdu.ts), kept small: per field a kind and a
 * text limit, per row array (complaint money rows) its row limit and its texts' limits.
 */
import { REGISTERS } from '@/domain/registers';
import type { FieldDef, RegisterDef } from '@/domain/registers/types';

/** s: text or null; n: number or null; b: boolean or null; a: list of texts (or null). */
export type FieldKind = 's' | 'n' | 'b' | 'a';

export interface RowArrayShape {
  /** Most rows the list may hold. */
  max: number;
  /** Text limits of the row's declared fields; undeclared texts get SHORT_TEXT_LIMIT, no value may be an object. */
  f: Record<string, number>;
}

export interface RegisterShape {
  /** Highest schemaVersion this hub accepts (the app's, when it was provisioned). */
  v: number;
  /** Entries carry a serial `YYYY/<series>NNNN`. */
  serial: boolean;
  /** Field key → [kind, text limit (0: none), and for lists the most values they hold]. */
  f: Record<string, [FieldKind, number] | [FieldKind, number, number]>;
  /** Arrays of rows inside `data` that are not fields (complaint money rows). */
  rows: Record<string, RowArrayShape>;
}

/** A text field without its own limit still has one on the hub (a typed text can never be huge). */
export const DEFAULT_TEXT_LIMIT = 2000;
/** Dates, times, option values, mobiles, ids: short by nature. */
export const SHORT_TEXT_LIMIT = 200;
/** A list field (multiselect, refs) holds at most this many values of SHORT_TEXT_LIMIT each. */
export const LIST_LIMIT = 1000;

function kindOf(f: FieldDef): [FieldKind, number] | [FieldKind, number, number] {
  switch (f.type) {
    case 'text':
    case 'longtext':
      return ['s', f.maxLength ?? DEFAULT_TEXT_LIMIT];
    case 'int':
    case 'money':
      return ['n', 0];
    case 'boolean':
      return ['b', 0];
    case 'multiselect':
    case 'refs':
      return ['a', f.maxLength ?? SHORT_TEXT_LIMIT, f.maxItems ?? LIST_LIMIT];
    default:
      return ['s', f.maxLength ?? SHORT_TEXT_LIMIT];
  }
}

export function registerShape(def: RegisterDef): RegisterShape {
  const f: RegisterShape['f'] = {};
  for (const field of def.fields) {
    // Derived values are recomputed by every PC; the hub still checks their kind, not a typed limit.
    const shape = kindOf(field);
    f[field.key] = field.compute && shape[0] === 's' ? ['s', DEFAULT_TEXT_LIMIT] : shape;
  }
  const rows: Record<string, RowArrayShape> = {};
  for (const r of def.rows ?? []) {
    const texts: Record<string, number> = {};
    for (const rf of r.fields) {
      const numeric = rf.type === 'int' || rf.type === 'money' || rf.type === 'boolean';
      if (!numeric) texts[rf.key] = rf.maxLength ?? SHORT_TEXT_LIMIT;
    }
    rows[r.key] = { max: r.maxRows, f: texts };
    delete f[r.key];
  }
  return { v: def.schemaVersion, serial: def.serial, f, rows };
}

/** Every register's shape, by type. */
export function registerShapes(registers: Record<string, RegisterDef> = REGISTERS): Record<string, RegisterShape> {
  const out: Record<string, RegisterShape> = {};
  for (const [type, def] of Object.entries(registers)) out[type] = registerShape(def);
  return out;
}
