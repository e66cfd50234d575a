/**
 * THE definition of each headline figure (issue 16 item 7): enrolled, trained, active, reached,
 * covered, held, pending. The dashboard (running totals), the returns (per-day totals and index
 * walks) and the district (CouchDB map/reduce views on the district database) each compute them
 * their own fast way; this file says what they must all come to, as data a CouchDB view can be
 * written from, plus a plain reference evaluation over entries that the tests hold every source to.
 *
 * The windows:
 * - **to date** (`{ to }`): every live entry whose date is on or before `to`, however early —
 *   also Mitans who joined before the campaign start (an imported roster) and outreach or
 *   complaints entered before it. The dashboard shows figures to date (to = today); a return's
 *   second column is "to date, up to the period's end" and says so on paper.
 * - **in the period** (`{ from, to }`): live entries whose date falls in the period.
 * - a **standing** figure (active Mitans) has no date: it is the register as it stands now, the
 *   same in every window (status has no history of its own to count back through).
 *
 * A cancelled (निरस्त) entry counts nowhere. Amounts are paise, as stored.
 */
import { bi, type Bilingual } from '../bilingual';
import type { StoredRecord } from '../records';

export type FigureId = 'enrolled' | 'trained' | 'active' | 'reached' | 'covered' | 'held' | 'pending';

/** What one live entry contributes, in words a CouchDB map function can be written from. */
export type FigureMeasure =
  /** 1 per entry (that passes `where`). */
  | { kind: 'count' }
  /** The sum of a stored number field of `data` (people, paise). */
  | { kind: 'sum'; field: string }
  /** The number of distinct values of a stored field of `data` (a place id), among those `distinctOf` accepts. */
  | { kind: 'distinct'; field: string };

export interface FigureDef {
  id: FigureId;
  label: Bilingual;
  /** One sentence printed under returns and shown on the dashboard. */
  definition: Bilingual;
  /** The register (record type) counted. */
  register: 'mitan' | 'outreach' | 'complaint';
  /**
   * The `data` field whose date (first 10 characters) places an entry in a window; null for a
   * standing figure. An entry without that date is not counted in any window.
   */
  dateField: string | null;
  /** Only entries whose `data[field]` equals the value count (status = active). */
  where?: { field: string; equals: string };
  measure: FigureMeasure;
  /** Amounts (paise) rather than numbers of people or entries. */
  money?: boolean;
}

export const FIGURES: readonly FigureDef[] = [
  {
    id: 'enrolled',
    label: bi('पंजीकृत मितान', 'Mitans enrolled'),
    definition: bi(
      'पंजी के मितान (निरस्त छोड़कर), सहमति पत्र दिनांक के अनुसार — अभियान से पहले जुड़े/आयातित मितान भी',
      'Mitans on the roster (cancelled ones left out), by consent date — also those who joined before the campaign (imported)',
    ),
    register: 'mitan',
    dateField: 'consentDate',
    measure: { kind: 'count' },
  },
  {
    id: 'trained',
    label: bi('प्रशिक्षित मितान', 'Mitans trained'),
    definition: bi('प्रशिक्षण दिनांक वाले मितान (निरस्त छोड़कर), प्रशिक्षण दिनांक के अनुसार', 'Mitans with a training date (cancelled ones left out), by training date'),
    register: 'mitan',
    dateField: 'trainingDate',
    measure: { kind: 'count' },
  },
  {
    id: 'active',
    label: bi('सक्रिय मितान', 'Active Mitans'),
    definition: bi('स्थिति "सक्रिय" वाले मितान — वर्तमान स्थिति, हर अवधि में समान', 'Mitans whose status is active — as the roster stands, the same in every period'),
    register: 'mitan',
    dateField: null,
    where: { field: 'status', equals: 'active' },
    measure: { kind: 'count' },
  },
  {
    id: 'reached',
    label: bi('जागरूक व्यक्ति', 'People reached'),
    definition: bi('जागरूकता कार्यक्रमों में जागरूक व्यक्ति (पुरुष + महिला + अन्य), कार्यक्रम दिनांक के अनुसार', 'People reached at outreach activities (men + women + other), by activity date'),
    register: 'outreach',
    dateField: 'date',
    measure: { kind: 'sum', field: 'total' },
  },
  {
    id: 'covered',
    label: bi('आच्छादित ग्राम/वार्ड', 'Villages/wards covered'),
    definition: bi('ग्राम/वार्ड सूची के स्थान जहाँ कम से कम एक कार्यक्रम हुआ', 'Places on the list of villages and wards with at least one activity'),
    register: 'outreach',
    dateField: 'date',
    measure: { kind: 'distinct', field: 'placeId' },
  },
  {
    id: 'held',
    label: bi('होल्ड राशि', 'Amount held'),
    definition: bi('शिकायतों में होल्ड/लीन राशि (वर्तमान स्थिति), प्राप्ति दिनांक के अनुसार', 'Amounts on hold or lien in complaints (as they stand), by date received'),
    register: 'complaint',
    dateField: 'receivedAt',
    measure: { kind: 'sum', field: 'totalHeld' },
    money: true,
  },
  {
    id: 'pending',
    label: bi('वापसी हेतु शेष होल्ड राशि', 'Held, refund pending'),
    definition: bi('होल्ड राशि जो अभी वापस नहीं हुई (वर्तमान स्थिति), प्राप्ति दिनांक के अनुसार', 'Held amounts not yet refunded (as they stand), by date received'),
    register: 'complaint',
    dateField: 'receivedAt',
    measure: { kind: 'sum', field: 'pendingRefund' },
    money: true,
  },
];

export function figureDef(id: FigureId): FigureDef {
  const f = FIGURES.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown figure: ${id}`);
  return f;
}

/** A window of dates, 'YYYY-MM-DD'. No `from`: to date (everything up to `to`). */
export interface FigureWindow {
  from?: string | null;
  to: string;
}

/** The date an entry is placed by, or null (no date: counted in no window). */
export function figureDate(def: FigureDef, data: Record<string, unknown>): string | null {
  if (!def.dateField) return null;
  const v = data[def.dateField];
  return typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null;
}

/** Does one entry count in the window (before its measure is applied)? */
export function countsIn(def: FigureDef, r: Pick<StoredRecord, 'cancelled' | 'data'>, w: FigureWindow): boolean {
  if (r.cancelled) return false;
  if (def.where && r.data[def.where.field] !== def.where.equals) return false;
  if (!def.dateField) return true;
  const d = figureDate(def, r.data);
  return d !== null && d <= w.to && (!w.from || d >= w.from);
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The reference evaluation: one pass over the register's entries. `distinctOf` says which values
 * of a distinct measure count (covered: only places on the master list, i.e. live places).
 */
export function evaluateFigure(def: FigureDef, records: Iterable<Pick<StoredRecord, 'cancelled' | 'data'>>, w: FigureWindow, distinctOf?: (value: string) => boolean): number {
  let n = 0;
  const seen = new Set<string>();
  for (const r of records) {
    if (!countsIn(def, r, w)) continue;
    const m = def.measure;
    if (m.kind === 'count') n++;
    else if (m.kind === 'sum') n += num(r.data[m.field]);
    else {
      const v = r.data[m.field];
      if (typeof v === 'string' && v && (!distinctOf || distinctOf(v))) seen.add(v);
    }
  }
  return def.measure.kind === 'distinct' ? seen.size : n;
}

/**
 * The definition as an ES5 CouchDB map function over the district database: emits
 * `[thana, figureId, date]` → value (`_sum` reduces counts and sums; for `distinct`, query with
 * group_level 4 on `[thana, figureId, date, value]` and count the distinct values of the range).
 * Standing figures emit the date ''. The district hub's views are built from these.
 */
export function figureMapFunction(def: FigureDef): string {
  const m = def.measure;
  const date = def.dateField ? `(typeof d.${def.dateField} === 'string' && d.${def.dateField}.length >= 10) ? d.${def.dateField}.substring(0, 10) : null` : `''`;
  const where = def.where ? ` if (d.${def.where.field} !== ${JSON.stringify(def.where.equals)}) return;` : '';
  const emit =
    m.kind === 'count'
      ? `emit([doc.thana, ${JSON.stringify(def.id)}, day], 1);`
      : m.kind === 'sum'
        ? `var v = d.${m.field}; if (typeof v === 'number' && isFinite(v) && v !== 0) emit([doc.thana, ${JSON.stringify(def.id)}, day], v);`
        : `var v = d.${m.field}; if (typeof v === 'string' && v) emit([doc.thana, ${JSON.stringify(def.id)}, day, v], 1);`;
  return [
    'function (doc) {',
    `  if (doc.type !== ${JSON.stringify(def.register)} || doc.cancelled || !doc.data) return;`,
    `  var d = doc.data;${where}`,
    `  var day = ${date};`,
    '  if (day === null) return;',
    `  ${emit}`,
    '}',
  ].join('\n');
}

/** The footnote a print carries when it shows figures in both windows. */
export const WINDOW_NOTE: Bilingual = bi(
  '"अवधि में" = अवधि के दिनांकों की प्रविष्टियाँ; "अवधि के अंत तक कुल" = उस दिन तक पंजी में दर्ज सभी (अभियान प्रारंभ से पहले जुड़े/आयातित मितान सहित) — डैशबोर्ड यही "आज तक" दिखाता है। निरस्त प्रविष्टियाँ कहीं नहीं गिनी जातीं।',
  '"In the period" = entries dated in the period; "to date" = everything on the registers up to the period’s end (including Mitans who joined before the campaign or were imported) — the dashboard shows the same figures up to today. Cancelled entries count nowhere.',
);
