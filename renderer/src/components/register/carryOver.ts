/**
 * "Last used values as defaults": after each saved entry the values of the register's
 * `carryOver` fields are remembered per register and per writer, in this PC's localStorage.
 * It is per-PC UI state, so it never goes into a synced record.
 */
import type { RegisterDef } from '@/domain/registers/types';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const keyOf = (def: RegisterDef, userId: string) => `cmtd.last.${def.type}.${userId}`;

function storage(s?: Store): Store | undefined {
  return s ?? globalThis.localStorage;
}

/** Remember the carry-over fields of the entry just saved. */
export function rememberEntry(def: RegisterDef, userId: string, data: Record<string, unknown>, s?: Store): void {
  const values: Record<string, unknown> = {};
  for (const f of def.fields) if (f.carryOver && data[f.key] !== undefined && data[f.key] !== null) values[f.key] = data[f.key];
  try {
    storage(s)?.setItem(keyOf(def, userId), JSON.stringify(values));
  } catch {
    // A full or disabled storage only loses the convenience, never data.
  }
}

/** The writer's previous values for this register's carry-over fields (empty on first use). */
export function carryOverDefaults(def: RegisterDef, userId: string, s?: Store): Record<string, unknown> {
  try {
    const raw = storage(s)?.getItem(keyOf(def, userId));
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const keys = new Set(def.fields.filter((f) => f.carryOver).map((f) => f.key));
    return Object.fromEntries(Object.entries(parsed).filter(([k]) => keys.has(k)));
  } catch {
    return {};
  }
}
