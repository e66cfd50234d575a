/**
 * What to print: the same filter a register list uses (period, team, status, search …), as plain
 * data so it can travel in a route query, plus an optional predicate for callers in code.
 */
import { formatDateIN } from '@/domain/dates';
import type { StoredRecord } from '@/domain/records';
import type { FieldDef, RegisterDef } from '@/domain/registers/types';
import { fieldByKey } from '@/domain/registers/types';
import type { PageQuery } from '@/db/repository';

export type FilterValue = string | number | boolean;

export interface RegisterFilter {
  /** Period, 'YYYY-MM-DD', both ends included, on `dateField`. */
  from?: string | null;
  to?: string | null;
  /** The date the period applies to; default: the register's own date (see periodField). */
  dateField?: string;
  /** Field equals value (team, status, place …); an array field matches when it contains the value. */
  equals?: Record<string, FilterValue>;
  /** The list's search box: entries whose search words start with this. */
  search?: string;
  /** Only entries with this lookup key (e.g. 'mobile:98…'). */
  key?: string;
  /** Cancelled entries print struck through (paper keeps them); false leaves them out. */
  includeCancelled?: boolean;
  /** Further condition for callers in code (not carried in a route). */
  where?: (r: StoredRecord) => boolean;
}

/**
 * The date a register's period means: the late-entry date (the day the work happened), else the
 * serial-year date, else the first date field in print order. Null: the entry's creation date.
 */
export function periodField(def: RegisterDef): string | null {
  if (def.late) return def.late.dateField;
  if (def.serialDateField) return def.serialDateField;
  const printed = def.fields.filter((f) => f.print).sort((a, b) => a.print!.order - b.print!.order);
  const dateField = [...printed, ...def.fields].find((f) => f.type === 'date' || f.type === 'datetime');
  return dateField?.key ?? null;
}

/** The calendar day (IST) an entry falls on for the period filter. */
export function entryDay(def: RegisterDef, filter: Pick<RegisterFilter, 'dateField'>, r: StoredRecord): string | null {
  const field = filter.dateField ?? periodField(def);
  if (field) {
    const v = r.data[field];
    return typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null;
  }
  // createdAt is a UTC instant; the register day is the IST day.
  return new Date(Date.parse(r.createdAt) + 330 * 60_000).toISOString().slice(0, 10);
}

function matchesValue(actual: unknown, wanted: FilterValue): boolean {
  if (Array.isArray(actual)) return actual.some((a) => a === wanted || String(a) === String(wanted));
  return actual === wanted || (actual !== null && actual !== undefined && String(actual) === String(wanted));
}

/** The predicate for everything in the filter except search and key (which use indexes). */
export function recordMatcher(def: RegisterDef, filter: RegisterFilter): (r: StoredRecord) => boolean {
  const from = filter.from || null;
  const to = filter.to || null;
  const equals = Object.entries(filter.equals ?? {});
  const includeCancelled = filter.includeCancelled ?? true;
  return (r) => {
    if (r.type !== def.type) return false;
    if (!includeCancelled && r.cancelled) return false;
    if (filter.key && !r.keys.includes(filter.key)) return false;
    if (from || to) {
      const day = entryDay(def, filter, r);
      if (!day || (from && day < from) || (to && day > to)) return false;
    }
    for (const [k, v] of equals) if (!matchesValue(r.data[k], v)) return false;
    return !filter.where || filter.where(r);
  };
}

/**
 * The filter as the repository's keyset query (oldest first, like a paper register). A lookup
 * key is checked by the predicate, not the keys index: pageRecords' key path does not page (it
 * ignores `after`), and an export must read page after page.
 */
export function toPageQuery(def: RegisterDef, filter: RegisterFilter): Omit<PageQuery, 'after' | 'limit'> {
  return {
    reverse: false,
    ...(filter.search ? { search: filter.search } : {}),
    filter: recordMatcher(def, filter),
  };
}

/**
 * The line under the register name: period and each filter in words, Hindi (the printed language).
 * `valueText` turns a field's stored value into what the register prints for it.
 */
export function describeFilter(def: RegisterDef, filter: RegisterFilter, valueText: (f: FieldDef, v: unknown) => string): string {
  const parts: string[] = [];
  const from = filter.from ? formatDateIN(filter.from) : '';
  const to = filter.to ? formatDateIN(filter.to) : '';
  if (from && to) parts.push(`अवधि: ${from} से ${to}`);
  else if (from) parts.push(`अवधि: ${from} से`);
  else if (to) parts.push(`अवधि: ${to} तक`);
  else parts.push('अवधि: सभी प्रविष्टियाँ');
  for (const [k, v] of Object.entries(filter.equals ?? {})) {
    const f = fieldByKey(def, k);
    parts.push(f ? `${f.label.hi}: ${valueText(f, v)}` : `${k}: ${String(v)}`);
  }
  if (filter.search) parts.push(`खोज: "${filter.search}"`);
  if (filter.includeCancelled === false) parts.push('निरस्त प्रविष्टियाँ छोड़कर');
  return parts.join('  |  ');
}

/** A filter in a route query (`/print/:type?from=…&to=…&f.teamId=…&q=…&cancelled=0`) and back. */
export function filterToQuery(filter: RegisterFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (filter.from) q.from = filter.from;
  if (filter.to) q.to = filter.to;
  if (filter.dateField) q.dateField = filter.dateField;
  if (filter.search) q.q = filter.search;
  if (filter.key) q.key = filter.key;
  if (filter.includeCancelled === false) q.cancelled = '0';
  for (const [k, v] of Object.entries(filter.equals ?? {})) q[`f.${k}`] = String(v);
  return q;
}

export function filterFromQuery(query: Record<string, unknown>): RegisterFilter {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
  const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const filter: RegisterFilter = {};
  const from = isDate(str(query.from));
  const to = isDate(str(query.to));
  if (from) filter.from = from;
  if (to) filter.to = to;
  const dateField = str(query.dateField);
  if (dateField) filter.dateField = dateField;
  const search = str(query.q);
  if (search) filter.search = search;
  const key = str(query.key);
  if (key) filter.key = key;
  if (str(query.cancelled) === '0') filter.includeCancelled = false;
  const equals: Record<string, FilterValue> = {};
  for (const [k, v] of Object.entries(query)) {
    const s = str(v);
    if (k.startsWith('f.') && s !== undefined) equals[k.slice(2)] = s === 'true' ? true : s === 'false' ? false : s;
  }
  if (Object.keys(equals).length) filter.equals = equals;
  return filter;
}
