/**
 * Consolidated registers in district mode (issue #15 §2): pages read from the hub by key range,
 * newest first, instead of a copy of the whole district database — one thana is its id range in
 * `_all_docs`, all thanas are the `registers` view ([type, ULID]). A search word or a filter is
 * applied to each page as it arrives (the cursor stays the hub's).
 */
import type { StoredRecord } from '@/domain/records';
import type { Page, PageQuery } from '@/db/repository';
import { docToRecord, type HubDoc } from './doc';
import type { HubClient } from './http';
import { FIGURES_DESIGN_NAME } from './districtViews';

interface Row {
  id: string;
  key: unknown;
  doc?: HubDoc | null;
}

function matches(r: StoredRecord, q: PageQuery): boolean {
  const word = q.search?.trim().toLowerCase();
  if (word && !r.tokens?.some((t) => t.startsWith(word))) return false;
  if (q.key && !r.keys?.includes(q.key)) return false;
  return !q.filter || q.filter(r);
}

export async function pageDistrictHub(client: HubClient, db: string, type: string, thana: string | null, q: PageQuery): Promise<Page> {
  const base = encodeURIComponent(db);
  let rows: Row[];
  if (thana) {
    const hi = `${thana}:${type}:\ufff0`;
    const res = await client.request<{ rows?: Row[] }>('GET', `${base}/_all_docs`, {
      query: { descending: true, include_docs: true, limit: q.limit, startkey: JSON.stringify(q.after ?? hi), endkey: JSON.stringify(`${thana}:${type}:`), skip: q.after ? 1 : undefined },
    });
    rows = res.body?.rows ?? [];
  } else {
    // The cursor of the all-thanas list is "<ULID>\t<id>" (the view key's ULID and the last document id).
    const [ulidPart, docId] = q.after ? q.after.split('\t') : [null, null];
    const res = await client.request<{ rows?: Row[] }>('GET', `${base}/_design/${FIGURES_DESIGN_NAME}/_view/registers`, {
      query: {
        descending: true,
        include_docs: true,
        limit: q.limit,
        startkey: JSON.stringify(ulidPart ? [type, ulidPart] : [type, {}]),
        startkey_docid: docId ?? undefined,
        endkey: JSON.stringify([type]),
        skip: q.after ? 1 : undefined,
      },
    });
    rows = res.body?.rows ?? [];
  }
  const records = rows.filter((r) => r.doc).map((r) => docToRecord(r.doc!, 'synced'));
  const last = rows[rows.length - 1];
  const next = rows.length === q.limit && last ? (thana ? last.id : `${(last.key as [string, string])[1]}\t${last.id}`) : null;
  return { rows: records.filter((r) => matches(r, q)), next };
}
