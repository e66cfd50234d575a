/**
 * The district office's profile as a form definition for the generic RegisterForm (as the thana
 * profile is, profileForm.ts). Validation stays in domain/districtProfile.ts.
 */
import { bi } from '@/domain/bilingual';
import type { RegisterDef } from '@/domain/registers/types';
import { DEFAULT_DISTRICT_PROFILE, type DistrictProfile } from '@/domain/districtProfile';
import { RANKS } from '@/domain/setup';
import { CAMPAIGN_FIELDS } from './profileForm';

const OFFICE = bi('जिला व पुलिस अधीक्षक कार्यालय', 'District and SP office');
const ADMIN = bi('जिला प्रशासक (इस कंप्यूटर का पहला उपयोगकर्ता)', 'District admin (first user of this computer)');
const SP_RANKS = [{ value: 'पुलिस अधीक्षक', label: bi('पुलिस अधीक्षक', 'Superintendent of Police') }, { value: 'वरिष्ठ पुलिस अधीक्षक', label: bi('वरिष्ठ पुलिस अधीक्षक', 'Senior SP') }, ...RANKS];

export const districtFormDef: RegisterDef = {
  type: 'districtProfile',
  title: bi('जिला कार्यालय', 'District office'),
  printTitle: bi('जिला कार्यालय', 'District office'),
  serial: false,
  schemaVersion: 1,
  searchFields: [],
  fields: [
    { key: 'district', label: bi('जिला', 'District'), type: 'text', required: true, maxLength: 60, section: OFFICE },
    {
      key: 'districtCode',
      label: bi('हब पर जिले का नाम', 'District name on the hub'),
      type: 'text',
      required: true,
      maxLength: 31,
      placeholder: 'bilaspur',
      help: bi('अंग्रेज़ी छोटे अक्षर, जैसा आईटी सेल ने हब पर बनाया (डेटाबेस district_…)', 'Small English letters, as the IT cell set up the hub (database district_…)'),
      section: OFFICE,
    },
    { key: 'officeName', label: bi('कार्यालय का नाम (प्रतिवेदन पर)', 'Office name (on returns)'), type: 'text', required: true, maxLength: 120, placeholder: 'पुलिस अधीक्षक कार्यालय, बिलासपुर', section: OFFICE },
    { key: 'spName', label: bi('पुलिस अधीक्षक का नाम', 'SP’s name'), type: 'text', required: true, maxLength: 80, section: OFFICE },
    { key: 'spRank', label: bi('पद', 'Rank'), type: 'select', required: true, options: SP_RANKS, section: OFFICE },
    { key: 'adminName', label: bi('जिला प्रशासक का नाम', 'District admin’s name'), type: 'text', required: true, maxLength: 80, section: ADMIN },
    { key: 'adminRank', label: bi('जिला प्रशासक का पद', 'District admin’s rank'), type: 'select', required: true, options: RANKS, section: ADMIN },
    ...CAMPAIGN_FIELDS,
  ],
};

/** Form values → a DistrictProfile (blank text is '', not null). */
export function toDistrictProfile(values: Record<string, unknown>): DistrictProfile {
  const out: Record<string, unknown> = { ...DEFAULT_DISTRICT_PROFILE };
  for (const f of districtFormDef.fields) {
    const v = values[f.key];
    out[f.key] = f.key === 'districtTarget' ? (v ?? 0) : v === null || v === undefined ? '' : String(v);
  }
  return out as unknown as DistrictProfile;
}
