import { describe, expect, it } from 'vitest';
import {
  formatRupees,
  groupIndian,
  hindiNumberWords,
  paiseToInput,
  parseRupees,
  rupeesInEnglishWords,
  rupeesInHindiWords,
  sumPaise,
  toPaise,
} from '../../../renderer/src/domain/money';

describe('amounts are integer paise, never floating point', () => {
  it('reads typed rupees digit by digit', () => {
    expect(toPaise('0.1')).toBe(10);
    expect(toPaise('0.2')).toBe(20);
    expect(toPaise('0.10')! + toPaise('0.20')!).toBe(30);
    expect(toPaise('1,23,456.50')).toBe(12_345_650);
    expect(toPaise('₹ 500/-')).toBe(50_000);
    expect(toPaise('Rs. 12500')).toBe(1_250_000);
    expect(toPaise('.5')).toBe(50);
    expect(toPaise('१२,५००')).toBe(1_250_000); // Devanagari digits
    expect(toPaise('')).toBeNull();
  });

  it('reads spreadsheet numbers without binary noise', () => {
    expect(toPaise(0.1 + 0.2)).toBe(30); // 0.30000000000000004
    expect(toPaise(12500.5)).toBe(1_250_050);
    expect(toPaise(1.005)).toBe(101); // half up at the paisa
    expect(toPaise(19.99 * 3)).toBe(5997);
  });

  it('refuses what is not an amount', () => {
    expect(parseRupees('12.345').error?.en).toMatch(/2 digits/);
    expect(parseRupees('abc').error).not.toBeNull();
    expect(parseRupees('-5').error?.en).toMatch(/negative/);
    expect(parseRupees('99999999999999').error?.en).toMatch(/too large/);
  });

  it('adds ten thousand 10-paise amounts to exactly ₹1,000', () => {
    expect(sumPaise(Array.from({ length: 10_000 }, () => toPaise('0.10')!))).toBe(100_000);
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.1;
    expect(float).not.toBe(1000); // what floats would have done
  });

  it('adds crores to the paisa and refuses to overflow', () => {
    expect(sumPaise([toPaise('99,99,99,999.99')!, toPaise('0.01')!])).toBe(100_00_00_000_00) // ₹100 crore;
    expect(() => sumPaise([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumPaise([1.5])).toThrow(RangeError);
  });
});

describe('Indian grouping', () => {
  it('groups thousands, then lakhs and crores in twos', () => {
    expect(groupIndian(0)).toBe('0');
    expect(groupIndian(999)).toBe('999');
    expect(groupIndian(1000)).toBe('1,000');
    expect(groupIndian(100000)).toBe('1,00,000');
    expect(groupIndian(12345678)).toBe('1,23,45,678');
    expect(groupIndian(1234567890123)).toBe('12,34,56,78,90,123');
  });

  it('formats paise as rupees with two decimals', () => {
    expect(formatRupees(1_234_567_800)).toBe('1,23,45,678.00');
    expect(formatRupees(1_234_567_850)).toBe('1,23,45,678.50');
    expect(formatRupees(5)).toBe('0.05');
    expect(formatRupees(10_00_000_00, { symbol: true })).toBe('₹ 10,00,000.00');
    expect(formatRupees(null)).toBe('');
    expect(paiseToInput(1_250_050)).toBe('12500.50');
    expect(paiseToInput(1_250_000)).toBe('12500');
  });
});

describe('amounts in Hindi words for prints', () => {
  it('writes the example of the issue', () => {
    expect(rupeesInHindiWords(12_345_650)).toBe('एक लाख तेईस हजार चार सौ छप्पन रुपये पचास पैसे');
  });

  it('knows every number from 0 to 99 as its own word', () => {
    expect(hindiNumberWords(0)).toBe('शून्य');
    expect(hindiNumberWords(19)).toBe('उन्नीस');
    expect(hindiNumberWords(29)).toBe('उनतीस');
    expect(hindiNumberWords(45)).toBe('पैंतालीस');
    expect(hindiNumberWords(79)).toBe('उन्यासी');
    expect(hindiNumberWords(99)).toBe('निन्यानबे');
    const words = new Set(Array.from({ length: 100 }, (_, i) => hindiNumberWords(i)));
    expect(words.size).toBe(100);
  });

  it('uses the Indian scale up to and beyond a hundred crore', () => {
    expect(hindiNumberWords(100)).toBe('एक सौ');
    expect(hindiNumberWords(1_000)).toBe('एक हजार');
    expect(hindiNumberWords(50_000)).toBe('पचास हजार');
    expect(hindiNumberWords(10_00_000)).toBe('दस लाख');
    expect(hindiNumberWords(16_68_00_000)).toBe('सोलह करोड़ अड़सठ लाख');
    expect(hindiNumberWords(120_00_00_000)).toBe('एक सौ बीस करोड़');
    expect(hindiNumberWords(1_01_01_01_101)).toBe('एक सौ एक करोड़ एक लाख एक हजार एक सौ एक');
  });

  it('says rupees and paise properly, singular included', () => {
    expect(rupeesInHindiWords(0)).toBe('शून्य रुपये');
    expect(rupeesInHindiWords(100)).toBe('एक रुपया');
    expect(rupeesInHindiWords(1)).toBe('एक पैसा');
    expect(rupeesInHindiWords(50)).toBe('पचास पैसे');
    expect(rupeesInHindiWords(190_000)).toBe('एक हजार नौ सौ रुपये');
    expect(() => rupeesInHindiWords(1.5)).toThrow(RangeError);
  });

  it('has English words for the English prints', () => {
    expect(rupeesInEnglishWords(12_345_650)).toBe('one lakh twenty-three thousand four hundred fifty-six rupees and fifty paise');
    expect(rupeesInEnglishWords(100)).toBe('one rupee');
  });
});
