import { describe, expect, it } from 'vitest';
import { chanakyaToUnicode, looksLikeChanakya } from '../../../renderer/src/domain/text/chanakya';
import { krutiDevToUnicode, looksLikeKrutiDev } from '../../../renderer/src/domain/text/krutidev';

/*
 * Known words: the Chanakya side of every pair comes from a public source, never from this
 * converter run backwards.
 *  [KX]  epicbharat/krutiextract tests/corpus_chanakya.py: a Chanakya-set PDF, each word read off
 *        the rendered page; and tests/test_conversion.py.
 *  [LF]  the Chanakya words of a legacy-font converter's test (same words in real newspaper ads
 *        and a converter's "Government Form" sample: प्रार्थी का नाम / पिता का नाम / पता).
 *  [SY]  real exam text (NCERT physics questions) extracted from a Chanakya PDF, as stored in a
 *        question-bank test; the meaning is given by the English line printed with it.
 *  [EP]  ErParmod/hindi-font-converter: its Unicode → Chanakya converter (an independent
 *        implementation) run on names, Bilaspur villages and police terms. Its reph is broken
 *        (it writes "Ê"), so words with a reph come from the other sources only.
 */
const KNOWN: [string, string, string][] = [
  // [KX] words read off rendered pages
  ['ÚUæÁSÍæÙ', 'राजस्थान', 'KX, half स'],
  ['âæ×æ‹Ø', 'सामान्य', 'KX, half न'],
  ['™ææÙ', 'ज्ञान', 'KX, ज्ञ'],
  ['·ð¤', 'के', 'KX, े before the spacing glyph'],
  ['çÜ°', 'लिए', 'KX, short i, ए'],
  ['¥æÁ', 'आज', 'KX, आ'],
  ['ãUè', 'ही', 'KX'],
  ['ÚUæßÜ', 'रावल', 'KX'],
  ['ß¢àæ', 'वंश', 'KX, anusvara, श as half + stroke'],
  ['×ãæÎðß', 'महादेव', 'KX'],
  ['çßÁØ', 'विजय', 'KX'],
  ['·¤æÜ', 'काल', 'KX'],
  ['ÖæðÁ', 'भोज', 'KX, ा + े = ो'],
  ['çÂÌæ', 'पिता', 'KX'],
  ['ÙæÍ', 'नाथ', 'KX'],
  ['×¢çÎÚU', 'मंदिर', 'KX'],
  ['çÙ×æü‡æ', 'निर्माण', 'KX, reph over मा, ण'],
  ['â¢SÍæÂ·¤', 'संस्थापक', 'KX'],
  ['©UÎØÂéÚU', 'उदयपुर', 'KX, उ'],
  ['ãUˆØæ', 'हत्या', 'KX, half त'],
  ['Ö»ßæÙ', 'भगवान', 'KX'],
  ['ÿæð˜æ', 'क्षेत्र', 'KX, क्ष, त्र'],
  ['ÂýÎðàæ', 'प्रदेश', 'KX, ्र'],
  ['ãñ', 'है', 'KX'],
  ['¥æñÚU', 'और', 'KX, औ'],
  ['â¢âæÏÙ', 'संसाधन', 'KX'],
  // [LF]
  ['ŒÚUæÍèü', 'प्रार्थी', 'LF, half प + र, reph over थी'],
  ['Ÿæè', 'श्री', 'LF, श्र'],
  ['ÜæÜ¿¢Î', 'लालचंद', 'LF, name'],
  ['Ù»ÚU', 'नगर', 'LF'],
  ['Ù§ü çÎËÜè', 'नई दिल्ली', 'LF, ई, half ल'],
  ['¥æßÔÎÙ', 'आवेदन', 'LF, the other े glyph'],
  ['ÂÌý', 'पत्र', 'LF'],
  ['×ŠØ ÂýÎðàæ', 'मध्य प्रदेश', 'LF, half ध'],
  ['Ùãè´', 'नहीं', 'LF, ी with a dot'],
  ['ÖæÚUÌèØ', 'भारतीय', 'LF'],
  ['¥»SÌ', 'अगस्त', 'LF'],
  ['·¤Ç¸æ·Ô¤', 'कड़ाके', 'LF, nukta'],
  ['ÚUæ× ·¤é×æÚU', 'राम कुमार', 'LF form sample, name'],
  ['ÚUæcÅU÷ÚUèØÌæ', 'राष्ट्रीयता', 'LF form sample, ष्ट्र typed with the halant glyph'],
  ['ŒÚU»çÌ', 'प्रगति', 'LF letter sample'],
  ['çßÙ×÷ÚU', 'विनम्र', 'LF letter sample, म्र'],
  // [SY] exam questions as extracted from the PDF (C1 controls in place of Windows-1252 glyphs)
  ['ÃØæ\x81Øæ', 'व्याख्या', 'SY, half व and ख'],
  ['¥æÎàæü', 'आदर्श', 'SY, reph'],
  ['â´ÏæçÚU\x98æ', 'संधारित्र', 'SY, त्र'],
  ['dæðÌ', 'स्रोत', 'SY, स्र'],
  ['â´ØæðçÁÌ', 'संयोजित', 'SY'],
  ['ÂýßæçãÌ', 'प्रवाहित', 'SY'],
  ['âêØæðüÎØ', 'सूर्योदय', 'SY, reph over यो'],
  ['âêØæüSÌ', 'सूर्यास्त', 'SY'],
  ['\x80Øæð´', 'क्यों', 'SY, half क'],
  ['·¤æÚU\x87æ', 'कारण', 'SY, ण'],
  ['çÜç¹°', 'लिखिए', 'SY'],
  ['çß\x9fææ´çÌ', 'विश्रांति', 'SY, श्र'],
  ['ÂçÚUÖæáæ', 'परिभाषा', 'SY'],
  // [EP] names
  ['ÚU×ðàæ ·¤é×æÚU âæãê', 'रमेश कुमार साहू', 'EP, the issue’s example'],
  ['âéÙèÌæ', 'सुनीता', 'EP'],
  ['àØæ× ÜæÜ', 'श्याम लाल', 'EP, half श'],
  ['ç·¤àæôÚU', 'किशोर', 'EP, short i on क'],
  ['¿õãæÙ', 'चौहान', 'EP, ौ'],
  ['¥´ç·¤Ì', 'अंकित', 'EP'],
  ['§üEÚU', 'ईश्वर', 'EP, श्व'],
  ['ç×Ÿææ', 'मिश्रा', 'EP'],
  ['·¤ëc‡æ', 'कृष्ण', 'EP, ृ, half ष'],
  ['ŠL¤ß', 'ध्रुव', 'EP, रु glyph after a half letter'],
  ['Ææ·¤éÚU', 'ठाकुर', 'EP'],
  ['ØæÎß', 'यादव', 'EP'],
  ['ÂÅUðÜ', 'पटेल', 'EP'],
  ['çÙáæÎ', 'निषाद', 'EP'],
  ['·¤õçàæ·¤', 'कौशिक', 'EP'],
  ['çmßðÎè', 'द्विवेदी', 'EP, short i before द्व'],
  ['«çá', 'ऋषि', 'EP, ऋ'],
  // [EP] villages and places of Bilaspur district
  ['çÕÜæâÂéÚU', 'बिलासपुर', 'EP'],
  ['Àžæèâ»É¸', 'छत्तीसगढ़', 'EP, त्त, ढ़'],
  ['·¤ôÅUæ', 'कोटा', 'EP'],
  ['ÕðÜÌÚUæ', 'बेलतरा', 'EP'],
  ['â·¤ÚUè', 'सकरी', 'EP'],
  ['·¤ÚU»è·¤Üæ', 'करगीकला', 'EP'],
  ['ÚUÌÙÂéÚU', 'रतनपुर', 'EP'],
  ['Ì¹ÌÂéÚU', 'तखतपुर', 'EP'],
  ['×SÌêÚUè', 'मस्तूरी', 'EP'],
  ['âèÂÌ', 'सीपत', 'EP'],
  ['çÕËãæ', 'बिल्हा', 'EP'],
  ['»ýæ×', 'ग्राम', 'EP'],
  ['×ôãËÜæ', 'मोहल्ला', 'EP'],
  ['»æ¡ß', 'गाँव', 'EP, candrabindu'],
  ['Â´¿æØÌ', 'पंचायत', 'EP'],
  ['ÌãâèÜ', 'तहसील', 'EP'],
  // [EP] police and roster terms
  ['ÍæÙæ ÂýÖæÚUè', 'थाना प्रभारी', 'EP'],
  ['ãSÌæÿæÚU', 'हस्ताक्षर', 'EP'],
  ['ÂýÏæÙ ¥æÚUÿæ·¤', 'प्रधान आरक्षक', 'EP'],
  ['©Â çÙÚUèÿæ·¤', 'उप निरीक्षक', 'EP'],
  ['Âýçàæÿæ‡æ', 'प्रशिक्षण', 'EP, short i on श'],
  ['çSÍçÌ', 'स्थिति', 'EP, short i after a conjunct'],
  ['çàæ·¤æØÌ', 'शिकायत', 'EP'],
  ['¥ÂÚUæÏ', 'अपराध', 'EP'],
  ['çÎÙæ´·¤', 'दिनांक', 'EP, date heading'],
  ['çÁÜæ', 'जिला', 'EP'],
  ['ÂéL¤á', 'पुरुष', 'EP'],
  ['×çãÜæ', 'महिला', 'EP'],
  ['âæ§ÕÚU ç×ÌæÙ', 'साइबर मितान', 'EP'],
  ['âã×çÌ', 'सहमति', 'EP'],
  ['çÂÌæ ·¤æ Ùæ×', 'पिता का नाम', 'EP'],
  ['×ôÕæ§Ü Ù´ÕÚU', 'मोबाइल नंबर', 'EP'],
];

describe('Chanakya to Unicode', () => {
  it.each(KNOWN)('%s → %s (%s)', (chanakya, unicode) => {
    expect(chanakyaToUnicode(chanakya)).toBe(unicode.normalize('NFC'));
  });
});

describe('Chanakya sentences from their sources', () => {
  it('reads a whole line of exam text as it came out of the PDF [SY]', () => {
    expect(chanakyaToUnicode('âêØæðüÎØ ¥æñÚU âêØæüSÌ ·ð¤ â×Ø âêØü ÜæÜ \x80Øæð´ ÂýÌèÌ ãæðÌæ ãñ? §â·¤æ ·¤æÚU\x87æ çÜç¹°Ð')).toBe(
      'सूर्योदय और सूर्यास्त के समय सूर्य लाल क्यों प्रतीत होता है? इसका कारण लिखिए।',
    );
  });

  it('reads the reference sentence of an independent converter [EP]', () => {
    expect(chanakyaToUnicode('ÖæÚUÌ °·¤ çßàææÜ Îðàæ ãñ Áô Îçÿæ‡æ °çàæØæ ×ð´ çSÍÌ ãñÐ')).toBe('भारत एक विशाल देश है जो दक्षिण एशिया में स्थित है।');
  });

  it('reads the Latin-shaped digits as digits and leaves ASCII digits alone', () => {
    expect(chanakyaToUnicode('ßæÇü Ù´. z')).toBe('वार्ड नं. 5');
    expect(chanakyaToUnicode('v® çÎâ´ÕÚU')).toBe('10 दिसंबर');
    expect(chanakyaToUnicode('9826100001')).toBe('9826100001');
  });

  it('puts reph-with-short-i and reph-with-dot glyphs where Unicode has them', () => {
    // í = ि + reph on the next cluster, Z = reph + anusvara after the syllable (Padma and the IIT-D map)
    expect(chanakyaToUnicode('ßæíá·¤')).toBe('वार्षिक');
    expect(chanakyaToUnicode('ßáæðZ')).toBe('वर्षों');
  });
});

/** Kruti Dev 010 cells (the example, a roster's names, villages and headings). */
const KRUTI = ["jes'k dqekj lkgw", "';ke yky lkgw", 'iq#"k', 'lquhrk oekZ', "fd'kksj oekZ", 'efgyk', 'csyrjk', 'ldjh', 'Fkkuk izHkkjh', 'gLrk{kj', 'fujh{kd', 'lfØ;', 'NÙkhlx<+'];
/** Cells that are not legacy text at all. */
const PLAIN = [
  'Ramesh Kumar Sahu', 'Sunita Verma', 'Beltara', 'Sakri', 'Kargi Kala', 'Ratanpur', 'Thana Prabhari', 'Active', 'Volunteer', 'Ward No. 5',
  'रमेश कुमार साहू', 'थाना कोटा', 'José Müller', 'Zoë', 'Café Noël', '9826100001', '25-11-2026', 'ramesh@example.in', 'M', 'F',
];

describe('telling Chanakya from Kruti Dev and from plain text', () => {
  it('recognises Chanakya cells, and Kruti Dev does not claim them', () => {
    for (const [chanakya] of KNOWN) {
      expect(looksLikeChanakya(chanakya), chanakya).toBe(true);
      expect(looksLikeKrutiDev(chanakya), chanakya).toBe(false);
    }
  });

  it('does not take Kruti Dev, English, Hindi in Latin letters or Unicode Hindi for Chanakya', () => {
    for (const kruti of KRUTI) {
      expect(looksLikeKrutiDev(kruti), kruti).toBe(true);
      expect(looksLikeChanakya(kruti), kruti).toBe(false);
    }
    for (const plain of PLAIN) expect(looksLikeChanakya(plain), plain).toBe(false);
  });

  it('each font read with the other one does not come out as Hindi', () => {
    expect(krutiDevToUnicode('ÚU×ðàæ ·¤é×æÚU âæãê')).not.toBe('रमेश कुमार साहू');
    expect(chanakyaToUnicode("jes'k dqekj lkgw")).not.toBe('रमेश कुमार साहू');
  });
});
