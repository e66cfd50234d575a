import { createI18n } from 'vue-i18n';
import hi from './hi';
import en from './en';
import { spelled } from './spelling';

export type Locale = 'hi' | 'en';
export const LOCALES: readonly Locale[] = ['hi', 'en'];
export const DEFAULT_LOCALE: Locale = 'hi';
/** Per-PC UI preference: kept in localStorage, never in a synced record. */
export const LOCALE_STORAGE_KEY = 'cmtd.locale';

export const messages = { hi, en };
export type MessageSchema = typeof hi;

export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  const v = storage?.getItem(LOCALE_STORAGE_KEY);
  return v === 'en' || v === 'hi' ? v : DEFAULT_LOCALE;
}

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'hi',
    messages,
    missingWarn: false,
    fallbackWarn: false,
    // The thana's spelling of साइबर/सायबर reaches every message (i18n/spelling.ts).
    postTranslation: (str) => (typeof str === 'string' ? spelled(str) : str),
  });
}

/** A bilingual message for places outside Vue (domain errors, prints): Hindi first. */
export interface Bilingual {
  hi: string;
  en: string;
}
