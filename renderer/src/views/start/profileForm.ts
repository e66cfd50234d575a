/**
 * The thana profile as a form definition, so setup and सेटिंग्स use the same generic
 * RegisterForm as every register. Validation stays in domain/setup.ts (validateProfile).
 */
import { bi } from '@/domain/bilingual';
import type { FieldDef, RegisterDef } from '@/domain/registers/types';
import { CAMPAIGN_SPELLINGS, RANKS, type ThanaProfile } from '@/domain/setup';

const THANA = bi('जिला व थाना', 'District and thana');
const OFFICERS = bi('थाना प्रभारी व नोडल अधिकारी', 'In-charge and nodal officer');
const CAMPAIGN = bi('अभियान', 'Campaign');

/** The campaign's fields, shared with the district office's form (districtForm.ts). */
export const CAMPAIGN_FIELDS: FieldDef[] = [
  {
    key: 'campaignName',
    label: bi('अभियान का नाम (जिले की वर्तनी)', 'Campaign name (district spelling)'),
    type: 'select',
    required: true,
    options: CAMPAIGN_SPELLINGS.map((s) => ({ value: s, label: bi(s, s === 'साइबर मितान' ? 'Cyber Mitan (साइबर)' : 'Cyber Mitan (सायबर)') })),
    section: CAMPAIGN,
  },
  { key: 'campaignStart', label: bi('प्रारंभ दिनांक', 'Start date'), type: 'date', required: true, section: CAMPAIGN },
  { key: 'campaignEnd', label: bi('समाप्ति दिनांक', 'End date'), type: 'date', required: true, section: CAMPAIGN },
  { key: 'districtTarget', label: bi('जिले का लक्ष्य (मितान)', 'District target (Mitans)'), type: 'int', required: true, min: 1, section: CAMPAIGN },
];

export const profileFormDef: RegisterDef = {
  type: 'profile',
  title: bi('थाना प्रोफ़ाइल', 'Thana profile'),
  printTitle: bi('थाना प्रोफ़ाइल', 'Thana profile'),
  serial: false,
  schemaVersion: 1,
  searchFields: [],
  fields: [
    { key: 'district', label: bi('जिला', 'District'), type: 'text', required: true, maxLength: 60, section: THANA },
    { key: 'thanaName', label: bi('थाना का नाम', 'Thana name'), type: 'text', required: true, maxLength: 80, section: THANA },
    {
      key: 'thanaCode',
      label: bi('थाना कोड', 'Thana code'),
      type: 'text',
      required: true,
      maxLength: 12,
      placeholder: 'BSPKOTA',
      help: bi('अंग्रेज़ी अक्षर/अंक; हर प्रविष्टि की पहचान में जुड़ता है, बाद में बदला नहीं जा सकता', 'Letters/digits; part of every entry id, cannot change later'),
      section: THANA,
    },
    { key: 'inchargeName', label: bi('थाना प्रभारी का नाम', 'In-charge name'), type: 'text', required: true, maxLength: 80, section: OFFICERS },
    { key: 'inchargeRank', label: bi('थाना प्रभारी का पद', 'In-charge rank'), type: 'select', required: true, options: RANKS, section: OFFICERS },
    { key: 'nodalName', label: bi('नोडल अधिकारी का नाम', 'Nodal officer name'), type: 'text', required: true, maxLength: 80, section: OFFICERS },
    { key: 'nodalRank', label: bi('नोडल अधिकारी का पद', 'Nodal officer rank'), type: 'select', required: true, options: RANKS, section: OFFICERS },
    { key: 'nodalMobile', label: bi('नोडल अधिकारी का मोबाइल', 'Nodal officer mobile'), type: 'mobile', required: true, section: OFFICERS },
    ...CAMPAIGN_FIELDS,
    { key: 'thanaTarget', label: bi('इस थाने का लक्ष्य (मितान)', 'This thana’s target (Mitans)'), type: 'int', required: true, min: 1, section: CAMPAIGN },
    { key: 'teamTarget', label: bi('एक दल में सदस्य', 'Members per team'), type: 'int', required: true, min: 1, section: CAMPAIGN },
  ],
};

const NUMBERS = ['districtTarget', 'thanaTarget', 'teamTarget'] as const;

/** Form values → a ThanaProfile for validateProfile/saveProfile (blank text is '', not null). */
export function toProfile(values: Record<string, unknown>): ThanaProfile {
  const out: Record<string, unknown> = {};
  for (const f of profileFormDef.fields) {
    const v = values[f.key];
    out[f.key] = (NUMBERS as readonly string[]).includes(f.key) ? (v ?? 0) : v === null || v === undefined ? '' : String(v);
  }
  return out as unknown as ThanaProfile;
}
