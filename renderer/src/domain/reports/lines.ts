/**
 * The lines of the thana's returns (domain.md §7: the nodal officer's daily outreach return, team
 * and coverage figures, progress against the thana's share, and the thana part of the SP office's
 * outreach and complaint abstracts), declared once as data. Each line says how to read its
 * count, amount (paise) and percentage from one window of figures; returns.ts prints them for
 * the period and for the campaign so far, and the district prints the same lines thana-wise.
 */
import { bi, type Bilingual } from '../bilingual';
import type { ComplaintTotalValues } from '../complaints/totals';
import { COMPLAINT_SOURCES, NCRP_CATEGORIES } from '../registers/complaint-options';
import { ACTIVITY_TYPES } from '../outreach/options';
import { EMPTY_TOTALS, type OutreachTotals } from '../outreach/totals';
import type { ReturnFigures, WindowFigures } from './figures';
import { EMPTY_COMPLAINT_VALUES } from './review';

export type LineValue = (w: WindowFigures, f: ReturnFigures) => number | null;

export interface ReturnLine {
  id: string;
  label: Bilingual;
  count?: LineValue;
  /** Paise. */
  amount?: LineValue;
  /** A fraction 0…1. */
  share?: LineValue;
  /** Only in the period column: a figure with no meaning for the campaign so far. */
  periodOnly?: boolean;
  /** Only in the campaign column: a figure with no meaning for the period alone. */
  cumulativeOnly?: boolean;
  /** The same figure in both columns: a position as it stands (team strength). */
  standing?: boolean;
}

export interface ReturnSection {
  id: string;
  /** Printed as a heading row: 'अ', 'ब' … */
  letter: string;
  title: Bilingual;
  lines: ReturnLine[];
}

const frac = (part: number, whole: number | null | undefined): number | null => (whole && whole > 0 ? part / whole : null);
const t = (m: Record<string, OutreachTotals>, k: string) => m[k] ?? EMPTY_TOTALS;
const c = (m: Record<string, ComplaintTotalValues>, k: string) => m[k] ?? EMPTY_COMPLAINT_VALUES;
const covered = (w: WindowFigures) => Object.values(w.placesCovered).reduce((s, n) => s + n, 0);
const totalPlaces = (f: ReturnFigures) => Object.values(f.places).reduce((s, n) => s + n, 0);

export const SECTIONS: ReturnSection[] = [
  {
    id: 'sessions',
    letter: 'अ',
    title: bi('जागरूकता कार्यक्रम (प्रकार अनुसार)', 'Awareness sessions (by type)'),
    lines: [
      { id: 'sessions', label: bi('कुल कार्यक्रम', 'All sessions'), count: (w) => w.outreach.activities },
      ...ACTIVITY_TYPES.map(
        (a): ReturnLine => ({
          id: `sessions.${a.value}`,
          label: a.label,
          count: (w) => t(w.byType, a.value).activities,
          share: (w) => frac(t(w.byType, a.value).activities, w.outreach.activities),
        }),
      ),
      {
        id: 'sessions.verified',
        label: bi('नोडल अधिकारी द्वारा सत्यापित', 'Verified by the nodal officer'),
        count: (w) => w.outreach.verified,
        share: (w) => frac(w.outreach.verified, w.outreach.activities),
      },
    ],
  },
  {
    id: 'people',
    letter: 'ब',
    title: bi('जागरूक किए गए व्यक्ति', 'People reached'),
    lines: [
      { id: 'people', label: bi('कुल जागरूक व्यक्ति', 'All people reached'), count: (w) => w.outreach.total },
      { id: 'people.in-person', label: bi('प्रत्यक्ष', 'In person'), count: (w) => t(w.byMode, 'in-person').total, share: (w) => frac(t(w.byMode, 'in-person').total, w.outreach.total) },
      { id: 'people.mobile', label: bi('मोबाइल द्वारा', 'By mobile'), count: (w) => t(w.byMode, 'mobile').total, share: (w) => frac(t(w.byMode, 'mobile').total, w.outreach.total) },
      { id: 'people.men', label: bi('पुरुष', 'Men'), count: (w) => w.outreach.men, share: (w) => frac(w.outreach.men, w.outreach.total) },
      { id: 'people.women', label: bi('महिला', 'Women'), count: (w) => w.outreach.women, share: (w) => frac(w.outreach.women, w.outreach.total) },
      { id: 'people.other', label: bi('अन्य', 'Other'), count: (w) => w.outreach.other, share: (w) => frac(w.outreach.other, w.outreach.total) },
      { id: 'people.under18', label: bi('इनमें 18 वर्ष से कम', 'Of them under 18'), count: (w) => w.outreach.under18, share: (w) => frac(w.outreach.under18, w.outreach.total) },
      { id: 'people.urban', label: bi('शहरी क्षेत्र में', 'In urban areas'), count: (w) => t(w.byArea, 'urban').total, share: (w) => frac(t(w.byArea, 'urban').total, w.outreach.total) },
      { id: 'people.rural', label: bi('ग्रामीण क्षेत्र में', 'In rural areas'), count: (w) => t(w.byArea, 'rural').total, share: (w) => frac(t(w.byArea, 'rural').total, w.outreach.total) },
      { id: 'people.households', label: bi('संपर्कित परिवार (घर-घर)', 'Households visited (door-to-door)'), count: (w) => w.outreach.households },
      { id: 'people.contacts', label: bi('मोबाइल/व्हाट्सएप संपर्क', 'Phone/WhatsApp contacts'), count: (w) => w.outreach.contacts },
    ],
  },
  {
    id: 'material',
    letter: 'स',
    title: bi('सामग्री, संकल्प पत्र व शिकायत में सहायता', 'Material, pledges and help with complaints'),
    lines: [
      { id: 'pamphlets', label: bi('वितरित पंपलेट/पोस्टर/स्टिकर', 'Pamphlets/posters/stickers given out'), count: (w) => w.outreach.pamphlets },
      { id: 'pledges', label: bi('भरवाए गए संकल्प पत्र', 'Pledge forms filled'), count: (w) => w.outreach.pledges },
      { id: 'complaintsHelped', label: bi('1930/एनसीआरपी पर शिकायत में सहायता', 'Complaints helped to 1930/NCRP'), count: (w) => w.outreach.complaintsHelped },
    ],
  },
  {
    id: 'coverage',
    letter: 'द',
    title: bi('आच्छादन (ग्राम/वार्ड सूची के विरुद्ध)', 'Coverage (against the list of villages and wards)'),
    lines: [
      { id: 'places', label: bi('आच्छादित ग्राम/वार्ड', 'Villages/wards covered'), count: (w) => covered(w), share: (w, f) => frac(covered(w), totalPlaces(f)) },
      { id: 'places.village', label: bi('— ग्राम', '— villages'), count: (w) => w.placesCovered.village ?? 0, share: (w, f) => frac(w.placesCovered.village ?? 0, f.places.village) },
      { id: 'places.ward', label: bi('— वार्ड', '— wards'), count: (w) => w.placesCovered.ward ?? 0, share: (w, f) => frac(w.placesCovered.ward ?? 0, f.places.ward) },
      { id: 'places.notCovered', label: bi('अब तक शेष ग्राम/वार्ड', 'Villages/wards not yet covered'), cumulativeOnly: true, count: (w, f) => Math.max(0, totalPlaces(f) - covered(w)), share: (w, f) => frac(Math.max(0, totalPlaces(f) - covered(w)), totalPlaces(f)) },
      { id: 'schools', label: bi('विद्यालय जहाँ कार्यक्रम हुए', 'Schools covered'), count: (w) => w.institutions.school },
      { id: 'colleges', label: bi('महाविद्यालय जहाँ कार्यक्रम हुए', 'Colleges covered'), count: (w) => w.institutions.college },
    ],
  },
  {
    id: 'mitans',
    letter: 'इ',
    title: bi('साइबर मितान व दल (थाने के लक्ष्य के विरुद्ध)', 'Cyber Mitans and teams (against the thana’s share)'),
    lines: [
      { id: 'mitans.enrolled', label: bi('पंजीकृत मितान', 'Mitans enrolled'), count: (w) => w.mitans.enrolled, share: (w, f) => frac(w.mitans.enrolled, f.thanaTarget) },
      { id: 'mitans.trained', label: bi('प्रशिक्षित मितान', 'Mitans trained'), count: (w) => w.mitans.trained, share: (w, f) => frac(w.mitans.trained, f.thanaTarget) },
      {
        id: 'mitans.active',
        label: bi('सक्रिय मितान — वर्तमान स्थिति', 'Active Mitans — as they stand'),
        standing: true,
        count: (_w, f) => f.mitansActive,
        share: (_w, f) => frac(f.mitansActive, f.thanaTarget),
      },
      { id: 'mitans.tookPart', label: bi('कार्यक्रमों में भाग लेने वाले मितान', 'Mitans who took part in activities'), count: (w) => w.mitansTookPart },
      { id: 'teams.formed', label: bi('गठित दल', 'Teams formed'), count: (w) => w.teamsFormed },
      {
        id: 'teams.atStrength',
        label: bi('लक्षित संख्या (25) पूर्ण दल — वर्तमान स्थिति', 'Teams at their target (25) — as they stand'),
        standing: true,
        count: (_w, f) => f.teams.atStrength,
        share: (_w, f) => frac(f.teams.atStrength, f.teams.total),
      },
    ],
  },
  {
    id: 'complaints',
    letter: 'ई',
    title: bi('साइबर शिकायतें (प्राप्ति दिनांक अनुसार; राशि वर्तमान स्थिति में)', 'Cyber complaints (by date received; amounts as they stand)'),
    lines: [
      { id: 'complaints', label: bi('प्राप्त शिकायतें', 'Complaints received'), count: (w) => w.complaints.count, amount: (w) => w.complaints.lost },
      ...COMPLAINT_SOURCES.map(
        (s): ReturnLine => ({
          id: `complaints.source.${s.value}`,
          label: bi(`— ${s.label.hi}`, `— ${s.label.en}`),
          count: (w) => c(w.complaintsBySource, s.value).count,
          amount: (w) => c(w.complaintsBySource, s.value).lost,
          share: (w) => frac(c(w.complaintsBySource, s.value).count, w.complaints.count),
        }),
      ),
      { id: 'complaints.money', label: bi('राशि वाले मामले / ठगी की राशि', 'Money cases / amount lost'), count: (w) => w.complaints.moneyCases, amount: (w) => w.complaints.lost },
      {
        id: 'complaints.held',
        label: bi('होल्ड राशि (ठगी की राशि का %)', 'Amount held (% of the amount lost)'),
        amount: (w) => w.complaints.held,
        share: (w) => frac(w.complaints.held, w.complaints.lost),
      },
      {
        id: 'complaints.refunded',
        label: bi('वापस कराई गई राशि (होल्ड का %)', 'Amount refunded (% of the amount held)'),
        amount: (w) => w.complaints.refunded,
        share: (w) => frac(w.complaints.refunded, w.complaints.held),
      },
      { id: 'complaints.pending', label: bi('वापसी हेतु शेष होल्ड राशि', 'Held, refund pending'), amount: (w) => w.complaints.pending },
      {
        id: 'complaints.goldenHour',
        label: bi('गोल्डन ऑवर (1 घंटे) में सूचना', 'Reported within the golden hour'),
        count: (w) => w.complaints.goldenHour,
        share: (w) => frac(w.complaints.goldenHour, w.complaints.moneyCases),
      },
      {
        id: 'complaints.within24h',
        label: bi('24 घंटे में सूचना', 'Reported within 24 hours'),
        count: (w) => w.complaints.within24h,
        share: (w) => frac(w.complaints.within24h, w.complaints.moneyCases),
      },
      { id: 'complaints.fir', label: bi('एफआईआर दर्ज', 'FIRs registered'), count: (w) => w.complaints.fir, share: (w) => frac(w.complaints.fir, w.complaints.count) },
      { id: 'complaints.highValue', label: bi('₹10 लाख या अधिक के मामले', 'Cases of ₹10 lakh or more'), count: (w) => w.complaints.highValue },
      { id: 'complaints.ncrpMissing', label: bi('राशि वाले मामले, एनसीआरपी पावती नहीं', 'Money cases without NCRP acknowledgement'), count: (w) => w.complaints.ncrpMissing },
      {
        id: 'complaints.pendency',
        label: bi('लंबित शिकायतें (अवधि के अंत में)', 'Complaints pending (at the period’s end)'),
        periodOnly: true,
        count: (_w, f) => f.pendency.open,
      },
      { id: 'complaints.over7', label: bi('— 7 दिन से अधिक लंबित', '— pending over 7 days'), periodOnly: true, count: (_w, f) => f.pendency.over7 },
      { id: 'complaints.over30', label: bi('— 30 दिन से अधिक लंबित', '— pending over 30 days'), periodOnly: true, count: (_w, f) => f.pendency.over30 },
    ],
  },
  {
    id: 'categories',
    letter: 'उ',
    title: bi('शिकायतें एनसीआरपी श्रेणी अनुसार', 'Complaints by NCRP category'),
    lines: NCRP_CATEGORIES.map(
      (cat): ReturnLine => ({
        id: `complaints.category.${cat.value}`,
        label: cat.label,
        count: (w) => c(w.complaintsByCategory, cat.value).count,
        amount: (w) => c(w.complaintsByCategory, cat.value).lost,
        share: (w) => frac(c(w.complaintsByCategory, cat.value).count, w.complaints.count),
      }),
    ),
  },
];

export function sectionById(id: string): ReturnSection {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown return section: ${id}`);
  return s;
}

export function lineById(id: string): ReturnLine {
  for (const s of SECTIONS) for (const l of s.lines) if (l.id === id) return l;
  throw new Error(`Unknown return line: ${id}`);
}
