/**
 * The Remington (GAIL) typewriter layout, producing Unicode. Key facts follow the public layout
 * (as in SIL's Keyman "Remington GAIL" keyboard); the typing order is the typewriter's, as writers
 * learned it: ि is typed BEFORE its consonant ("fd" → कि, "fLFkfr" → स्थिति), the reph Z AFTER the
 * syllable it sits on ("deZ" → कर्म), a half letter plus k makes the full letter ("/k" → ध), z adds
 * the rakar (्र) to the consonant before it ("iz" → प्र).
 */
import { VIRAMA, afterLastConsonant, isConsonant, lastSyllableStart } from './devanagari';

/** Keys that give a full letter (consonant or independent vowel). */
const FULL: Record<string, string> = {
  v: 'अ', b: 'इ', m: 'उ', ')': 'ऋ', ',': 'ए',
  d: 'क', x: 'ग', p: 'च', N: 'छ', t: 'ज', '>': 'झ', V: 'ट', B: 'ठ', M: 'ड', '<': 'ढ',
  r: 'त', n: 'द', u: 'न', i: 'प', Q: 'फ', c: 'ब', e: 'म', ';': 'य', j: 'र', y: 'ल', G: 'ळ', o: 'व', l: 'स', g: 'ह',
};
/** Keys that give a half letter (consonant + virama); k or A after it makes the full letter. */
const HALF: Record<string, string> = {
  D: 'क', '[': 'ख', X: 'ग', '?': 'घ', P: 'च', T: 'ज', '.': 'ण', R: 'त', F: 'थ', '/': 'ध',
  U: 'न', I: 'प', C: 'ब', H: 'भ', E: 'म', Y: 'ल', O: 'व', "'": 'श', '"': 'ष', L: 'स',
};
/** Keys that give a whole conjunct. */
const CONJUNCT: Record<string, string> = {
  '(': 'त्र', '*': 'द्ध', '~': 'द्य', J: 'श्र', K: 'ज्ञ', '}': 'द्व', '{': 'क्ष्', ':': 'रू',
};
/** Matras and signs, written after the letter they belong to. */
const SIGN: Record<string, string> = {
  a: 'ं', A: 'ा', k: 'ा', h: 'ी', q: 'ु', w: 'ू', '=': 'ृ', W: 'ॅ', s: 'े', S: 'ै', '+': VIRAMA, '#': 'ः',
};
const PUNCT: Record<string, string> = {
  '!': '।', '&': '’', '^': '‘', '\\': '(', '|': ')', '$': '*', ']': ',', '%': '-', '_': '.', '@': '/', '-': ';',
};
/** Two keys that make one sign or vowel: (text ends with, key) → replacement of that ending. */
const COMBINE: [string, string, string][] = [
  ['अ', 'k', 'आ'], ['अ', 'A', 'आ'], ['आ', 'W', 'ऑ'], ['आ', 's', 'ओ'], ['आ', 'S', 'औ'],
  ['इ', 'Z', 'ई'], ['उ', 'q', 'ऊ'], ['ए', 'W', 'ऍ'], ['ए', 's', 'ऐ'],
  ['ा', 'W', 'ॉ'], ['ा', 's', 'ो'], ['ा', 'S', 'ौ'], ['ॉ', 'a', 'ाँ'],
  ['ॅ', 'a', 'ँ'], ['ॅ', 'A', 'ँ'], ['ं', 'W', 'ँ'], ['।', '!', '॥'], ['ृ', '=', 'ॄ'],
];

export interface RemingtonState {
  /** ि was typed and waits for its consonant (cluster) to be completed. */
  pendingI: boolean;
}

export function createRemingtonState(): RemingtonState {
  return { pendingI: false };
}

/** Is this key part of the layout (so the browser must not insert the Latin character)? */
export function isRemingtonKey(key: string): boolean {
  return key.length === 1 && (key in FULL || key in HALF || key in CONJUNCT || key in SIGN || key in PUNCT || 'fzZ`'.includes(key));
}

const consonantOut = (key: string): string | null =>
  key in HALF ? HALF[key]! + VIRAMA : key in CONJUNCT && key !== ':' ? CONJUNCT[key]! : key in FULL && isConsonant(FULL[key]) ? FULL[key]! : null;

/** The text before the caret after one key; null when the key is not the layout's (let it through). */
export function remingtonKey(state: RemingtonState, before: string, key: string): string | null {
  if (!isRemingtonKey(key)) {
    state.pendingI = false;
    return null;
  }
  if (state.pendingI && before.endsWith('ि')) {
    const base = before.slice(0, -1);
    const cons = consonantOut(key);
    if (cons) {
      state.pendingI = cons.endsWith(VIRAMA);
      return `${base}${cons}ि`;
    }
    if ((key === 'k' || key === 'A') && base.endsWith(VIRAMA)) {
      state.pendingI = false;
      return `${base.slice(0, -1)}ि`;
    }
    if (key === '`') return `${base}़ि`;
    state.pendingI = false;
  }
  state.pendingI = false;

  if (key === 'f') {
    state.pendingI = true;
    return `${before}ि`;
  }
  // A half letter completed by the vertical stroke: थ् + k → थ.
  if ((key === 'k' || key === 'A') && before.endsWith(VIRAMA) && isConsonant(before.at(-2))) return before.slice(0, -1);
  for (const [end, k, out] of COMBINE) if (k === key && before.endsWith(end)) return before.slice(0, -end.length) + out;
  if (key === 'Z') {
    // The reph goes on the syllable typed before it: क म Z → कर्म.
    const at = lastSyllableStart(before);
    return at < 0 ? `${before}र${VIRAMA}` : `${before.slice(0, at)}र${VIRAMA}${before.slice(at)}`;
  }
  if (key === 'z' || key === '`') {
    // Rakar and nukta belong right after the consonant, before any matra typed already.
    const sign = key === 'z' ? `${VIRAMA}र` : '़';
    const at = afterLastConsonant(before);
    return at < 0 ? before + sign : before.slice(0, at) + sign + before.slice(at);
  }
  const out = HALF[key] !== undefined ? HALF[key]! + VIRAMA : (FULL[key] ?? CONJUNCT[key] ?? SIGN[key] ?? PUNCT[key]);
  return out === undefined ? null : before + out;
}
