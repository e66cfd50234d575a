/**
 * The district office's own profile (issue #15 §1): a district PC is set up as the district, never
 * as a thana — no thana profile is written, no thana code is invented. The hub name (`bilaspur` →
 * `district_bilaspur`) is the one the IT cell provisioned; the target and dates are the district's
 * (2 lakh Mitans in three months), against which the thana-wise progress page measures the district.
 */
import { bi, type Issue } from './bilingual';
import { isValidDate } from './dates';
import { CAMPAIGN_SPELLINGS } from './setup';

export interface DistrictProfile {
  /** The district as printed (Hindi), e.g. बिलासपुर. */
  district: string;
  /** The hub's name for it, English letters: database district_<code>. */
  districtCode: string;
  /** The office as printed on returns, e.g. पुलिस अधीक्षक कार्यालय, बिलासपुर. */
  officeName: string;
  spName: string;
  spRank: string;
  /** The district admin (first user of this PC). */
  adminName: string;
  adminRank: string;
  campaignName: string;
  campaignStart: string;
  campaignEnd: string;
  districtTarget: number;
}

export const DEFAULT_DISTRICT_PROFILE: DistrictProfile = {
  district: '',
  districtCode: '',
  officeName: '',
  spName: '',
  spRank: 'पुलिस अधीक्षक',
  adminName: '',
  adminRank: 'निरीक्षक',
  campaignName: 'साइबर मितान',
  campaignStart: '',
  campaignEnd: '',
  districtTarget: 200_000,
};

export const DISTRICT_CODE_RE = /^[a-z][a-z0-9_]{1,30}$/;

export function normalizeDistrictProfile(p: DistrictProfile): DistrictProfile {
  const t = (v: unknown) => String(v ?? '').trim();
  return {
    district: t(p.district),
    districtCode: t(p.districtCode).toLowerCase(),
    officeName: t(p.officeName),
    spName: t(p.spName),
    spRank: t(p.spRank),
    adminName: t(p.adminName),
    adminRank: t(p.adminRank),
    campaignName: t(p.campaignName),
    campaignStart: t(p.campaignStart),
    campaignEnd: t(p.campaignEnd),
    districtTarget: Number(p.districtTarget),
  };
}

export function validateDistrictProfile(p: DistrictProfile): Issue[] {
  const issues: Issue[] = [];
  const add = (field: keyof DistrictProfile, code: string, hi: string, en: string) => issues.push({ field, code, severity: 'error', message: bi(hi, en) });
  const req: [keyof DistrictProfile, string, string][] = [
    ['district', 'जिला', 'District'],
    ['districtCode', 'हब पर जिले का नाम', 'District name on the hub'],
    ['officeName', 'कार्यालय का नाम', 'Office name'],
    ['spName', 'पुलिस अधीक्षक का नाम', 'SP’s name'],
    ['spRank', 'पद', 'Rank'],
    ['adminName', 'जिला प्रशासक का नाम', 'District admin’s name'],
    ['adminRank', 'जिला प्रशासक का पद', 'District admin’s rank'],
    ['campaignStart', 'अभियान प्रारंभ दिनांक', 'Campaign start date'],
    ['campaignEnd', 'अभियान समाप्ति दिनांक', 'Campaign end date'],
  ];
  for (const [f, hi, en] of req) if (String(p[f] ?? '').trim() === '') add(f, 'required', `${hi} भरना आवश्यक है`, `${en} is required`);
  if (p.districtCode && !DISTRICT_CODE_RE.test(p.districtCode))
    add('districtCode', 'districtCode', 'हब पर जिले का नाम अंग्रेज़ी छोटे अक्षरों में हो (जैसे bilaspur)', 'Write the district’s hub name in small English letters (e.g. bilaspur)');
  if (!(CAMPAIGN_SPELLINGS as readonly string[]).includes(p.campaignName)) add('campaignName', 'option', 'अभियान का नाम सूची में से चुनें', 'Choose the campaign name from the list');
  for (const f of ['campaignStart', 'campaignEnd'] as const) if (p[f] && !isValidDate(p[f])) add(f, 'date', 'सही दिनांक लिखें', 'Enter a valid date');
  if (isValidDate(p.campaignStart) && isValidDate(p.campaignEnd) && p.campaignEnd < p.campaignStart)
    add('campaignEnd', 'range', 'समाप्ति दिनांक प्रारंभ दिनांक से पहले नहीं हो सकता', 'The end date cannot be before the start date');
  if (!Number.isInteger(p.districtTarget) || p.districtTarget <= 0) add('districtTarget', 'int', 'जिले का लक्ष्य 1 या अधिक पूर्ण संख्या हो', 'The district target must be a whole number of 1 or more');
  return issues;
}
