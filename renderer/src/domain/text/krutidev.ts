/**
 * Hindi typed in the legacy font Kruti Dev 010 (and DevLys 010, which uses the same keyboard map):
 * Latin letters that the font draws as Devanagari. Opened without the font, "रमेश कुमार साहू" reads
 * "jes'k dqekj lkgw". This turns such text into Unicode, and tells whether a text looks like it.
 *
 * The short-i sign ि is typed "f" before its cluster and the reph र् "Z" after its syllable; the
 * reading itself is the one of every legacy font (`legacyFont.ts`).
 */
import { isWellFormedDevanagari, legacyFont, legacyToUnicode } from './legacyFont';

export { isWellFormedDevanagari };

/** Kruti Dev glyph sequences and their Unicode text. Longer sequences win over their prefixes. */
const GLYPHS: [string, string][] = [
  // digits and punctuation the font redraws
  ['å', '०'], ['ƒ', '१'], ['„', '२'], ['…', '३'], ['†', '४'], ['‡', '५'], ['ˆ', '६'], ['‰', '७'], ['Š', '८'], ['‹', '९'],
  ['A', '।'], ['ñ', '॰'], ['^', '‘'], ['*', '’'], ['Þ', '“'], ['ß', '”'], ['¼', '('], ['½', ')'], ['¿', '{'], ['À', '}'],
  ['¾', '='], ['-', '.'], ['&', '-'], ['\\', '?'], ['Œ', '॰'], [']', ','], ['@', '/'], ['·', 'ऽ'], ['•', 'ऽ'],
  // nukta letters
  ['¶+', 'फ़्'], ['d+', 'क़'], ['[+k', 'ख़'], ['[+', 'ख़्'], ['x+', 'ग़'], ['T+', 'ज़्'], ['t+', 'ज़'], ['M+', 'ड़'], ['<+', 'ढ़'],
  ['Q+', 'फ़'], [';+', 'य़'], ['j+', 'ऱ'], ['u+', 'ऩ'],
  // ligatures and conjuncts drawn as one glyph
  ['Ùk', 'त्त'], ['Ù', 'त्त्'], ['Dr', 'क्त'], ['–', 'दृ'], ['—', 'कृ'], ['Ñ', 'कृ'], ['é', 'न्न'], ['™', 'न्न्'],
  ['à', 'ह्न'], ['á', 'ह्य'], ['â', 'हृ'], ['ã', 'ह्म'], ['ºz', 'ह्र'], ['º', 'ह्'], ['í', 'द्द'], ['{k', 'क्ष'], ['{', 'क्ष्'],
  ['=kk', 'त्रा'], ['=', 'त्र'], ['«', 'त्र्'], ['Nî', 'छ्य'], ['Vî', 'ट्य'], ['Bî', 'ठ्य'], ['Mî', 'ड्य'], ['<î', 'ढ्य'], ['|', 'द्य'],
  ['K', 'ज्ञ'], ['}', 'द्व'], ['J', 'श्र'], ['Vª', 'ट्र'], ['Mª', 'ड्र'], ['<ªª', 'ढ्र'], ['Nª', 'छ्र'], ['Ø', 'क्र'], ['Ý', 'फ्र'],
  ['nzZ', 'र्द्र'], ['æ', 'द्र'], ['ç', 'प्र'], ['Á', 'प्र'], ['xz', 'ग्र'], ['#', 'रु'], [':', 'रू'], ['Ì', 'द्द'], ['Í', 'ट्ट'],
  ['Î', 'ट्ठ'], ['Ï', 'ड्ड'], ['Ò', 'भ'], ['Ó', '्य'], ['Ô', 'ड्ढ'], ['Ö', 'झ्'], ['Ük', 'श'], ['Ü', 'श्'], [')Z', 'र्द्ध'],
  // independent vowels
  ['v‚', 'ऑ'], ['vks', 'ओ'], ['vkS', 'औ'], ['vk', 'आ'], ['v', 'अ'], ['b±', 'ईं'], ['Ã', 'ई'], ['bZ', 'ई'], ['b', 'इ'], ['m', 'उ'],
  ['Å', 'ऊ'], [',s', 'ऐ'], [',', 'ए'], ['_', 'ऋ'],
  // consonants: a glyph with "k" (the ा stroke) is the full letter, without it the half letter
  ['ô', 'क्क'], ['d', 'क'], ['Dk', 'क'], ['D', 'क्'], ['[k', 'ख'], ['[', 'ख्'], ['x', 'ग'], ['Xk', 'ग'], ['X', 'ग्'], ['Ä', 'घ'],
  ['?k', 'घ'], ['?', 'घ्'], ['³', 'ङ'], ['p', 'च'], ['Pk', 'च'], ['P', 'च्'], ['N', 'छ'], ['t', 'ज'], ['Tk', 'ज'],
  ['T', 'ज्'], ['>', 'झ'], ['÷', 'झ्'], ['¥', 'ञ'], ['ê', 'ट्ट'], ['ë', 'ट्ठ'], ['V', 'ट'], ['B', 'ठ'], ['ì', 'ड्ड'], ['ï', 'ड्ढ'],
  ['M', 'ड'], ['<', 'ढ'], ['.k', 'ण'], ['.', 'ण्'], ['r', 'त'], ['Rk', 'त'], ['R', 'त्'], ['Fk', 'थ'], ['F', 'थ्'], [')', 'द्ध'],
  ['n', 'द'], ['/k', 'ध'], ['èk', 'ध'], ['/', 'ध्'], ['Ë', 'ध्'], ['è', 'ध्'], ['u', 'न'], ['Uk', 'न'], ['U', 'न्'], ['i', 'प'],
  ['Ik', 'प'], ['I', 'प्'], ['Q', 'फ'], ['¶', 'फ्'], ['c', 'ब'], ['Ck', 'ब'], ['C', 'ब्'], ['Hk', 'भ'], ['H', 'भ्'], ['e', 'म'],
  ['Ek', 'म'], ['E', 'म्'], [';', 'य'], ['¸', 'य्'], ['j', 'र'], ['y', 'ल'], ['Yk', 'ल'], ['Y', 'ल्'], ['G', 'ळ'], ['o', 'व'],
  ['Ok', 'व'], ['O', 'व्'], ["'k", 'श'], ["'", 'श्'], ['"k', 'ष'], ['"', 'ष्'], ['l', 'स'], ['Lk', 'स'], ['L', 'स्'], ['g', 'ह'],
  // signs
  ['È', 'ीं'], ['z', '्र'], ['‚', 'ॉ'], ['ks', 'ो'], ['kS', 'ौ'], ['k', 'ा'], ['h', 'ी'], ['q', 'ु'], ['w', 'ू'], ['`', 'ृ'],
  ['s', 'े'], ['S', 'ै'], ['a', 'ं'], ['¡', 'ँ'], ['%', 'ः'], ['W', 'ॅ'], ['~', '्'], ['+', '़'],
];

const KRUTI_DEV = legacyFont({ glyphs: GLYPHS, before: { f: { sign: 'ि' } }, after: { Z: '' }, nukta: '+' });

/** Kruti Dev (or DevLys) text as Unicode Devanagari. Text without legacy glyphs passes unchanged. */
export function krutiDevToUnicode(text: string): string {
  return legacyToUnicode(KRUTI_DEV, text);
}

/** Marks only Kruti Dev writes (Latin-1 glyphs, the reph, the short i before a letter, the ा stroke after one). */
const KRUTI_MARKS = /[ÅÃ¥÷ØÝæçÁ{}|«ÙÑ]|(?:^|\s|[a-zA-Z])[;'"[<>/]+[a-zA-Z]|[a-zA-Z'"]Z\b|(?:^|\s)f[a-zA-Z'"[{]|[a-z]f[dxpjyuneglcrFHVBMLoØ'"[{;]|[dxpjyunteligcrFHVBMo'"]k(?:[^a-zA-Z]|$)|[dxprtljyuneiog]q|[a-zA-Z]kk|ks\b|kS|[a-z]ku\b|[a-zA-Z];|\b[b-df-hj-np-tv-z]{3,}\b|[b-df-hj-np-tv-y]z/i;

/**
 * Whether a Latin-letter text is most likely Kruti Dev: it converts to well-formed Devanagari and
 * carries the font's own patterns ("dqekj", "lkgw", "'kekZ"). Plain English or Hindi written in
 * Latin letters ("Ramesh Kumar", "Active") fails one of the two.
 */
export function looksLikeKrutiDev(text: string): boolean {
  const t = text.trim();
  if (!t || /[\u0900-\u097F]/.test(t) || !/[a-zA-Z]/.test(t) || /\d{3,}|@|https?:/.test(t)) return false;
  const chars = Array.from(t.replace(/\s/g, ''));
  if (chars.length < 3) return false;
  // Kruti Dev is mostly ASCII; text mostly of Latin-1 glyphs is Chanakya's.
  if (chars.filter((c) => c > '\u007F').length * 2 > chars.length) return false;
  return KRUTI_MARKS.test(t) && isWellFormedDevanagari(krutiDevToUnicode(t));
}
