/**
 * How a register value looks on screen: dates dd-mm-yyyy, money with lakh grouping,
 * option labels, हाँ/नहीं. Lists, entry views, history and the audit log all use these,
 * so one field reads the same everywhere.
 */
import type { Bilingual } from '@/domain/bilingual';
import { ref } from 'vue';
import { formatDateIN, formatDateTimeIN, formatTimeIN, istDateTime, type ClockStyle } from '@/domain/dates';
import type { StoredRecord } from '@/domain/records';
import type { FieldDef, Option, RegisterDef } from '@/domain/registers/types';
import { settingOptions } from '@/domain/outreach/topics';

/** 'hi' or 'en' (vue-i18n's locale); anything but 'en' reads as Hindi. */
export type Lang = string;

const inr = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-IN');

/** Integer paise → '₹1,23,456.00'. */
export function formatMoney(paise: number): string {
  return `₹${inr.format(paise / 100)}`;
}

/** 200000 → '2,00,000' (Indian grouping for counts and targets). */
export function formatCount(n: number): string {
  return count.format(n);
}

/**
 * How the signed-in person reads times on screen (a per-user choice kept by stores/ui.ts).
 * A reactive ref, so every list and view re-renders when it changes; prints keep 24-hour.
 */
export const screenClock = ref<ClockStyle>('24h');

/** An ISO instant in IST as the screen shows it: 'dd-mm-yyyy HH:mm' (or 'dd-mm-yyyy hh:mm अपराह्न'). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatDateTimeIN(istDateTime(new Date(t)), screenClock.value);
}

/** A stored IST wall-clock 'YYYY-MM-DDTHH:mm' (or a date) as the screen shows it. */
export function formatWallClock(wall: string | null | undefined): string {
  return formatDateTimeIN(wall, screenClock.value);
}

/** What the user typed as rupees ('1,500.5') → integer paise, or null when it is not an amount. */
export function rupeesToPaise(text: string): number | null {
  const s = text.replace(/[₹,\s]/g, '');
  const m = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Integer paise → what goes back into a rupee input ('1500', '1500.50'). */
export function paiseToRupees(paise: number): string {
  const r = Math.floor(paise / 100);
  const p = paise % 100;
  return p ? `${r}.${String(p).padStart(2, '0')}` : String(r);
}

/**
 * The choices of a select field: its own options, or a list the in-charge keeps in settings
 * (`optionsSetting`), which may hold plain strings or {value, label} options.
 */
export function optionsOf(f: FieldDef, settings: Record<string, unknown> = {}): Option[] {
  if (f.options) return f.options;
  const withDefaults = f.optionsSetting ? settingOptions(f.optionsSetting, settings) : null;
  if (withDefaults) return withDefaults;
  const list = f.optionsSetting ? settings[f.optionsSetting] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((o: unknown) =>
    typeof o === 'string' ? { value: o, label: { hi: o, en: o } } : (o as Option),
  );
}

function pick(b: Bilingual, lang: Lang): string {
  return lang === 'en' ? b.en : b.hi;
}

function optionLabel(options: Option[], v: unknown, lang: Lang): string {
  const o = options.find((x) => x.value === v);
  return o ? pick(o.label, lang) : String(v);
}

/** One field's value as text for lists, views, history and the audit log. */
export function formatValue(f: FieldDef, v: unknown, lang: Lang = 'hi', settings: Record<string, unknown> = {}): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '';
  switch (f.type) {
    case 'money':
      return typeof v === 'number' ? formatMoney(v) : String(v);
    case 'int':
      return typeof v === 'number' ? formatCount(v) : String(v);
    case 'date':
      return typeof v === 'string' ? formatDateIN(v) : String(v);
    case 'datetime':
      return typeof v === 'string' ? formatWallClock(v) : String(v);
    case 'time':
      return typeof v === 'string' ? formatTimeIN(v, screenClock.value) : String(v);
    case 'boolean':
      return v === true ? pick({ hi: 'हाँ', en: 'Yes' }, lang) : pick({ hi: 'नहीं', en: 'No' }, lang);
    case 'select':
      return optionLabel(optionsOf(f, settings), v, lang);
    case 'multiselect': {
      const opts = optionsOf(f, settings);
      return (Array.isArray(v) ? v : [v]).map((x) => optionLabel(opts, x, lang)).join(', ');
    }
    case 'last4':
      return `XXXX${String(v)}`;
    case 'refs':
      return Array.isArray(v) ? v.join(', ') : String(v);
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** Parsing typed dates lives in the domain (dates.ts); re-exported for the editors. */
export { parseDateIN, parseDateTimeIN, parseTimeIN } from '@/domain/dates';

/** '1,234' → 1234; blank → null; anything else unchanged for the domain to report. */
export function parseWholeNumber(text: string): number | string | null {
  const s = text.replace(/[,\s]/g, '');
  if (!s) return null;
  return /^-?\d+$/.test(s) ? Number(s) : text;
}

/** How an entry is named in headings and dialogs: its serial, or (registers without serials) its first list column. */
export function entryLabel(def: RegisterDef, rec: StoredRecord, lang: Lang = 'hi'): string {
  if (rec.serial) return rec.serial;
  const first = def.fields.filter((f) => f.list).sort((a, b) => a.list!.order - b.list!.order)[0] ?? def.fields[0];
  return first ? formatValue(first, rec.data[first.key], lang) : rec.id;
}
