/** The dashboard's words, in both languages. */
import { bi, type Bilingual } from '@/domain/bilingual';
import { formatDateIN } from '@/domain/dates';

export const T = {
  title: bi('डैशबोर्ड — नोडल अधिकारी', 'Dashboard — nodal officer'),
  refresh: bi('ताज़ा करें', 'Refresh'),
  returns: bi('प्रतिवेदन (रिपोर्ट)', 'Returns (reports)'),
  loading: bi('आँकड़े पढ़े जा रहे हैं…', 'Reading the figures…'),
  glance: bi('एक नज़र में', 'At a glance'),
  targets: bi('लक्ष्य व प्रगति', 'Targets and progress'),
  charts: bi('चार्ट', 'Charts'),
  teams: bi('दलवार गतिविधि', 'Teams'),
  idleMitans: bi('निष्क्रिय मितान', 'Idle Mitans'),
  coverage: bi('आच्छादन: ग्राम/वार्ड, विद्यालय व महाविद्यालय', 'Coverage: villages, wards, schools and colleges'),
  complaints: bi('साइबर शिकायतें', 'Cyber complaints'),
  noTeams: bi('अभी कोई दल नहीं बना है', 'No team has been formed yet'),
  noIdle: bi('कोई मितान निष्क्रिय नहीं', 'No Mitan is idle'),
  never: bi('कभी नहीं', 'never'),
  idle: bi('निष्क्रिय', 'Idle'),
  working: bi('सक्रिय', 'Working'),
  runRate: bi('दैनिक गति', 'Run-rate'),
  requiredRate: bi('लक्ष्य हेतु आवश्यक गति', 'Needed to reach the goal'),
  perDay: bi('प्रतिदिन', 'a day'),
  daysLeft: bi('शेष दिन', 'Days left'),
  team: bi('दल', 'Team'),
  strength: bi('सक्रिय सदस्य / लक्ष्य', 'Active / target'),
  gap: bi('कमी', 'Gap'),
  week: bi('पिछले 7 दिन', 'Last 7 days'),
  activities: bi('कार्यक्रम', 'Activities'),
  people: bi('जागरूक व्यक्ति', 'People reached'),
  campaign: bi('अभियान में', 'In the campaign'),
  status: bi('स्थिति', 'Status'),
  name: bi('नाम', 'Name'),
  regNo: bi('क्रमांक', 'No.'),
  lastActivity: bi('अंतिम गतिविधि', 'Last activity'),
  covered: bi('आच्छादित', 'Covered'),
  notCovered: bi('अभी शेष', 'Not yet covered'),
  village: bi('ग्राम', 'Villages'),
  ward: bi('वार्ड', 'Wards'),
  locality: bi('मोहल्ला/बस्ती', 'Localities'),
  schools: bi('विद्यालयों में सत्र', 'Sessions at schools'),
  colleges: bi('महाविद्यालयों में सत्र', 'Sessions at colleges'),
  showInstitutions: bi('विद्यालय/महाविद्यालय की सूची देखें', 'List the schools and colleges'),
  institution: bi('संस्था', 'Institution'),
  sessions: bi('सत्र', 'Sessions'),
  bySource: bi('प्राप्ति के माध्यम अनुसार', 'By source'),
  byCategory: bi('एनसीआरपी श्रेणी अनुसार', 'By NCRP category'),
  count: bi('संख्या', 'Number'),
  lost: bi('ठगी की राशि', 'Amount lost'),
  held: bi('होल्ड राशि', 'Amount held'),
  refunded: bi('वापस राशि', 'Amount refunded'),
  pending: bi('वापसी हेतु शेष', 'Refund pending'),
  goldenHour: bi('गोल्डन ऑवर में सूचना', 'Reported in the golden hour'),
  within24h: bi('24 घंटे में सूचना', 'Reported within 24 hours'),
  holdShare: bi('होल्ड (ठगी का %)', 'Held (% of lost)'),
  followUps: bi('अनुवर्ती कार्यवाही देय', 'Follow-ups due'),
  ofMoneyCases: (n: number) => bi(`${n} राशि वाले मामलों में से`, `of ${n} money cases`),
  perDayChart: bi('प्रतिदिन जागरूक व्यक्ति (पिछले 30 दिन)', 'People reached per day (last 30 days)'),
  byTypeChart: bi('गतिविधि के प्रकार अनुसार जागरूक व्यक्ति (अभियान में)', 'People reached by activity type (campaign)'),
  byTeamChart: bi('दलवार जागरूक व्यक्ति (अभियान में, सर्वाधिक 15 दल)', 'People reached by team (campaign, top 15 teams)'),
  roster: bi('रोस्टर में देखें', 'Open in the roster'),
  back: bi('← डैशबोर्ड', '← Dashboard'),
  entries: bi('जागरूकता पंजी की प्रविष्टियाँ', 'Outreach register entries'),
  entriesHelp: bi('किसी प्रविष्टि को खोलने के लिए उस पर Enter दबाएँ या क्लिक करें', 'Press Enter or click on an entry to open it'),
  notFound: bi('यह प्रविष्टि नहीं मिली', 'This entry was not found'),
} satisfies Record<string, Bilingual | ((n: number) => Bilingual)>;

/** "N दिन से कोई गतिविधि नहीं" — the words that go with the idle colour. */
export function idleWords(days: number): Bilingual {
  return bi(`${days} दिन से कोई गतिविधि नहीं`, `No activity in ${days} days`);
}

export function asOf(today: string): Bilingual {
  return bi(`दिनांक ${formatDateIN(today)} की स्थिति`, `As on ${formatDateIN(today)}`);
}
