/** The update server the in-charge types in Settings: https only (plain http on loopback, for tests). */
import { describe, expect, it } from 'vitest';
import { validateUpdatePrefs } from '../../../renderer/src/backup/settings';
import { DomainError } from '../../../renderer/src/domain/bilingual';

const prefs = (feedUrl: string) => ({ feedUrl, metered: false, autoDownload: false });

describe('update server in Settings', () => {
  it.each(['https://hub.bilaspur.lan/thana-desk/', 'http://127.0.0.1:8080/u/', ''])('accepts %s', (url) => {
    expect(validateUpdatePrefs(prefs(url)).feedUrl).toBe(url);
  });

  it.each(['http://hub.bilaspur.lan/thana-desk/', 'http://10.12.0.5/u/', 'https://it:pw@hub.bilaspur.lan/u/', 'ftp://hub/u/'])(
    'refuses %s, in Hindi and English',
    (url) => {
      let caught: unknown;
      try {
        validateUpdatePrefs(prefs(url));
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).bilingual.en).toContain('https://');
      expect((caught as DomainError).bilingual.hi).toContain('https://');
    },
  );
});
