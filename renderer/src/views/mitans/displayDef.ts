/**
 * The register definitions as the roster screens show them: 'ref' fields become choices of the
 * station's teams and villages, so the generic form, list, entry view and history show names,
 * never ids. Validation and writes always use the real definitions.
 */
import { bi } from '@/domain/bilingual';
import type { StoredRecord } from '@/domain/records';
import type { Option, RegisterDef } from '@/domain/registers/types';

export function teamOption(t: StoredRecord): Option {
  const no = String(t.data.teamNo ?? '');
  const name = typeof t.data.name === 'string' && t.data.name ? ` — ${t.data.name}` : '';
  const leader = typeof t.data.leaderName === 'string' ? ` (${t.data.leaderName})` : '';
  return { value: t.id, label: bi(`दल ${no}${name}${leader}`, `Team ${no}${name}${leader}`) };
}

export function placeOption(p: StoredRecord): Option {
  const name = String(p.data.name ?? '');
  const mark = p.data.isNew ? ' *' : '';
  return { value: p.id, label: bi(`${name}${mark}`, `${name}${mark}`) };
}

/** `def` with its ref/refs fields turned into select/multiselect over these options, by register type. */
export function withRefOptions(def: RegisterDef, options: Record<string, Option[]>): RegisterDef {
  return {
    ...def,
    fields: def.fields.map((f) => {
      const opts = f.refType ? options[f.refType] : undefined;
      if (!opts) return f;
      if (f.type === 'ref') return { ...f, type: 'select', options: opts };
      if (f.type === 'refs') return { ...f, type: 'multiselect', options: opts };
      return f;
    }),
  };
}
