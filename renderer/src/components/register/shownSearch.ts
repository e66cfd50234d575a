/**
 * The search a RegisterList is showing, for the list's print: RegisterList hands its load() the
 * longest search word (walked through the index) and a predicate for the other words; the print
 * filter takes the same two, so what the list shows is what prints.
 *
 *   const shown = useShownSearch();
 *   const load = (q: PageQuery) => { shown.seen(q); return pageRecords(ctx, def, q); };
 *   <RegisterPrintActions :def="def" :filter="shown.filter.value" />
 */
import { shallowRef } from 'vue';
import type { PageQuery } from '@/db/repository';
import type { RegisterFilter } from '@/export';

export type ShownSearch = Pick<RegisterFilter, 'search' | 'where'>;

export function useShownSearch() {
  const filter = shallowRef<ShownSearch>({});
  /** Call with the list's query, before adding the view's own filters to it. */
  function seen(q: PageQuery): void {
    if (q.after) return; // later pages of the same search
    filter.value = q.search ? { search: q.search, ...(q.filter ? { where: q.filter } : {}) } : {};
  }
  return { filter, seen };
}
