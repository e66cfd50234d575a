/**
 * Labels of referenced records for printing (a Mitan's team, a session's place): loaded one
 * page of entries at a time with bulkGet, and cached, so a 100,000-row export reads each team
 * once and never holds the referenced register whole.
 */
import type { StationContext } from '@/db/context';
import { REGISTER_TABLES } from '@/db/schema';
import type { StoredRecord } from '@/domain/records';
import { REGISTERS } from '@/domain/registers';
import type { RegisterDef } from '@/domain/registers/types';
import { printColumns } from '@/domain/registers/types';
import { FieldPrinter, type RefLabels } from './registerSheet';

const CACHE_LIMIT = 20_000;

/** How a referenced record is named in a printed cell: its first printed column, plus its first text column when that is a number. */
export function recordLabel(def: RegisterDef | undefined, rec: StoredRecord, printer = new FieldPrinter()): string {
  if (!def) return rec.serial ?? rec.id.slice(rec.id.lastIndexOf(':') + 1);
  const cols = printColumns(def);
  const first = cols[0];
  if (!first) return rec.serial ?? rec.id;
  const firstText = printer.text(first, rec.data[first.key]);
  if (first.type === 'text') return firstText;
  const name = cols.find((f) => f.type === 'text' && f !== first);
  const nameText = name ? printer.text(name, rec.data[name.key]) : '';
  return [firstText, nameText].filter(Boolean).join(' — ') || (rec.serial ?? '');
}

export function dbRefLabels(ctx: StationContext): RefLabels {
  return fetchedRefLabels((refType, ids) => ((REGISTER_TABLES as readonly string[]).includes(refType) ? ctx.db.registerTable(refType).bulkGet(ids) : Promise.resolve(null)));
}

/**
 * Labels from any source of records (the station's tables, or the district hub's `_all_docs`):
 * `get` answers the records of these ids in order (undefined where none), or null for a type it does not hold.
 */
export function fetchedRefLabels(get: (refType: string, ids: string[]) => Promise<(StoredRecord | undefined)[] | null>): RefLabels {
  const cache = new Map<string, string>();
  return {
    async load(refType, ids) {
      const missing = [...new Set(ids)].filter((id) => !cache.has(id));
      if (!missing.length) return;
      const rows = await get(refType, missing);
      if (!rows) return;
      if (cache.size + missing.length > CACHE_LIMIT) cache.clear();
      const def = REGISTERS[refType];
      missing.forEach((id, i) => {
        const rec = rows[i];
        cache.set(id, rec ? recordLabel(def, rec) : shortId(id));
      });
    },
    label(_refType, id) {
      return cache.get(id) ?? shortId(id);
    },
  };
}

/** An id with no record behind it (not yet synced): its last characters, so it can still be traced. */
function shortId(id: string): string {
  const key = id.slice(id.lastIndexOf(':') + 1);
  return key.length > 8 ? `…${key.slice(-6)}` : key;
}
