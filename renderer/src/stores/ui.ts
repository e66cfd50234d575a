import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { type Locale, LOCALE_STORAGE_KEY, readStoredLocale } from '@/i18n';
import { screenClock } from '@/components/register/format';
import { activeTypingMode } from '@/components/inputs/hindiTyping';
import { TYPING_MODES, type TypingMode } from '@/domain/typing';
import type { ClockStyle } from '@/domain/dates';
import { useStationStore } from './station';
import { readPrefs, writePrefs, type PersonalPrefs } from './prefs';

export const useUiStore = defineStore('ui', () => {
  const locale = ref<Locale>(readStoredLocale(globalThis.localStorage));
  const online = ref(globalThis.navigator?.onLine ?? true);
  const station = useStationStore();

  watch(locale, (l) => {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, l);
    if (globalThis.document) document.documentElement.lang = l;
  });

  function toggleLocale() {
    locale.value = locale.value === 'hi' ? 'en' : 'hi';
  }

  /** The signed-in person's own preferences (stores/prefs.ts); defaults before anyone signs in. */
  const userId = computed(() => station.actor?.userId ?? null);
  const prefs = ref<PersonalPrefs>(readPrefs(globalThis.localStorage, userId.value));
  watch(userId, (id) => (prefs.value = readPrefs(globalThis.localStorage, id)));
  watch(prefs, (p) => writePrefs(globalThis.localStorage, userId.value, p), { deep: true });
  watch(() => prefs.value.clock, (c) => (screenClock.value = c), { immediate: true });
  watch(() => prefs.value.typing, (m) => (activeTypingMode.value = m), { immediate: true });

  const typingMode = computed(() => prefs.value.typing);
  function setTyping(mode: TypingMode) {
    prefs.value = { ...prefs.value, typing: mode };
  }
  /** F9: the next way of typing Hindi (system keyboard → Remington → phonetic → system). */
  function cycleTyping() {
    setTyping(TYPING_MODES[(TYPING_MODES.indexOf(prefs.value.typing) + 1) % TYPING_MODES.length]!);
  }
  function setClock(clock: ClockStyle) {
    prefs.value = { ...prefs.value, clock };
  }
  function hiddenColumns(register: string): string[] {
    return prefs.value.hiddenColumns[register] ?? [];
  }
  function setHiddenColumns(register: string, keys: string[]) {
    prefs.value = { ...prefs.value, hiddenColumns: { ...prefs.value.hiddenColumns, [register]: keys } };
  }

  globalThis.addEventListener?.('online', () => (online.value = true));
  globalThis.addEventListener?.('offline', () => (online.value = false));

  return { locale, online, toggleLocale, prefs, typingMode, setTyping, cycleTyping, setClock, hiddenColumns, setHiddenColumns };
});
