/**
 * The district's figures as CouchDB map/reduce views (issue #15 §2, design §3.17): one design
 * document on `district_<name>`, ES5 map functions and CouchDB's built-in reducers only (`_sum`,
 * `_count`), so the hub computes every figure in Erlang and the district PC reads a few rows.
 *
 * Each map function computes its figures with the SAME definitions the thana's dashboard and
 * returns use (domain/outreach/totals `entryFigures`, domain/complaints/totals
 * `complaintTotalValues`, domain/roster `isTrained`, domain/reports/figures `institutionKey`),
 * written again in ES5 because CouchDB's JavaScript engine runs no modules. The constants they
 * depend on (field orders, open statuses, golden hour, ₹10 lakh) are taken from the domain when
 * the source is generated. test/sync/district-views.test.ts holds both sides to the same answers
 * on the same documents.
 *
 * Keys always start with the thana code, so one thana is one key range and `group_level=1` is
 * "per thana"; dates are 'YYYY-MM-DD' so a period is a key range.
 *
 * | view | key | value | reduce |
 * |---|---|---|---|
 * | outreach | [T, 'YYYY-MM', date] | OUTREACH_FIELDS | _sum |
 * | outreach_day | [T, date, dim, id] dim: type, mode, area, place, mitan, inst | OUTREACH_FIELDS | _sum |
 * | outreach_by | [T, dim, id, date] dim: team, mitan, place | OUTREACH_FIELDS | _sum |
 * | roster | [T, teamId] (Mitans and teams) | ROSTER_FIELDS | _sum |
 * | joined | [T, 'enrolled' / 'trained', date] | 1 | _count |
 * | members | [T, teamId, mitanId] | the Mitan's name, serial, status, trained | none |
 * | teams | [T, teamId] | the team's number, name, leader, target, formed on | none |
 * | places | [T, placeId] | kind | _count |
 * | complaints | [T, 'YYYY-MM', date] ('' '' without a date) | COMPLAINT_FIELDS | _sum |
 * | progress | [T, 'place', placeId], [T, 'team', teamId], [T, 'complaints'] | see PROGRESS_PLACE / ROSTER_FIELDS / COMPLAINT_FIELDS | _sum |
 * | complaints_by | [T, date, 'source' / 'category', value] | COMPLAINT_FIELDS | _sum |
 * | held_by_year | [year, T] | HELD_FIELDS | _sum |
 * | thanas | [T, 'profile' / 'options' / 'meta'] or [T, 'pcsync', pc] | the setting's value / the marker | none |
 * | registers | [type, ULID] (register entries) | null (read with include_docs) | none |
 * | complaint_keys | a complaint's lookup key ('mobile:…', 'utr:…': across thanas, no thana first) | null (include_docs) | none |
 */
import { OPEN_STATUSES } from '@/domain/complaints/workflow';
import { DAY_MINUTES, GOLDEN_HOUR_MINUTES, HIGH_VALUE_PAISE } from '@/domain/complaints/flags';
import type { ComplaintTotalValues } from '@/domain/complaints/totals';
import { TOTAL_FIELDS } from '@/domain/outreach/totals';

export const FIGURES_DESIGN_ID = '_design/figures';
export const FIGURES_DESIGN_NAME = 'figures';

/** Order of the numbers in an outreach value: the running totals' fields. */
export const OUTREACH_FIELDS = TOTAL_FIELDS;

/** Order of the numbers in a complaint value: the complaint totals' fields. */
export const COMPLAINT_FIELDS = [
  'count',
  'moneyCases',
  'lost',
  'held',
  'refunded',
  'pending',
  'goldenHour',
  'within24h',
  'highValue',
  'ncrpMissing',
  'fir',
  'open',
] as const satisfies readonly (keyof ComplaintTotalValues)[];

/** Per team (or thana): live Mitans, active, trained; live teams and their own targets. */
export const ROSTER_FIELDS = ['total', 'active', 'trained', 'teams', 'ownTarget'] as const;

/** Complaints with an amount held, year-wise: cases, held, refunded, pending, cases with a refund pending. */
export const HELD_FIELDS = ['cases', 'held', 'refunded', 'pending', 'pendingCases'] as const;

/**
 * The progress view: everything the thana-wise progress page needs in ONE `group_level=3` query,
 * one row per document (issue #15 §3). A place row's value is [listed, activities] followed by the
 * OUTREACH_FIELDS of the entries held at that place (an entry without a place: [T, 'place', null]),
 * so a thana's outreach is the sum of its place rows and its coverage is its listed places with an
 * activity; a team row is ROSTER_FIELDS; [T, 'complaints'] is COMPLAINT_FIELDS. Each group holds
 * rows of one kind; CouchDB's and PouchDB's `_sum` add arrays element by element.
 */
export const PROGRESS_PLACE = ['listed', 'activities'] as const;

/** Types of the small per-PC documents stations write after each sync (sync/districtMarker.ts). */
export const SYNC_MARKER_TYPE = 'pcsync';

/** Shared ES5 helpers, inlined into every map function (a map function cannot import). */
const PRELUDE = [
  '  if (!doc.thana || doc.cancelled || typeof doc.type !== "string") { return; }',
  '  var T = doc.thana;',
  '  var d = doc.data || {};',
  '  function num(v) { return typeof v === "number" && isFinite(v) ? v : 0; }',
  '  function str(v) { return typeof v === "string" && v ? v : null; }',
];

const OUTREACH_FIGURES = [
  '  function figures(x) {',
  '    var men = num(x.men), women = num(x.women), other = num(x.other);',
  '    return [1, men, women, other, num(x.under18), men + women + other, num(x.households), num(x.contacts),',
  '      num(x.pamphlets), num(x.pledges), num(x.complaintsHelped), x.verifiedAt ? 1 : 0];',
  '  }',
  '  function present(x) {',
  '    var out = [], seen = {}, list = x.mitanIds instanceof Array ? x.mitanIds : [];',
  '    for (var i = 0; i < list.length; i++) { var m = String(list[i]); if (!seen["k" + m]) { seen["k" + m] = true; out.push(m); } }',
  '    return out;',
  '  }',
];

const COMPLAINT_VALUES = () => [
  `  var OPEN = ${JSON.stringify(OPEN_STATUSES)};`,
  '  function isPaise(v) { return typeof v === "number" && v >= 0 && v % 1 === 0 && v <= 9007199254740991; }',
  '  function rows(v) { var out = []; if (v instanceof Array) { for (var i = 0; i < v.length; i++) { if (v[i] && typeof v[i] === "object") { out.push(v[i]); } } } return out; }',
  '  function amounts(list) { var s = 0; for (var i = 0; i < list.length; i++) { if (isPaise(list[i].amount)) { s += list[i].amount; } } return s; }',
  '  function validDate(s) {',
  '    if (typeof s !== "string" || !/^\\d{4}-\\d{2}-\\d{2}$/.test(s)) { return false; }',
  '    var t = new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)));',
  '    return t.getUTCFullYear() === +s.slice(0, 4) && t.getUTCMonth() === +s.slice(5, 7) - 1 && t.getUTCDate() === +s.slice(8, 10);',
  '  }',
  '  function validDateTime(s) {',
  '    if (typeof s !== "string" || !/^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$/.test(s)) { return false; }',
  '    return validDate(s.slice(0, 10)) && +s.slice(11, 13) < 24 && +s.slice(14, 16) < 60;',
  '  }',
  '  function minutes(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16)) / 60000; }',
  '  function earliest(list) { var out = null; for (var i = 0; i < list.length; i++) { if (validDateTime(list[i]) && (out === null || list[i] < out)) { out = list[i]; } } return out; }',
  '  function complaintValues(x) {',
  '    var tx = rows(x.transactions), lost = amounts(tx), held = amounts(rows(x.holds)), refunded = amounts(rows(x.refunds));',
  '    var times = []; for (var i = 0; i < tx.length; i++) { times.push(tx[i].at); }',
  '    var first = earliest(times);',
  '    var reported = earliest([x.called1930 ? x.called1930At : null, x.ncrpState === "filed" ? x.ncrpFiledAt : null]);',
  '    var delay = first && reported ? Math.max(0, Math.round(minutes(reported) - minutes(first))) : null;',
  '    var money = lost > 0;',
  '    var ack = x.ncrpState === "filed" && typeof x.ncrpAck === "string" && x.ncrpAck.replace(/^\\s+|\\s+$/g, "") !== "";',
  '    var open = 0; for (var j = 0; j < OPEN.length; j++) { if (OPEN[j] === x.status) { open = 1; } }',
  '    return [1, money ? 1 : 0, lost, held, refunded, Math.max(0, held - refunded),',
  `      money && delay !== null && delay <= ${GOLDEN_HOUR_MINUTES} ? 1 : 0, money && delay !== null && delay <= ${DAY_MINUTES} ? 1 : 0,`,
  `      lost >= ${HIGH_VALUE_PAISE} ? 1 : 0, money && !ack ? 1 : 0, x.action === "fir" ? 1 : 0, open];`,
  '  }',
];

function mapFn(body: string[], ...helpers: string[][]): string {
  return ['function (doc) {', ...PRELUDE, ...helpers.flat(), ...body, '}'].join('\n');
}

const VIEWS: Record<string, { map: string; reduce?: string }> = {
  outreach: {
    map: mapFn(['  if (doc.type !== "outreach") { return; }', '  var date = str(d.date); if (!date) { return; }', '  emit([T, date.slice(0, 7), date], figures(d));'], OUTREACH_FIGURES),
    reduce: '_sum',
  },
  outreach_day: {
    map: mapFn(
      [
        '  if (doc.type !== "outreach") { return; }',
        '  var date = str(d.date); if (!date) { return; }',
        '  var f = figures(d);',
        '  var dims = ["type", "activityType", "mode", "mode", "area", "area", "place", "placeId"];',
        '  for (var i = 0; i < dims.length; i += 2) { var v = str(d[dims[i + 1]]); if (v) { emit([T, date, dims[i], v], f); } }',
        '  var ms = present(d); for (var j = 0; j < ms.length; j++) { emit([T, date, "mitan", ms[j]], f); }',
        '  if (d.activityType === "school" || d.activityType === "college") {',
        '    var name = typeof d.institution === "string" ? d.institution : "";',
        '    if (typeof name.normalize === "function") { name = name.normalize("NFC"); }',
        '    name = name.toLowerCase().replace(/[.,]/g, " ").replace(/\\s+/g, " ").replace(/^\\s+|\\s+$/g, "");',
        '    var where = d.placeId === null || d.placeId === undefined ? doc._id : String(d.placeId);',
        '    emit([T, date, "inst", d.activityType + ":" + (name || "place:" + where)], f);',
        '  }',
      ],
      OUTREACH_FIGURES,
    ),
    reduce: '_sum',
  },
  outreach_by: {
    map: mapFn(
      [
        '  if (doc.type !== "outreach") { return; }',
        '  var date = str(d.date); if (!date) { return; }',
        '  var f = figures(d);',
        '  if (str(d.teamId)) { emit([T, "team", d.teamId, date], f); }',
        '  if (str(d.placeId)) { emit([T, "place", d.placeId, date], f); }',
        '  var ms = present(d); for (var j = 0; j < ms.length; j++) { emit([T, "mitan", ms[j], date], f); }',
      ],
      OUTREACH_FIGURES,
    ),
    reduce: '_sum',
  },
  roster: {
    map: mapFn([
      '  if (doc.type === "mitan") {',
      '    var trained = typeof d.trainingDate === "string" && d.trainingDate !== "" ? 1 : 0;',
      '    emit([T, typeof d.teamId === "string" ? d.teamId : null], [1, d.status === "active" ? 1 : 0, trained, 0, 0]);',
      '  } else if (doc.type === "team") {',
      '    var own = typeof d.target === "number" && d.target > 0 && d.target % 1 === 0 ? d.target : 0;',
      '    emit([T, doc._id], [0, 0, 0, 1, own]);',
      '  }',
    ]),
    reduce: '_sum',
  },
  joined: {
    map: mapFn([
      '  if (doc.type !== "mitan") { return; }',
      // domain/reports/definitions.ts: an entry is placed by the first 10 characters of its date, if it has them.
      '  if (typeof d.consentDate === "string" && d.consentDate.length >= 10) { emit([T, "enrolled", d.consentDate.slice(0, 10)], 1); }',
      '  if (typeof d.trainingDate === "string" && d.trainingDate.length >= 10) { emit([T, "trained", d.trainingDate.slice(0, 10)], 1); }',
    ]),
    reduce: '_count',
  },
  members: {
    map: mapFn([
      '  if (doc.type !== "mitan") { return; }',
      '  emit([T, typeof d.teamId === "string" ? d.teamId : null, doc._id], { name: d.name || "", serial: doc.serial || null, status: d.status || null,',
      '    trained: typeof d.trainingDate === "string" && d.trainingDate !== "", role: d.role || null });',
    ]),
  },
  teams: {
    map: mapFn([
      '  if (doc.type !== "team") { return; }',
      '  emit([T, doc._id], { teamNo: d.teamNo === undefined ? null : d.teamNo, name: d.name || "", leaderName: d.leaderName || "", target: d.target === undefined ? null : d.target,',
      '    formedOn: typeof d.formedOn === "string" ? d.formedOn : null });',
    ]),
  },
  places: {
    map: mapFn(['  if (doc.type !== "place") { return; }', '  emit([T, doc._id], d.kind === undefined ? null : d.kind);']),
    reduce: '_count',
  },
  complaints: {
    map: mapFn(
      [
        '  if (doc.type !== "complaint") { return; }',
        '  var at = typeof d.receivedAt === "string" ? d.receivedAt : "";',
        '  emit([T, at.slice(0, 7), at.slice(0, 10)], complaintValues(d));',
      ],
      COMPLAINT_VALUES(),
    ),
    reduce: '_sum',
  },
  complaints_by: {
    map: mapFn(
      [
        '  if (doc.type !== "complaint" || typeof d.receivedAt !== "string") { return; }',
        '  var v = complaintValues(d), date = d.receivedAt.slice(0, 10);',
        '  emit([T, date, "source", d.source === null || d.source === undefined ? "" : String(d.source)], v);',
        '  emit([T, date, "category", d.ncrpCategory === null || d.ncrpCategory === undefined ? "" : String(d.ncrpCategory)], v);',
      ],
      COMPLAINT_VALUES(),
    ),
    reduce: '_sum',
  },
  held_by_year: {
    map: mapFn(
      [
        '  if (doc.type !== "complaint" || typeof d.receivedAt !== "string") { return; }',
        '  var v = complaintValues(d);',
        '  if (v[3] > 0) { emit([d.receivedAt.slice(0, 4), T], [1, v[3], v[4], v[5], v[5] > 0 ? 1 : 0]); }',
      ],
      COMPLAINT_VALUES(),
    ),
    reduce: '_sum',
  },
  progress: {
    map: mapFn(
      [
        '  if (doc.type === "place") { emit([T, "place", doc._id], [1, 0]); }',
        '  else if (doc.type === "outreach") {',
        '    if (!str(d.date)) { return; }',
        '    var at = str(d.placeId);',
        '    emit([T, "place", at], [0, at ? 1 : 0].concat(figures(d)));',
        '  } else if (doc.type === "mitan") {',
        '    var trained = typeof d.trainingDate === "string" && d.trainingDate !== "" ? 1 : 0;',
        '    emit([T, "team", typeof d.teamId === "string" ? d.teamId : null], [1, d.status === "active" ? 1 : 0, trained, 0, 0]);',
        '  } else if (doc.type === "team") {',
        '    var own = typeof d.target === "number" && d.target > 0 && d.target % 1 === 0 ? d.target : 0;',
        '    emit([T, "team", doc._id], [0, 0, 0, 1, own]);',
        '  } else if (doc.type === "complaint") { emit([T, "complaints"], complaintValues(d)); }',
      ],
      OUTREACH_FIGURES,
      COMPLAINT_VALUES(),
    ),
    reduce: '_sum',
  },
  registers: {
    // Consolidated registers, newest first across thanas: [type, ULID] pages by key range (include_docs).
    map: [
      'function (doc) {',
      '  if (!doc.thana || !doc.data || typeof doc.type !== "string") { return; }',
      '  emit([doc.type, doc._id.slice(doc._id.lastIndexOf(":") + 1)], null);',
      '}',
    ].join('\n'),
  },
  complaint_keys: {
    // Related complaints across thanas (issue #15 §2): the lookup keys the complaint register stores.
    map: mapFn(['  if (doc.type !== "complaint" || !(doc.keys instanceof Array)) { return; }', '  for (var i = 0; i < doc.keys.length; i++) { if (typeof doc.keys[i] === "string") { emit(doc.keys[i], null); } }']),
  },
  thanas: {
    map: [
      'function (doc) {',
      '  if (!doc.thana || typeof doc.type !== "string") { return; }',
      '  if (doc.type === "profile" || doc.type === "options") { emit([doc.thana, doc.type], doc.value || {}); }',
      '  else if (doc.type === "meta") { emit([doc.thana, "meta"], null); }',
      `  else if (doc.type === "${SYNC_MARKER_TYPE}") { emit([doc.thana, "${SYNC_MARKER_TYPE}", doc.pc || doc._id], { at: doc.at || null, pcSeries: doc.pcSeries || "", app: doc.appVersion || "" }); }`,
      '}',
    ].join('\n'),
  },
};

export type FigureView = keyof typeof VIEWS;

/** The figures design document: its body as provisioning writes it. */
export function figuresDesignDoc(): { language: 'javascript'; views: Record<string, { map: string; reduce?: string }> } {
  return { language: 'javascript', views: VIEWS };
}

export function viewSource(name: FigureView): { map: string; reduce?: string } {
  return VIEWS[name]!;
}

/**
 * What provisioning installs on the district database besides its validation function: a list,
 * so the district suspect registry (issue #15 §5) adds its own design documents here.
 */
export interface DistrictDesignDoc {
  /** The database: 'district' for district_<name>; later ones may name their own. */
  db: 'district';
  id: string;
  body: Record<string, unknown>;
}

export function districtDesignDocs(): DistrictDesignDoc[] {
  return [{ db: 'district', id: FIGURES_DESIGN_ID, body: figuresDesignDoc() }];
}
