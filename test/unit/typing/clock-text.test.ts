import { describe, expect, it } from 'vitest';
import { readDateTime, readTime, showDateTime, showTime } from '../../../renderer/src/components/inputs/clockText';

describe('The time box and the date-and-time box read and show the time the same way', () => {
  const typed = ['13:05', '1305', '9:05', '1:05 अपराह्न', '12:30 पूर्वाह्न', '1:05 pm', '00:10'];

  it('a time typed after a date means what it means alone', () => {
    for (const t of typed) expect(readDateTime(`03-12-2026 ${t}`)).toBe(`2026-12-03T${readTime(t)}`);
  });

  it('what is shown reads back to the same value, in either clock', () => {
    for (const clock of ['24h', '12h'] as const)
      for (const t of typed) {
        const v = readTime(t)!;
        expect(readTime(showTime(v, clock))).toBe(v);
        expect(readDateTime(showDateTime(`2026-12-03T${v}`, clock))).toBe(`2026-12-03T${v}`);
      }
    expect(showDateTime('2026-12-03T13:13', '12h')).toBe('03-12-2026 01:13 अपराह्न');
  });

  it('blank is nothing; what is not a time is passed on for the register to refuse', () => {
    expect(readTime('  ')).toBeNull();
    expect(readDateTime(' ')).toBeNull();
    expect(readTime('25:00')).toBe('25:00');
    expect(readDateTime('31-02-2026 10:00')).toBe('31-02-2026 10:00');
    expect(showTime('abc', '24h')).toBe('abc');
  });
});
