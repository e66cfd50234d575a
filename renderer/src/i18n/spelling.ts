import { ref } from 'vue';
import { DEFAULT_SPELLING, spell, spellingOf, type CyberSpelling } from '@/domain/spelling';

/**
 * The thana's spelling of "cyber" (साइबर/सायबर) for the whole shell: set by the station store
 * whenever the profile is read; `tr()` and every vue-i18n message apply it, so register headings,
 * page titles and menus follow the setting (reactive: a change in settings shows at once).
 */
export const cyberSpelling = ref<CyberSpelling>(DEFAULT_SPELLING);

export function setCampaignSpelling(campaignName: unknown): void {
  cyberSpelling.value = spellingOf(campaignName);
}

/** vue-i18n's postTranslation hook and `tr()`: the message as the thana spells it. */
export function spelled(text: string): string {
  return spell(text, cyberSpelling.value);
}
