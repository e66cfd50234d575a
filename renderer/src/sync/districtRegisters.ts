/**
 * Consolidated registers in district mode (issue #15 §2): pages read from the hub by key range,
 * newest first, instead of a copy of the whole district database — one thana is its id range in
 * `_all_docs`, all thanas are the `registers` view ([type, ULID]). A search word or a filter is
 * applied to each page as it arrives (the cursor stays the hub's). The district's Excel and PDF of
 * a register read the same way (`hubRegisterPages`, `hubRefLabels`), and so do the complaints
 * related across thanas (`hubRelatedComplaints`, the `complaint_keys` view).
 */
import { mergeKeyHits, type RelatedComplaint } from '@/domain/complaints/related';
import type { StoredRecord } from '@/domain/records';
import { fetchedRefLabels } from '@/export/refLabels';
import type { RefLabels } from '@/export/registerSheet';
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

/** Entries of a register read for a print or an export: a page of the hub at a time. */
export const EXPORT_PAGE = 500;

/**
 * Every entry of a register, thana after thana (or one thana), oldest first, a page at a time by
 * key range (`_all_docs`, startkey/endkey/limit, the last id with skip=1 as the cursor): what the
 * district prints and exports, never held whole.
 */
export async function* hubRegisterPages(client: HubClient, db: string, type: string, thanas: readonly string[], pageSize = EXPORT_PAGE): AsyncIterable<StoredRecord[]> {
  const base = encodeURIComponent(db);
  for (const thana of thanas) {
    let after: string | null = null;
    for (;;) {
      const res: { body: { rows?: Row[] } | null } = await client.request<{ rows?: Row[] }>('GET', `${base}/_all_docs`, {
        query: { include_docs: true, limit: pageSize, startkey: JSON.stringify(after ?? `${thana}:${type}:`), endkey: JSON.stringify(`${thana}:${type}:\ufff0`), skip: after ? 1 : undefined },
      });
      const rows = res.body?.rows ?? [];
      const records = rows.filter((r) => r.doc).map((r) => docToRecord(r.doc!, 'synced'));
      if (records.length) yield records;
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.id;
    }
  }
}

/** The records of these ids from the hub, in order (undefined where the hub has none). */
async function hubDocs(client: HubClient, db: string, ids: string[]): Promise<(StoredRecord | undefined)[]> {
  const res = await client.request<{ rows?: Row[] }>('POST', `${encodeURIComponent(db)}/_all_docs`, { query: { include_docs: true }, body: { keys: ids } });
  const byId = new Map((res.body?.rows ?? []).filter((r) => r.doc).map((r) => [r.id, docToRecord(r.doc!, 'synced')]));
  return ids.map((id) => byId.get(id));
}

/** Labels of referenced entries (a Mitan's team, a session's place) for the district's prints, from the hub. */
export function hubRefLabels(client: HubClient, db: string): RefLabels {
  return fetchedRefLabels((_type, ids) => hubDocs(client, db, ids));
}

/** Complaints in any thana sharing a lookup key with this one, from the hub's `complaint_keys` view. */
export async function hubRelatedComplaints(client: HubClient, db: string, rec: Pick<StoredRecord, 'id' | 'keys'>): Promise<RelatedComplaint[]> {
  if (!rec.keys.length) return [];
  const res = await client.request<{ rows?: Row[] }>('POST', `${encodeURIComponent(db)}/_design/${FIGURES_DESIGN_NAME}/_view/complaint_keys`, {
    query: { include_docs: true },
    body: { keys: rec.keys },
  });
  const hits = new Map<string, StoredRecord[]>(rec.keys.map((k) => [k, []]));
  for (const r of res.body?.rows ?? []) if (r.doc) hits.get(String(r.key))?.push(docToRecord(r.doc, 'synced'));
  return mergeKeyHits(rec, [...hits.entries()]);
}
