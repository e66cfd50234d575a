import { describe, expect, it } from 'vitest';
import { carryOverDefaults, rememberEntry } from '../../../renderer/src/components/register/carryOver';
import {
  formatInstant,
  formatMoney,
  formatValue,
  optionsOf,
  paiseToRupees,
  parseDateIN,
  parseWholeNumber,
  rupeesToPaise,
} from '../../../renderer/src/components/register/format';
import type { FieldDef } from '../../../renderer/src/domain/registers/types';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { bi } from '../../../renderer/src/domain/bilingual';

const f = (type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({ key: 'x', label: bi('क', 'x'), type, ...extra });

describe('display formats', () => {
  it('money is typed in rupees, stored in paise and shown with lakh grouping', () => {
    expect(formatMoney(12_345_600)).toBe('₹1,23,456.00');
    expect(formatMoney(5)).toBe('₹0.05');
    expect(rupeesToPaise('1,23,456.5')).toBe(12_345_650);
    expect(rupeesToPaise('₹ 1900')).toBe(190_000);
    expect(rupeesToPaise('12.345')).toBeNull();
    expect(rupeesToPaise('abc')).toBeNull();
    expect(paiseToRupees(190_050)).toBe('1900.50');
    expect(paiseToRupees(190_000)).toBe('1900');
  });

  it('dates are typed and shown as dd-mm-yyyy and stored as YYYY-MM-DD', () => {
    expect(parseDateIN('05-11-2026')).toBe('2026-11-05');
    expect(parseDateIN('5/11/2026')).toBe('2026-11-05');
    expect(parseDateIN('5.11.26')).toBe('2026-11-05');
    expect(parseDateIN('05112026')).toBe('2026-11-05');
    expect(parseDateIN('')).toBeNull();
    expect(parseDateIN('kal')).toBe('kal');
    expect(formatValue(f('date'), '2026-11-05')).toBe('05-11-2026');
    expect(formatValue(f('datetime'), '2026-11-05T14:30')).toBe('05-11-2026 14:30');
    // 28 Nov 2026 18:45 UTC is 29 Nov 00:15 in IST
    expect(formatInstant('2026-11-28T18:45:00.000Z')).toBe('29-11-2026 00:15');
  });

  it('counts, booleans, options and masked numbers read the same everywhere', () => {
    expect(parseWholeNumber('2,00,000')).toBe(200_000);
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('12a')).toBe('12a');
    expect(formatValue(f('int'), 200_000)).toBe('2,00,000');
    expect(formatValue(f('boolean'), true)).toBe('हाँ');
    expect(formatValue(f('boolean'), false, 'en')).toBe('No');
    const kind = placeRegister.fields.find((x) => x.key === 'kind')!;
    expect(formatValue(kind, 'village')).toBe('ग्राम');
    expect(formatValue(kind, 'village', 'en')).toBe('Village');
    expect(formatValue(f('multiselect', { options: kind.options }), ['village', 'ward'])).toBe('ग्राम, वार्ड');
    expect(formatValue(f('last4'), '4321')).toBe('XXXX4321');
    expect(formatValue(f('text'), null)).toBe('');
    expect(optionsOf(f('select', { optionsSetting: 'topics' }), { topics: ['ओटीपी', 'यूपीआई'] }).map((o) => o.value)).toEqual(['ओटीपी', 'यूपीआई']);
  });
});

describe('carry-over of the last values', () => {
  it('remembers only carry-over fields, per register and writer, in this PC’s storage', () => {
    const mem = new Map<string, string>();
    const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
    rememberEntry(placeRegister, 'user:a', { name: 'खमरिया', kind: 'village', area: 'rural', beat: '3' }, storage);
    expect(carryOverDefaults(placeRegister, 'user:a', storage)).toEqual({ kind: 'village', area: 'rural', beat: '3' });
    expect(carryOverDefaults(placeRegister, 'user:b', storage)).toEqual({});
    expect([...mem.keys()]).toEqual(['cmtd.last.place.user:a']);
  });
});
