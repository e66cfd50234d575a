/**
 * Hindi typed in the legacy font Kruti Dev 010 (and DevLys 010, which uses the same keyboard map):
 * Latin letters that the font draws as Devanagari. Opened without the font, "रमेश कुमार साहू" reads
 * "jes'k dqekj lkgw". This turns such text into Unicode, and tells whether a text looks like it.
 *
 * The font stores glyphs in visual order: the short-i sign ि (typed "f") comes BEFORE the consonant
 * cluster it follows in speech, and the reph र् (typed "Z") comes AFTER the syllable it sits on.
 * The converter reads glyphs longest-first, then moves those two to their Unicode places.
 */

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

const LONGEST = Math.max(...GLYPHS.map(([k]) => k.length));
const TABLE = new Map(GLYPHS);

const HALANT = '्';
const SHORT_I = 'ि';
const REPH = 'र्';
const isConsonant = (ch: string) => /^[\u0915-\u0939\u0958-\u095F]$/.test(ch);
/** Vowel signs and the marks that sit on a syllable (all stay after the reph's cluster). */
const isSign = (ch: string) => /^[\u093A-\u094C\u094E\u094F\u0955-\u0957\u0962\u0963\u0900-\u0903\u093C]$/.test(ch);

/** Kruti Dev (or DevLys) text as Unicode Devanagari. Text without legacy glyphs passes unchanged. */
export function krutiDevToUnicode(text: string): string {
  const out: string[] = [];
  let shortIPending = false;
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === 'f') {
      shortIPending = true;
      i++;
      continue;
    }
    if (ch === 'Z') {
      // Reph: before the syllable just written (its consonant cluster, ahead of its signs).
      let at = out.length;
      while (at > 0 && [...out[at - 1]!].every(isSign)) at--;
      if (at > 0 && startsWithConsonant(out[at - 1]!)) {
        at--;
        while (at > 0 && isHalfOnly(out[at - 1]!)) at--;
      }
      out.splice(at, 0, REPH);
      i++;
      continue;
    }
    let glyph = '';
    let unicode: string | undefined;
    for (let len = Math.min(LONGEST, text.length - i); len > 0; len--) {
      const piece = text.slice(i, i + len);
      const hit = TABLE.get(piece);
      if (hit !== undefined) {
        glyph = piece;
        unicode = hit;
        break;
      }
    }
    if (unicode === undefined) {
      glyph = ch;
      unicode = ch;
    }
    i += glyph.length;
    out.push(unicode);
    // The short i follows the first full consonant after it (half letters and a nukta come first).
    if (shortIPending && endsWithFullConsonant(unicode) && text[i] !== '+') {
      out.push(SHORT_I);
      shortIPending = false;
    } else if (shortIPending && unicode === '़') {
      out.push(SHORT_I);
      shortIPending = false;
    }
  }
  if (shortIPending) out.push(SHORT_I);
  return out.join('').normalize('NFC');
}

function isHalfOnly(s: string): boolean {
  return s.endsWith(HALANT) && s !== HALANT;
}
function startsWithConsonant(s: string): boolean {
  return isConsonant(s[0] ?? '');
}
function endsWithFullConsonant(s: string): boolean {
  const last = s[s.length - 1] ?? '';
  return isConsonant(last) || (last === '़' && isConsonant(s[s.length - 2] ?? ''));
}

const SYLLABLE = '(?:[\\u0915-\\u0939\\u0958-\\u095F]\\u093C?(?:\\u094D[\\u0915-\\u0939\\u0958-\\u095F]\\u093C?)*[\\u093E-\\u094C\\u0945\\u0949\\u0962\\u0963]?[\\u0900-\\u0903]?|[\\u0904-\\u0914\\u0960\\u0961][\\u0900-\\u0903]?)';
const WELL_FORMED_WORD = new RegExp(`^${SYLLABLE}+$`);

/** Devanagari text whose every word is made of whole syllables (no sign without a letter, no dangling half letter). */
export function isWellFormedDevanagari(text: string): boolean {
  const words = text.split(/[\s.,()\-/।]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^[0-9०-९]+$/.test(w) || WELL_FORMED_WORD.test(w));
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
  if (Array.from(t.replace(/\s/g, '')).length < 3) return false;
  return KRUTI_MARKS.test(t) && isWellFormedDevanagari(krutiDevToUnicode(t));
}
