import { bi } from '../bilingual';
import type { RegisterDef } from './types';

export const AREA_TYPES = [
  { value: 'rural', label: bi('ग्रामीण', 'Rural') },
  { value: 'urban', label: bi('शहरी', 'Urban') },
];

export const PLACE_KINDS = [
  { value: 'village', label: bi('ग्राम', 'Village') },
  { value: 'ward', label: bi('वार्ड', 'Ward') },
  { value: 'locality', label: bi('मोहल्ला/बस्ती', 'Locality') },
];

/** The lookup key of a place's name: how the roster and imports match a village by its name. */
export function placeNameKey(name: string): string {
  return `place:${name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** Other spellings of a place's name (Latin letters, old spellings), as stored: comma-separated. */
export function placeAliases(d: Record<string, unknown>): string[] {
  return typeof d.aliases === 'string' ? d.aliases.split(/[,;]/).map((a) => a.trim()).filter(Boolean) : [];
}

/** A thana lists each village or ward once. */
export const PLACE_UNIQUE_KEYS = ['place:'];

/** Villages and wards of the thana: the master list that roster, outreach and coverage use. */
export const placeRegister: RegisterDef = {
  type: 'place',
  title: bi('ग्राम/वार्ड सूची', 'Villages and wards'),
  printTitle: bi('ग्राम/वार्ड सूची', 'List of villages and wards'),
  serial: false,
  schemaVersion: 1,
  searchFields: ['name', 'beat', 'aliases'],
  lookupKeys: (d) => (typeof d.name === 'string' ? [placeNameKey(d.name)] : []),
  uniqueKeys: PLACE_UNIQUE_KEYS,
  paper: {
    columns: [{ parts: ['name'], repeat: true }, { parts: ['kind'] }, { parts: ['area'] }, { parts: ['beat'] }, { parts: ['isNew'] }],
    orientation: 'portrait',
  },
  fields: [
    {
      key: 'name',
      label: bi('ग्राम/वार्ड का नाम', 'Village/ward name'),
      type: 'text',
      required: true,
      maxLength: 120,
      list: { order: 1, width: 220 },
      print: { order: 1, width: 28 },
      importAliases: ['ग्राम', 'वार्ड', 'ग्राम/वार्ड', 'village', 'ward', 'name', 'नाम'],
    },
    {
      key: 'kind',
      label: bi('प्रकार', 'Kind'),
      type: 'select',
      required: true,
      options: PLACE_KINDS,
      carryOver: true,
      list: { order: 2, width: 100 },
      print: { order: 2, width: 12 },
      importAliases: ['प्रकार', 'kind', 'type'],
    },
    {
      key: 'area',
      label: bi('शहरी/ग्रामीण', 'Urban/Rural'),
      type: 'select',
      required: true,
      options: AREA_TYPES,
      carryOver: true,
      list: { order: 3, width: 110 },
      print: { order: 3, width: 12 },
      importAliases: ['शहरी/ग्रामीण', 'क्षेत्र', 'urban/rural', 'area'],
    },
    {
      key: 'beat',
      label: bi('बीट', 'Beat'),
      type: 'text',
      maxLength: 60,
      carryOver: true,
      list: { order: 4, width: 120 },
      print: { order: 4, width: 14 },
      importAliases: ['बीट', 'beat'],
    },
    {
      key: 'aliases',
      label: bi('अन्य वर्तनी (अंग्रेज़ी आदि)', 'Other spellings (English etc.)'),
      type: 'text',
      maxLength: 300,
      help: bi(
        'आयात में इन नामों को भी यही ग्राम/वार्ड माना जाता है; अल्पविराम से अलग करें',
        'Imports take these names for this village/ward too; separate them with commas',
      ),
      importAliases: ['अन्य नाम', 'अन्य वर्तनी', 'aliases', 'other names', 'english name'],
    },
    {
      key: 'isNew',
      label: bi('नया जोड़ा गया (सूची से बाहर)', 'Added as new (not on the list)'),
      type: 'boolean',
      list: { order: 5, width: 80 },
      print: { order: 5, width: 10 },
    },
  ],
};
