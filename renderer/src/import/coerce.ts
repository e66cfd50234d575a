/**
 * Turn one cell of a real roster into what the register's field expects, before the register's
 * own validation runs: dates in every form stations type them, numbers stored as text, mobiles in
 * scientific notation, हाँ/नहीं, choices written in Hindi or English.
 */
import { bi, type Bilingual } from '@/domain/bilingual';
import { isValidDate } from '@/domain/dates';
import type { FieldDef, Option } from '@/domain/registers/types';
import { asciiDigits, isBlankPlain, normText, plainText, type Plain } from './cells';

export interface Coerced {
  value: unknown;
  /** A problem the register's validation cannot see (e.g. digits lost to scientific notation). */
  problem?: Bilingual;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidDate(s) ? s : null;
}

/** An Excel date serial (days since 1899-12-30, the epoch that absorbs Lotus' 1900 leap day). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'जनवरी'],
  ['feb', 'february', 'फरवरी', 'फ़रवरी'],
  ['mar', 'march', 'मार्च'],
  ['apr', 'april', 'अप्रैल', 'अप्रेल'],
  ['may', 'मई'],
  ['jun', 'june', 'जून'],
  ['jul', 'july', 'जुलाई'],
  ['aug', 'august', 'अगस्त'],
  ['sep', 'sept', 'september', 'सितंबर', 'सितम्बर'],
  ['oct', 'october', 'अक्टूबर', 'अक्तूबर'],
  ['nov', 'november', 'नवंबर', 'नवम्बर'],
  ['dec', 'december', 'दिसंबर', 'दिसम्बर'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** Two-digit years: the latest year that is not in the future ('98' → 1998, '24' → 2024). */
function fullYear(y: string, today: string): number {
  if (y.length === 4) return Number(y);
  const current = Number(today.slice(0, 4));
  const candidate = 2000 + Number(y);
  return candidate > current ? candidate - 100 : candidate;
}

/** A calendar date from any of the forms rosters use; null when it is not one. */
export function parseDateLoose(v: Plain, today: string): string | null {
  if (v === null || typeof v === 'boolean') return null;
  // exceljs gives dates as UTC instants; the UTC calendar day is what Excel showed.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return excelSerialToDate(v);
  const s = asciiDigits(v.normalize('NFC')).trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4}|\d{2})$/.exec(s);
  if (m) return iso(fullYear(m[3]!, today), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[-/. ,]*([a-z]+|[\u0900-\u097F]+)\.?[-/. ,]*(\d{4}|\d{2})$/i.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) return iso(fullYear(m[3]!, today), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/i.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()]) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  // What cell.text makes of a date: "Thu May 02 2024 00:00:00 GMT+0000 …"
  m = /^[a-z]{3} ([a-z]{3}) (\d{2}) (\d{4}) /i.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()]) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{4,5}(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s));
  return null;
}

/** Dates repeat down a roster (a batch's consent or training day): each is parsed once per day. */
const datesSeen = { today: '', seen: new Map<string | number, string | null>() };

function cellDate(v: Plain, today: string): string | null {
  const key = v instanceof Date ? v.getTime() : typeof v === 'string' ? v : null;
  if (key === null) return parseDateLoose(v, today);
  if (datesSeen.today !== today) Object.assign(datesSeen, { today, seen: new Map() });
  let d = datesSeen.seen.get(key);
  if (d === undefined) {
    d = parseDateLoose(v, today);
    if (datesSeen.seen.size < 5000) datesSeen.seen.set(key, d);
  }
  return d;
}

const yesNoSeen = new Map<string, boolean | null>();

/** true, false, or null when the text is neither हाँ nor नहीं. */
function yesNo(text: string): boolean | null {
  const known = yesNoSeen.get(text);
  if (known !== undefined) return known;
  const t = normText(text);
  const answer = YES.has(t) || /^[✓✔√]$/.test(text.trim()) ? true : NO.has(t) || /^[✗✘×-]$/.test(text.trim()) ? false : null;
  if (yesNoSeen.size < 1000) yesNoSeen.set(text, answer);
  return answer;
}

const YES = new Set(['हाँ', 'हां', 'हा', 'हॉं', 'yes', 'y', 'true', '1', 'ha', 'haan', 'han', 'जारी', 'पंजीकृत', 'registered', 'issued', 'done', 'किया', 'है']);
const NO = new Set(['नहीं', 'नही', 'ना', 'no', 'n', 'false', '0', 'nahi', 'नहीं है', 'not registered', 'pending', 'लंबित']);

/** Other ways stations write the project's choices, by option value. */
const OPTION_SYNONYMS: Record<string, string[]> = {
  male: ['m', 'पु', 'पुरूष', 'पुरुष', 'man', 'boy'],
  female: ['f', 'म', 'स्त्री', 'महिला', 'w', 'woman', 'girl', 'महिला स्त्री'],
  other: ['अन्य', 'others', 'तृतीय लिंग', 'transgender'],
  rural: ['ग्रामीण', 'गांव', 'गाँव', 'r', 'village'],
  urban: ['शहरी', 'शहर', 'नगर', 'u', 'city', 'town'],
  village: ['ग्राम', 'गांव', 'गाँव', 'ग्राम पंचायत'],
  ward: ['वार्ड', 'नगर वार्ड'],
  active: ['सक्रिय', 'a', 'चालू'],
  inactive: ['निष्क्रिय', 'असक्रिय'],
  withdrawn: ['नाम वापस', 'वापस', 'हटाया', 'left', 'removed'],
  member: ['सदस्य', 'मितान', 'साइबर मितान', 'सायबर मितान'],
  leader: ['प्रमुख', 'दल प्रमुख', 'लीडर', 'head', 'team leader'],
  spo: ['एसपीओ', 'विशेष पुलिस अधिकारी', 'special police officer'],
  volunteer: ['स्वयंसेवक', 'स्वयं सेवक', 'वालंटियर', 'सामाजिक कार्यकर्ता'],
  ngo: ['एनजीओ', 'स्वयंसेवी संस्था', 'संस्था'],
  student: ['छात्र', 'छात्रा', 'विद्यार्थी', 'स्टूडेंट'],
  teacher: ['शिक्षक', 'शिक्षिका', 'अध्यापक', 'अध्यापिका', 'प्राध्यापक'],
  'public-rep': ['जनप्रतिनिधि', 'जन प्रतिनिधि', 'सरपंच', 'पंच', 'पार्षद', 'public representative', 'sarpanch'],
  police: ['पुलिसकर्मी', 'पुलिस', 'आरक्षक', 'police staff', 'policeman'],
  aadhaar: ['आधार', 'आधार कार्ड', 'aadhar', 'aadhaar card', 'uid'],
  voter: ['मतदाता पहचान पत्र', 'वोटर आईडी', 'मतदाता', 'voter id', 'epic'],
  pan: ['पैन', 'पैन कार्ड', 'pan card'],
  dl: ['ड्राइविंग लाइसेंस', 'driving licence', 'driving license', 'licence'],
  passport: ['पासपोर्ट'],
  ration: ['राशन कार्ड', 'ration card'],
};

function optionIndex(options: Option[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of options) {
    for (const t of [o.value, o.label.hi, o.label.en, ...(OPTION_SYNONYMS[o.value] ?? [])]) {
      const k = normText(t);
      if (k && !map.has(k)) map.set(k, o.value);
    }
  }
  return map;
}

const optionCache = new WeakMap<Option[], { index: Map<string, string>; seen: Map<string, string | null> }>();

/** The option a cell means, written as its value, Hindi or English label, or a common synonym. */
export function matchOption(options: Option[], v: Plain): string | null {
  let cache = optionCache.get(options);
  if (!cache) optionCache.set(options, (cache = { index: optionIndex(options), seen: new Map() }));
  // A roster repeats the same few words thousands of times: remember each answer.
  const key = typeof v === 'string' ? v : null;
  if (key !== null && cache.seen.has(key)) return cache.seen.get(key)!;
  const hit = lookupOption(cache.index, v);
  if (key !== null && cache.seen.size < 5000) cache.seen.set(key, hit);
  return hit;
}

function lookupOption(index: Map<string, string>, v: Plain): string | null {
  const text = normText(plainText(v));
  if (!text) return null;
  const hit = index.get(text);
  if (hit) return hit;
  // "सक्रिय (Active)", "छात्र / Student": any part may name the option.
  for (const part of plainText(v).split(/[/(),|]/)) {
    const p = index.get(normText(part));
    if (p) return p;
  }
  return null;
}

const lostDigits = (f: FieldDef): Bilingual =>
  bi(
    `"${f.label.hi}" एक्सेल में वैज्ञानिक रूप (जैसे 9.87E+09) में कट गया है; पूरा नंबर लिखें`,
    `"${f.label.en}" was cut short by Excel's scientific notation (like 9.87E+09); enter the full number`,
  );

/**
 * Digits a number in scientific notation really carries, and how many the number has:
 * '9.87654321E+09' carries 9 of 10 (Excel's own display of a mobile), '9.87654E+09' only 6.
 */
function scientificDigits(s: string): { carried: number; total: number } | null {
  const m = /^(\d)(?:\.(\d+))?e\+?(\d+)$/i.exec(s.trim());
  return m ? { carried: 1 + (m[2]?.length ?? 0), total: Number(m[3]) + 1 } : null;
}

/** The value to hand to the register's validation for this field. */
export function coerceCell(f: FieldDef, v: Plain, today: string): Coerced {
  if (isBlankPlain(v)) return { value: null };
  switch (f.type) {
    case 'date': {
      const d = cellDate(v, today);
      return { value: d ?? plainText(v) };
    }
    case 'datetime': {
      if (v instanceof Date) return { value: v.toISOString().slice(0, 16) };
      const s = plainText(v);
      const m = /^(.*?)[ T](\d{1,2}):(\d{2})/.exec(s);
      const d = parseDateLoose(m ? m[1]! : v, today);
      return { value: d ? `${d}T${m ? `${m[2]!.padStart(2, '0')}:${m[3]}` : '00:00'}` : s };
    }
    case 'time': {
      if (v instanceof Date) return { value: v.toISOString().slice(11, 16) };
      if (typeof v === 'number' && v >= 0 && v < 1) {
        const mins = Math.round(v * 1440);
        return { value: `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}` };
      }
      const m = /^(\d{1,2})[:.](\d{2})$/.exec(asciiDigits(plainText(v)));
      return { value: m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : plainText(v) };
    }
    case 'int': {
      if (typeof v === 'number') return { value: Math.abs(v - Math.round(v)) < 1e-9 ? Math.round(v) : v };
      const s = asciiDigits(plainText(v))
        .replace(/\s*(वर्ष|साल|years?|yrs?)\.?$/i, '')
        .replace(/[,\s]/g, '');
      const n = Number(s);
      return { value: s !== '' && Number.isFinite(n) ? (Number.isInteger(n) ? n : Math.abs(n - Math.round(n)) < 1e-9 ? Math.round(n) : n) : plainText(v) };
    }
    case 'money': {
      const s = typeof v === 'number' ? v : Number(asciiDigits(plainText(v)).replace(/[₹,\s]|rs\.?|रु\.?/gi, ''));
      return { value: Number.isFinite(s) ? Math.round(s * 100) : plainText(v) };
    }
    case 'mobile': {
      if (typeof v === 'number') return { value: v };
      const s = asciiDigits(plainText(v));
      const sci = scientificDigits(s);
      // One trailing digit may be implied (that is how Excel shows a 10-digit number); more is a loss.
      if (sci && sci.carried < sci.total - 1) return { value: s, problem: lostDigits(f) };
      return { value: s };
    }
    case 'last4': {
      if (typeof v === 'number') return { value: Number.isInteger(v) ? v.toFixed(0) : String(v) };
      const s = asciiDigits(plainText(v));
      const sci = scientificDigits(s);
      if (sci && sci.carried < sci.total) return { value: s, problem: lostDigits(f) };
      return { value: sci ? Number(s).toFixed(0) : s };
    }
    case 'boolean': {
      if (typeof v === 'boolean') return { value: v };
      if (typeof v === 'number') return v === 1 || v === 0 ? { value: v === 1 } : { value: null, problem: notYesNo(f) };
      const answer = yesNo(plainText(v));
      return answer === null ? { value: null, problem: notYesNo(f) } : { value: answer };
    }
    case 'select':
      return { value: f.options ? (matchOption(f.options, v) ?? plainText(v)) : plainText(v) };
    case 'multiselect':
      return {
        value: plainText(v)
          .split(/[,;|]/)
          .map((p) => (f.options ? (matchOption(f.options, p) ?? p.trim()) : p.trim()))
          .filter(Boolean),
      };
    default:
      return { value: plainText(v) };
  }
}

const notYesNo = (f: FieldDef): Bilingual => bi(`"${f.label.hi}" में हाँ या नहीं लिखें`, `"${f.label.en}": write yes or no`);
