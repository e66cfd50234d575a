import { describe, expect, it } from 'vitest';
import { createTypingSession, typeKey, typeKeys } from '../../../renderer/src/domain/typing';
import { phoneticWord } from '../../../renderer/src/domain/typing/phonetic';

function steps(keys: string): string[] {
  const session = createTypingSession();
  const out: string[] = [];
  let text = '';
  for (const k of keys) {
    text = typeKey('phonetic', session, text, k) ?? text + k;
    out.push(text);
  }
  return out;
}
const ph = (text: string) => typeKeys('phonetic', [...text]);

describe('phonetic Hindi typing, key by key', () => {
  it('ramesh → रमेश, every key re-spelling the word', () => {
    expect(steps('ramesh')).toEqual(['र', 'र', 'रम', 'रमे', 'रमेस', 'रमेश']);
    expect(ph('ramesh kumaar saahoo')).toBe('रमेश कुमार साहू');
  });

  it('common conjuncts: क्ष, त्र, ज्ञ, श्र, द्ध, द्व, reph र्क, half letters', () => {
    expect(ph('kshetra')).toBe('क्षेत्र');
    expect(ph('xamaa')).toBe('क्षमा');
    expect(ph('mitra')).toBe('मित्र');
    expect(ph('gyaan')).toBe('ज्ञान');
    expect(ph('shrii')).toBe('श्री');
    expect(ph('buddh')).toBe('बुद्ध');
    expect(ph('dvaar')).toBe('द्वार');
    expect(steps('tark')).toEqual(['त', 'त', 'तर', 'तर्क']);
    expect(ph('varmaa')).toBe('वर्मा');
    expect(ph('sthaan')).toBe('स्थान');
  });

  it('matras and independent vowels', () => {
    expect(ph('kaa ki kii ku kuu ke kai ko kau kRRi kO')).toBe('का कि की कु कू के कै को कौ कृ कॉ');
    expect(ph('a aa i ii u uu e ai o au')).toBe('अ आ इ ई उ ऊ ए ऐ ओ औ');
    // ai is ऐ (longest match), so नई is typed na-ee.
    expect(ph('naee')).toBe('नई');
    expect(ph('naii')).toBe('नैइ');
  });

  it('nukta letters, anusvara, chandrabindu, visarga, danda', () => {
    expect(ph('zilaa')).toBe('ज़िला');
    expect(ph('laRakaa')).toBe('लड़का');
    expect(ph('hiMdii')).toBe('हिंदी');
    expect(ph('ha~sanaa')).toBe('हँसना');
    expect(ph('duHkh')).toBe('दुःख');
    expect(ph('thaanaa|')).toBe('थाना।');
  });

  it('Backspace takes back one Latin key inside the word, then behaves as usual', () => {
    const session = createTypingSession();
    let text = '';
    for (const k of 'kumaar') text = typeKey('phonetic', session, text, k)!;
    expect(text).toBe('कुमार');
    text = typeKey('phonetic', session, text, 'Backspace')!;
    expect(text).toBe('कुमा');
    text = typeKey('phonetic', session, text, 'Backspace')!;
    expect(text).toBe('कुम');
    expect(typeKey('phonetic', createTypingSession(), 'कुम', 'Backspace')).toBeNull();
  });

  it('a space or a digit ends the word; a moved caret starts a new word', () => {
    expect(ph('ram 5')).toBe('रम 5');
    const session = createTypingSession();
    let text = typeKey('phonetic', session, '', 'r')!;
    text = typeKey('phonetic', session, `${text}X`, 'a')!;
    expect(text).toBe('रXअ');
  });

  it('the word function is the same as the keys', () => {
    expect(phoneticWord('saaibar mitaan'.split(' ')[0]!)).toBe(ph('saaibar'));
  });
});
