/**
 * Hindi typed in the legacy font Chanakya (the newspaper and office font of MP and Chhattisgarh):
 * Latin-1 and Windows-1252 characters that the font draws as Devanagari. Opened without the font,
 * "रमेश कुमार साहू" reads "ÚU×ðàæ ·¤é×æÚU âæãê". This turns such text into Unicode, and tells
 * whether a text looks like it.
 *
 * The table holds only glyphs that at least two independent published maps read the same way
 * (README of this folder: the maps, where they disagree, and what is left out). "U" and "¤" are
 * spacing glyphs drawn after a letter and carry no text. "ç" (ि) is typed before its cluster and
 * "ü" (र्) after its syllable, as in Kruti Dev; "¨" is ि with a dot, "í" / "ì" are ि / िं with a
 * reph, "Z" is a reph with a dot.
 */
import { isWellFormedDevanagari, legacyFont, legacyToUnicode } from './legacyFont';

/** Half letters: followed by the ा stroke "æ" they are the full letter (all three maps). */
const HALF: [string, string][] = [
  ['€', 'क्'], ['\u0081', 'ख्'], ['‚', 'ग्'], ['ƒ', 'घ्'], ['‘', 'च्'], ['“', 'च्च्'], ['…', 'ज्'], ['’', 'ज्'], ['”', 'ज्ज्'],
  ['™', 'ज्ञ्'], ['•', 'ज़्'], ['Ê', 'ज़्'], ['Û', 'झ्'], ['†', 'ञ्'], ['‡', 'ण्'], ['ˆ', 'त्'], ['ž', 'त्त्'], ['˜', 'त्र्'],
  ['‰', 'थ्'], ['Š', 'ध्'], ['‹', 'न्'], ['ó', 'न्न्'], ['Œ', 'प्'], ['\u008D', 'फ्'], ['Ž', 'ब्'], ['\u008F', 'भ्'], ['\u0090', 'म्'],
  ['Ä', 'य्'], ['Ë', 'ल्'], ['Ã', 'व्'], ['³', 'श्'], ['à', 'श्'], ['Ÿ', 'श्र्'], ['c', 'ष्'], ['S', 'स्'], ['±', 'ह्'], ['ÿ', 'क्ष्'],
];

const GLYPHS: [string, string][] = [
  // independent vowels
  ['¥', 'अ'], ['¥æ', 'आ'], ['¥æò', 'ऑ'], ['¥æð', 'ओ'], ['¥ô', 'ओ'], ['¥æñ', 'औ'], ['¥õ', 'औ'], ['§', 'इ'], ['§ü', 'ई'], ['§Z', 'ईं'],
  ['©', 'उ'], ['ª', 'ऊ'], ['«', 'ऋ'], ['¬', 'ॠ'], ['°', 'ए'], ['°ð', 'ऐ'],
  // full letters
  ['·', 'क'], ['¹', 'ख'], ['»', 'ग'], ['¾', 'ङ'], ['¿', 'च'], ['À', 'छ'], ['Á', 'ज'], ['Å', 'ट'], ['Æ', 'ठ'], ['Ç', 'ड'], ['É', 'ढ'],
  ['Ì', 'त'], ['Í', 'थ'], ['Î', 'द'], ['¼', 'द'], ['Ï', 'ध'], ['Ù', 'न'], ['Â', 'प'], ['È', 'फ'], ['Õ', 'ब'], ['Ö', 'भ'], ['×', 'म'],
  ['Ø', 'य'], ['Ú', 'र'], ['Ü', 'ल'], ['¶', 'ल'], ['Ý', 'ळ'], ['ß', 'व'], ['o', 'श'], ['á', 'ष'], ['â', 'स'], ['ã', 'ह'],
  ...HALF,
  ...HALF.map(([glyph, half]): [string, string] => [`${glyph}æ`, half.slice(0, -1)]),
  // conjuncts drawn as one glyph
  ['P', 'क्क'], ['B', 'क्च'], ['`', 'क्व'], ['Q', 'क्त'], ['¯', 'ख्न'], ['º', 'ख्र'], ['V', 'ङ्क'], ['W', 'ङ्ख'], ['–', 'ङ्क्त'],
  ['X', 'ङ्ग'], ['Y', 'ङ्घ'], ['J', 'छ्व'], ['\\', 'झ्र'], ['@', 'ञ्च'], ['T', 'ञ्ज'], ['^', 'ट्ट'], ['_', 'ट्ठ'], ['n', 'ठ्ठ'],
  ['½', 'ड्ट'], ['a', 'ड्ड'], ['b', 'ड्ढ'], ['I', 'ढ्ढ'], ['G', 'त्र'], ['%', 'त्न'], ['e', 'द्ग'], ['f', 'द्घ'], ['g', 'द्द'],
  ['h', 'द्ध'], ['i', 'द्ब'], ['µ', 'द्ब्र'], ['j', 'द्भ'], ['k', 'द्म'], ['l', 'द्य'], ['m', 'द्व'], ['#', 'प्त'], ['„', 'ल्ल'],
  ['p', 'श्च'], ['E', 'श्व'], ['C', 'ष्ट'], ['¦', 'ष्ट्व'], ['D', 'ष्ठ'], ['d', 'स्र'], ['F', 'स्न'], ['ö', 'ह्ण'], ['q', 'ह्न'],
  ['r', 'ह्म'], ['s', 'ह्य'], ['O', 'ह्र'], ['t', 'ह्ल'], ['u', 'ह्व'], ['L', 'रु'], ['M', 'रू'], ['N', 'हृ'],
  // signs
  ['æ', 'ा'], ['è', 'ी'], ['ä', 'ु'], ['é', 'ु'], ['å', 'ू'], ['ê', 'ू'], ['ë', 'ृ'], ['ð', 'े'], ['Ô', 'े'], ['ñ', 'ै'], ['ò', 'ॅ'],
  ['ô', 'ो'], ['õ', 'ौ'], ['¢', 'ं'], ['´', 'ं'], ['¡', 'ँ'], ['÷', '्'], ['¸', '़'], ['K', '्य'], ['A', '्र'], ['ý', '्र'], ['þ', '्र'],
  // spacing glyphs drawn after a letter, and the ones Padma calls redundant
  ['U', ''], ['¤', ''], ['ï', ''],
  // punctuation and digits (v–~ and ® are the font's Latin-shaped digits; 0–9 stay digits)
  ['Ð', '।'], ['H', '॥'], ['ù', 'ऽ'], ['ú', 'ॐ'], ['ø', '॰'], ['Ñ', ':'], ["'", '%'], ['Ò', "'"], ['Ó', "'"],
  ['®', '0'], ['v', '1'], ['w', '2'], ['x', '3'], ['y', '4'], ['z', '5'], ['{', '6'], ['|', '7'], ['}', '8'], ['~', '9'],
];

/** Windows-1252 characters as a PDF or a Latin-1 reader may hand them over (U+0080–U+009F). */
const C1_AS_CP1252: Record<string, string> = {
  '\u0080': '€', '\u0082': '‚', '\u0083': 'ƒ', '\u0084': '„', '\u0085': '…', '\u0086': '†', '\u0087': '‡', '\u0088': 'ˆ', '\u0089': '‰',
  '\u008A': 'Š', '\u008B': '‹', '\u008C': 'Œ', '\u008E': 'Ž', '\u0091': '‘', '\u0092': '’', '\u0093': '“', '\u0094': '”', '\u0095': '•',
  '\u0096': '–', '\u0097': '—', '\u0098': '˜', '\u0099': '™', '\u009A': 'š', '\u009B': '›', '\u009C': 'œ', '\u009E': 'ž', '\u009F': 'Ÿ',
};

const CHANAKYA = legacyFont({
  glyphs: GLYPHS,
  before: { 'ç': { sign: 'ि' }, '¨': { sign: 'िं' }, 'í': { sign: 'ि', reph: true }, 'ì': { sign: 'िं', reph: true } },
  after: { 'ü': '', Z: 'ं' },
  nukta: '¸',
  prepare: (text) => text.replace(/[\u0080-\u009F]/g, (c) => C1_AS_CP1252[c] ?? c),
});

/** Chanakya text as Unicode Devanagari. Text without its glyphs passes unchanged. */
export function chanakyaToUnicode(text: string): string {
  return legacyToUnicode(CHANAKYA, text);
}

/** Characters only a legacy font puts in Hindi text: Latin-1 and Windows-1252 letters and signs. */
const HIGH = /[\u0080-\u00FF\u0152-\u2122]/g;

/**
 * Whether a text is most likely Chanakya: most of its characters are the font's Latin-1 glyphs
 * (English, Hindi in Latin letters and Kruti Dev are mostly ASCII) and it reads as well-formed
 * Devanagari with nothing left over.
 */
export function looksLikeChanakya(text: string): boolean {
  const t = text.trim();
  if (!t || /[\u0900-\u097F]/.test(t) || /@|https?:/.test(t)) return false;
  const chars = Array.from(t.replace(/[\s\d.,\-/()]/g, ''));
  const high = (t.match(HIGH) ?? []).length;
  if (high < 2 || high < chars.length * 0.6) return false;
  return isWellFormedDevanagari(chanakyaToUnicode(t));
}
