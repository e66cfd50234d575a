/**
 * Hindi typed in a legacy font: characters that the font draws as Devanagari glyphs. Each font
 * (Kruti Dev 010 in `krutidev.ts`, Chanakya in `chanakya.ts`) is a glyph table plus the glyphs
 * it types out of Unicode order; this reads any of them into Unicode the same way.
 *
 * The fonts store glyphs in visual order: the short-i sign ि comes BEFORE the consonant cluster
 * it follows in speech, and the reph र् comes AFTER the syllable it sits on. Glyphs are read
 * longest-first, then those signs are moved to their Unicode places.
 */

export interface LegacyFontSpec {
  /** Glyph sequences and their Unicode text; a longer sequence wins over its prefixes. */
  glyphs: [string, string][];
  /** Signs typed before the cluster they follow (ि, िं), some with a reph on that cluster. */
  before: Record<string, { sign: string; reph?: boolean }>;
  /** Reph glyphs typed after their syllable, with the sign drawn in the same glyph ('' or ं). */
  after: Record<string, string>;
  /** The nukta glyph typed after its letter (a short i waits for it). */
  nukta: string;
  /** Clean-up of the text before its glyphs are read. */
  prepare?: (text: string) => string;
}

export interface LegacyFont extends LegacyFontSpec {
  table: Map<string, string>;
  longest: number;
}

export function legacyFont(spec: LegacyFontSpec): LegacyFont {
  return { ...spec, table: new Map(spec.glyphs), longest: Math.max(...spec.glyphs.map(([k]) => k.length)) };
}

const HALANT = '्';
const REPH = 'र्';
const isConsonant = (ch: string) => /^[\u0915-\u0939\u0958-\u095F]$/.test(ch);
/** Vowel signs and the marks that sit on a syllable (all stay after the reph's cluster). */
const isSign = (ch: string) => /^[\u093A-\u094C\u094E\u094F\u0955-\u0957\u0962\u0963\u0900-\u0903\u093C]$/.test(ch);
const isHalfOnly = (s: string) => s.endsWith(HALANT) && s !== HALANT;
const startsWithConsonant = (s: string) => isConsonant(s[0] ?? '');
function endsWithFullConsonant(s: string): boolean {
  const last = s[s.length - 1] ?? '';
  return isConsonant(last) || (last === '़' && isConsonant(s[s.length - 2] ?? ''));
}

/** Where the syllable written last starts in `out`: its cluster, ahead of its signs. */
function syllableStart(out: string[]): number {
  let at = out.length;
  while (at > 0 && [...out[at - 1]!].every(isSign)) at--;
  if (at > 0 && startsWithConsonant(out[at - 1]!)) {
    at--;
    while (at > 0 && isHalfOnly(out[at - 1]!)) at--;
  }
  return at;
}

/** Text in the font as Unicode Devanagari. Characters that are not glyphs of the font pass unchanged. */
export function legacyToUnicode(font: LegacyFont, input: string): string {
  const text = font.prepare ? font.prepare(input) : input;
  const out: string[] = [];
  // A sign typed before its cluster, waiting for the cluster's full letter.
  let pending = null as LegacyFontSpec['before'][string] | null;
  const attach = (sign: LegacyFontSpec['before'][string]) => {
    if (sign.reph) out.splice(syllableStart(out), 0, REPH);
    out.push(sign.sign);
    pending = null;
  };
  for (let i = 0; i < text.length; ) {
    let glyph = '';
    let unicode: string | undefined;
    for (let len = Math.min(font.longest, text.length - i); len > 0; len--) {
      const hit = font.table.get(text.slice(i, i + len));
      if (hit !== undefined) {
        glyph = text.slice(i, i + len);
        unicode = hit;
        break;
      }
    }
    const ch = text[i]!;
    if (glyph.length <= 1 && font.before[ch]) {
      pending = font.before[ch]!;
      i++;
      continue;
    }
    if (glyph.length <= 1 && font.after[ch] !== undefined) {
      out.splice(syllableStart(out), 0, REPH);
      if (font.after[ch]) out.push(font.after[ch]!);
      i++;
      continue;
    }
    if (unicode === undefined) {
      glyph = ch;
      unicode = ch;
    }
    i += glyph.length;
    if (unicode) out.push(unicode);
    // The short i follows the first full consonant after it (half letters and a nukta come first).
    if (pending && endsWithFullConsonant(unicode) && !text.startsWith(font.nukta, i)) attach(pending);
    else if (pending && unicode === '़') attach(pending);
  }
  if (pending) out.push(pending.sign);
  return tidy(out.join(''));
}

const VOWEL_SIGNS = '\u093E-\u094C\u0945\u0949';

/** Signs the fonts let a writer type in another order, put in Unicode's order. */
function tidy(text: string): string {
  return (
    text
      // a half letter followed by the ा stroke is the full letter
      .replace(/्ा/g, '')
      // ा with े / ै / ॅ drawn on it is ो / ौ / ॉ
      .replace(/ाे|ेा/g, 'ो')
      .replace(/ाै|ैा/g, 'ौ')
      .replace(/ाॅ|ॅा/g, 'ॉ')
      // the nukta belongs to the letter, the dot and the moon to the end of the syllable
      .replace(new RegExp(`([${VOWEL_SIGNS}]+)़`, 'g'), '़$1')
      .replace(new RegExp(`([ंँ])([${VOWEL_SIGNS}]+)`, 'g'), '$2$1')
      .normalize('NFC')
  );
}

const SYLLABLE = '(?:[\\u0915-\\u0939\\u0958-\\u095F]\\u093C?(?:\\u094D[\\u0915-\\u0939\\u0958-\\u095F]\\u093C?)*[\\u093E-\\u094C\\u0945\\u0949\\u0962\\u0963]?[\\u0900-\\u0903]?|[\\u0904-\\u0914\\u0960\\u0961][\\u0900-\\u0903]?)';
const WELL_FORMED_WORD = new RegExp(`^${SYLLABLE}+$`);

/** Devanagari text whose every word is made of whole syllables (no sign without a letter, no dangling half letter). */
export function isWellFormedDevanagari(text: string): boolean {
  const words = text.split(/[\s.,()\-/।:]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^[0-9०-९]+$/.test(w) || WELL_FORMED_WORD.test(w));
}

/** Text with no Devanagari that a legacy font could have drawn (Latin letters, Latin-1 or Windows-1252 signs). */
export function mayBeLegacy(text: string): boolean {
  return !/[\u0900-\u097F]/.test(text) && /[A-Za-z\u00A1-\u00FF\u0152-\u2122]/.test(text);
}
