/** Dates are calendar strings in IST; never JS Dates in local time (design §3.9). */
const IST_OFFSET_MIN = 330;

/** 'YYYY-MM-DD' of the instant in IST. */
export function istDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + IST_OFFSET_MIN * 60_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DDTHH:mm' wall clock in IST. */
export function istDateTime(instant: Date = new Date()): string {
  return new Date(instant.getTime() + IST_OFFSET_MIN * 60_000).toISOString().slice(0, 16);
}

/** The instant of an IST wall-clock 'YYYY-MM-DDTHH:mm' (or date). */
export function istToInstant(wall: string): Date {
  const s = wall.length === 10 ? `${wall}T00:00` : wall.slice(0, 16);
  return new Date(Date.parse(`${s}:00.000Z`) - IST_OFFSET_MIN * 60_000);
}

export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  // Arithmetic, not a Date round trip: an import checks several dates per row, thousands of rows.
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
}

export function isValidDateTime(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s)) return false;
  const [h, m] = s.slice(11).split(':').map(Number);
  return isValidDate(s.slice(0, 10)) && h! < 24 && m! < 60;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** 'dd-mm-yyyy' as printed on registers. */
export function formatDateIN(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  const s = `${d}-${m}-${y}`;
  return date.length > 10 ? `${s} ${date.slice(11, 16)}` : s;
}

/** A Date at UTC midnight of the calendar date: what Excel needs so IST does not shift it. */
export function excelDate(date: string): Date {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** How a person reads times: 24-hour ('13:05') or 12-hour with पूर्वाह्न/अपराह्न ('01:05 अपराह्न'). */
export type ClockStyle = '24h' | '12h';
/** The 12-hour marks are Hindi in both languages, as Indian offices write them (never AM/PM). */
export const BEFORE_NOON = 'पूर्वाह्न';
export const AFTER_NOON = 'अपराह्न';

/** 'HH:mm' (24-hour) as the person chose to read it. */
export function formatTimeIN(hhmm: string, clock: ClockStyle = '24h'): string {
  if (clock === '24h' || !/^\d{2}:\d{2}$/.test(hhmm)) return hhmm;
  const h = Number(hhmm.slice(0, 2));
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${String(h12).padStart(2, '0')}:${hhmm.slice(3)} ${h < 12 ? BEFORE_NOON : AFTER_NOON}`;
}

/** 'YYYY-MM-DD' → 'dd-mm-yyyy'; 'YYYY-MM-DDTHH:mm' → 'dd-mm-yyyy HH:mm' in the chosen clock. */
export function formatDateTimeIN(wall: string | null | undefined, clock: ClockStyle = '24h'): string {
  if (!wall) return '';
  const date = formatDateIN(wall.slice(0, 10));
  return wall.length > 10 ? `${date} ${formatTimeIN(wall.slice(11, 16), clock)}` : date;
}

/**
 * What a person typed as a time → 'HH:mm' (24-hour), or null when it is not one. Takes '13:05',
 * '1:05', '1305', '1.05', and the 12-hour forms '01:05 अपराह्न' / '1:05 pm' / '1:05 p.m.'.
 */
export function parseTimeIN(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))? ?(पूर्वाह्न|अपराह्न|पूर्वा\.?|अप\.?|a\.?m\.?|p\.?m\.?)?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[2] === undefined && !m[3]) return null;
  const mark = m[3];
  if (mark) {
    if (h < 1 || h > 12) return null;
    const pm = mark.startsWith('अप') || mark.startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * What a person typed as a date → 'YYYY-MM-DD'. Writers type the way registers print:
 * 05-11-2026, 5/11/2026, 5.11.26 or 05112026 (day first, always). ISO 'YYYY-MM-DD' is taken too.
 * Anything else comes back unchanged (the domain then reports it), and blank is null.
 */
export function parseDateIN(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (!m && /^\d{8}$/.test(s)) m = [s, s.slice(0, 2), s.slice(2, 4), s.slice(4)] as unknown as RegExpExecArray;
  if (!m) return s;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/**
 * What a person typed as a date and time → 'YYYY-MM-DDTHH:mm' (IST wall clock): the date as in
 * `parseDateIN`, a space, the time as in `parseTimeIN`; ISO 'YYYY-MM-DDTHH:mm' is taken too.
 * Anything else comes back unchanged for the domain to report; blank is null.
 */
export function parseDateTimeIN(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return s.slice(0, 16);
  const m = /^(\S+)\s+(.+)$/.exec(s);
  if (!m) return s;
  const date = parseDateIN(m[1]!);
  const time = parseTimeIN(m[2]!);
  return date && isValidDate(date) && time ? `${date}T${time}` : s;
}

export const MONTHS_HI = ['जनवरी', 'फरवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'] as const;
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** 'YYYY-MM' → 'दिसंबर-2026' / 'December-2026' (माह-वर्ष, joined by a hyphen like dd-mm-yyyy). */
export function formatMonthIN(ym: string, lang: 'hi' | 'en' = 'hi'): string {
  const m = Number(ym.slice(5, 7)) - 1;
  const names = lang === 'en' ? MONTHS_EN : MONTHS_HI;
  return names[m] ? `${names[m]}-${ym.slice(0, 4)}` : ym;
}
