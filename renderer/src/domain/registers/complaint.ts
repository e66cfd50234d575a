/**
 * Cyber complaint register (साइबर शिकायत पंजी), domain.md §6(c). It refers to the FIR and the GD
 * in CCTNS, never copies them. Money rows (transactions, holds, refunds) live in the entry's data
 * as arrays that are not FieldDefs (see domain/complaints/money-rows.ts); the totals and flags
 * below are computed from them.
 */
import { bi, type Issue } from '../bilingual';
import { isValidDateTime } from '../dates';
import { complaintFlags, firstTransactionAt, reportedToHelplineAt } from '../complaints/flags';
import { moneyRowsOf, moneyTotals, validateMoneyRows, IFSC_RE, MONEY_ROW_ARRAYS } from '../complaints/money-rows';
import { complaintLookupKeys, splitList, suspectMobileKey } from '../complaints/related';
import { flagLines, holdRefundLines, lostInWords, transactionLines } from '../complaints/paper';
import { complaintTotals } from '../complaints/totals';
import { refuseTransition, STATUSES, statusConsistencyIssues, type ComplaintStatus } from '../complaints/workflow';
import { RANKS } from '../setup';
import {
  ACTIONS,
  ALL_NCRP_SUBCATEGORIES,
  COMPLAINT_SOURCES,
  DISPOSAL_TYPES,
  GENDERS,
  MODUS_OPERANDI,
  NCRP_CATEGORIES,
  NCRP_STATES,
  NCRP_SUBCATEGORIES,
  PLATFORMS,
} from './complaint-options';
import type { FieldContext, FieldDef, RegisterDef } from './types';

const S = {
  receipt: bi('प्राप्ति विवरण', 'Receipt'),
  complainant: bi('प्रार्थी', 'Complainant'),
  incident: bi('घटना विवरण', 'Incident'),
  suspect: bi('संदेही विवरण', 'Suspect identifiers'),
  action: bi('कार्यवाही', 'Action taken'),
  status: bi('स्थिति व निराकरण', 'Status and disposal'),
  money: bi('राशि: ठगी, होल्ड, वापसी (स्वतः गणना)', 'Money: lost, held, refunded (computed)'),
  flags: bi('संकेतक (स्वतः)', 'Flags (computed)'),
};

const warn = (field: string, code: string, hi: string, en: string): Issue => ({ field, code, severity: 'warning', message: bi(hi, en) });
const error = (field: string, code: string, hi: string, en: string): Issue => ({ field, code, severity: 'error', message: bi(hi, en) });

export const hasSubCategories = (category: unknown): boolean => typeof category === 'string' && !!NCRP_SUBCATEGORIES[category]?.length;

export function subCategoryOptions(category: unknown) {
  return typeof category === 'string' ? (NCRP_SUBCATEGORIES[category] ?? []) : [];
}

/** The NCRP acknowledgement: 14 digits per third-party sources, unconfirmed, so only a warning. */
function ncrpAckIssue(v: unknown): Issue | null {
  const s = String(v).replace(/[\s-]/g, '');
  return /^\d{14}$/.test(s)
    ? null
    : warn(
        'ncrpAck',
        'ncrp.format',
        'एनसीआरपी पावती क्रमांक सामान्यतः 14 अंकों का होता है; कृपया जाँच लें',
        'An NCRP acknowledgement number usually has 14 digits; please check it',
      );
}

const notFuture = (key: string, label: string, labelEn: string) => (v: unknown, ctx: FieldContext) =>
  typeof v === 'string' && v.slice(0, 10) > ctx.today
    ? error(key, 'future', `"${label}" भविष्य का नहीं हो सकता`, `"${labelEn}" cannot be in the future`)
    : null;

const fields: FieldDef[] = [
  // प्राप्ति
  {
    key: 'receivedAt',
    label: bi('प्राप्ति दिनांक व समय', 'Date & time received'),
    type: 'datetime',
    required: true,
    section: S.receipt,
    list: { order: 1, width: 125 },
    print: { order: 1, width: 16 },
    importAliases: ['प्राप्ति दिनांक', 'प्राप्ति दिनांक व समय', 'दिनांक', 'received', 'date received', 'received at'],
  },
  {
    key: 'source',
    label: bi('प्राप्ति का माध्यम', 'Source'),
    type: 'select',
    required: true,
    options: COMPLAINT_SOURCES,
    print: { order: 2, width: 14 },
    importAliases: ['माध्यम', 'प्राप्ति का माध्यम', 'source'],
  },
  {
    key: 'mitanId',
    label: bi('साइबर मितान', 'Cyber Mitan'),
    type: 'ref',
    refType: 'mitan',
    required: true,
    when: (d) => d.source === 'mitan',
    help: bi('जिस मितान के माध्यम से शिकायत आई', 'The Mitan through whom the complaint came'),
  },
  {
    key: 'gdNo',
    script: 'latin',
    label: bi('रोजनामचा प्रविष्टि क्रमांक', 'GD entry no.'),
    type: 'text',
    required: true,
    maxLength: 20,
    print: { order: 3, width: 10 },
    importAliases: ['रोजनामचा', 'रोजनामचा क्रमांक', 'रोजनामचा प्रविष्टि क्रमांक', 'gd no', 'gd entry no'],
  },
  {
    key: 'gdDate',
    label: bi('रोजनामचा दिनांक', 'GD date'),
    type: 'date',
    required: true,
    validate: notFuture('gdDate', 'रोजनामचा दिनांक', 'GD date'),
    importAliases: ['रोजनामचा दिनांक', 'gd date'],
  },
  {
    key: 'ncrpState',
    label: bi('एनसीआरपी पर शिकायत', 'NCRP complaint'),
    type: 'select',
    required: true,
    options: NCRP_STATES,
    help: bi('1930 की सूचना 24 घंटे में एनसीआरपी पर पूरी न हो तो दर्ज नहीं होती', 'A 1930 report lapses unless completed on NCRP within 24 hours'),
  },
  {
    key: 'ncrpAck',
    script: 'latin',
    label: bi('एनसीआरपी पावती क्रमांक', 'NCRP acknowledgement no.'),
    type: 'text',
    required: true,
    maxLength: 30,
    when: (d) => d.ncrpState === 'filed',
    validate: ncrpAckIssue,
    print: { order: 4, width: 16 },
    importAliases: ['पावती क्रमांक', 'एनसीआरपी पावती क्रमांक', 'ncrp', 'acknowledgement', 'ack no', 'ncrp ack'],
  },
  {
    key: 'ncrpFiledAt',
    label: bi('एनसीआरपी पर दर्ज दिनांक-समय', 'Filed on NCRP at'),
    type: 'datetime',
    when: (d) => d.ncrpState === 'filed',
  },
  {
    key: 'called1930',
    label: bi('1930 पर सूचना दी?', '1930 called?'),
    type: 'boolean',
    importAliases: ['1930', '1930 पर सूचना'],
  },
  {
    key: 'called1930At',
    label: bi('1930 पर सूचना का दिनांक-समय', '1930 called at'),
    type: 'datetime',
    required: true,
    when: (d) => d.called1930 === true,
  },
  // प्रार्थी
  {
    key: 'complainantName',
    label: bi('प्रार्थी का नाम', 'Complainant name'),
    type: 'text',
    required: true,
    maxLength: 100,
    section: S.complainant,
    list: { order: 2, width: 150 },
    print: { order: 5, width: 20 },
    importAliases: ['प्रार्थी', 'प्रार्थी का नाम', 'आवेदक', 'शिकायतकर्ता', 'complainant', 'name'],
  },
  {
    key: 'complainantRelative',
    label: bi('पिता/पति का नाम', "Father's/Husband's name"),
    type: 'text',
    required: true,
    maxLength: 100,
    print: { order: 6, width: 18 },
    importAliases: ['पिता/पति का नाम', 'पिता का नाम', 'father', "father's name", 'husband'],
  },
  {
    key: 'complainantGender',
    label: bi('लिंग', 'Gender'),
    type: 'select',
    required: true,
    options: GENDERS,
    importAliases: ['लिंग', 'gender'],
  },
  {
    key: 'complainantAge',
    label: bi('उम्र', 'Age'),
    type: 'int',
    required: true,
    min: 1,
    max: 120,
    print: { order: 7, width: 6, total: false },
    importAliases: ['उम्र', 'आयु', 'age'],
  },
  {
    key: 'complainantMobile',
    label: bi('मोबाइल नंबर', 'Mobile'),
    type: 'mobile',
    required: true,
    personal: true,
    list: { order: 3, width: 105 },
    print: { order: 8, width: 13 },
    importAliases: ['मोबाइल', 'मोबाइल नंबर', 'mobile', 'phone'],
  },
  {
    key: 'complainantAddress',
    label: bi('पता: ग्राम/वार्ड, मोहल्ला', 'Address: village/ward, locality'),
    type: 'text',
    required: true,
    maxLength: 200,
    print: { order: 9, width: 22 },
    importAliases: ['पता', 'निवासी', 'ग्राम', 'address'],
  },
  { key: 'complainantBeat', label: bi('बीट', 'Beat'), type: 'text', maxLength: 60, importAliases: ['बीट', 'beat'] },
  { key: 'complainantThana', label: bi('थाना', 'Thana'), type: 'text', maxLength: 60, carryOver: true, importAliases: ['थाना', 'thana'] },
  { key: 'complainantDistrict', label: bi('जिला', 'District'), type: 'text', maxLength: 60, carryOver: true, importAliases: ['जिला', 'district'] },
  { key: 'victimDifferent', label: bi('पीड़ित प्रार्थी से भिन्न है?', 'Victim different from complainant?'), type: 'boolean' },
  {
    key: 'victimName',
    label: bi('पीड़ित का नाम', 'Victim name'),
    type: 'text',
    required: true,
    maxLength: 100,
    when: (d) => d.victimDifferent === true,
    importAliases: ['पीड़ित', 'victim'],
  },
  {
    key: 'victimRelation',
    label: bi('पीड़ित से संबंध', 'Relation to the victim'),
    type: 'text',
    required: true,
    maxLength: 40,
    when: (d) => d.victimDifferent === true,
  },
  // घटना
  {
    key: 'incidentAt',
    label: bi('घटना दिनांक-समय', 'Incident date & time'),
    type: 'datetime',
    required: true,
    section: S.incident,
    print: { order: 10, width: 16 },
    importAliases: ['घटना दिनांक', 'घटना दिनांक-समय', 'incident', 'incident date'],
  },
  { key: 'noticedAt', label: bi('जानकारी होने का दिनांक-समय', 'Noticed at'), type: 'datetime' },
  {
    key: 'ncrpCategory',
    label: bi('एनसीआरपी श्रेणी', 'NCRP category'),
    type: 'select',
    required: true,
    options: NCRP_CATEGORIES,
    print: { order: 11, width: 18 },
    importAliases: ['श्रेणी', 'एनसीआरपी श्रेणी', 'category', 'ncrp category'],
  },
  {
    key: 'ncrpSubCategory',
    label: bi('एनसीआरपी उप-श्रेणी', 'NCRP sub-category'),
    type: 'select',
    required: true,
    options: ALL_NCRP_SUBCATEGORIES,
    when: (d) => hasSubCategories(d.ncrpCategory),
    validate: (v, ctx) =>
      subCategoryOptions(ctx.record.ncrpCategory).some((o) => o.value === v)
        ? null
        : error('ncrpSubCategory', 'option', 'यह उप-श्रेणी चुनी गई श्रेणी की नहीं है', 'This sub-category does not belong to the chosen category'),
    importAliases: ['उप-श्रेणी', 'उप श्रेणी', 'sub-category', 'subcategory'],
  },
  {
    key: 'modus',
    label: bi('ठगी का तरीका', 'Modus operandi'),
    type: 'select',
    required: true,
    options: MODUS_OPERANDI,
    print: { order: 12, width: 18 },
    importAliases: ['तरीका', 'ठगी का तरीका', 'modus', 'modus operandi'],
  },
  {
    key: 'platform',
    label: bi('माध्यम/प्लेटफॉर्म', 'Platform'),
    type: 'select',
    required: true,
    options: PLATFORMS,
    importAliases: ['प्लेटफॉर्म', 'platform'],
  },
  {
    key: 'summary',
    label: bi('घटना का संक्षिप्त विवरण', 'Brief description'),
    type: 'longtext',
    maxLength: 2000,
    importAliases: ['विवरण', 'description', 'summary'],
  },
  // संदेही
  {
    key: 'suspectMobiles',
    script: 'latin',
    label: bi('संदेही मोबाइल नंबर', 'Suspect mobile(s)'),
    type: 'text',
    maxLength: 200,
    section: S.suspect,
    help: bi('एक से अधिक हों तो अल्पविराम (,) से अलग करें', 'Separate several with commas'),
    validate: (v) =>
      splitList(v).some((m) => !suspectMobileKey(m))
        ? warn('suspectMobiles', 'mobile.suspect', 'कोई संदेही नंबर अधूरा लगता है (कम से कम 8 अंक)', 'A suspect number looks incomplete (at least 8 digits)')
        : null,
    importAliases: ['संदेही मोबाइल', 'suspect mobile'],
  },
  {
    key: 'suspectUpiIds',
    script: 'latin',
    label: bi('संदेही यूपीआई आईडी', 'Suspect UPI id(s)'),
    type: 'text',
    maxLength: 200,
    validate: (v) =>
      splitList(v).some((u) => !u.includes('@'))
        ? warn('suspectUpiIds', 'upi', 'यूपीआई आईडी में @ होता है (जैसे name@okaxis)', 'A UPI id contains @ (e.g. name@okaxis)')
        : null,
    importAliases: ['यूपीआई', 'upi', 'upi id'],
  },
  {
    key: 'suspectAccount',
    label: bi('संदेही खाता (अंतिम 4 अंक)', 'Suspect account (last 4)'),
    type: 'last4',
    importAliases: ['संदेही खाता', 'suspect account'],
  },
  {
    key: 'suspectIfsc',
    script: 'latin',
    label: bi('संदेही खाते का आईएफएससी', 'Suspect account IFSC'),
    type: 'text',
    maxLength: 11,
    validate: (v) =>
      IFSC_RE.test(String(v).toUpperCase())
        ? null
        : warn('suspectIfsc', 'ifsc', 'आईएफएससी 11 अक्षर का होता है (जैसे SBIN0001234)', 'An IFSC has 11 characters (e.g. SBIN0001234)'),
    importAliases: ['आईएफएससी', 'ifsc'],
  },
  { key: 'suspectUrl', label: bi('वेबसाइट/ऐप', 'Website / app'), type: 'text', script: 'latin', maxLength: 300, importAliases: ['वेबसाइट', 'url', 'app'] },
  { key: 'suspectHandle', label: bi('सोशल मीडिया आईडी', 'Social media handle'), type: 'text', script: 'latin', maxLength: 200, importAliases: ['सोशल मीडिया', 'handle'] },
  // कार्यवाही
  {
    key: 'action',
    label: bi('की गई कार्यवाही', 'Action taken'),
    type: 'select',
    required: true,
    options: ACTIONS,
    section: S.action,
    print: { order: 17, width: 16 },
    importAliases: ['कार्यवाही', 'की गई कार्यवाही', 'action'],
  },
  {
    key: 'firNo',
    script: 'latin',
    label: bi('अपराध क्रमांक (सीसीटीएनएस)', 'Crime no. (CCTNS FIR)'),
    type: 'text',
    required: true,
    maxLength: 30,
    when: (d) => d.action === 'fir',
    print: { order: 18, width: 12 },
    importAliases: ['अपराध क्रमांक', 'fir', 'fir no', 'crime no'],
  },
  {
    key: 'firDate',
    label: bi('एफआईआर दिनांक', 'FIR date'),
    type: 'date',
    required: true,
    when: (d) => d.action === 'fir',
    validate: notFuture('firDate', 'एफआईआर दिनांक', 'FIR date'),
  },
  { key: 'firSections', label: bi('धारा (बीएनएस/आईटी एक्ट)', 'Sections (BNS / IT Act)'), type: 'text', maxLength: 120, when: (d) => d.action === 'fir', importAliases: ['धारा', 'sections'] },
  {
    key: 'sentTo',
    label: bi('किसे प्रेषित/अंतरित', 'Sent / transferred to'),
    type: 'text',
    required: true,
    maxLength: 100,
    when: (d) => d.action === 'range-cyber' || d.action === 'transferred',
  },
  { key: 'blockSimDate', label: bi('मोबाइल नंबर (सिम) ब्लॉक हेतु भेजा', 'SIM blocking requested on'), type: 'date' },
  { key: 'blockImeiDate', label: bi('आईएमईआई ब्लॉक हेतु भेजा', 'IMEI blocking requested on'), type: 'date' },
  { key: 'blockUrlDate', label: bi('लिंक/यूआरएल ब्लॉक हेतु भेजा', 'URL blocking requested on'), type: 'date' },
  { key: 'blockedIdentifiers', label: bi('ब्लॉक हेतु भेजे नंबर/आईएमईआई/लिंक', 'Numbers/IMEIs/links sent for blocking'), type: 'text', script: 'latin', maxLength: 300 },
  {
    key: 'ioName',
    label: bi('जांच अधिकारी/विवेचक का नाम', 'Inquiry officer / IO'),
    type: 'text',
    required: true,
    maxLength: 100,
    carryOver: true,
    print: { order: 19, width: 16 },
    importAliases: ['जांच अधिकारी', 'विवेचक', 'io', 'inquiry officer'],
  },
  { key: 'ioRank', label: bi('जांच अधिकारी का पद', 'IO rank'), type: 'select', required: true, options: RANKS, carryOver: true, importAliases: ['पद', 'rank'] },
  // स्थिति
  {
    key: 'status',
    label: bi('स्थिति', 'Status'),
    type: 'select',
    required: true,
    changedBy: 'status',
    options: STATUSES.map((s) => ({ value: s.value, label: s.label })),
    section: S.status,
    list: { order: 6, width: 100 },
    print: { order: 20, width: 12 },
    importAliases: ['स्थिति', 'status'],
  },
  { key: 'statusSince', label: bi('स्थिति दिनांक', 'Status since'), type: 'date', changedBy: 'status' },
  {
    key: 'disposalDate',
    label: bi('निराकरण दिनांक', 'Disposal date'),
    type: 'date',
    required: true,
    when: (d) => d.status === 'disposed' || d.status === 'closed',
    validate: notFuture('disposalDate', 'निराकरण दिनांक', 'Disposal date'),
  },
  {
    key: 'disposalType',
    label: bi('निराकरण का प्रकार', 'Disposal type'),
    type: 'select',
    required: true,
    options: DISPOSAL_TYPES,
    when: (d) => d.status === 'disposed' || d.status === 'closed',
  },
  { key: 'complainantInformedDate', label: bi('प्रार्थी को सूचना दिनांक', 'Complainant informed on'), type: 'date' },
  { key: 'remarks', label: bi('रिमार्क', 'Remarks'), type: 'longtext', maxLength: 1000, print: { order: 21, width: 18 }, importAliases: ['रिमार्क', 'टिप्पणी', 'remarks'] },
  // राशि (rows are in data.transactions / holds / refunds; these are computed from them)
  {
    key: 'totalLost',
    label: bi('कुल ठगी की राशि', 'Total lost'),
    type: 'money',
    section: S.money,
    compute: (d) => moneyTotals(d).lost,
    list: { order: 4, width: 110 },
    print: { order: 13, width: 14 },
  },
  { key: 'totalHeld', label: bi('कुल होल्ड राशि', 'Total held'), type: 'money', compute: (d) => moneyTotals(d).held, print: { order: 14, width: 14 } },
  { key: 'totalRefunded', label: bi('कुल वापसी', 'Total refunded'), type: 'money', compute: (d) => moneyTotals(d).refunded, print: { order: 15, width: 14 } },
  {
    key: 'pendingRefund',
    label: bi('वापसी हेतु शेष होल्ड राशि', 'Held, refund pending'),
    type: 'money',
    compute: (d) => moneyTotals(d).pending,
    list: { order: 5, width: 110 },
    print: { order: 16, width: 14 },
  },
  { key: 'bankInformedDate', label: bi('बैंक को सूचना दिनांक', 'Bank informed on'), type: 'date' },
  { key: 'courtApplicationDate', label: bi('न्यायालय आवेदन दिनांक (धारा 503 बीएनएसएस)', 'Court application date (s.503 BNSS)'), type: 'date' },
  { key: 'courtName', label: bi('न्यायालय', 'Court'), type: 'text', maxLength: 120 },
  { key: 'courtOrderDate', label: bi('न्यायालय आदेश दिनांक', 'Court order date'), type: 'date' },
  // संकेतक
  {
    key: 'firstTransactionAt',
    label: bi('पहले लेन-देन का समय', 'First transaction at'),
    type: 'datetime',
    section: S.flags,
    compute: (d) => firstTransactionAt(d),
  },
  { key: 'reportedAt', label: bi('1930/एनसीआरपी पर पहली सूचना', 'First reported to 1930/NCRP'), type: 'datetime', compute: (d) => reportedToHelplineAt(d) },
  { key: 'reportingDelayMinutes', label: bi('सूचना में विलंब (मिनट)', 'Reporting delay (minutes)'), type: 'int', compute: (d) => complaintFlags(d).delayMinutes },
  { key: 'goldenHour', label: bi('गोल्डन ऑवर (1 घंटे में सूचना)', 'Golden hour (reported within 1 h)'), type: 'boolean', compute: (d) => complaintFlags(d).goldenHour },
  { key: 'within24h', label: bi('24 घंटे में सूचना', 'Reported within 24 h'), type: 'boolean', compute: (d) => complaintFlags(d).within24h },
  { key: 'highValue', label: bi('₹10 लाख या अधिक', '₹10 lakh or more'), type: 'boolean', compute: (d) => complaintFlags(d).highValue },
  { key: 'ncrpMissing', label: bi('राशि है, एनसीआरपी क्रमांक नहीं', 'Money case without NCRP no.'), type: 'boolean', compute: (d) => complaintFlags(d).ncrpMissing },
  {
    key: 'utrs',
    script: 'latin',
    label: bi('यूटीआर क्रमांक', 'UTRs'),
    type: 'text',
    compute: (d) =>
      moneyRowsOf(d)
        .transactions.map((t) => t.utr)
        .filter((u): u is string => typeof u === 'string' && u !== '')
        .join(', ') || null,
  },
];

/** Rules across fields and over the money rows (the same for form, import and sync). */
function complaintRules(d: Record<string, unknown>, ctx: FieldContext): Issue[] {
  const issues: Issue[] = [];
  const dt = (k: string) => (isValidDateTime(d[k]) ? (d[k] as string) : null);
  const received = dt('receivedAt');
  const incident = dt('incidentAt');
  const noticed = dt('noticedAt');
  if (received && received.slice(0, 10) > ctx.today)
    issues.push(error('receivedAt', 'future', 'प्राप्ति दिनांक भविष्य का नहीं हो सकता', 'The date received cannot be in the future'));
  if (incident && received && incident > received)
    issues.push(error('incidentAt', 'order', 'घटना का समय शिकायत प्राप्ति के बाद का नहीं हो सकता', 'The incident cannot be after the complaint was received'));
  if (incident && noticed && noticed < incident)
    issues.push(error('noticedAt', 'order', 'जानकारी होने का समय घटना से पहले का नहीं हो सकता', 'Noticed cannot be before the incident'));
  if (typeof d.gdDate === 'string' && received && d.gdDate < received.slice(0, 10))
    issues.push(warn('gdDate', 'order', 'रोजनामचा दिनांक शिकायत प्राप्ति से पहले का है', 'The GD date is before the complaint was received'));
  if (typeof d.courtOrderDate === 'string' && typeof d.courtApplicationDate === 'string' && d.courtOrderDate < d.courtApplicationDate)
    issues.push(error('courtOrderDate', 'order', 'न्यायालय आदेश दिनांक आवेदन से पहले का नहीं हो सकता', 'The court order cannot be before the application'));
  if (d.courtOrderDate && !d.courtApplicationDate)
    issues.push(warn('courtApplicationDate', 'court.application', 'आदेश है तो न्यायालय आवेदन दिनांक भी लिखें', 'With a court order, also enter the application date'));

  issues.push(...validateMoneyRows(d, ctx.today));
  const t = moneyTotals(d);
  const { transactions } = moneyRowsOf(d);
  if (d.ncrpCategory === 'financial' && transactions.length === 0)
    issues.push(warn('transactions', 'money.none', 'वित्तीय ठगी है तो लेन-देन विवरण जोड़ें', 'For a financial fraud, add the transactions'));
  if (t.lost > 0 && d.ncrpState !== 'filed')
    issues.push(
      warn('ncrpAck', 'ncrp.missing', 'राशि वाले मामले में एनसीआरपी पर शिकायत दर्ज कराएँ और पावती क्रमांक लिखें', 'For a money case, file on NCRP and enter the acknowledgement number'),
    );
  issues.push(...statusConsistencyIssues(d));
  return issues;
}

export const complaintRegister: RegisterDef = {
  type: 'complaint',
  title: bi('साइबर शिकायत पंजी', 'Cyber complaint register'),
  printTitle: bi('साइबर शिकायत पंजी', 'Cyber complaint register'),
  serial: true,
  serialDateField: 'receivedAt',
  schemaVersion: 1,
  auditReads: true,
  searchFields: ['complainantName', 'complainantMobile', 'complainantAddress', 'victimName', 'ncrpAck', 'gdNo', 'firNo', 'suspectMobiles', 'suspectUpiIds', 'utrs'],
  lookupKeys: complaintLookupKeys,
  late: { dateField: 'receivedAt', days: 3 },
  totals: complaintTotals,
  validateRecord: complaintRules,
  // A status moves only by a step of the transition table (with its required fields and reason).
  stepRefusal: (before, after, reason) => refuseTransition(before, after.status as ComplaintStatus, after, reason)?.message ?? null,
  paper: {
    columns: [
      {
        parts: ['complainantName', 'complainantRelative', 'complainantAge', 'complainantMobile', 'complainantAddress'],
        label: bi('प्रार्थी: नाम / पिता-पति / आयु / मोबाइल / पता', 'Complainant: name / father-husband / age / mobile / address'),
        repeat: true,
      },
      { parts: ['receivedAt', 'source', 'gdNo'], label: bi('प्राप्ति दिनांक-समय / माध्यम / रोजनामचा', 'Received / source / GD no.') },
      { parts: ['incidentAt', 'ncrpCategory', 'modus'], label: bi('घटना दिनांक-समय / श्रेणी / तरीका', 'Incident / category / modus') },
      { parts: ['ncrpAck', 'called1930At'], label: bi('एनसीआरपी पावती / 1930 पर सूचना', 'NCRP ack. / 1930 called') },
      { parts: [{ key: 'transactions', label: bi('लेन-देन: दिनांक-समय, यूटीआर, राशि', 'Transactions: date-time, UTR, amount'), lines: transactionLines }] },
      { parts: [{ key: 'holdsRefunds', label: bi('होल्ड व वापसी', 'Holds and refunds'), lines: holdRefundLines }] },
      { parts: ['totalLost', { key: 'lostInWords', label: bi('शब्दों में', 'in words'), lines: lostInWords }], label: bi('कुल ठगी राशि (शब्दों में)', 'Total lost (in words)') },
      { parts: ['totalHeld'] },
      { parts: ['totalRefunded', 'pendingRefund'], label: bi('कुल वापसी / शेष होल्ड', 'Refunded / held, pending') },
      { parts: [{ key: 'flags', label: bi('संकेतक', 'Flags'), lines: flagLines }] },
      { parts: ['action', 'firNo', 'ioName'], label: bi('कार्यवाही / अपराध क्र. / विवेचक', 'Action / crime no. / IO') },
      { parts: ['status', 'remarks'], label: bi('स्थिति / रिमार्क', 'Status / remarks') },
    ],
  },
  fields,
  rows: MONEY_ROW_ARRAYS,
};
