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
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
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
