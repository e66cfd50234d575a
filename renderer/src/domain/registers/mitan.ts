import { bi } from '../bilingual';
import { normalizeMobile } from '../normalize';
import type { StoredRecord } from '../records';
import {
  GENDERS,
  ID_TYPES,
  isSet,
  isTrained,
  MITAN_CATEGORIES,
  MITAN_STATUSES,
  mitanRecordRules,
  notFuture,
  TEAM_ROLES,
  validateAge,
  validateDob,
} from '../roster/rules';
import { AREA_TYPES } from './place';
import type { RegisterDef } from './types';

const personal = bi('व्यक्तिगत विवरण', 'Personal details');
const area = bi('क्षेत्र व दल', 'Area and team');
const background = bi('शिक्षा, व्यवसाय, पहचान', 'Education, occupation, ID');
const training = bi('सत्यापन व प्रशिक्षण', 'Verification and training');
const status = bi('सहमति व स्थिति', 'Consent and status');

/** The lookup key that makes a mobile unique on the roster. */
export function mitanMobileKey(mobile: string): string {
  return `mobile:${mobile}`;
}

/** The lookup key of Mitans whose signed consent form is still to be collected (the follow-up list). */
export const CONSENT_PENDING_KEY = 'consent:pending';

/** Key prefixes that must be unique among the roster's live (not cancelled) entries. */
export const MITAN_UNIQUE_KEYS = ['mobile:'];

/** Running-total keys a Mitan adds to: the team's strength, the place's and the thana's. */
export function teamTotalKey(teamId: string): string {
  return `mitan:team:${teamId}`;
}
export function placeTotalKey(placeId: string): string {
  return `mitan:place:${placeId}`;
}
export const MITAN_TOTAL_KEY = 'mitan:all';

/** मितान पंजीयन क्रमांक as printed: thana/year/serial. */
export function mitanRegNo(rec: Pick<StoredRecord, 'thana' | 'serial'>): string {
  return rec.serial ? `${rec.thana}/${rec.serial}` : '';
}

/** Cyber Mitan roster (साइबर मितान पंजी), domain.md §6(a) member rows. */
export const mitanRegister: RegisterDef = {
  type: 'mitan',
  title: bi('साइबर मितान पंजी', 'Cyber Mitan roster'),
  printTitle: bi('साइबर मितान पंजी', 'Cyber Mitan roster'),
  serial: true,
  schemaVersion: 1,
  auditReads: true,
  searchFields: ['name', 'relativeName', 'mobile', 'locality', 'organisation'],
  uniqueKeys: MITAN_UNIQUE_KEYS,
  lookupKeys: (d) => {
    const m = typeof d.mobile === 'string' ? normalizeMobile(d.mobile) : null;
    return [...(m ? [mitanMobileKey(m)] : []), ...(d.consentPending === true ? [CONSENT_PENDING_KEY] : [])];
  },
  totals: (d) => {
    const values = { total: 1, active: d.status === 'active' ? 1 : 0, trained: isTrained(d) ? 1 : 0 };
    const out = [{ key: MITAN_TOTAL_KEY, values }];
    if (typeof d.teamId === 'string') out.push({ key: teamTotalKey(d.teamId), values });
    if (typeof d.placeId === 'string') out.push({ key: placeTotalKey(d.placeId), values });
    return out;
  },
  validateRecord: mitanRecordRules,
  paper: {
    columns: [
      { parts: ['name', 'relativeName', 'mobile'], label: bi('नाम / पिता या पति का नाम / मोबाइल', "Name / father's or husband's name / mobile"), repeat: true },
      { parts: ['gender', 'age', 'dob'], label: bi('लिंग / आयु / जन्मतिथि', 'Gender / age / date of birth') },
      { parts: ['teamId', 'role'], label: bi('दल / भूमिका', 'Team / role') },
      { parts: ['placeId', 'locality', 'beat', 'area'], label: bi('ग्राम/वार्ड / मोहल्ला / बीट', 'Village/ward / locality / beat') },
      { parts: ['category', 'education', 'occupation', 'organisation'], label: bi('श्रेणी / शिक्षा / व्यवसाय / संस्था', 'Category / education / occupation / organisation') },
      { parts: ['idType', 'idLast4', 'verifiedOn'], label: bi('पहचान पत्र / अंतिम 4 अंक / सत्यापन', 'ID / last 4 / police verification') },
      { parts: ['trainingDate', 'trainingVenue', 'trainer'], label: bi('प्रशिक्षण दिनांक / स्थान / प्रशिक्षक', 'Training date / venue / trainer') },
      { parts: ['consentDate', 'whatsapp', 'ncrpPromoter', 'certificate'], label: bi('सहमति पत्र / व्हाट्सएप / एनसीआरपी / प्रमाण पत्र', 'Consent / WhatsApp / NCRP / certificate') },
      { parts: ['status', 'statusDate', 'statusReason'], label: bi('स्थिति / दिनांक / कारण', 'Status / date / reason') },
      { parts: ['remarks'] },
    ],
  },
  fields: [
    {
      key: 'name',
      label: bi('नाम', 'Name'),
      type: 'text',
      required: true,
      maxLength: 100,
      personal: true,
      section: personal,
      list: { order: 2, width: 180 },
      print: { order: 2, width: 22 },
      importAliases: ['नाम', 'मितान का नाम', 'सदस्य का नाम', 'साइबर मितान का नाम', 'name', 'mitan name', 'member name', 'full name', 'name of mitan'],
    },
    {
      key: 'relativeName',
      label: bi('पिता/पति का नाम', "Father's/Husband's name"),
      type: 'text',
      required: true,
      maxLength: 100,
      personal: true,
      list: { order: 3, width: 160 },
      print: { order: 3, width: 22 },
      importAliases: ['पिता का नाम', 'पति का नाम', 'पिता/पति का नाम', 'पिता / पति का नाम', "father's name", 'father name', 'husband name', 'father/husband name', "father's/husband's name", 'f/h name', 'guardian'],
    },
    {
      key: 'gender',
      label: bi('लिंग', 'Gender'),
      type: 'select',
      required: true,
      options: GENDERS,
      list: { order: 4, width: 70 },
      print: { order: 4, width: 8 },
      importAliases: ['लिंग', 'gender', 'sex', 'स्त्री/पुरुष'],
    },
    {
      key: 'dob',
      label: bi('जन्मतिथि', 'Date of birth'),
      type: 'date',
      personal: true,
      validate: validateDob,
      print: { order: 5, width: 12 },
      importAliases: ['जन्मतिथि', 'जन्म तिथि', 'जन्म दिनांक', 'dob', 'date of birth', 'birth date', 'd.o.b'],
    },
    {
      key: 'age',
      label: bi('आयु (वर्ष)', 'Age (years)'),
      type: 'int',
      validate: validateAge,
      list: { order: 5, width: 60 },
      print: { order: 6, width: 7, total: false },
      help: bi('जन्मतिथि न हो तो आयु लिखें; 18 वर्ष या अधिक', 'Enter the age if the date of birth is not known; 18 or more'),
      importAliases: ['आयु', 'उम्र', 'उमर', 'age', 'age (years)', 'आयु वर्ष'],
    },
    {
      key: 'mobile',
      label: bi('मोबाइल नंबर', 'Mobile number'),
      type: 'mobile',
      required: true,
      personal: true,
      list: { order: 6, width: 120 },
      print: { order: 7, width: 13 },
      importAliases: ['मोबाइल', 'मोबाइल नंबर', 'मोबाइल नं', 'मोबाईल नंबर', 'मो नं', 'मोबा नं', 'फोन', 'फ़ोन नंबर', 'संपर्क नंबर', 'mobile', 'mobile no', 'mobile number', 'phone', 'phone no', 'contact', 'contact no', 'mob no'],
    },
    {
      key: 'whatsapp',
      label: bi('व्हाट्सएप (हाँ/नहीं)', 'WhatsApp (Y/N)'),
      type: 'boolean',
      carryOver: true,
      print: { order: 8, width: 8 },
      importAliases: ['व्हाट्सएप', 'व्हाट्सऐप', 'whatsapp', 'whats app', 'whatsapp y/n'],
    },
    {
      key: 'teamId',
      label: bi('दल', 'Team'),
      type: 'ref',
      refType: 'team',
      required: true,
      carryOver: true,
      section: area,
      list: { order: 7, width: 120 },
      print: { order: 9, width: 10 },
      importAliases: ['दल', 'दल क्रमांक', 'दल क्र', 'दल का नाम', 'टीम', 'team', 'team no', 'team number', 'team name'],
    },
    {
      key: 'role',
      label: bi('दल में भूमिका', 'Role in team'),
      type: 'select',
      required: true,
      options: TEAM_ROLES,
      print: { order: 10, width: 9 },
      importAliases: ['भूमिका', 'दल में भूमिका', 'पद', 'role', 'role in team'],
    },
    {
      key: 'placeId',
      label: bi('ग्राम/वार्ड', 'Village/Ward'),
      type: 'ref',
      refType: 'place',
      required: true,
      carryOver: true,
      list: { order: 8, width: 130 },
      print: { order: 11, width: 16 },
      importAliases: ['ग्राम', 'गांव', 'गाँव', 'वार्ड', 'ग्राम/वार्ड', 'ग्राम/वार्ड का नाम', 'village', 'ward', 'village/ward', 'village name'],
    },
    {
      key: 'locality',
      label: bi('मोहल्ला', 'Locality'),
      type: 'text',
      maxLength: 100,
      personal: true,
      print: { order: 12, width: 14 },
      importAliases: ['मोहल्ला', 'पता', 'बस्ती', 'locality', 'address', 'mohalla'],
    },
    {
      key: 'beat',
      label: bi('बीट', 'Beat'),
      type: 'text',
      maxLength: 60,
      carryOver: true,
      print: { order: 13, width: 10 },
      importAliases: ['बीट', 'beat'],
    },
    {
      key: 'area',
      label: bi('शहरी/ग्रामीण', 'Urban/Rural'),
      type: 'select',
      required: true,
      options: AREA_TYPES,
      carryOver: true,
      print: { order: 14, width: 9 },
      importAliases: ['शहरी/ग्रामीण', 'शहरी / ग्रामीण', 'क्षेत्र', 'urban/rural', 'urban / rural', 'area type'],
    },
    {
      key: 'category',
      label: bi('श्रेणी', 'Category'),
      type: 'select',
      required: true,
      options: MITAN_CATEGORIES,
      carryOver: true,
      section: background,
      list: { order: 9, width: 110 },
      print: { order: 15, width: 12 },
      importAliases: ['श्रेणी', 'वर्ग', 'category'],
    },
    {
      key: 'education',
      label: bi('शिक्षा', 'Education'),
      type: 'text',
      maxLength: 60,
      print: { order: 16, width: 10 },
      importAliases: ['शिक्षा', 'शैक्षणिक योग्यता', 'योग्यता', 'education', 'qualification'],
    },
    {
      key: 'occupation',
      label: bi('व्यवसाय', 'Occupation'),
      type: 'text',
      maxLength: 60,
      print: { order: 17, width: 10 },
      importAliases: ['व्यवसाय', 'पेशा', 'काम', 'occupation', 'profession'],
    },
    {
      key: 'organisation',
      label: bi('संस्था का नाम', 'Organisation'),
      type: 'text',
      maxLength: 120,
      print: { order: 18, width: 14 },
      importAliases: ['संस्था', 'संस्था का नाम', 'organisation', 'organization', 'ngo/college', 'institution'],
    },
    {
      key: 'idType',
      label: bi('पहचान पत्र का प्रकार', 'ID type'),
      type: 'select',
      options: ID_TYPES,
      print: { order: 19, width: 10 },
      importAliases: ['पहचान पत्र', 'पहचान पत्र प्रकार', 'पहचान पत्र का प्रकार', 'id type', 'id proof', 'id'],
    },
    {
      key: 'idLast4',
      label: bi('पहचान पत्र के अंतिम 4 अंक', 'ID: last 4 digits'),
      type: 'last4',
      personal: true,
      when: (r) => isSet(r.idType),
      required: true,
      help: bi('पूरा नंबर न लिखें; आधार का केवल अंतिम 4 अंक रखा जाता है', 'Do not enter the full number; only the last 4 digits (Aadhaar too) are kept'),
      print: { order: 20, width: 8 },
      importAliases: ['अंतिम 4 अंक', 'पहचान पत्र क्रमांक', 'आधार नंबर', 'आधार क्रमांक', 'id number', 'id no', 'aadhaar', 'aadhar', 'aadhaar no', 'last 4 digits'],
    },
    {
      key: 'verifiedOn',
      label: bi('पुलिस सत्यापन दिनांक', 'Police verification date'),
      type: 'date',
      section: training,
      validate: notFuture('verifiedOn', bi('पुलिस सत्यापन दिनांक', 'Police verification date')),
      print: { order: 21, width: 11 },
      importAliases: ['पुलिस सत्यापन', 'सत्यापन दिनांक', 'पुलिस सत्यापन दिनांक', 'police verification', 'verification date', 'verified on'],
    },
    {
      key: 'trainingDate',
      label: bi('प्रशिक्षण दिनांक', 'Training date'),
      type: 'date',
      validate: notFuture('trainingDate', bi('प्रशिक्षण दिनांक', 'Training date')),
      list: { order: 10, width: 100 },
      print: { order: 22, width: 11 },
      importAliases: ['प्रशिक्षण दिनांक', 'प्रशिक्षण तिथि', 'प्रशिक्षण', 'training date', 'trained on', 'training'],
    },
    {
      key: 'trainingVenue',
      label: bi('प्रशिक्षण स्थान', 'Training venue'),
      type: 'text',
      maxLength: 120,
      carryOver: true,
      when: (r) => isSet(r.trainingDate),
      print: { order: 23, width: 12 },
      importAliases: ['प्रशिक्षण स्थान', 'स्थान', 'training venue', 'venue'],
    },
    {
      key: 'trainer',
      label: bi('प्रशिक्षक (नाम/पद)', 'Trainer (name/rank)'),
      type: 'text',
      maxLength: 120,
      carryOver: true,
      when: (r) => isSet(r.trainingDate),
      print: { order: 24, width: 14 },
      importAliases: ['प्रशिक्षक', 'प्रशिक्षक का नाम', 'trainer', 'trained by'],
    },
    {
      key: 'ncrpPromoter',
      label: bi('एनसीआरपी पर साइबर जागरूकता प्रवर्तक पंजीयन', 'Registered on NCRP as Cyber Awareness Promoter'),
      type: 'boolean',
      print: { order: 25, width: 9 },
      importAliases: ['एनसीआरपी पंजीयन', 'एनसीआरपी', 'ncrp', 'ncrp registered', 'cyber awareness promoter', 'ncrp promoter'],
    },
    {
      key: 'consentPending',
      label: bi('सहमति पत्र लेना शेष', 'Consent form to be collected'),
      type: 'boolean',
      section: status,
      help: bi(
        'पुरानी सूची से आए मितान: हस्ताक्षरित सहमति पत्र मिलने तक वे "सहमति पत्र शेष" सूची में रहते हैं',
        'Mitans from an old list: they stay on the "consent forms to collect" list until the signed form is in',
      ),
      importAliases: ['सहमति पत्र शेष', 'सहमति शेष', 'consent pending', 'consent form pending'],
    },
    {
      key: 'consentDate',
      label: bi('सहमति/सूचना पत्र हस्ताक्षरित दिनांक', 'Consent/notice signed (date)'),
      type: 'date',
      required: true,
      // A Mitan whose form is still to be collected has no consent date yet; entering it ends that.
      when: (r) => r.consentPending !== true,
      validate: notFuture('consentDate', bi('सहमति दिनांक', 'Consent date')),
      help: bi('हस्ताक्षरित सहमति पत्र के बिना किसी का नाम पंजी में नहीं लिखा जा सकता', 'Nobody is entered without a signed consent form'),
      print: { order: 26, width: 11 },
      importAliases: ['सहमति', 'सहमति दिनांक', 'सहमति पत्र', 'सहमति पत्र दिनांक', 'consent', 'consent date', 'consent signed'],
    },
    {
      key: 'certificate',
      label: bi('प्रमाण पत्र जारी', 'Certificate issued'),
      type: 'boolean',
      print: { order: 27, width: 8 },
      importAliases: ['प्रमाण पत्र', 'प्रमाण पत्र जारी', 'certificate', 'certificate issued'],
    },
    {
      key: 'certificateNo',
      label: bi('प्रमाण पत्र क्रमांक', 'Certificate no.'),
      type: 'text',
      maxLength: 40,
      when: (r) => r.certificate === true,
      help: bi('प्रमाण पत्र प्रिंट करने पर अपने-आप भरता है', 'Filled in when the certificate is printed'),
      importAliases: ['प्रमाण पत्र क्रमांक', 'certificate no', 'certificate number'],
    },
    {
      key: 'certificateDate',
      label: bi('प्रमाण पत्र दिनांक', 'Certificate date'),
      type: 'date',
      when: (r) => r.certificate === true,
      validate: notFuture('certificateDate', bi('प्रमाण पत्र दिनांक', 'Certificate date')),
      importAliases: ['प्रमाण पत्र दिनांक', 'certificate date'],
    },
    {
      key: 'status',
      label: bi('स्थिति', 'Status'),
      type: 'select',
      required: true,
      options: MITAN_STATUSES,
      list: { order: 11, width: 90 },
      print: { order: 28, width: 9 },
      importAliases: ['स्थिति', 'status'],
    },
    {
      key: 'statusDate',
      label: bi('स्थिति दिनांक', 'Status date'),
      type: 'date',
      required: true,
      when: (r) => r.status === 'inactive' || r.status === 'withdrawn',
      validate: notFuture('statusDate', bi('स्थिति दिनांक', 'Status date')),
      print: { order: 29, width: 11 },
      importAliases: ['स्थिति दिनांक', 'status date'],
    },
    {
      key: 'statusReason',
      label: bi('स्थिति का कारण', 'Reason for status'),
      type: 'text',
      required: true,
      maxLength: 200,
      when: (r) => r.status === 'inactive' || r.status === 'withdrawn',
      print: { order: 30, width: 16 },
      importAliases: ['कारण', 'स्थिति का कारण', 'reason', 'status reason'],
    },
    {
      key: 'remarks',
      label: bi('रिमार्क', 'Remarks'),
      type: 'longtext',
      maxLength: 500,
      print: { order: 31, width: 16 },
      importAliases: ['रिमार्क', 'टिप्पणी', 'विवरण', 'remarks', 'remark', 'notes'],
    },
  ],
};
