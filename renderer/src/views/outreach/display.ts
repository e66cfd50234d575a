/**
 * An outreach entry as the generic register components should show it: the ids of its team,
 * village/ward and Mitans replaced by their names, topics by their labels — in the data and in
 * every version of the history. Only for display; never written back.
 */
import type { Bilingual } from '@/domain/bilingual';
import type { StoredRecord, VersionEntry } from '@/domain/records';

export interface DisplayLabels {
  team: (id: unknown) => Bilingual | null;
  place: (id: unknown) => Bilingual | null;
  mitan: (id: unknown) => Bilingual | null;
  topic: (value: string) => Bilingual;
  tr: (b: Bilingual | null | undefined) => string;
}

function mapValue(field: string, v: unknown, L: DisplayLabels): unknown {
  if (v === null || v === undefined) return v;
  switch (field) {
    case 'teamId':
      return L.tr(L.team(v)) || v;
    case 'placeId':
      return L.tr(L.place(v)) || v;
    case 'mitanIds':
      return Array.isArray(v) ? v.map((m) => L.tr(L.mitan(m)) || m) : v;
    case 'topics':
      return Array.isArray(v) ? v.map((t) => L.tr(L.topic(String(t)))) : v;
    default:
      return v;
  }
}

const MAPPED = ['teamId', 'placeId', 'mitanIds', 'topics'];

export function displayRecord(rec: StoredRecord, L: DisplayLabels): StoredRecord {
  const data = { ...rec.data };
  for (const k of MAPPED) if (k in data) data[k] = mapValue(k, data[k], L);
  const history: VersionEntry[] = rec.history.map((h) => ({
    ...h,
    changes: h.changes.map((c) => (MAPPED.includes(c.field) ? { ...c, before: mapValue(c.field, c.before, L), after: mapValue(c.field, c.after, L) } : c)),
  }));
  return { ...rec, data, history };
}

/** The Mitan ids an entry mentions anywhere in its history (to fetch their names once). */
export function mitanIdsOf(rec: StoredRecord): string[] {
  const ids = new Set<string>();
  const add = (v: unknown) => {
    if (Array.isArray(v)) for (const m of v) ids.add(String(m));
  };
  add(rec.data.mitanIds);
  for (const h of rec.history)
    for (const c of h.changes)
      if (c.field === 'mitanIds') {
        add(c.before);
        add(c.after);
      }
  return [...ids];
}
