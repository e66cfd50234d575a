import { describe, expect, it } from 'vitest';
import { isWellFormedDevanagari, krutiDevToUnicode, looksLikeKrutiDev } from '../../../renderer/src/domain/text/krutidev';

/** Words as a Kruti Dev 010 keyboard types them, and what they are: names, villages, police terms. */
const KNOWN: [string, string, string][] = [
  // names
  ["jes'k dqekj lkgw", 'रमेश कुमार साहू', 'the issue’s example'],
  ['lquhrk', 'सुनीता', 'matras ु ी ा'],
  ['xhrk nsoh', 'गीता देवी', 'े ी'],
  ["';ke yky", 'श्याम लाल', "half श (') before य"],
  ["fd'kksj", 'किशोर', 'short i before its consonant, ो'],
  ['pkSgku', 'चौहान', 'ौ on च'],
  ["dkS'ky", 'कौशल', 'ौ'],
  ['vafdr', 'अंकित', 'अ, anusvara, short i'],
  ["bZ'oj", 'ईश्वर', 'ई, half श'],
  ['Å"kk', 'ऊषा', 'ऊ, ष'],
  ['_f"k', 'ऋषि', 'ऋ, short i on ष'],
  ["'kekZ", 'शर्मा', 'reph over म with ा after'],
  ['oekZ', 'वर्मा', 'reph'],
  ['feJk', 'मिश्रा', 'श्र ligature'],
  ['Ñ".k', 'कृष्ण', 'कृ ligature, half ष, ण'],
  ['lR;', 'सत्य', 'half त'],
  ['/kzqo', 'ध्रुव', 'ध with ्र and ु'],
  ['Bkdqj', 'ठाकुर', 'ठ'],
  ['>k', 'झा', 'झ'],
  // villages, places
  ['fcykliqj', 'बिलासपुर', 'district'],
  ['NÙkhlx<+', 'छत्तीसगढ़', 'त्त ligature, ढ़ with nukta'],
  ['dksVk', 'कोटा', 'ो ट'],
  ['csyrjk', 'बेलतरा', 'village'],
  ['ldjh', 'सकरी', 'village'],
  ['djxhdyk', 'करगीकला', 'village'],
  ['jruiqj', 'रतनपुर', 'village'],
  ['xzke', 'ग्राम', 'ग्र'],
  ['eksgYyk', 'मोहल्ला', 'half ल'],
  // police and roster terms
  ['Fkkuk izHkkjh', 'थाना प्रभारी', 'प्र typed as i + z'],
  ['gLrk{kj', 'हस्ताक्षर', 'half स, क्ष'],
  ['vkj{kd', 'आरक्षक', 'आ, क्ष'],
  ['fujh{kd', 'निरीक्षक', 'short i at the start'],
  ['mi fujh{kd', 'उप निरीक्षक', 'उ'],
  ["izf'k{k.k", 'प्रशिक्षण', 'short i on श inside a word'],
  ['{ks=', 'क्षेत्र', 'क्ष े, त्र'],
  ['fLFkfr', 'स्थिति', 'short i before a conjunct goes after it'],
  ['fo|kFkhZ', 'विद्यार्थी', 'द्य, reph over थी'],
  ['dk;Z', 'कार्य', 'reph over य'],
  ['vkpk;Z', 'आचार्य', 'reph'],
  [',s\'o;kZ', 'ऐश्वर्या', 'ऐ, reph over या'],
  ['fnukad', 'दिनांक', 'date heading'],
  ['ftyk', 'जिला', 'district heading'],
  ['iq#"k', 'पुरुष', 'रु glyph'],
  ['efgyk', 'महिला', 'short i on ह'],
  ['lkbcj ferku', 'साइबर मितान', 'इ'],
  ['fganh', 'हिंदी', 'short i then anusvara'],
  ['lgefr', 'सहमति', 'consent'],
  ['lfØ;', 'सक्रिय', 'क्र ligature with short i'],
];

describe('Kruti Dev 010 to Unicode', () => {
  it.each(KNOWN)('%s → %s (%s)', (kruti, unicode) => {
    expect(krutiDevToUnicode(kruti)).toBe(unicode.normalize('NFC'));
  });

  it('leaves digits, Unicode Hindi and spacing alone', () => {
    expect(krutiDevToUnicode('98261 00001')).toBe('98261 00001');
    expect(krutiDevToUnicode('रमेश')).toBe('रमेश');
  });

  it('recognises Kruti Dev text, and not English or Hindi written in Latin letters', () => {
    for (const [kruti] of KNOWN.filter(([k]) => k.replace(/\s/g, '').length >= 3)) expect(looksLikeKrutiDev(kruti), kruti).toBe(true);
    for (const plain of ['Ramesh Kumar Sahu', 'Sunita Sahu', 'Active', 'Student', 'Beltara', 'Sakri', 'Volunteer', 'Ward No. 5', 'Kota', 'Mohan Das', 'Thana Prabhari', 'हस्ताक्षर', 'yes', 'no'])
      expect(looksLikeKrutiDev(plain), plain).toBe(false);
  });

  it('checks that Devanagari is made of whole syllables', () => {
    expect(isWellFormedDevanagari('रमेश कुमार')).toBe(true);
    expect(isWellFormedDevanagari('ेरम')).toBe(false);
    expect(isWellFormedDevanagari('रम्')).toBe(false);
  });
});
