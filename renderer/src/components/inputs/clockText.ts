/**
 * The text of the two time boxes (TimeInput, DateTimeInput), in one place: the time part is read
 * and shown by the same two functions whether it stands alone or follows a date, so 'hh:mm',
 * '1305' and '1:05 अपराह्न' mean the same in both boxes. Values: 'HH:mm' and 'YYYY-MM-DDTHH:mm'
 * (IST wall clock); blank is null; text that is not a time is passed on for the domain to report.
 */
import { formatDateIN, formatTimeIN, parseDateTimeIN, parseTimeIN, type ClockStyle } from '@/domain/dates';

const TIME = /^\d{2}:\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const other = (v: unknown) => (v ? String(v) : '');

export function showTime(v: unknown, clock: ClockStyle): string {
  return typeof v === 'string' && TIME.test(v) ? formatTimeIN(v, clock) : other(v);
}

export function showDateTime(v: unknown, clock: ClockStyle): string {
  return typeof v === 'string' && DATE_TIME.test(v) ? `${formatDateIN(v.slice(0, 10))} ${showTime(v.slice(11, 16), clock)}` : other(v);
}

export function readTime(text: string): string | null {
  return text.trim() === '' ? null : (parseTimeIN(text) ?? text);
}

/** The date as parseDateIN reads it, a space, the time as readTime reads it (domain/dates.ts). */
export const readDateTime = parseDateTimeIN;
