import { useI18n } from 'vue-i18n';
import type { Bilingual } from '@/domain/bilingual';
import { spelled } from './spelling';

/**
 * Pick the current language's text of a bilingual message (labels from register definitions,
 * domain errors); Hindi as the thana spells साइबर/सायबर.
 */
export function useBi() {
  const { locale } = useI18n();
  const tr = (b: Bilingual | null | undefined): string => (b ? (locale.value === 'en' ? b.en : spelled(b.hi)) : '');
  return { tr, locale };
}
