/**
 * The roster list's filter as the print's (what the list shows is what prints): team, village
 * and status as field equals, training as a predicate, and the search the way pageMitans reads
 * it (a mobile number by its lookup key, else the words).
 */
import { normalizeMobile } from '@/domain/normalize';
import type { StoredRecord } from '@/domain/records';
import { mitanMobileKey } from '@/domain/registers/mitan';
import { isTrained } from '@/domain/roster/rules';
import type { MitanFilter } from '@/db/roster';
import type { FilterValue, RegisterFilter } from '@/export';
import type { ShownSearch } from '@/components/register/shownSearch';

export function mitanPrintFilter(f: MitanFilter, shown: ShownSearch): RegisterFilter {
  const equals: Record<string, FilterValue> = {};
  if (f.teamId) equals.teamId = f.teamId;
  if (f.placeId) equals.placeId = f.placeId;
  if (f.status) equals.status = f.status;
  const mobile = shown.search && /^[+\d\s-]{10,}$/.test(shown.search) ? normalizeMobile(shown.search) : null;
  const trained = f.trained;
  const where = trained || shown.where
    ? (r: StoredRecord) => (!trained || isTrained(r.data) === (trained === 'yes')) && (!shown.where || shown.where(r))
    : undefined;
  return {
    ...(Object.keys(equals).length ? { equals } : {}),
    ...(mobile ? { key: mitanMobileKey(mobile) } : shown.search ? { search: shown.search } : {}),
    ...(where ? { where } : {}),
  };
}
