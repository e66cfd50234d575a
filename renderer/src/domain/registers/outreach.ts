/**
 * साइबर जागरूकता कार्यक्रम पंजी — the outreach register (domain.md §6(b), issue #5).
 * Counts of people only, never the names of citizens reached (DPDP; domain.md §5).
 */
import { bi } from '../bilingual';
import { ACTIVITY_TYPES, MODES, TARGET_GROUPS, isDoorToDoor, isInstitutionActivity } from '../outreach/options';
import { MAX_COUNT, peopleTotal, validateActivityDate, validateOutreachRecord, validateTimeTo, validateTopics, validateUnder18 } from '../outreach/rules';
import { OUTREACH_TOPICS_SETTING, TOPIC_MAX_LENGTH, TOPICS_MAX } from '../outreach/topics';
import { outreachTotals } from '../outreach/totals';
import { AREA_TYPES } from './place';
import { REF_ID_MAX, type FieldDef, type RegisterDef } from './types';

const WHO = bi('उपस्थिति', 'Who was there');
const WHAT = bi('गतिविधि', 'Activity');
const WHERE = bi('स्थान', 'Place');
const REACH = bi('जागरूक किए गए व्यक्ति', 'People reached');
const MATERIAL = bi('सामग्री व सहायता', 'Material and help');
const RECORD = bi('प्रतिवेदन', 'Report');

const count = (key: string, hi: string, en: string, order: number, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label: bi(hi, en),
  type: 'int',
  min: 0,
  max: MAX_COUNT,
  list: { order, width: 70 },
  print: { order, width: 8 },
  importAliases: [hi, en],
  ...extra,
});

/** Lookup keys: the day sheet's rows, drill-downs (team, Mitan, place) and the verification queue. */
export function outreachLookupKeys(d: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const date = typeof d.date === 'string' ? d.date : null;
  if (date) keys.push(`date:${date}`);
  if (typeof d.teamId === 'string' && d.teamId) keys.push(`team:${d.teamId}`);
  if (typeof d.placeId === 'string' && d.placeId) keys.push(`place:${d.placeId}`);
  if (typeof d.activityType === 'string') keys.push(`type:${d.activityType}`);
  if (Array.isArray(d.mitanIds))
    for (const m of d.mitanIds) {
      keys.push(`mitan:${m}`);
      // Sorted by date within a Mitan: their last activity is one reverse index step (idle lists).
      if (date) keys.push(`mitanday:${m}:${date}`);
    }
  if (!d.verifiedAt) keys.push('unverified');
  return keys;
}

export const outreachRegister: RegisterDef = {
  type: 'outreach',
  title: bi('जागरूकता पंजी', 'Outreach register'),
  printTitle: bi('साइबर जागरूकता कार्यक्रम पंजी', 'Cyber awareness programme register'),
  serial: true,
  serialDateField: 'date',
  schemaVersion: 1,
  searchFields: ['placeName', 'institution', 'policeNames', 'reportedBy', 'remarks', 'evidenceRef'],
  lookupKeys: outreachLookupKeys,
  late: { dateField: 'date', days: 7 },
  totals: outreachTotals,
  validateRecord: (record) => validateOutreachRecord(record),
  paper: {
    columns: [
      { parts: ['date', 'timeFrom', 'timeTo'], label: bi('दिनांक / समय से / तक', 'Date / time from / to'), repeat: true },
      { parts: ['placeId', 'placeName', 'area', 'institution', 'institutionClass'], label: bi('ग्राम/वार्ड / स्थान / संस्था', 'Village/ward / place / institution'), repeat: true },
      { parts: ['activityType', 'mode', 'targetGroup'], label: bi('गतिविधि / माध्यम / लक्षित वर्ग', 'Activity / mode / target group') },
      { parts: ['teamId', 'mitanIds', 'policeNames', 'policeCount'], label: bi('दल / उपस्थित मितान / पुलिस', 'Team / Mitans / police present') },
      { parts: ['men'] },
      { parts: ['women'] },
      { parts: ['other', 'under18'], label: bi('अन्य / 18 से कम', 'Other / under 18') },
      { parts: ['total'] },
      {
        parts: ['households', 'contacts', 'pamphlets', 'pledges', 'complaintsHelped'],
        label: bi('परिवार / संपर्क / पंपलेट / संकल्प पत्र / शिकायत में सहायता', 'Households / contacts / pamphlets / pledges / complaints helped'),
      },
      { parts: ['topics', 'remarks'], label: bi('बताए गए विषय / रिमार्क', 'Topics / remarks') },
      { parts: ['reportedBy', 'evidenceRef', 'verifiedBy', 'verifiedAt'], label: bi('प्रतिवेदक / साक्ष्य / सत्यापन', 'Reported by / evidence / verified') },
    ],
  },
  fields: [
    {
      key: 'date',
      label: bi('दिनांक', 'Date'),
      type: 'date',
      required: true,
      carryOver: true,
      validate: validateActivityDate,
      section: WHAT,
      list: { order: 1, width: 100 },
      print: { order: 1, width: 11 },
      importAliases: ['दिनांक', 'तारीख', 'date'],
    },
    {
      key: 'timeFrom',
      label: bi('समय से', 'Time from'),
      type: 'time',
      required: true,
      placeholder: '10:00',
      list: { order: 2, width: 60 },
      print: { order: 2, width: 7 },
      importAliases: ['समय से', 'से', 'time from', 'from'],
    },
    {
      key: 'timeTo',
      label: bi('समय तक', 'Time to'),
      type: 'time',
      placeholder: '12:00',
      validate: validateTimeTo,
      list: { order: 3, width: 60 },
      print: { order: 3, width: 7 },
      importAliases: ['समय तक', 'तक', 'time to', 'to'],
    },
    {
      key: 'activityType',
      label: bi('गतिविधि', 'Activity type'),
      type: 'select',
      required: true,
      options: ACTIVITY_TYPES,
      list: { order: 4, width: 140 },
      print: { order: 4, width: 14 },
      importAliases: ['गतिविधि', 'गतिविधि का प्रकार', 'activity', 'activity type'],
    },
    {
      key: 'mode',
      label: bi('माध्यम', 'Mode'),
      type: 'select',
      required: true,
      options: MODES,
      list: { order: 5, width: 90 },
      print: { order: 5, width: 9 },
      importAliases: ['माध्यम', 'mode'],
    },
    {
      key: 'teamId',
      label: bi('दल', 'Team'),
      type: 'ref',
      refType: 'team',
      carryOver: true,
      section: WHO,
      help: bi('केवल पुलिस द्वारा की गई गतिविधि में दल खाली रह सकता है', 'May be left blank for an activity by police alone'),
      list: { order: 6, width: 90 },
      print: { order: 6, width: 9 },
      importAliases: ['दल', 'दल क्रमांक', 'team', 'team no'],
    },
    {
      key: 'mitanIds',
      label: bi('उपस्थित साइबर मितान', 'Cyber Mitans present'),
      type: 'refs',
      refType: 'mitan',
      maxLength: REF_ID_MAX,
      maxItems: 200,
      help: bi('मितान का क्रमांक या नाम लिखें', 'Type the Mitan’s number or name'),
      list: { order: 7, width: 140 },
      print: { order: 7, width: 16 },
      importAliases: ['उपस्थित साइबर मितान', 'मितान', 'mitans present'],
    },
    {
      key: 'policeNames',
      label: bi('उपस्थित पुलिस (नाम/पद)', 'Police present (names/ranks)'),
      type: 'text',
      maxLength: 300,
      placeholder: 'उनि राम, आर. श्याम',
      list: { order: 8, width: 140 },
      print: { order: 8, width: 16 },
      importAliases: ['उपस्थित पुलिस', 'पुलिस', 'police present'],
    },
    {
      key: 'policeCount',
      label: bi('पुलिस संख्या', 'Police count'),
      type: 'int',
      min: 0,
      max: 100,
      list: { order: 9, width: 60 },
      print: { order: 9, width: 6 },
      importAliases: ['पुलिस संख्या', 'police count'],
    },
    {
      key: 'placeId',
      label: bi('ग्राम/वार्ड', 'Village/ward'),
      type: 'ref',
      refType: 'place',
      required: true,
      carryOver: true,
      section: WHERE,
      help: bi('सूची में न हो तो नया जोड़ें; वह "नया" चिह्नित होगा', 'Add it if it is not on the list; it is marked as new'),
      list: { order: 10, width: 130 },
      print: { order: 10, width: 14 },
      importAliases: ['ग्राम/वार्ड', 'ग्राम', 'वार्ड', 'village', 'ward'],
    },
    {
      key: 'placeName',
      label: bi('स्थान का नाम', 'Place name'),
      type: 'text',
      maxLength: 120,
      list: { order: 11, width: 130 },
      print: { order: 11, width: 14 },
      importAliases: ['स्थान', 'स्थान का नाम', 'place', 'place name', 'venue'],
    },
    {
      key: 'area',
      label: bi('शहरी/ग्रामीण', 'Urban/Rural'),
      type: 'select',
      required: true,
      carryOver: true,
      options: AREA_TYPES,
      list: { order: 12, width: 80 },
      print: { order: 12, width: 8 },
      importAliases: ['शहरी/ग्रामीण', 'क्षेत्र', 'urban/rural', 'area'],
    },
    {
      key: 'institution',
      label: bi('संस्था का नाम', 'Institution'),
      type: 'text',
      required: true,
      maxLength: 160,
      when: (r) => isInstitutionActivity(r.activityType),
      list: { order: 13, width: 140 },
      print: { order: 13, width: 14 },
      importAliases: ['संस्था', 'संस्था का नाम', 'विद्यालय', 'institution', 'school', 'college'],
    },
    {
      key: 'institutionClass',
      label: bi('कक्षा', 'Class'),
      type: 'text',
      maxLength: 40,
      when: (r) => isInstitutionActivity(r.activityType),
      list: { order: 14, width: 60 },
      print: { order: 14, width: 7 },
      importAliases: ['कक्षा', 'class'],
    },
    {
      key: 'targetGroup',
      label: bi('लक्षित वर्ग', 'Target group'),
      type: 'select',
      required: true,
      options: TARGET_GROUPS,
      list: { order: 15, width: 100 },
      print: { order: 15, width: 10 },
      importAliases: ['लक्षित वर्ग', 'वर्ग', 'target group'],
    },
    count('men', 'पुरुष', 'Men', 16, { section: REACH }),
    count('women', 'महिला', 'Women', 17),
    count('other', 'अन्य', 'Other', 18),
    count('under18', '18 से कम (इनमें से)', 'Under 18 (of them)', 19, {
      validate: validateUnder18,
      help: bi('ऊपर गिने गए व्यक्तियों में से 18 वर्ष से कम', 'Of the people above, how many are under 18'),
    }),
    {
      key: 'total',
      label: bi('कुल', 'Total'),
      type: 'int',
      compute: peopleTotal,
      list: { order: 20, width: 70 },
      print: { order: 20, width: 8 },
    },
    count('households', 'संपर्कित परिवार (घर)', 'Households visited', 21, { when: (r) => isDoorToDoor(r.activityType) }),
    count('contacts', 'मोबाइल/व्हाट्सएप संपर्क', 'Phone/WhatsApp contacts', 22),
    count('pamphlets', 'पंपलेट/पोस्टर/स्टिकर', 'Pamphlets/posters/stickers', 23, { section: MATERIAL }),
    count('pledges', 'संकल्प पत्र', 'Pledge forms', 24),
    {
      key: 'topics',
      label: bi('बताए गए विषय', 'Topics covered'),
      type: 'multiselect',
      required: true,
      optionsSetting: OUTREACH_TOPICS_SETTING,
      maxLength: TOPIC_MAX_LENGTH,
      maxItems: TOPICS_MAX,
      validate: validateTopics,
      list: { order: 25, width: 180 },
      print: { order: 25, width: 20 },
      importAliases: ['विषय', 'बताए गए विषय', 'topics'],
    },
    count('complaintsHelped', '1930/एनसीआरपी शिकायत में सहायता', 'Complaints helped to 1930/NCRP', 26),
    {
      key: 'evidenceRef',
      script: 'latin',
      label: bi('फोटो/साक्ष्य संदर्भ', 'Photo/evidence ref'),
      type: 'text',
      maxLength: 200,
      section: RECORD,
      list: { order: 27, width: 110 },
      print: { order: 27, width: 12 },
      importAliases: ['फोटो', 'साक्ष्य', 'photo', 'evidence'],
    },
    {
      key: 'reportedBy',
      label: bi('प्रतिवेदक', 'Reported by'),
      type: 'text',
      required: true,
      maxLength: 120,
      carryOver: true,
      list: { order: 28, width: 120 },
      print: { order: 28, width: 13 },
      importAliases: ['प्रतिवेदक', 'reported by'],
    },
    {
      key: 'remarks',
      label: bi('रिमार्क', 'Remarks'),
      type: 'longtext',
      maxLength: 500,
      list: { order: 29, width: 160 },
      print: { order: 29, width: 16 },
      importAliases: ['रिमार्क', 'टिप्पणी', 'remarks'],
    },
    {
      key: 'verifiedBy',
      label: bi('सत्यापनकर्ता (नोडल अधिकारी)', 'Verified by (nodal officer)'),
      type: 'text',
      maxLength: 120,
      changedBy: 'verify',
      help: bi('केवल सत्यापन से भरा जाता है', 'Set only by verification'),
      list: { order: 30, width: 120 },
      print: { order: 30, width: 13 },
    },
    {
      key: 'verifiedAt',
      label: bi('सत्यापन दिनांक', 'Verified on'),
      type: 'datetime',
      changedBy: 'verify',
      list: { order: 31, width: 110 },
      print: { order: 31, width: 12 },
    },
  ],
};

/** Fields only verification sets: never typed, never part of a writer's correction. */
export const VERIFICATION_FIELDS = ['verifiedBy', 'verifiedAt'] as const;
