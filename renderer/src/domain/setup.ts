import { bi, type Bilingual, type Issue } from './bilingual';
import { isValidDate } from './dates';
import { mobileIssue, normalizeMobile } from './normalize';

/** The thana and campaign, set at first run and edited later by the in-charge only. */
export interface ThanaProfile {
  district: string;
  thanaName: string;
  /** Short code used in every record id and the hub database name: letters/digits, e.g. BSP-KOTA → BSPKOTA. */
  thanaCode: string;
  inchargeName: string;
  inchargeRank: string;
  nodalName: string;
  nodalRank: string;
  nodalMobile: string;
  /** 'साइबर मितान' or 'सायबर मितान', as the district spells it. */
  campaignName: string;
  campaignStart: string;
  campaignEnd: string;
  districtTarget: number;
  thanaTarget: number;
  /** Members per team (25 in the SP's order). */
  teamTarget: number;
}

export const CAMPAIGN_SPELLINGS = ['साइबर मितान', 'सायबर मितान'] as const;

export const DEFAULT_PROFILE: ThanaProfile = {
  district: 'बिलासपुर',
  thanaName: '',
  thanaCode: '',
  inchargeName: '',
  inchargeRank: 'निरीक्षक',
  nodalName: '',
  nodalRank: 'उप निरीक्षक',
  nodalMobile: '',
  campaignName: 'साइबर मितान',
  campaignStart: '',
  campaignEnd: '',
  districtTarget: 200_000,
  thanaTarget: 0,
  teamTarget: 25,
};

export const RANKS: { value: string; label: Bilingual }[] = [
  { value: 'निरीक्षक', label: bi('निरीक्षक', 'Inspector') },
  { value: 'उप निरीक्षक', label: bi('उप निरीक्षक', 'Sub-Inspector') },
  { value: 'सहायक उप निरीक्षक', label: bi('सहायक उप निरीक्षक', 'Asst. Sub-Inspector') },
  { value: 'प्रधान आरक्षक', label: bi('प्रधान आरक्षक', 'Head Constable') },
  { value: 'आरक्षक', label: bi('आरक्षक', 'Constable') },
  { value: 'महिला आरक्षक', label: bi('महिला आरक्षक', 'Woman Constable') },
  { value: 'उप पुलिस अधीक्षक', label: bi('उप पुलिस अधीक्षक', 'Deputy SP') },
  { value: 'विशेष पुलिस अधिकारी', label: bi('विशेष पुलिस अधिकारी', 'Special Police Officer') },
  { value: 'अन्य', label: bi('अन्य', 'Other') },
];

export function normalizeThanaCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function validateProfile(p: ThanaProfile): Issue[] {
  const issues: Issue[] = [];
  const req = (field: keyof ThanaProfile, hi: string, en: string) => {
    if (String(p[field] ?? '').trim() === '')
      issues.push({ field, code: 'required', severity: 'error', message: bi(`${hi} भरना आवश्यक है`, `${en} is required`) });
  };
  req('district', 'जिला', 'District');
  req('thanaName', 'थाना का नाम', 'Thana name');
  req('thanaCode', 'थाना कोड', 'Thana code');
  req('inchargeName', 'थाना प्रभारी का नाम', 'In-charge name');
  req('inchargeRank', 'थाना प्रभारी का पद', 'In-charge rank');
  req('nodalName', 'नोडल अधिकारी का नाम', 'Nodal officer name');
  req('nodalRank', 'नोडल अधिकारी का पद', 'Nodal officer rank');
  req('nodalMobile', 'नोडल अधिकारी का मोबाइल', 'Nodal officer mobile');
  req('campaignStart', 'अभियान प्रारंभ दिनांक', 'Campaign start date');
  req('campaignEnd', 'अभियान समाप्ति दिनांक', 'Campaign end date');
  if (p.thanaCode && !/^[A-Z0-9]{2,12}$/.test(p.thanaCode))
    issues.push({
      field: 'thanaCode',
      code: 'thanaCode',
      severity: 'error',
      message: bi('थाना कोड में 2 से 12 अंग्रेज़ी अक्षर/अंक हों (जैसे BSPKOTA)', 'Thana code must be 2 to 12 letters or digits (e.g. BSPKOTA)'),
    });
  if (p.nodalMobile) {
    const m = mobileIssue('nodalMobile', p.nodalMobile);
    if (m) issues.push(m);
  }
  if (!(CAMPAIGN_SPELLINGS as readonly string[]).includes(p.campaignName))
    issues.push({ field: 'campaignName', code: 'option', severity: 'error', message: bi('अभियान का नाम सूची में से चुनें', 'Choose the campaign name from the list') });
  for (const f of ['campaignStart', 'campaignEnd'] as const)
    if (p[f] && !isValidDate(p[f]))
      issues.push({ field: f, code: 'date', severity: 'error', message: bi('सही दिनांक लिखें', 'Enter a valid date') });
  if (isValidDate(p.campaignStart) && isValidDate(p.campaignEnd) && p.campaignEnd < p.campaignStart)
    issues.push({
      field: 'campaignEnd',
      code: 'range',
      severity: 'error',
      message: bi('समाप्ति दिनांक प्रारंभ दिनांक से पहले नहीं हो सकता', 'The end date cannot be before the start date'),
    });
  for (const [f, hi, en] of [
    ['districtTarget', 'जिले का लक्ष्य', 'District target'],
    ['thanaTarget', 'थाने का लक्ष्य', 'Thana target'],
    ['teamTarget', 'दल का लक्षित आकार', 'Team size target'],
  ] as const) {
    const v = p[f];
    if (!Number.isInteger(v) || v <= 0)
      issues.push({ field: f, code: 'int', severity: 'error', message: bi(`${hi} 1 या अधिक पूर्ण संख्या हो`, `${en} must be a whole number of 1 or more`) });
  }
  if (Number.isInteger(p.thanaTarget) && Number.isInteger(p.districtTarget) && p.thanaTarget > p.districtTarget)
    issues.push({
      field: 'thanaTarget',
      code: 'range',
      severity: 'error',
      message: bi('थाने का लक्ष्य जिले के लक्ष्य से अधिक नहीं हो सकता', 'The thana target cannot exceed the district target'),
    });
  return issues;
}

export function normalizeProfile(p: ThanaProfile): ThanaProfile {
  return {
    ...p,
    district: p.district.trim(),
    thanaName: p.thanaName.trim(),
    thanaCode: normalizeThanaCode(p.thanaCode),
    inchargeName: p.inchargeName.trim(),
    nodalName: p.nodalName.trim(),
    nodalMobile: normalizeMobile(p.nodalMobile) ?? p.nodalMobile.trim(),
    districtTarget: Number(p.districtTarget),
    thanaTarget: Number(p.thanaTarget),
    teamTarget: Number(p.teamTarget),
  };
}
