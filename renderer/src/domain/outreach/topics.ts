/**
 * Topics covered in an outreach activity. The list lives in thana settings under
 * `outreachTopics` (Option[]: `{ value, label: { hi, en } }`) so the in-charge can add the next
 * fraud wave's name; until then the seed below stands: the modus-operandi list of domain.md §1.7
 * plus the helpline and the portal, which every session teaches.
 */
import { bi, type Bilingual } from '../bilingual';
import type { Option } from '../registers/types';

export const OUTREACH_TOPICS_SETTING = 'outreachTopics';

/** Characters of one topic (its label in the list, or a topic typed into an import cell). */
export const TOPIC_MAX_LENGTH = 80;
/** Topics on the list, and topics one entry may name. */
export const TOPICS_MAX = 60;

export const DEFAULT_OUTREACH_TOPICS: Option[] = [
  { value: 'helpline-1930', label: bi('1930 हेल्पलाइन', '1930 helpline') },
  { value: 'ncrp-portal', label: bi('एनसीआरपी पोर्टल', 'NCRP portal (cybercrime.gov.in)') },
  { value: 'upi', label: bi('यूपीआई ठगी (कलेक्ट रिक्वेस्ट/क्यूआर)', 'UPI fraud (collect request / QR)') },
  { value: 'otp-vishing', label: bi('ओटीपी/फर्जी बैंक कॉल ठगी', 'OTP / vishing (fake bank call)') },
  { value: 'kyc', label: bi('केवाईसी अपडेट ठगी', 'KYC update / account block fraud') },
  { value: 'card-sim-swap', label: bi('कार्ड ठगी / सिम स्वैप', 'Card fraud / SIM swap') },
  { value: 'aeps', label: bi('आधार (AEPS) से निकासी ठगी', 'AEPS (Aadhaar-enabled) withdrawal') },
  { value: 'screen-share-apk', label: bi('स्क्रीन शेयरिंग/एपीके ऐप ठगी', 'Screen-sharing / remote app / APK') },
  { value: 'fake-customer-care', label: bi('फर्जी कस्टमर केयर', 'Fake customer care') },
  { value: 'job-task', label: bi('नौकरी/टास्क/लाइक करके कमाई ठगी', 'Job / task / like-and-earn fraud') },
  { value: 'investment', label: bi('निवेश/शेयर ट्रेडिंग/क्रिप्टो ठगी', 'Investment / share-trading / crypto') },
  { value: 'loan-app', label: bi('लोन ऐप ठगी/प्रताड़ना', 'Loan app harassment / fraud') },
  { value: 'sextortion', label: bi('सेक्सटॉर्शन/वीडियो कॉल ब्लैकमेल', 'Sextortion / video-call blackmail') },
  { value: 'digital-arrest', label: bi('डिजिटल अरेस्ट', 'Digital arrest') },
  { value: 'fake-profile', label: bi('सोशल मीडिया पर फर्जी प्रोफाइल/हैक अकाउंट', 'Social-media fake profile / hacked account') },
  { value: 'relative-impersonation', label: bi('परिचित बनकर ठगी (आवाज/एआई)', 'Relative/friend impersonation (voice/AI)') },
  { value: 'lottery', label: bi('लॉटरी/इनाम ठगी', 'Lottery / prize / KBC') },
  { value: 'online-shopping', label: bi('ऑनलाइन खरीदी-बिक्री ठगी', 'Online shopping / OLX') },
  { value: 'matrimonial', label: bi('वैवाहिक/ऑनलाइन मित्रता ठगी', 'Matrimonial / romance') },
  { value: 'bill-scheme', label: bi('बिजली बिल/पेंशन/योजना के नाम पर ठगी', 'Electricity bill / pension / govt-scheme') },
  { value: 'bullying-morphing', label: bi('साइबर बुलिंग/पीछा/फोटो मॉर्फिंग', 'Cyber bullying / stalking / morphing') },
  { value: 'other', label: bi('अन्य', 'Other') },
];

function isOption(o: unknown): o is Option {
  if (!o || typeof o !== 'object') return false;
  const { value, label } = o as Record<string, unknown>;
  return typeof value === 'string' && !!label && typeof (label as Record<string, unknown>).hi === 'string' && typeof (label as Record<string, unknown>).en === 'string';
}

/**
 * The topics offered today: the settings list when the in-charge has saved one, else the seed.
 * A plain string in the settings list is taken as both value and label (lists typed by hand).
 */
export function outreachTopicOptions(settings: Record<string, unknown>): Option[] {
  const raw = settings[OUTREACH_TOPICS_SETTING];
  if (!Array.isArray(raw) || raw.length === 0) return DEFAULT_OUTREACH_TOPICS;
  const out: Option[] = [];
  for (const o of raw) {
    if (isOption(o)) out.push(o);
    else if (typeof o === 'string' && o.trim()) out.push({ value: o.trim(), label: bi(o.trim(), o.trim()) });
  }
  return out.length ? out : DEFAULT_OUTREACH_TOPICS;
}

/** The label of a stored topic, even one since removed from the list (old entries keep their words). */
export function topicLabel(value: string, settings: Record<string, unknown>) {
  return (
    outreachTopicOptions(settings).find((o) => o.value === value)?.label ??
    DEFAULT_OUTREACH_TOPICS.find((o) => o.value === value)?.label ??
    bi(value, value)
  );
}

/** Why a topic cannot be added to the list (the in-charge's topics editor), or null. */
export function newTopicProblem(list: readonly Option[], hi: string, en: string): Bilingual | null {
  if (!hi) return bi('विषय का हिंदी नाम लिखें', 'Enter the topic’s Hindi name');
  if (hi.length > TOPIC_MAX_LENGTH || en.length > TOPIC_MAX_LENGTH)
    return bi(`विषय का नाम ${TOPIC_MAX_LENGTH} अक्षरों तक हो`, `A topic’s name can be at most ${TOPIC_MAX_LENGTH} characters`);
  if (list.some((t) => t.label.hi === hi)) return bi('यह विषय सूची में पहले से है', 'This topic is already on the list');
  if (list.length >= TOPICS_MAX) return bi(`सूची में ${TOPICS_MAX} से अधिक विषय नहीं हो सकते: पहले कोई पुराना विषय हटाएँ`, `The list can hold at most ${TOPICS_MAX} topics: remove an old one first`);
  return null;
}

/**
 * The choices a setting-backed field offers (`FieldDef.optionsSetting`) when the setting has its
 * own defaults: the topic list before the in-charge ever edited it. Null: no defaults known.
 */
export function settingOptions(key: string, settings: Record<string, unknown>): Option[] | null {
  return key === OUTREACH_TOPICS_SETTING ? outreachTopicOptions(settings) : null;
}
