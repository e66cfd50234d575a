/**
 * The daily, weekly and monthly returns (दैनिक / साप्ताहिक / मासिक प्रतिवेदन) as report tables for
 * the paper machinery (export/reportSheet.ts): pure functions from ReturnFigures to rows.
 *
 * A thana's return is a proforma: one row per line, and for the period and for the campaign so
 * far a number, an amount and a percentage (each column keeps one kind, so Excel keeps numbers,
 * rupees and percentages as such). The district's thana-wise version prints the same lines the
 * other way round: one row per thana, one column per figure (thanaWiseReport / thanaWiseRows).
 */
import { bi, type Bilingual } from '../bilingual';
import { addDays, daysBetween, formatDateIN, formatMonthIN, isValidDate } from '../dates';
import type { ReportColumn, ReportDef, ReportRow } from '../../export/reportSheet';
import type { ReturnFigures, ReturnKind, WindowFigures } from './figures';
import { SECTIONS, lineById, type ReturnLine, type ReturnSection } from './lines';
import { WINDOW_NOTE } from './definitions';

export interface ReturnDef {
  kind: ReturnKind;
  /** File names and the audit log. */
  id: string;
  title: (campaignName: string) => Bilingual;
  sections: string[];
}

const ALL = SECTIONS.map((s) => s.id);

export const RETURNS: Record<ReturnKind, ReturnDef> = {
  daily: {
    kind: 'daily',
    id: 'daily-return',
    title: (c) => bi(`दैनिक प्रतिवेदन — ${c} जागरूकता अभियान`, 'Daily return — Cyber Mitan awareness campaign'),
    // The daily return stays on one or two pages: complaint categories are in the weekly and monthly ones.
    sections: ALL.filter((s) => s !== 'categories'),
  },
  weekly: {
    kind: 'weekly',
    id: 'weekly-return',
    title: (c) => bi(`साप्ताहिक प्रतिवेदन — ${c} जागरूकता अभियान`, 'Weekly return — Cyber Mitan awareness campaign'),
    sections: ALL,
  },
  monthly: {
    kind: 'monthly',
    id: 'monthly-return',
    title: (c) => bi(`मासिक प्रतिवेदन — ${c} जागरूकता अभियान`, 'Monthly return — Cyber Mitan awareness campaign'),
    sections: ALL,
  },
};

export const RETURN_KINDS: { kind: ReturnKind; label: Bilingual }[] = [
  { kind: 'daily', label: bi('दैनिक प्रतिवेदन', 'Daily return') },
  { kind: 'weekly', label: bi('साप्ताहिक प्रतिवेदन', 'Weekly return') },
  { kind: 'monthly', label: bi('मासिक प्रतिवेदन', 'Monthly return') },
];

export interface ReturnPeriod {
  kind: ReturnKind;
  from: string;
  to: string;
}

/** The last day of a month ('YYYY-MM' → 'YYYY-MM-DD'). */
export function monthEnd(ym: string): string {
  return addDays(`${addDays(`${ym}-28`, 4).slice(0, 7)}-01`, -1);
}

/**
 * The period of a return: the day; the 7 days ending on the day; the calendar month of the day.
 * A period never runs past today (figures of days to come would be zeros, and pendency is
 * measured at the period's end).
 */
export function returnPeriod(kind: ReturnKind, day: string, today: string): ReturnPeriod {
  const d = isValidDate(day) && day <= today ? day : today;
  if (kind === 'daily') return { kind, from: d, to: d };
  if (kind === 'weekly') return { kind, from: addDays(d, -6), to: d };
  const ym = d.slice(0, 7);
  const end = monthEnd(ym);
  return { kind, from: `${ym}-01`, to: end > today ? today : end };
}

/** 'YYYY-MM' → माह-वर्ष in both languages ('दिसंबर-2026' / 'December-2026'). */
export function monthName(ym: string): Bilingual {
  return bi(formatMonthIN(ym, 'hi'), formatMonthIN(ym, 'en'));
}

/** The line under the title: the period, the campaign, the thana's share. */
export function returnSubtitle(f: ReturnFigures): string {
  const period =
    f.kind === 'daily'
      ? `दिनांक: ${formatDateIN(f.to)}`
      : f.kind === 'monthly'
        ? `माह: ${monthName(f.from.slice(0, 7)).hi} (${formatDateIN(f.from)} से ${formatDateIN(f.to)})`
        : `सप्ताह: ${formatDateIN(f.from)} से ${formatDateIN(f.to)}`;
  const parts = [period];
  if (f.campaignStart) parts.push(`अभियान प्रारंभ: ${formatDateIN(f.campaignStart)}`);
  if (f.campaignEnd) parts.push(`समाप्ति: ${formatDateIN(f.campaignEnd)} (शेष ${Math.max(0, daysBetween(f.to, f.campaignEnd))} दिन)`);
  if (f.thanaTarget) parts.push(`थाने का लक्ष्य: ${new Intl.NumberFormat('en-IN').format(f.thanaTarget)} मितान`);
  return parts.join('  |  ');
}

const both = (b: Bilingual) => `${b.hi} / ${b.en}`;

export const RETURN_COLUMNS: ReportColumn[] = [
  { key: 'sno', label: bi('क्र.', 'S. No.'), type: 'text', width: 6, center: true },
  { key: 'item', label: bi('विवरण', 'Particulars'), type: 'text', width: 60 },
  { key: 'pCount', label: bi('अवधि में — संख्या', 'In the period — number'), type: 'int', width: 12 },
  { key: 'pAmount', label: bi('अवधि में — राशि (₹)', 'In the period — amount (₹)'), type: 'money', width: 16 },
  { key: 'pShare', label: bi('अवधि में — प्रतिशत', 'In the period — per cent'), type: 'percent', width: 10 },
  { key: 'cCount', label: bi('अवधि के अंत तक कुल — संख्या', 'To date (to the period’s end) — number'), type: 'int', width: 12 },
  { key: 'cAmount', label: bi('अवधि के अंत तक कुल — राशि (₹)', 'To date (to the period’s end) — amount (₹)'), type: 'money', width: 16 },
  { key: 'cShare', label: bi('अवधि के अंत तक कुल — प्रतिशत', 'To date (to the period’s end) — per cent'), type: 'percent', width: 10 },
];

/** The report table of a return, for exportReportXlsx / buildReportPrint. */
export function returnReport(def: ReturnDef, campaignName: string): ReportDef {
  // Numbering is the return's own (sections lettered, lines numbered), so the machinery's is off.
  return { id: def.id, printTitle: def.title(campaignName), columns: RETURN_COLUMNS, numbered: false };
}

export function sectionsOf(def: ReturnDef): ReturnSection[] {
  return def.sections.map((id) => SECTIONS.find((s) => s.id === id)!);
}

const rupees = (paise: number | null) => (paise === null ? null : Math.round(paise) / 100);

function cells(line: ReturnLine, w: WindowFigures, f: ReturnFigures): [number | null, number | null, number | null] {
  return [line.count?.(w, f) ?? null, rupees(line.amount?.(w, f) ?? null), line.share?.(w, f) ?? null];
}

/**
 * The rows of a thana's return: a heading row per section, then its lines, numbered through.
 * `line` names the line (not printed: only the report's columns are).
 */
export function returnRows(def: ReturnDef, f: ReturnFigures): ReportRow[] {
  const rows: ReportRow[] = [];
  let n = 0;
  for (const s of sectionsOf(def)) {
    rows.push({ line: `section:${s.id}`, sno: s.letter, item: both(s.title) });
    for (const line of s.lines) {
      const [pCount, pAmount, pShare] = line.cumulativeOnly ? [null, null, null] : cells(line, f.period, f);
      const [cCount, cAmount, cShare] = line.periodOnly ? [null, null, null] : cells(line, f.cumulative, f);
      rows.push({ line: line.id, sno: String(++n), item: both(line.label), pCount, pAmount, pShare, cCount, cAmount, cShare });
    }
  }
  // What the two columns count, on the paper itself (the dashboard shows the to-date figures).
  rows.push({ line: 'note', sno: '*', item: both(WINDOW_NOTE) });
  return rows;
}

// ─── The district's thana-wise version of the same lines ────────────────────────────────────────

export interface ThanaFigures {
  /** The thana's name as printed. */
  thana: string;
  figures: ReturnFigures;
}

/** One column per figure of the chosen lines (numbers and amounts summed in the totals row). */
export function thanaWiseReport(def: ReturnDef, lineIds: string[], window: 'period' | 'cumulative', campaignName: string): ReportDef {
  const columns: ReportColumn[] = [{ key: 'thana', label: bi('थाना', 'Thana'), type: 'text', width: 18 }];
  for (const id of lineIds) {
    const line = lineById(id);
    if (line.count) columns.push({ key: `${id}:count`, label: line.label, type: 'int', width: 11, total: true });
    if (line.amount) columns.push({ key: `${id}:amount`, label: bi(`${line.label.hi} (₹)`, `${line.label.en} (₹)`), type: 'money', width: 14, total: true });
    if (line.share) columns.push({ key: `${id}:share`, label: bi(`${line.label.hi} (%)`, `${line.label.en} (%)`), type: 'percent', width: 9 });
  }
  const suffix = window === 'period' ? bi(' — थानावार', ' — thana-wise') : bi(' — थानावार, अवधि के अंत तक कुल', ' — thana-wise, to date');
  const title = def.title(campaignName);
  return { id: `${def.id}-thana-wise`, printTitle: bi(title.hi + suffix.hi, title.en + suffix.en), columns };
}

export function thanaWiseRows(lineIds: string[], thanas: ThanaFigures[], window: 'period' | 'cumulative'): ReportRow[] {
  return thanas.map(({ thana, figures }) => {
    const row: ReportRow = { thana };
    for (const id of lineIds) {
      const line = lineById(id);
      const skip = (window === 'period' && line.cumulativeOnly) || (window === 'cumulative' && line.periodOnly);
      const [count, amount, share] = skip ? [null, null, null] : cells(line, figures[window], figures);
      if (line.count) row[`${id}:count`] = count;
      if (line.amount) row[`${id}:amount`] = amount;
      if (line.share) row[`${id}:share`] = share;
    }
    return row;
  });
}
