// The small rules every output shares: Excel serial dates, Indian grouping in the print view,
// column letters, totals that leave out cancelled entries.
import { describe, expect, it } from 'vitest';
import { bi } from '../../../renderer/src/domain/bilingual';
import { TotalsAccumulator, columnLetter, correctedRuns, excelSerial, formatValue, type ColumnSpec } from '../../../renderer/src/export/sheet';
import { visualLength, wrappedLines } from '../../../renderer/src/export/xlsx/layout';

describe('paper values', () => {
  it('turn calendar dates into whole Excel serials (times into fractions), whatever the time zone', () => {
    expect(excelSerial('2024-05-02')).toBe(45414);
    expect(excelSerial('2026-11-14T10:30')).toBe(excelSerial('2026-11-14')! + 0.4375);
    expect(excelSerial('2026-11-14 23:59')).toBeCloseTo(46340 + 1439 / 1440, 10);
    for (const bad of ['', '14-11-2026', '2026-1-14', 'abcd-ef-gh']) expect(excelSerial(bad), bad).toBeNull();
  });

  it('print lakh grouping, two decimals for rupees and dd-mm-yyyy dates in the print view', () => {
    expect(formatValue('money', 1234567.5)).toBe('12,34,567.50');
    expect(formatValue('int', 12345678)).toBe('1,23,45,678');
    expect(formatValue('percent', 0.4267)).toBe('42.7%');
    expect(formatValue('date', '2026-11-05')).toBe('05-11-2026');
    // A no-break space: a date-time never splits across lines.
    expect(formatValue('datetime', '2026-11-05T09:05')).toBe('05-11-2026\u00a009:05');
    expect(formatValue('text', null)).toBe('');
  });

  it('name columns A…Z, AA…', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('total only the counted columns, leaving out cancelled entries and using the current value of a correction', () => {
    const cols: ColumnSpec[] = [
      { label: bi('क्र.', 'No.'), kind: 'text', width: 6, total: false },
      { label: bi('व्यक्ति', 'People'), kind: 'int', width: 8, total: true },
      { label: bi('राशि', 'Amount'), kind: 'money', width: 8, total: true },
    ];
    const t = new TotalsAccumulator(cols);
    t.add({ cells: ['1', 10, 0.1] });
    t.add({ cells: ['2', 5, 0.2] });
    t.add({ cells: ['3', 999, 999], cancelled: true });
    t.add({ cells: ['4', { before: [{ text: '7', initials: 'रक' }], now: 8 }, null] });
    expect(t.row().cells).toEqual(['योग / Total', 23, 0.3]);
  });

  it('print a correction as the old value struck, then the new one, then the initials', () => {
    expect(correctedRuns('money', { before: [{ text: '5,000.00', initials: 'रक' }, { text: '5,500.00', initials: 'सव' }], now: 6000.5 })).toEqual([
      { text: '5,000.00', strike: true },
      { text: ' ' },
      { text: '5,500.00', strike: true },
      { text: ' ' },
      { text: '6,000.50' },
      { text: ' (रक, सव)', small: true },
    ]);
  });

  it('measure Devanagari by its letters, not its vowel signs, to size wrapped rows', () => {
    // प र व ष ट: conjuncts count each consonant (a little wide, never cut off).
    expect(visualLength('प्रविष्टि')).toBe(5);
    expect(visualLength('abc')).toBe(3);
    expect(wrappedLines('एक दो तीन चार पाँच छह सात आठ नौ दस', 10)).toBeGreaterThan(1);
    expect(wrappedLines('पहली\nदूसरी', 30)).toBe(2);
  });
});
