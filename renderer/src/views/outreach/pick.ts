/** Type-ahead matching for the day sheet's pickers: numbers for speed, words for everything else. */
import type { Bilingual } from '@/domain/bilingual';
import { toAsciiDigits } from '@/domain/outreach/input';

export interface PickOption {
  value: string;
  label: Bilingual;
  /** What a writer types to get it at once: the option's number, a team number, a Mitan's serial. */
  code?: string;
  /** A second line (e.g. a Mitan's team), shown small. */
  hint?: string;
  /** Other words writers use for it ('स्कूल' for विद्यालय). */
  aliases?: string[];
}

/** Options numbered 1, 2, 3 … so a writer can type the number instead of the word. */
export function numbered(options: { value: string; label: Bilingual }[], aliases: Record<string, string[]> = {}): PickOption[] {
  return options.map((o, i) => ({ ...o, code: String(i + 1), aliases: aliases[o.value] }));
}

/** Words a writer may type for an activity type instead of its register name. */
export const ACTIVITY_ALIASES: Record<string, string[]> = {
  'door-to-door': ['डोर टू डोर', 'घर घर'],
  school: ['स्कूल', 'शाला'],
  college: ['कॉलेज', 'कालेज'],
  'haat-bazaar': ['बाजार', 'मेला', 'market'],
  'bank-csc': ['बैंक', 'सीएससी', 'csc'],
  'phone-whatsapp': ['फोन', 'व्हाट्सएप', 'whatsapp'],
  'online-session': ['ऑनलाइन', 'वेबिनार', 'webinar'],
  'nukkad-natak': ['नाटक', 'street play'],
  'short-film': ['फिल्म', 'film'],
  'pledge-stall': ['संकल्प', 'pledge'],
};

const norm = (s: string) => toAsciiDigits(s).normalize('NFC').toLowerCase().trim();

/**
 * Options for what was typed, best first: an exact number, then numbers starting with it;
 * labels (Hindi or English) starting with the text, then words starting with it, then containing it.
 */
export function matchOptions(options: PickOption[], query: string, limit = 12): PickOption[] {
  const q = norm(query);
  if (!q) return options.slice(0, limit);
  const scored: { o: PickOption; score: number; i: number }[] = [];
  options.forEach((o, i) => {
    const code = o.code ? norm(o.code) : '';
    const labels = [norm(o.label.hi), norm(o.label.en), ...(o.aliases ?? []).map(norm)];
    let score = -1;
    if (code && code === q) score = 0;
    else if (code && /^\d+$/.test(q) && code.startsWith(q)) score = 1;
    else if (labels.some((l) => l.startsWith(q))) score = 2;
    else if (labels.some((l) => l.split(/[\s\-/(),.]+/).some((w) => w.startsWith(q)))) score = 3;
    else if (labels.some((l) => l.includes(q))) score = 4;
    if (score >= 0) scored.push({ o, score, i });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, limit)
    .map((s) => s.o);
}

/** True when the text is exactly one option's label (so "add new" is not offered for it). */
export function exactLabel(options: PickOption[], text: string): PickOption | undefined {
  const q = norm(text);
  return options.find((o) => norm(o.label.hi) === q || norm(o.label.en) === q);
}
