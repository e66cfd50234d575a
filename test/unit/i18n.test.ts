import { describe, expect, it } from 'vitest';
import hi from '../../renderer/src/i18n/hi';
import en from '../../renderer/src/i18n/en';
import { DEFAULT_LOCALE, readStoredLocale } from '../../renderer/src/i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('Hindi is the default language', () => {
    expect(DEFAULT_LOCALE).toBe('hi');
    expect(readStoredLocale(undefined)).toBe('hi');
    expect(readStoredLocale({ getItem: () => 'fr' })).toBe('hi');
    expect(readStoredLocale({ getItem: () => 'en' })).toBe('en');
  });

  it('English has exactly the Hindi keys and no empty message', () => {
    expect(keys(en).sort()).toEqual(keys(hi).sort());
    for (const k of keys(hi)) {
      const get = (o: object) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o);
      expect(String(get(hi)).trim(), k).not.toBe('');
      expect(String(get(en)).trim(), k).not.toBe('');
    }
  });

  it('Hindi messages are written in Devanagari', () => {
    expect(hi.nav.mitans).toMatch(/[\u0900-\u097F]/);
    expect(hi.app.title).toMatch(/[\u0900-\u097F]/);
  });
});
