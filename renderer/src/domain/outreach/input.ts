/** What a fast writer types, turned into what the register stores (the day sheet's cells). */

const DEVANAGARI_ZERO = 0x0966;

/** '१२' → '12': an Inscript keyboard types Devanagari digits. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - DEVANAGARI_ZERO));
}

/**
 * '10' → '10:00', '930' → '09:30', '1030' → '10:30', '10.30' / '10-30' / '10 30' → '10:30',
 * '2:5' → '02:05'. Anything else comes back trimmed, for validation to refuse with a message.
 */
export function parseTimeInput(raw: string): string {
  const s = toAsciiDigits(raw).trim();
  if (!s) return '';
  let h: number;
  let m: number;
  const parts = /^(\d{1,2})\s*[:.\-\s]\s*(\d{1,2})$/.exec(s);
  if (parts) {
    h = Number(parts[1]);
    m = Number(parts[2]);
  } else if (/^\d{1,2}$/.test(s)) {
    h = Number(s);
    m = 0;
  } else if (/^\d{3,4}$/.test(s)) {
    h = Number(s.slice(0, s.length - 2));
    m = Number(s.slice(-2));
  } else return s;
  if (h > 23 || m > 59) return s;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A count cell: blank stays blank (null), digits become a number, anything else stays text for validation. */
export function parseCountInput(raw: string): number | string | null {
  const s = toAsciiDigits(raw).replace(/[,\s]/g, '');
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : raw.trim();
}

/** 'dd-mm-yyyy', 'dd/mm/yyyy', 'dd.mm.yy' or 'yyyy-mm-dd' → 'yyyy-mm-dd' (null when not a date shape). */
export function parseDateInput(raw: string): string | null {
  const s = toAsciiDigits(raw).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return s;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
