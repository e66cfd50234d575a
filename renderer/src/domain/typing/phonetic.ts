/**
 * Phonetic Hindi typing: Latin letters as Hindi sounds them, turned into Devanagari word by word
 * ("ramesh" → रमेश, "kumaar" → कुमार, "shrii" → श्री). Case matters, as in ITRANS: T ट / t त,
 * D ड / d द, N ण, Sh ष, R ड़, Rh ढ़, RRi ऋ; aa/A आ, ii/ee/I ई, uu/oo/U ऊ, ai ऐ, au औ, O ऑ;
 * M anusvara (ं), ~ chandrabindu (ँ), H visarga (ः), _ an explicit halant, | पूर्ण विराम (।).
 * Two consonants in a row join (tr → त्र, rk → र्क, ksh/x → क्ष, gy → ज्ञ); a final consonant keeps
 * its inherent a (ramesh → रमेश, not रमेश्).
 */
import { NUKTA, VIRAMA } from './devanagari';

type Token = { kind: 'cons' | 'vowel' | 'sign' | 'halant'; text: string; matra?: string };

const CONSONANTS: [string, string][] = [
  ['ksh', 'क्ष'], ['kSh', 'क्ष'], ['jny', 'ज्ञ'], ['GY', 'ज्ञ'], ['gy', 'ज्ञ'], ['chh', 'छ'], ['shh', 'ष'],
  ['kh', 'ख'], ['gh', 'घ'], ['ch', 'च'], ['Ch', 'छ'], ['jh', 'झ'], ['Th', 'ठ'], ['Dh', 'ढ'], ['th', 'थ'], ['dh', 'ध'],
  ['ph', 'फ'], ['bh', 'भ'], ['sh', 'श'], ['Sh', 'ष'], ['Rh', `ढ${NUKTA}`],
  ['k', 'क'], ['g', 'ग'], ['c', 'च'], ['j', 'ज'], ['T', 'ट'], ['D', 'ड'], ['N', 'ण'], ['t', 'त'], ['d', 'द'], ['n', 'न'],
  ['p', 'प'], ['b', 'ब'], ['m', 'म'], ['y', 'य'], ['r', 'र'], ['l', 'ल'], ['v', 'व'], ['w', 'व'], ['s', 'स'], ['h', 'ह'],
  ['x', 'क्ष'], ['z', `ज${NUKTA}`], ['f', `फ${NUKTA}`], ['q', `क${NUKTA}`], ['K', `ख${NUKTA}`], ['G', `ग${NUKTA}`],
  ['R', `ड${NUKTA}`], ['L', 'ळ'],
];
/** [latin, independent vowel, matra] */
const VOWELS: [string, string, string][] = [
  ['RRi', 'ऋ', 'ृ'], ['aa', 'आ', 'ा'], ['ai', 'ऐ', 'ै'], ['au', 'औ', 'ौ'], ['ii', 'ई', 'ी'], ['ee', 'ई', 'ी'],
  ['uu', 'ऊ', 'ू'], ['oo', 'ऊ', 'ू'], ['A', 'आ', 'ा'], ['I', 'ई', 'ी'], ['U', 'ऊ', 'ू'], ['O', 'ऑ', 'ॉ'],
  ['a', 'अ', ''], ['i', 'इ', 'ि'], ['u', 'उ', 'ु'], ['e', 'ए', 'े'], ['o', 'ओ', 'ो'],
];
const SIGNS: [string, string][] = [['M', 'ं'], ['~', 'ँ'], ['H', 'ः']];

/** Longest Latin spelling first, so 'ksh' wins over 'k' and 'aa' over 'a'. */
const TABLE: [string, Token][] = (
  [
    ...VOWELS.map(([l, text, matra]): [string, Token] => [l, { kind: 'vowel', text, matra }]),
    ...CONSONANTS.map(([l, text]): [string, Token] => [l, { kind: 'cons', text }]),
    ...SIGNS.map(([l, text]): [string, Token] => [l, { kind: 'sign', text }]),
    ['_', { kind: 'halant', text: VIRAMA }],
  ] as [string, Token][]
).sort((a, b) => b[0].length - a[0].length);

/** Characters the phonetic scheme reads as part of a word (everything else ends the word). */
export function isPhoneticKey(key: string): boolean {
  return key.length === 1 && /[A-Za-z~_]/.test(key);
}

/** One word of phonetic Latin → Devanagari. Characters outside the scheme pass through. */
export function phoneticWord(latin: string): string {
  let out = '';
  let afterConsonant = false;
  for (let i = 0; i < latin.length; ) {
    const hit = TABLE.find(([l]) => latin.startsWith(l, i));
    if (!hit) {
      out += latin[i];
      afterConsonant = false;
      i++;
      continue;
    }
    const [l, tok] = hit;
    i += l.length;
    if (tok.kind === 'cons') {
      if (afterConsonant) out += VIRAMA;
      out += tok.text;
      afterConsonant = true;
    } else if (tok.kind === 'vowel') {
      out += afterConsonant ? tok.matra : tok.text;
      afterConsonant = false;
    } else if (tok.kind === 'halant') {
      if (afterConsonant) out += VIRAMA;
      afterConsonant = false;
    } else {
      out += tok.text;
      afterConsonant = false;
    }
  }
  return out;
}

export interface PhoneticState {
  /** The Latin keys of the word being typed, and the Devanagari now standing for them. */
  latin: string;
  shown: string;
}

export function createPhoneticState(): PhoneticState {
  return { latin: '', shown: '' };
}

/**
 * The text before the caret after one key; null to let the key through (it also ends the word).
 * Backspace inside a word takes back one Latin key ("rames" ⌫ → "rame").
 */
export function phoneticKey(state: PhoneticState, before: string, key: string): string | null {
  const inWord = state.latin !== '' && before.endsWith(state.shown);
  if (key === 'Backspace') {
    if (!inWord) {
      state.latin = state.shown = '';
      return null;
    }
    const base = before.slice(0, before.length - state.shown.length);
    state.latin = state.latin.slice(0, -1);
    state.shown = phoneticWord(state.latin);
    return base + state.shown;
  }
  if (key === '|') {
    state.latin = state.shown = '';
    return before.endsWith('।') ? `${before.slice(0, -1)}॥` : `${before}।`;
  }
  if (!isPhoneticKey(key)) {
    state.latin = state.shown = '';
    return null;
  }
  const base = inWord ? before.slice(0, before.length - state.shown.length) : before;
  state.latin = inWord ? state.latin + key : key;
  state.shown = phoneticWord(state.latin);
  return base + state.shown;
}
