/** Character classes of Devanagari that both typing engines need. */
export const VIRAMA = '\u094D';
export const NUKTA = '\u093C';

/** क … ह and the precomposed nukta letters क़ … य़. */
export function isConsonant(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095f);
}

/** Signs written after a consonant: matras ा … ौ, ॅ ॉ, ं ँ ः and the nukta. */
export function isSign(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x093e && c <= 0x094c) || c === 0x0901 || c === 0x0902 || c === 0x0903 || c === 0x093c || c === 0x0962 || c === 0x0963;
}

/**
 * Where the last syllable of `text` starts: its consonant cluster (C्C्…C) and the signs after it.
 * Returns -1 when the text does not end in a consonant syllable.
 */
export function lastSyllableStart(text: string): number {
  let i = text.length;
  while (i > 0 && isSign(text[i - 1])) i--;
  if (!isConsonant(text[i - 1])) return -1;
  i--;
  while (i >= 2 && text[i - 1] === VIRAMA && (isConsonant(text[i - 2]) || (text[i - 2] === NUKTA && isConsonant(text[i - 3])))) {
    i -= text[i - 2] === NUKTA ? 3 : 2;
  }
  return i;
}

/** Where the signs after the last consonant begin (the end of its cluster), or -1. */
export function afterLastConsonant(text: string): number {
  let i = text.length;
  while (i > 0 && isSign(text[i - 1]) && text[i - 1] !== NUKTA) i--;
  if (text[i - 1] === NUKTA) return i;
  return isConsonant(text[i - 1]) ? i : -1;
}
