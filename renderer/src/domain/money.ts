/**
 * Money in integer paise (design §3.1: the 'money' field type). Rupee text is parsed digit by
 * digit, never through a float, so ₹0.10 + ₹0.20 is exactly 30 paise and crores add up to the paisa.
 */
import { bi, type Bilingual } from './bilingual';

/** An amount in paise: a safe, non-negative integer unless a difference says otherwise. */
export type Paise = number;

export interface ParsedAmount {
  paise: Paise | null;
  error: Bilingual | null;
}

const NOT_AMOUNT = bi('राशि सही नहीं है: जैसे 12,500 या 12500.50 लिखें', 'Not a valid amount: write e.g. 12,500 or 12500.50');
const TOO_MANY_DECIMALS = bi('राशि में दशमलव के बाद अधिकतम 2 अंक (पैसे) हो सकते हैं', 'An amount can have at most 2 digits (paise) after the decimal point');
const TOO_LARGE = bi('राशि बहुत बड़ी है', 'The amount is too large');
const NEGATIVE = bi('राशि ऋणात्मक नहीं हो सकती', 'An amount cannot be negative');

/**
 * Rupees as typed or imported ('1,23,456.50', '₹ 500', 'Rs. 12500/-', 12500.5) → paise.
 * A number (from a spreadsheet cell) goes through its shortest decimal text, so 0.1 + 0.2
 * (0.30000000000000004) reads as 30 paise, but a typed third decimal is refused.
 */
export function parseRupees(raw: unknown): ParsedAmount {
  if (raw === null || raw === undefined || raw === '') return { paise: null, error: null };
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { paise: null, error: NOT_AMOUNT };
    if (raw < 0) return { paise: null, error: NEGATIVE };
    // 15 significant digits undo binary noise; the shortest decimal text then has no float
    // left in it, and is rounded half up at the paisa.
    text = String(Number(raw.toPrecision(15)));
    if (/e/i.test(text)) return raw < 1 ? { paise: 0, error: null } : { paise: null, error: TOO_LARGE };
    const [int, frac = ''] = text.split('.');
    const fracPadded = (frac + '000').slice(0, 3);
    let paise = Number(int) * 100 + Number(fracPadded.slice(0, 2));
    if (Number(fracPadded[2]) >= 5) paise += 1;
    return Number.isSafeInteger(paise) ? { paise, error: null } : { paise: null, error: TOO_LARGE };
  }
  text = String(raw)
    .normalize('NFKC')
    .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966)) // Devanagari digits
    .replace(/₹|rs\.?|inr|रु\.?|रुपये|\/-/gi, '')
    .replace(/[,\s]/g, '');
  if (text.startsWith('-')) return { paise: null, error: NEGATIVE };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { paise: null, error: NOT_AMOUNT };
  const frac = m[2] ?? '';
  if (frac.length > 2) return { paise: null, error: TOO_MANY_DECIMALS };
  const intPart = m[1] === '' ? '0' : m[1]!;
  if (intPart.replace(/^0+/, '').length > 13) return { paise: null, error: TOO_LARGE };
  const paise = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(paise) ? { paise, error: null } : { paise: null, error: TOO_LARGE };
}

/** Paise or null, for callers that only need the value. */
export function toPaise(raw: unknown): Paise | null {
  return parseRupees(raw).paise;
}

export function isPaise(v: unknown): v is Paise {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Sum of integer paise; throws if the sum leaves the safe-integer range (never silently wrong). */
export function sumPaise(amounts: Iterable<Paise>): Paise {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not an amount in paise: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('amount total out of range');
  }
  return total;
}

/** Indian digit grouping of a whole number: 12345678 → '1,23,45,678'. */
export function groupIndian(whole: number): string {
  const s = String(Math.trunc(Math.abs(whole)));
  if (s.length <= 3) return s;
  const last3 = s.slice(-3);
  const rest = s.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${rest},${last3}`;
}

/** ₹ with lakh grouping and paise: 1234567850 → '1,23,45,678.50' (with `symbol`: '₹ 1,23,45,678.50'). */
export function formatRupees(paise: Paise | null | undefined, opts: { symbol?: boolean } = {}): string {
  if (paise === null || paise === undefined || !Number.isFinite(paise)) return '';
  const neg = paise < 0;
  const abs = Math.abs(paise);
  const text = `${groupIndian(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
  return `${neg ? '−' : ''}${opts.symbol ? '₹ ' : ''}${text}`;
}

/** The paise as a rupee string for an input box: 1250050 → '12500.50', 1250000 → '12500'. */
export function paiseToInput(paise: Paise | null | undefined): string {
  if (paise === null || paise === undefined) return '';
  const r = Math.floor(paise / 100);
  const p = paise % 100;
  return p ? `${r}.${String(p).padStart(2, '0')}` : String(r);
}

// 0–99 in Hindi: each is its own word, so a table, not rules.
const HI_0_99 = (
  'शून्य एक दो तीन चार पांच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस ' +
  'बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस ' +
  'चालीस इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास पचास इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ ' +
  'साठ इकसठ बासठ तिरेसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी ' +
  'अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी नब्बे इक्यानबे बानबे तिरानबे चौरानबे पंचानबे छियानबे सत्तानबे अट्ठानबे निन्यानबे'
).split(' ');

/** A whole number in Hindi words with the Indian scale (सौ, हजार, लाख, करोड़). */
export function hindiNumberWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot write ${n} in words`);
  if (n < 100) return HI_0_99[n]!;
  const parts: string[] = [];
  const crore = Math.floor(n / 1_00_00_000);
  let rest = n % 1_00_00_000;
  // Above 99 crore the crore count is itself written in words: "एक सौ बीस करोड़".
  if (crore) parts.push(`${hindiNumberWords(crore)} करोड़`);
  const scales: [number, string][] = [
    [1_00_000, 'लाख'],
    [1_000, 'हजार'],
    [100, 'सौ'],
  ];
  for (const [size, word] of scales) {
    const k = Math.floor(rest / size);
    rest %= size;
    if (k) parts.push(`${HI_0_99[k]} ${word}`);
  }
  if (rest) parts.push(HI_0_99[rest]!);
  return parts.join(' ');
}

/** For prints: 12345650 → 'एक लाख तेईस हजार चार सौ छप्पन रुपये पचास पैसे'. */
export function rupeesInHindiWords(paise: Paise): string {
  if (!isPaise(paise)) throw new RangeError(`not an amount in paise: ${paise}`);
  const r = Math.floor(paise / 100);
  const p = paise % 100;
  const out: string[] = [];
  if (r || !p) out.push(`${hindiNumberWords(r)} ${r === 1 ? 'रुपया' : 'रुपये'}`);
  if (p) out.push(`${HI_0_99[p]} ${p === 1 ? 'पैसा' : 'पैसे'}`);
  return out.join(' ');
}

const EN_0_19 = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function english0to99(n: number): string {
  if (n < 20) return EN_0_19[n]!;
  const t = EN_TENS[Math.floor(n / 10)]!;
  return n % 10 ? `${t}-${EN_0_19[n % 10]}` : t;
}

/** A whole number in English words with the Indian scale: 'one lakh twenty-three thousand …'. */
export function englishNumberWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot write ${n} in words`);
  if (n < 100) return english0to99(n);
  const parts: string[] = [];
  const crore = Math.floor(n / 1_00_00_000);
  let rest = n % 1_00_00_000;
  if (crore) parts.push(`${englishNumberWords(crore)} crore`);
  for (const [size, word] of [
    [1_00_000, 'lakh'],
    [1_000, 'thousand'],
    [100, 'hundred'],
  ] as const) {
    const k = Math.floor(rest / size);
    rest %= size;
    if (k) parts.push(`${english0to99(k)} ${word}`);
  }
  if (rest) parts.push(english0to99(rest));
  return parts.join(' ');
}

export function rupeesInEnglishWords(paise: Paise): string {
  if (!isPaise(paise)) throw new RangeError(`not an amount in paise: ${paise}`);
  const r = Math.floor(paise / 100);
  const p = paise % 100;
  const out: string[] = [];
  if (r || !p) out.push(`${englishNumberWords(r)} ${r === 1 ? 'rupee' : 'rupees'}`);
  if (p) out.push(`${englishNumberWords(p)} paise`);
  return out.join(' and ');
}

/** Both languages, for bilingual prints. */
export function rupeesInWords(paise: Paise): Bilingual {
  return bi(rupeesInHindiWords(paise), rupeesInEnglishWords(paise));
}
