/**
 * Pick-lists of the cyber complaint register (domain.md §1.7, §6(c)). NCRP categories keep the
 * portal's English wording so entries can be reconciled with the portal; the modus-operandi list
 * is the district's own.
 */
import { bi } from '../bilingual';
import type { Option } from './types';

const opt = (value: string, hi: string, en: string): Option => ({ value, label: bi(hi, en) });

export const COMPLAINT_SOURCES: Option[] = [
  opt('walkin', 'थाने में स्वयं', 'Walk-in at the thana'),
  opt('1930', '1930 हेल्पलाइन सूचना', '1930 helpline alert'),
  opt('ncrp', 'एनसीआरपी पोर्टल', 'NCRP portal'),
  opt('senior', 'वरिष्ठ कार्यालय से', 'From a senior office'),
  opt('post', 'डाक/ईमेल', 'Post / e-mail'),
  opt('mitan', 'साइबर मितान के माध्यम से', 'Through a Cyber Mitan'),
];

export const NCRP_STATES: Option[] = [
  opt('filed', 'दर्ज (पावती क्रमांक है)', 'Filed (acknowledgement number known)'),
  opt('not-filed', 'अभी दर्ज नहीं', 'Not filed yet'),
];

export const GENDERS: Option[] = [opt('male', 'पुरुष', 'Male'), opt('female', 'महिला', 'Female'), opt('other', 'अन्य', 'Other')];

export const NCRP_CATEGORIES: Option[] = [
  opt('financial', 'ऑनलाइन वित्तीय धोखाधड़ी', 'Online Financial Fraud'),
  opt('social', 'ऑनलाइन एवं सोशल मीडिया संबंधी अपराध', 'Online and Social Media Related Crime'),
  opt('hacking', 'हैकिंग / कंप्यूटर सिस्टम को क्षति', 'Hacking/Damage to computer systems'),
  opt('trafficking', 'ऑनलाइन साइबर तस्करी', 'Online Cyber Trafficking'),
  opt('gambling', 'ऑनलाइन जुआ/सट्टा', 'Online Gambling/Betting'),
  opt('ransomware', 'रैनसमवेयर', 'Ransomware'),
  opt('crypto', 'क्रिप्टोकरेंसी अपराध', 'Cryptocurrency Crime'),
  opt('terrorism', 'साइबर आतंकवाद', 'Cyber Terrorism'),
  opt('women-child', 'महिला/बाल संबंधी अपराध', 'Women/Child related crime'),
  opt('other', 'अन्य साइबर अपराध', 'Any Other Cyber Crime'),
];

/** Sub-categories by category; values carry the category prefix so they are unique overall. */
export const NCRP_SUBCATEGORIES: Record<string, Option[]> = {
  financial: [
    opt('financial.aeps', 'आधार सक्षम भुगतान (AEPS) ठगी', 'Aadhaar Enabled Payment System (AEPS) fraud'),
    opt('financial.bec', 'बिजनेस ईमेल कॉम्प्रोमाइज/ईमेल टेकओवर', 'Business Email Compromise/Email Takeover'),
    opt('financial.card-sim', 'डेबिट/क्रेडिट कार्ड ठगी/सिम स्वैप', 'Debit/Credit Card Fraud/SIM Swap Fraud'),
    opt('financial.demat', 'डीमैट/डिपॉजिटरी ठगी', 'Demat/Depository Fraud'),
    opt('financial.wallet', 'ई-वॉलेट संबंधी ठगी', 'E-Wallet Related Fraud'),
    opt('financial.vishing', 'फर्जी कॉल/विशिंग', 'Fraud Call/Vishing'),
    opt('financial.netbanking', 'इंटरनेट बैंकिंग संबंधी ठगी', 'Internet Banking Related Fraud'),
    opt('financial.upi', 'यूपीआई संबंधी ठगी', 'UPI Related Frauds'),
  ],
  social: [
    opt('social.impersonation', 'प्रतिरूपण द्वारा ठगी', 'Cheating by Impersonation'),
    opt('social.bullying', 'साइबर बुलिंग/पीछा करना/सेक्सटिंग', 'Cyber Bullying/Stalking/Sexting'),
    opt('social.phishing', 'ईमेल फिशिंग', 'E-Mail Phishing'),
    opt('social.fake-profile', 'फर्जी/प्रतिरूपित प्रोफाइल', 'Fake/Impersonating Profile'),
    opt('social.impersonating-email', 'प्रतिरूपित ईमेल', 'Impersonating Email'),
    opt('social.intimidating-email', 'धमकी भरा ईमेल', 'Intimidating Email'),
    opt('social.job', 'ऑनलाइन नौकरी ठगी', 'Online Job Fraud'),
    opt('social.matrimonial', 'ऑनलाइन वैवाहिक ठगी', 'Online Matrimonial Fraud'),
    opt('social.profile-hacking', 'प्रोफाइल हैकिंग/पहचान की चोरी', 'Profile Hacking/Identity Theft'),
    opt('social.provocative', 'गैरकानूनी कृत्य हेतु भड़काऊ भाषण', 'Provocative Speech for unlawful acts'),
  ],
  'women-child': [
    opt('women-child.csam', 'बाल अश्लील सामग्री (CP/CSAM)', 'Child Pornography/Child Sexual Abuse Material (CSAM)'),
    opt('women-child.rape-content', 'बलात्कार/सामूहिक बलात्कार सामग्री', 'Rape/Gang Rape (RGR) sexually abusive content'),
    opt('women-child.explicit', 'यौन रूप से स्पष्ट सामग्री', 'Sexually explicit material'),
  ],
};

export const ALL_NCRP_SUBCATEGORIES: Option[] = Object.values(NCRP_SUBCATEGORIES).flat();

/** The district's modus-operandi list (domain.md §1.7, 20 rows). */
export const MODUS_OPERANDI: Option[] = [
  opt('upi', 'यूपीआई ठगी (कलेक्ट रिक्वेस्ट/क्यूआर)', 'UPI fraud (collect request / QR / wrong transfer)'),
  opt('otp-vishing', 'ओटीपी/फर्जी बैंक कॉल ठगी', 'OTP / vishing (fake bank call)'),
  opt('kyc', 'केवाईसी अपडेट ठगी', 'KYC update / account block fraud'),
  opt('card-simswap', 'कार्ड ठगी / सिम स्वैप', 'Card fraud / SIM swap'),
  opt('aeps', 'आधार (AEPS) से निकासी ठगी', 'AEPS (Aadhaar-enabled) withdrawal'),
  opt('screen-share', 'स्क्रीन शेयरिंग/एपीके ऐप ठगी', 'Screen-sharing / remote app / APK'),
  opt('customer-care', 'फर्जी कस्टमर केयर', 'Fake customer care'),
  opt('job-task', 'नौकरी/टास्क/लाइक करके कमाई ठगी', 'Job / task / like-and-earn fraud'),
  opt('investment', 'निवेश/शेयर ट्रेडिंग/क्रिप्टो ठगी', 'Investment / share-trading / crypto'),
  opt('loan-app', 'लोन ऐप ठगी/प्रताड़ना', 'Loan app harassment / fraud'),
  opt('sextortion', 'सेक्सटॉर्शन/वीडियो कॉल ब्लैकमेल', 'Sextortion / video-call blackmail'),
  opt('digital-arrest', 'डिजिटल अरेस्ट', 'Digital arrest (fake police/CBI/ED/parcel)'),
  opt('social-impersonation', 'सोशल मीडिया पर फर्जी प्रोफाइल/हैक अकाउंट', 'Social-media impersonation / fake profile / hacked account asking money'),
  opt('relative-impersonation', 'परिचित बनकर ठगी (आवाज/एआई)', 'Relative/friend impersonation (voice/AI)'),
  opt('lottery', 'लॉटरी/इनाम ठगी', 'Lottery / prize / KBC'),
  opt('shopping', 'ऑनलाइन खरीदी-बिक्री ठगी', 'Online shopping / OLX / army-person seller'),
  opt('matrimonial', 'वैवाहिक/ऑनलाइन मित्रता ठगी', 'Matrimonial / romance'),
  opt('bill-scheme', 'बिजली बिल/पेंशन/योजना के नाम पर ठगी', 'Electricity bill / pension / gas / govt-scheme'),
  opt('bullying', 'साइबर बुलिंग/पीछा/फोटो मॉर्फिंग', 'Cyber bullying / stalking / morphing'),
  opt('other', 'अन्य', 'Other'),
];

export const PLATFORMS: Option[] = [
  opt('call', 'फोन कॉल', 'Phone call'),
  opt('sms', 'एसएमएस', 'SMS'),
  opt('whatsapp', 'व्हाट्सएप', 'WhatsApp'),
  opt('telegram', 'टेलीग्राम', 'Telegram'),
  opt('instagram', 'इंस्टाग्राम', 'Instagram'),
  opt('facebook', 'फेसबुक', 'Facebook'),
  opt('website-app', 'वेबसाइट/ऐप', 'Website / app'),
  opt('email', 'ईमेल', 'E-mail'),
  opt('other', 'अन्य', 'Other'),
];

export const ACTIONS: Option[] = [
  opt('inquiry', 'जांच (प्रारंभिक जांच, धारा 173(3) बीएनएसएस)', 'Inquiry (preliminary, s.173(3) BNSS)'),
  opt('ncr', 'असंज्ञेय (धारा 174 बीएनएसएस)', 'NCR (s.174 BNSS)'),
  opt('fir', 'एफआईआर दर्ज', 'FIR registered'),
  opt('range-cyber', 'रेंज सायबर थाना प्रेषित', 'Sent to the range cyber thana'),
  opt('transferred', 'अन्य थाना अंतरित (जीरो एफआईआर)', 'Transferred to another thana (zero FIR)'),
];

export const TRANSACTION_MODES: Option[] = [
  opt('upi', 'यूपीआई', 'UPI'),
  opt('imps', 'आईएमपीएस', 'IMPS'),
  opt('neft', 'एनईएफटी', 'NEFT'),
  opt('rtgs', 'आरटीजीएस', 'RTGS'),
  opt('card', 'कार्ड', 'Card'),
  opt('aeps', 'एईपीएस', 'AEPS'),
  opt('wallet', 'वॉलेट', 'Wallet'),
  opt('netbanking', 'नेट बैंकिंग', 'Net banking'),
  opt('other', 'अन्य', 'Other'),
];

export const REFUND_ROUTES: Option[] = [
  opt('bank-reversal', 'बैंक द्वारा स्वतः वापसी/रिवर्सल', 'Bank / PG reversal'),
  opt('court-order', 'न्यायालय आदेश (धारा 503 बीएनएसएस)', 'Court order (s.503 BNSS)'),
  opt('mha-sop', 'एसओपी (₹50,000 से कम)', 'MHA SOP (under ₹50,000)'),
  opt('other', 'लोक अदालत/अन्य', 'Lok Adalat / other'),
];

export const DISPOSAL_TYPES: Option[] = [
  opt('refunded', 'राशि वापस कराई गई', 'Money returned'),
  opt('fir', 'एफआईआर में परिवर्तित', 'Converted to FIR'),
  opt('counselled', 'समझाइश दी गई', 'Counselled'),
  opt('transferred', 'अन्य थाना/इकाई को अंतरित', 'Transferred to another thana/unit'),
  opt('no-offence', 'अपराध घटित होना नहीं पाया', 'No offence found'),
  opt('withdrawn', 'प्रार्थी द्वारा वापस ली गई', 'Withdrawn by the complainant'),
  opt('untraced', 'संदेही का पता नहीं चला', 'Suspect not traced'),
  opt('other', 'अन्य', 'Other'),
];

export function optionLabel(options: Option[], value: unknown): Option['label'] | null {
  return options.find((o) => o.value === value)?.label ?? null;
}
