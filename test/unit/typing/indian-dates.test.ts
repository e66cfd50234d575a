import { describe, expect, it } from 'vitest';
import {
  formatDateTimeIN, formatMonthIN, formatTimeIN, parseDateIN, parseDateTimeIN, parseTimeIN,
} from '../../../renderer/src/domain/dates';
import { monthName } from '../../../renderer/src/domain/reports/returns';

describe('Indian dates and times (dd-mm-yyyy, माह-वर्ष, IST hh:mm)', () => {
  it('times read in 24 hours or with पूर्वाह्न/अपराह्न, never AM/PM', () => {
    expect(formatTimeIN('13:05')).toBe('13:05');
    expect(formatTimeIN('13:05', '12h')).toBe('01:05 अपराह्न');
    expect(formatTimeIN('00:10', '12h')).toBe('12:10 पूर्वाह्न');
    expect(formatTimeIN('12:00', '12h')).toBe('12:00 अपराह्न');
    expect(formatDateTimeIN('2026-12-03T13:13', '12h')).toBe('03-12-2026 01:13 अपराह्न');
    expect(formatDateTimeIN('2026-12-03T13:13')).toBe('03-12-2026 13:13');
    expect(formatDateTimeIN('2026-12-03')).toBe('03-12-2026');
  });

  it('typed times: 24-hour, without the colon, or with a 12-hour mark', () => {
    expect(parseTimeIN('13:05')).toBe('13:05');
    expect(parseTimeIN('9.5')).toBeNull();
    expect(parseTimeIN('9:05')).toBe('09:05');
    expect(parseTimeIN('1305')).toBe('13:05');
    expect(parseTimeIN('1:05 अपराह्न')).toBe('13:05');
    expect(parseTimeIN('12:30 पूर्वाह्न')).toBe('00:30');
    expect(parseTimeIN('1:05 pm')).toBe('13:05');
    expect(parseTimeIN('25:00')).toBeNull();
    expect(parseTimeIN('13:05 pm')).toBeNull();
  });

  it('typed dates are day first; a date and time joins both', () => {
    expect(parseDateIN('3-12-2026')).toBe('2026-12-03');
    expect(parseDateIN('03/12/26')).toBe('2026-12-03');
    expect(parseDateTimeIN('03-12-2026 13:13')).toBe('2026-12-03T13:13');
    expect(parseDateTimeIN('3/12/2026 1:13 अपराह्न')).toBe('2026-12-03T13:13');
    expect(parseDateTimeIN('2026-12-03T13:13')).toBe('2026-12-03T13:13');
    // Not a date and time: passed on unchanged for the domain to report; blank is null.
    expect(parseDateTimeIN('31-02-2026 10:00')).toBe('31-02-2026 10:00');
    expect(parseDateTimeIN('03-12-2026')).toBe('03-12-2026');
    expect(parseDateTimeIN('  ')).toBeNull();
  });

  it('months as माह-वर्ष, in the return too', () => {
    expect(formatMonthIN('2026-12')).toBe('दिसंबर-2026');
    expect(formatMonthIN('2026-12', 'en')).toBe('December-2026');
    expect(monthName('2026-11')).toEqual({ hi: 'नवंबर-2026', en: 'November-2026' });
  });
});
