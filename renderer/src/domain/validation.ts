import { bi, type Issue } from './bilingual';
import { isValidDate, isValidDateTime } from './dates';
import { last4, mobileIssue, normalizeMobile } from './normalize';
import type { FieldContext, FieldDef, RegisterDef } from './registers/types';

export type RecordData = Record<string, unknown>;

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Turn what a form, an import or a sync hands over into the stored shape of each field. */
export function normalizeField(f: FieldDef, raw: unknown): unknown {
  if (isBlank(raw)) return f.type === 'multiselect' || f.type === 'refs' ? [] : null;
  switch (f.type) {
    case 'text':
    case 'longtext':
    case 'select':
    case 'ref':
      return String(raw).normalize('NFC').replace(/\s+/g, f.type === 'longtext' ? ' ' : ' ').trim() || null;
    case 'int': {
      const s = typeof raw === 'number' ? raw : String(raw).replace(/[,\s]/g, '');
      const n = Number(s);
      return Number.isFinite(n) ? n : raw;
    }
    case 'money':
      return typeof raw === 'number' && Number.isInteger(raw) ? raw : raw;
    case 'mobile':
      return normalizeMobile(raw) ?? String(raw).trim();
    case 'last4':
      return last4(raw) ?? String(raw).trim();
    case 'boolean':
      return raw === true || raw === 'true' || raw === 'yes' || raw === 'हाँ' || raw === 1;
    case 'multiselect':
    case 'refs':
      return Array.isArray(raw) ? [...new Set(raw.map(String))] : [String(raw)];
    default:
      return typeof raw === 'string' ? raw.trim() : raw;
  }
}

/** A list field's limits: how many values, and how long each (a topic typed into an import cell). */
function listIssue(f: FieldDef, v: string[], err: (code: string, hi: string, en: string) => Issue): Issue | null {
  if (f.maxItems !== undefined && v.length > f.maxItems)
    return err('items', `"${f.label.hi}" में ${f.maxItems} से अधिक नहीं हो सकते (${v.length} हैं)`, `"${f.label.en}" cannot hold more than ${f.maxItems} (it has ${v.length})`);
  const long = f.maxLength ? v.find((x) => String(x).length > f.maxLength!) : undefined;
  if (long !== undefined)
    return err('length', `"${f.label.hi}" का हर मान ${f.maxLength} अक्षरों तक हो: "${String(long).slice(0, 30)}…" लंबा है`, `Each value of "${f.label.en}" must be at most ${f.maxLength} characters: "${String(long).slice(0, 30)}…" is longer`);
  return null;
}

const required = (f: FieldDef): Issue => ({
  field: f.key,
  code: 'required',
  severity: 'error',
  message: bi(`"${f.label.hi}" भरना आवश्यक है`, `"${f.label.en}" is required`),
});

function typeIssue(f: FieldDef, v: unknown, ctx: FieldContext): Issue | null {
  const err = (code: string, hi: string, en: string): Issue => ({ field: f.key, code, severity: 'error', message: bi(hi, en) });
  switch (f.type) {
    case 'int': {
      if (typeof v !== 'number' || !Number.isInteger(v)) return err('int', `"${f.label.hi}" पूर्ण संख्या होनी चाहिए`, `"${f.label.en}" must be a whole number`);
      const min = f.min ?? 0;
      if (v < min) return err('min', `"${f.label.hi}" ${min} या अधिक होना चाहिए`, `"${f.label.en}" must be ${min} or more`);
      if (f.max !== undefined && v > f.max) return err('max', `"${f.label.hi}" ${f.max} से अधिक नहीं हो सकता`, `"${f.label.en}" cannot be more than ${f.max}`);
      return null;
    }
    case 'money':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        return err('money', `"${f.label.hi}" सही राशि नहीं है`, `"${f.label.en}" is not a valid amount`);
      return null;
    case 'date':
      if (!isValidDate(v)) return err('date', `"${f.label.hi}" सही दिनांक नहीं है (दिन-माह-वर्ष)`, `"${f.label.en}" is not a valid date (dd-mm-yyyy)`);
      return null;
    case 'datetime':
      if (!isValidDateTime(v)) return err('datetime', `"${f.label.hi}" सही दिनांक-समय नहीं है`, `"${f.label.en}" is not a valid date and time`);
      if ((v as string).slice(0, 10) > ctx.today) return err('future', `"${f.label.hi}" भविष्य का नहीं हो सकता`, `"${f.label.en}" cannot be in the future`);
      return null;
    case 'time':
      if (typeof v !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) return err('time', `"${f.label.hi}" सही समय नहीं है (घंटा:मिनट)`, `"${f.label.en}" is not a valid time (HH:mm)`);
      return null;
    case 'mobile':
      return mobileIssue(f.key, v);
    case 'last4':
      if (typeof v !== 'string' || !/^\d{4}$/.test(v)) return err('last4', `"${f.label.hi}" के केवल अंतिम 4 अंक लिखें`, `"${f.label.en}": enter only the last 4 digits`);
      return null;
    case 'select':
      if (f.options && !f.options.some((o) => o.value === v)) return err('option', `"${f.label.hi}" सूची में से चुनें`, `"${f.label.en}": choose from the list`);
      return null;
    case 'refs':
      return listIssue(f, v as string[], err);
    case 'multiselect': {
      const tooMany = listIssue(f, v as string[], err);
      if (tooMany) return tooMany;
      if (f.options && (v as string[]).some((x) => !f.options!.some((o) => o.value === x)))
        return err('option', `"${f.label.hi}" सूची में से चुनें`, `"${f.label.en}": choose from the list`);
      return null;
    }
    case 'text':
    case 'longtext':
      if (f.maxLength && String(v).length > f.maxLength)
        return err('length', `"${f.label.hi}" ${f.maxLength} अक्षरों से अधिक नहीं हो सकता`, `"${f.label.en}" cannot be longer than ${f.maxLength} characters`);
      return null;
    default:
      return null;
  }
}

export interface Validated {
  data: RecordData;
  issues: Issue[];
}

/** Equal for two validation contexts that give every record the same verdict (today, settings). */
export function validationStamp(v: Omit<FieldContext, 'record'>): string {
  return `${v.today}|${JSON.stringify(v.settings)}`;
}

interface DataShape {
  /** The register's entered fields in their order, all null: copied, it is the start of every record's data. */
  blank: RecordData;
  /** Every field key (entered and computed). */
  keys: Set<string>;
}

const shapes = new WeakMap<RegisterDef, DataShape>();

/**
 * Why a copy of a blank record rather than `{}` filled field by field: V8 turns an object that
 * gets more than about 20 properties one by one under computed names into a slow dictionary
 * (a Mitan has 33 fields), which made every validation, and every copy IndexedDB makes of the
 * data, several times slower. Made by JSON.parse, the blank keeps its fields in place, and so
 * does each copy of it; the keys come in the same order as before.
 */
function dataShape(def: RegisterDef): DataShape {
  let shape = shapes.get(def);
  if (!shape) {
    const entered = def.fields.filter((f) => !f.compute).map((f) => f.key);
    shape = { blank: JSON.parse(JSON.stringify(Object.fromEntries(entered.map((k) => [k, null])))) as RecordData, keys: new Set(def.fields.map((f) => f.key)) };
    shapes.set(def, shape);
  }
  return shape;
}

/**
 * Normalise and validate a whole record with the register's rules. The same function serves
 * the form, the import and records arriving by sync (design §3.12).
 */
export function validateRecord(def: RegisterDef, input: RecordData, ctxBase: Omit<FieldContext, 'record'>): Validated {
  const { blank, keys } = dataShape(def);
  const unknown = Object.keys(input).filter((k) => !keys.has(k));
  const data: RecordData = unknown.length ? {} : { ...blank };
  for (const f of def.fields) {
    if (f.compute) continue;
    data[f.key] = normalizeField(f, input[f.key]);
  }
  // Unknown fields (e.g. from a newer schema arriving by sync) are kept, never stripped.
  for (const k of unknown) data[k] = input[k];
  for (const f of def.fields) if (f.compute) data[f.key] = f.compute(data);

  const ctx: FieldContext = { ...ctxBase, record: data };
  const issues: Issue[] = [];
  for (const f of def.fields) {
    if (f.compute) continue;
    const active = f.when ? f.when(data) : true;
    if (!active) {
      data[f.key] = f.type === 'multiselect' || f.type === 'refs' ? [] : null;
      continue;
    }
    const v = data[f.key];
    if (isBlank(v)) {
      if (f.required) issues.push(required(f));
      continue;
    }
    const t = typeIssue(f, v, ctx);
    if (t) {
      issues.push(t);
      continue;
    }
    const extra = f.validate?.(v, ctx);
    if (extra) issues.push(...(Array.isArray(extra) ? extra : [extra]));
  }
  if (!issues.some((i) => i.severity === 'error') && def.validateRecord) issues.push(...def.validateRecord(data, ctx));
  return { data, issues };
}
