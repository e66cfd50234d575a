import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { type Locale, LOCALE_STORAGE_KEY, readStoredLocale } from '@/i18n';

export const useUiStore = defineStore('ui', () => {
  const locale = ref<Locale>(readStoredLocale(globalThis.localStorage));
  const online = ref(globalThis.navigator?.onLine ?? true);

  watch(locale, (l) => {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, l);
    if (globalThis.document) document.documentElement.lang = l;
  });

  function toggleLocale() {
    locale.value = locale.value === 'hi' ? 'en' : 'hi';
  }

  globalThis.addEventListener?.('online', () => (online.value = true));
  globalThis.addEventListener?.('offline', () => (online.value = false));

  return { locale, online, toggleLocale };
});
