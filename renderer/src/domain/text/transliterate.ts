/**
 * Place names across scripts: "Sakri" and "सकरी", "Kargi Kala" and "करगीकला" reduce to the same
 * sound key. Devanagari goes to Latin through Sanscript (IAST); both are then folded the way
 * Hindi names are spelt in Latin letters (no long vowels, no aspiration, no inherent "a").
 * A key match is only a suggestion: the writer confirms it before it is used.
 */
import Sanscript from '@indic-transliteration/sanscript';

const DEVANAGARI = /[\u0900-\u097F]/;

/** Devanagari as plain Latin letters ("सकरी" → "sakari"); other text unchanged. */
export function toLatin(text: string): string {
  const t = text.normalize('NFC');
  return DEVANAGARI.test(t) ? Sanscript.t(t, 'devanagari', 'iast') : t;
}

/**
 * The sound key of a name in either script. Hindi-in-Latin spellings differ in vowel length
 * (aa/ee/oo), aspiration (kh, th), w/v, sh/s, and mostly in the inherent "a" that Hindi drops
 * ("Sakri" for sa-ka-rī): so long vowels become short, "h" after a consonant goes, and every "a"
 * after the first letter goes.
 */
export function soundKey(text: string): string {
  let s = toLatin(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  s = s
    .replace(/aa/g, 'a')
    .replace(/ee|ii/g, 'i')
    .replace(/oo|uu/g, 'u')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    .replace(/q/g, 'k')
    .replace(/([bcdfgjkpt])h/g, '$1')
    .replace(/y/g, 'i')
    .replace(/m(?=[^aeiou0-9])/g, 'n');
  const first = s.slice(0, 1);
  const rest = s
    .slice(1)
    .replace(/a/g, '')
    .replace(/([^aeiou])\1+/g, '$1')
    .replace(/([aeiou])\1+/g, '$1');
  return first + rest;
}
