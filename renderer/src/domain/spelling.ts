/**
 * The district's spelling of "cyber" (design §3.10, domain.md §4): Bilaspur police write
 * "सायबर", the press "साइबर". The thana profile's campaign name decides, and every Hindi heading,
 * title and printed register heading follows it (issue 16 item 8). Pure: the shell keeps the
 * current choice (i18n/spelling.ts) and the prints apply it to their headings.
 */
import type { Bilingual } from './bilingual';

export type CyberSpelling = 'साइबर' | 'सायबर';

export const DEFAULT_SPELLING: CyberSpelling = 'साइबर';

/** The spelling a campaign name uses ('सायबर मितान' → 'सायबर'); anything else: the default. */
export function spellingOf(campaignName: unknown): CyberSpelling {
  return typeof campaignName === 'string' && campaignName.includes('सायबर') ? 'सायबर' : DEFAULT_SPELLING;
}

const EITHER = /साइबर|सायबर/g;

/** The text with every "cyber" written the chosen way. */
export function spell(text: string, spelling: CyberSpelling): string {
  return text.includes('बर') ? text.replace(EITHER, spelling) : text;
}

/** Both languages of a label, the Hindi one spelled (English has one spelling). */
export function spellBi(b: Bilingual, spelling: CyberSpelling): Bilingual {
  return { hi: spell(b.hi, spelling), en: b.en };
}
