/**
 * One row of the day sheet as the writer types it (text in the cells), and how it becomes an
 * outreach entry. Pure: the day sheet's behaviour that matters is unit-tested here.
 */
import { bi, type Bilingual } from '@/domain/bilingual';
import { parseCountInput, parseTimeInput } from '@/domain/outreach/input';
import { defaultModeFor, defaultTargetGroupFor } from '@/domain/outreach/options';
import type { RecordData } from '@/domain/validation';

export const COUNT_CELLS = ['men', 'women', 'other', 'under18', 'households', 'contacts', 'pamphlets', 'pledges', 'complaintsHelped'] as const;
export type CountCell = (typeof COUNT_CELLS)[number];

export interface DayRow {
  timeFrom: string;
  timeTo: string;
  activityType: string | null;
  mode: string | null;
  teamId: string | null;
  mitanIds: string[];
  policeNames: string;
  policeCount: string;
  placeId: string | null;
  /** A village/ward typed that is not on the master list: created when the row is saved. */
  newPlaceName: string | null;
  placeName: string;
  area: string | null;
  institution: string;
  institutionClass: string;
  targetGroup: string | null;
  counts: Record<CountCell, string>;
  topics: string[];
  reportedBy: string;
  evidenceRef: string;
  remarks: string;
  /** The writer chose these themselves: an activity change no longer resets them. */
  touched: { mode: boolean; targetGroup: boolean; area: boolean };
}

/** What a new row takes from the row above (issue #5: date, team and place; also area, reporter and topics). */
export type Carried = Pick<DayRow, 'teamId' | 'placeId' | 'newPlaceName' | 'area' | 'reportedBy' | 'topics'>;

export function emptyRow(carried: Partial<Carried> = {}): DayRow {
  return {
    timeFrom: '',
    timeTo: '',
    activityType: null,
    mode: null,
    teamId: carried.teamId ?? null,
    mitanIds: [],
    policeNames: '',
    policeCount: '',
    placeId: carried.placeId ?? null,
    newPlaceName: carried.newPlaceName ?? null,
    placeName: '',
    area: carried.area ?? null,
    institution: '',
    institutionClass: '',
    targetGroup: null,
    counts: Object.fromEntries(COUNT_CELLS.map((c) => [c, ''])) as Record<CountCell, string>,
    topics: [...(carried.topics ?? [])],
    reportedBy: carried.reportedBy ?? '',
    evidenceRef: '',
    remarks: '',
    touched: { mode: false, targetGroup: false, area: !!carried.area },
  };
}

export function carriedFrom(row: DayRow, savedPlaceId: string | null): Carried {
  return {
    teamId: row.teamId,
    placeId: savedPlaceId ?? row.placeId,
    newPlaceName: null,
    area: row.area,
    reportedBy: row.reportedBy,
    topics: [...row.topics],
  };
}

/** The activity type changed: the usual mode and target group follow, unless the writer chose them. */
export function withActivity(row: DayRow, type: string | null): DayRow {
  const next = { ...row, activityType: type };
  if (!row.touched.mode) next.mode = type ? defaultModeFor(type) : null;
  if (!row.touched.targetGroup) next.targetGroup = type ? (defaultTargetGroupFor(type) ?? 'general') : null;
  return next;
}

/** The place changed: its urban/rural follows unless the writer chose it. */
export function withPlace(row: DayRow, placeId: string | null, placeArea: string | null): DayRow {
  const next = { ...row, placeId, newPlaceName: null };
  if (placeArea && !row.touched.area) next.area = placeArea;
  return next;
}

const text = (s: string) => (s.trim() ? s.trim() : null);

/** The row as the outreach entry's input (the domain normalises and validates it). */
export function rowToInput(row: DayRow, date: string, placeId: string | null = row.placeId): RecordData {
  const input: RecordData = {
    date,
    timeFrom: parseTimeInput(row.timeFrom) || null,
    timeTo: parseTimeInput(row.timeTo) || null,
    activityType: row.activityType,
    mode: row.mode,
    teamId: row.teamId,
    mitanIds: row.mitanIds,
    policeNames: text(row.policeNames),
    policeCount: parseCountInput(row.policeCount),
    placeId,
    placeName: text(row.placeName),
    area: row.area,
    institution: text(row.institution),
    institutionClass: text(row.institutionClass),
    targetGroup: row.targetGroup,
    topics: row.topics,
    reportedBy: text(row.reportedBy),
    evidenceRef: text(row.evidenceRef),
    remarks: text(row.remarks),
  };
  for (const c of COUNT_CELLS) input[c] = parseCountInput(row.counts[c]);
  // Blank people counts are zero on paper; the total needs at least one of them.
  for (const c of ['men', 'women', 'other', 'under18'] as const) if (input[c] === null) input[c] = 0;
  return input;
}

/** The running total shown in the row while typing (the domain computes the stored one). */
export function rowTotal(row: DayRow): number {
  return (['men', 'women', 'other'] as const).reduce((s, c) => {
    const n = parseCountInput(row.counts[c]);
    return s + (typeof n === 'number' ? n : 0);
  }, 0);
}

export interface DayColumn {
  key: string;
  label: Bilingual;
  /** Column width in px. */
  width: number;
  /** Numbers are right-aligned and summed in the totals line. */
  count?: boolean;
}

/** The columns of the day sheet, in Tab order (the date is the sheet's own). */
export const DAY_COLUMNS: DayColumn[] = [
  { key: 'timeFrom', label: bi('समय से', 'From'), width: 62 },
  { key: 'timeTo', label: bi('समय तक', 'To'), width: 62 },
  { key: 'activityType', label: bi('गतिविधि', 'Activity'), width: 150 },
  { key: 'mode', label: bi('माध्यम', 'Mode'), width: 100 },
  { key: 'teamId', label: bi('दल', 'Team'), width: 130 },
  { key: 'mitanIds', label: bi('उपस्थित मितान', 'Mitans present'), width: 210 },
  { key: 'policeNames', label: bi('उपस्थित पुलिस (नाम/पद)', 'Police (names/ranks)'), width: 150 },
  { key: 'policeCount', label: bi('पुलिस सं.', 'Police no.'), width: 60, count: true },
  { key: 'placeId', label: bi('ग्राम/वार्ड', 'Village/ward'), width: 150 },
  { key: 'placeName', label: bi('स्थान का नाम', 'Place name'), width: 130 },
  { key: 'area', label: bi('शहरी/ग्रामीण', 'Urban/rural'), width: 90 },
  { key: 'institution', label: bi('संस्था', 'Institution'), width: 140 },
  { key: 'institutionClass', label: bi('कक्षा', 'Class'), width: 60 },
  { key: 'targetGroup', label: bi('लक्षित वर्ग', 'Target group'), width: 110 },
  { key: 'men', label: bi('पुरुष', 'Men'), width: 58, count: true },
  { key: 'women', label: bi('महिला', 'Women'), width: 58, count: true },
  { key: 'other', label: bi('अन्य', 'Other'), width: 50, count: true },
  { key: 'under18', label: bi('18 से कम', 'Under 18'), width: 58, count: true },
  { key: 'total', label: bi('कुल', 'Total'), width: 58, count: true },
  { key: 'households', label: bi('घर', 'Households'), width: 58, count: true },
  { key: 'contacts', label: bi('मोबाइल संपर्क', 'Contacts'), width: 62, count: true },
  { key: 'pamphlets', label: bi('पंपलेट', 'Pamphlets'), width: 62, count: true },
  { key: 'pledges', label: bi('संकल्प पत्र', 'Pledges'), width: 62, count: true },
  { key: 'complaintsHelped', label: bi('शिकायत सहायता', 'Complaints helped'), width: 66, count: true },
  { key: 'topics', label: bi('बताए गए विषय', 'Topics'), width: 220 },
  { key: 'reportedBy', label: bi('प्रतिवेदक', 'Reported by'), width: 120 },
  { key: 'evidenceRef', label: bi('फोटो/साक्ष्य', 'Photo/evidence'), width: 100 },
  { key: 'remarks', label: bi('रिमार्क', 'Remarks'), width: 140 },
];
