import { describe, expect, it } from 'vitest';
import { createTypingSession, typeKey, typeKeys } from '../../../renderer/src/domain/typing';

/** Each key of a Remington word, one by one: what the box holds after every key. */
function steps(keys: string): string[] {
  const session = createTypingSession();
  const out: string[] = [];
  let text = '';
  for (const k of keys) {
    text = typeKey('remington', session, text, k) ?? text + k;
    out.push(text);
  }
  return out;
}
const rem = (keys: string) => typeKeys('remington', [...keys]);

describe('Remington (GAIL) typing, key by key', () => {
  it('full letters, matras and ा from the vertical stroke', () => {
    expect(steps('dkxt')).toEqual(['क', 'का', 'काग', 'काग' + 'ज']);
    expect(rem('dh')).toBe('की');
    expect(rem('dq')).toBe('कु');
    expect(rem('dw')).toBe('कू');
    expect(rem('ds')).toBe('के');
    expect(rem('dS')).toBe('कै');
    expect(steps('dks')).toEqual(['क', 'का', 'को']);
    expect(rem('dkS')).toBe('कौ');
    expect(rem('d=')).toBe('कृ');
  });

  it('ि is typed before its consonant, as on the typewriter, also before a half letter', () => {
    expect(steps('fd')).toEqual(['ि', 'कि']);
    // स्थिति: ि, स्, थ्, the stroke makes थ and the ि lands after the whole cluster.
    expect(steps('fLFkfr')).toEqual(['ि', 'स्ि', 'स्थ्ि', 'स्थि', 'स्थिि', 'स्थिति']);
  });

  it('half letters join the next letter: न्य, स्त, प्र with z', () => {
    expect(steps('/kU;okn')).toEqual(['ध्', 'ध', 'धन्', 'धन्य', 'धन्यव', 'धन्यवा', 'धन्यवाद']);
    expect(rem('Lrj')).toBe('स्तर');
    expect(steps('iz')).toEqual(['प', 'प्र']);
    expect(rem('fiz;')).toBe('प्रिय');
  });

  it('the common conjunct keys: क्ष, त्र, ज्ञ, श्र, द्ध, द्व', () => {
    expect(steps('{k')).toEqual(['क्ष्', 'क्ष']);
    expect(rem('f{kfr')).toBe('क्षिति');
    expect(rem('(')).toBe('त्र');
    expect(rem('K')).toBe('ज्ञ');
    expect(rem('Kku')).toBe('ज्ञान');
    expect(rem('J')).toBe('श्र');
    expect(rem('ca*')).toBe('बंद्ध');
    expect(rem('cq*')).toBe('बुद्ध');
    expect(rem('}kj')).toBe('द्वार');
  });

  it('the reph Z goes on the syllable typed before it', () => {
    expect(steps('deZ')).toEqual(['क', 'कम', 'कर्म']);
    expect(rem('dk;Z')).toBe('कार्य');
    expect(rem('/keZ')).toBe('धर्म');
    expect(rem('iwoZ')).toBe('पूर्व');
    expect(rem('dhfrZ')).toBe('कीर्ति');
    expect(rem('rdZ')).toBe('तर्क');
  });

  it('independent vowels: अ आ इ ई उ ऊ ए ऐ ओ औ', () => {
    expect(steps('vk')).toEqual(['अ', 'आ']);
    expect(steps('bZ')).toEqual(['इ', 'ई']);
    expect(rem('mq')).toBe('ऊ');
    expect(rem(',s')).toBe('ऐ');
    expect(rem('vks')).toBe('ओ');
    expect(rem('vkS')).toBe('औ');
  });

  it('nukta, anusvara, chandrabindu, visarga and the danda', () => {
    expect(rem('yM`dk')).toBe('लड़का');
    expect(rem('fganh')).toBe('हिंदी');
    expect(rem('gWa')).toBe('हँ');
    expect(rem('nq%[k')).toBe('दु-ख');
    expect(rem('nq#[k')).toBe('दुःख');
    expect(rem('Fkkuk!')).toBe('थाना।');
  });

  it('names, places and police words as a writer types them', () => {
    expect(rem('jes\'k dqekj lkgw')).toBe('रमेश कुमार साहू');
    expect(rem('fcykliqj')).toBe('बिलासपुर');
    expect(rem('lkbcj ferku')).toBe('साइबर मितान');
    expect(rem('f\'kdk;r')).toBe('शिकायत');
    expect(rem('Fkkuk izHkkjh')).toBe('थाना प्रभारी');
  });

  it('digits stay digits; a key outside the layout is left to the browser', () => {
    expect(rem('9876')).toBe('9876');
    expect(typeKey('remington', createTypingSession(), 'क', 'Enter')).toBeNull();
  });
});
