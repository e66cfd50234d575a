import { bi, type Issue } from './bilingual';

/** Indian mobile: strip +91 / 91 / 0, spaces, dashes, dots, brackets; 10 digits starting 6–9. */
export function normalizeMobile(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  let s: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    s = Math.round(raw).toString();
  } else {
    s = String(raw).trim();
    // Excel sometimes hands over 9.87654321E+09
    if (/^\d+(\.\d+)?e\+?\d+$/i.test(s)) s = Math.round(Number(s)).toString();
  }
  s = s.replace(/[\s\-().]/g, '');
  if (s.startsWith('+91')) s = s.slice(3);
  else if (s.length === 12 && s.startsWith('91')) s = s.slice(2);
  else if (s.length === 11 && s.startsWith('0')) s = s.slice(1);
  return /^[6-9]\d{9}$/.test(s) ? s : null;
}

export function mobileIssue(field: string, raw: unknown): Issue | null {
  if (raw === '' || raw === null || raw === undefined) return null;
  return normalizeMobile(raw)
    ? null
    : {
        field,
        code: 'mobile.invalid',
        severity: 'error',
        message: bi(
          'मोबाइल नंबर सही नहीं है: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक लिखें',
          'Mobile number is not valid: enter 10 digits starting with 6, 7, 8 or 9',
        ),
      };
}

/** Mask a mobile for roles that do not need it: 98XXXXXX10. */
export function maskMobile(m: string | null | undefined): string {
  if (!m) return '';
  return m.length === 10 ? `${m.slice(0, 2)}XXXXXX${m.slice(8)}` : 'XXXXXXXXXX';
}

/** Keep only the last four digits of an account, card or ID number. */
export function last4(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const digits = String(raw).replace(/\D/g, '');
  if (digits.length < 4) return null;
  return digits.slice(-4);
}

/** Tokens for indexed search: lower-cased words of Hindi or English text, and digit runs. */
export function searchTokens(...values: unknown[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const text = String(v).normalize('NFC').toLowerCase();
    for (const w of text.split(/[^\p{L}\p{M}\p{N}@._]+/u)) {
      if (w.length >= 1) out.add(w);
    }
  }
  return [...out];
}
