/**
 * Admin jobs of the district IT cell (`npm run hub -- retire-leaves`).
 *
 * Retiring conflict leaves. Stations may not delete anything on the hub, so a conflict's losing
 * leaves stay after a station has folded their values into the winner's history; the station lists
 * them in the winner's `foldedRevs` and later sessions skip them. This job, run as a server admin,
 * deletes a leaf only when
 *  - the winner lists it in `foldedRevs`, and
 *  - for a register document, every version in the leaf's history is in the winner's history
 *    (same mutationId): its values are readable on every PC, whatever `foldedRevs` claims.
 * Anything else is kept and counted, so a hostile or buggy `foldedRevs` can never erase a value.
 */
import { classify, FOLDED_FIELD, type HubDoc } from './doc';
import { docPath } from './http';
import { Provisioner, type ProvisionOptions } from './provisioner';

export interface RetireReport {
  db: string;
  /** Documents that had conflict leaves. */
  documents: number;
  retired: number;
  /** Leaves not listed in foldedRevs yet: a station will fold them on its next sync. */
  waiting: number;
  /** Listed in foldedRevs but with versions the winner lacks: kept, and worth a look. */
  refused: { id: string; rev: string }[];
}

interface Row {
  id: string;
  doc?: HubDoc;
}

function mutationIds(doc: HubDoc): string[] {
  const h = doc.history;
  return Array.isArray(h) ? h.map((e) => String((e as { mutationId?: unknown }).mutationId ?? '')) : [];
}

/** Retire the folded leaves of one thana database. */
export async function retireLeaves(o: ProvisionOptions, db: string, pageSize = 500): Promise<RetireReport> {
  const p = new Provisioner(o);
  await p.detect();
  const report: RetireReport = { db, documents: 0, retired: 0, waiting: 0, refused: [] };
  const path = encodeURIComponent(db);
  let startkey: string | null = null;
  for (;;) {
    const query: Record<string, string | number | boolean> = { include_docs: true, conflicts: true, limit: pageSize + 1 };
    if (startkey !== null) query.startkey = JSON.stringify(startkey);
    const res = await p.client.request<{ rows?: Row[] }>('GET', `${path}/_all_docs`, { query });
    const rows = res.body.rows ?? [];
    const page = rows.slice(0, pageSize);
    for (const row of page) {
      const winner = row.doc;
      if (!winner?._conflicts?.length) continue;
      report.documents++;
      const folded = new Set(Array.isArray(winner[FOLDED_FIELD]) ? (winner[FOLDED_FIELD] as string[]) : []);
      const kept = new Set(mutationIds(winner));
      const deletions: HubDoc[] = [];
      for (const rev of winner._conflicts) {
        if (!folded.has(rev)) {
          report.waiting++;
          continue;
        }
        const leaf = await p.client.request<HubDoc>('GET', `${path}/${docPath(row.id)}`, { query: { rev }, accept: [404] });
        if (leaf.status === 404) continue;
        const register = classify(row.id).kind === 'register';
        if (register && !mutationIds(leaf.body).every((m) => kept.has(m))) {
          report.refused.push({ id: row.id, rev });
          continue;
        }
        deletions.push({ _id: row.id, _rev: rev, _deleted: true });
      }
      if (!deletions.length) continue;
      const del = await p.client.request<{ ok?: boolean; error?: string }[]>('POST', `${path}/_bulk_docs`, { body: { docs: deletions } });
      report.retired += (del.body ?? []).filter((r) => r.ok || !r.error).length;
    }
    if (rows.length <= pageSize) break;
    startkey = rows[pageSize]!.id;
  }
  o.log?.(`${db}: ${report.retired} leaves retired, ${report.waiting} waiting for a station, ${report.refused.length} kept (versions missing from the winner)`);
  return report;
}
