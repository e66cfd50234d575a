/**
 * What differs between registers when importing: which keys must stay unique, which values a row
 * may take from elsewhere, and what an unknown reference may become. The machinery is generic.
 */
import { MITAN_UNIQUE_KEYS } from '@/domain/registers/mitan';
import { PLACE_UNIQUE_KEYS } from '@/domain/registers/place';
import { TEAM_UNIQUE_KEYS } from '@/domain/registers/team';
import { completeFromPlace } from '@/domain/roster/defaults';
import type { RecordData } from '@/domain/validation';
import type { RefTarget } from './refs';

export interface ImportProfile {
  uniqueKeys: string[];
  /** Values a row takes when its cell is blank and the writer chose nothing else. */
  defaults?: RecordData;
  /** Register types its 'ref' fields point to, whose entries are loaded for matching names. */
  refTypes: string[];
  completeRow?: (input: RecordData, ref: (refType: string, id: string) => RefTarget | undefined) => void;
  /** Fields completeRow can fill in, so a file need not have a column for them. */
  completes?: string[];
  /** Optional fields the writer may also set once for every row (e.g. consent form to be collected). */
  forAllRows?: string[];
  /** Registers whose unknown names may be added as new entries, and the data of such an entry. */
  newRef?: Record<string, (name: string) => RecordData>;
}

export const IMPORT_PROFILES: Record<string, ImportProfile> = {
  mitan: {
    uniqueKeys: MITAN_UNIQUE_KEYS,
    // Rosters list members who are serving: a blank role or status means member, active.
    defaults: { role: 'member', status: 'active' },
    refTypes: ['team', 'place'],
    completeRow: (input, ref) => {
      completeFromPlace(input, typeof input.placeId === 'string' ? ref('place', input.placeId) : undefined);
      // "Form to be collected" for every row applies only to rows without a consent date.
      if (input.consentDate !== null && input.consentDate !== undefined && input.consentDate !== '') input.consentPending = false;
    },
    completes: ['area', 'beat'],
    forAllRows: ['consentPending'],
    newRef: {
      // A village not on the master list: added, marked isNew, for the in-charge to review.
      place: (name) => (/वार्ड|वॉर्ड|ward/i.test(name) ? { name, kind: 'ward', area: 'urban', isNew: true } : { name, kind: 'village', area: 'rural', isNew: true }),
    },
  },
  place: { uniqueKeys: PLACE_UNIQUE_KEYS, refTypes: [] },
  team: { uniqueKeys: TEAM_UNIQUE_KEYS, refTypes: ['place'] },
};

export function importProfile(type: string): ImportProfile {
  return IMPORT_PROFILES[type] ?? { uniqueKeys: [], refTypes: [] };
}
