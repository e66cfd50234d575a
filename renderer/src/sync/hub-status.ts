/**
 * `npm run hub -- status`: everything provisioning set up for a district, as the hub has it now,
 * so the district IT cell sees at a glance what exists, what is out of date and which replication
 * job is not running:
 * - each thana database of the district, the district database and the suspect registry `registry_<district>`
 *   (listed even when missing);
 * - for each, its document count and whether its validation function is installed and the one the
 *   app's current provisioning would install ("outdated" after an app update: provision again);
 * - each `_replicator` job provisioning made (thana → district, thana → registry) and its state
 *   (CouchDB: the scheduler's state; pouchdb-server: the job document's `_replication_state`).
 */
import { DISTRICT_DESIGN_DOCS, sameBody, THANA_DESIGN_DOCS } from './provision';
import { Provisioner, type ProvisionOptions } from './provisioner';
import { REGISTRY_DESIGN_ID, registryDbName, registryVdu } from './registryHub';
import { DISTRICT_DESIGN_ID, districtDbName, replicationRole, thanaDbName, thanaDesignId } from './vdu';

export type HubDbKind = 'thana' | 'district' | 'registry';

/**
 * - `current`: installed and the same as provisioning writes;
 * - `outdated`: installed but different (provision again);
 * - `missing`: provisioning would install one and there is none;
 * - `none (pouchdb-server)`: this server gets none on purpose (it would drop replicated updates).
 */
export type ValidationState = 'current' | 'outdated' | 'missing' | 'none (pouchdb-server)';

export interface HubJobStatus {
  id: string;
  /** `missing`, or the job's state: running, pending, crashing, failed, triggered, completed, error … */
  state: string;
}

export interface HubStatusRow {
  db: string;
  kind: HubDbKind;
  exists: boolean;
  /** null: the database is missing or could not be read. */
  docs: number | null;
  validation: ValidationState;
  /** The replication jobs whose source is this database (thana rows); none for the others. */
  jobs: HubJobStatus[];
}

/** The thana code of a thana database (`thana_bspkota` → 'BSPKOTA'): codes are A–Z and 0–9. */
function codeOf(db: string): string {
  return db.slice('thana_'.length).toUpperCase();
}

async function jobState(p: Provisioner, id: string): Promise<string> {
  const job = await p.getDoc<{ _replication_state?: string }>('_replicator', id);
  if (!job) return 'missing';
  if (p.flavor === 'couchdb') {
    const s = await p.client.request<{ state?: string }>('GET', `_scheduler/docs/_replicator/${encodeURIComponent(id)}`, { accept: [404] });
    return s.body?.state ?? job._replication_state ?? 'unknown';
  }
  return job._replication_state ?? 'unknown';
}

async function validationOf(p: Provisioner, db: string, designId: string, want: Record<string, unknown> | null): Promise<ValidationState> {
  const have = await p.getDoc(db, designId);
  if (!want) return have?.validate_doc_update ? 'outdated' : 'none (pouchdb-server)';
  if (!have?.validate_doc_update) return 'missing';
  return sameBody(want)(have) ? 'current' : 'outdated';
}

/** The status of every database and job provisioning makes for this district. */
export async function hubStatus(o: ProvisionOptions, district: string): Promise<HubStatusRow[]> {
  const p = new Provisioner(o);
  await p.detect();
  const all = (await p.client.request<string[]>('GET', '_all_dbs')).body ?? [];
  const dist = districtDbName(district);
  const registry = registryDbName(district);
  const pouch = p.flavor === 'pouchdb-server';
  // A thana database is this district's when the district's replication account is among its
  // members (provisioning puts it there): so a thana whose jobs are missing is still listed, and a
  // hub serving several districts lists only this one's.
  const mine: string[] = [];
  for (const db of all.filter((d) => /^thana_[a-z0-9]{2,12}$/.test(d))) {
    const sec = await p.client.request<{ members?: { roles?: string[] } }>('GET', `${encodeURIComponent(db)}/_security`, { accept: [401, 403, 404] });
    if (sec.body?.members?.roles?.includes(replicationRole(district))) mine.push(db);
  }
  const dbs: { db: string; kind: HubDbKind }[] = [
    ...mine.map((db) => ({ db, kind: 'thana' as const })),
    { db: dist, kind: 'district' },
    { db: registry, kind: 'registry' },
  ];
  const rows: HubStatusRow[] = [];
  for (const { db, kind } of dbs) {
    const info = await p.client.request<{ doc_count?: number }>('GET', encodeURIComponent(db), { accept: [401, 403, 404] });
    const exists = info.status !== 404;
    const row: HubStatusRow = { db, kind, exists, docs: info.status === 200 ? (info.body?.doc_count ?? 0) : null, validation: 'missing', jobs: [] };
    if (kind === 'thana') {
      const code = codeOf(db);
      const design = THANA_DESIGN_DOCS.map((make) => make(code)).find((d) => d.id === thanaDesignId(code))!;
      if (exists) row.validation = await validationOf(p, db, design.id, design.body);
      for (const target of [dist, registry]) {
        const id = `${thanaDbName(code)}-to-${target}`;
        row.jobs.push({ id, state: await jobState(p, id) });
      }
    } else if (kind === 'district') {
      const design = DISTRICT_DESIGN_DOCS.flatMap((make) => make(district, p.flavor)).find((d) => d.id === DISTRICT_DESIGN_ID);
      if (exists) row.validation = await validationOf(p, db, DISTRICT_DESIGN_ID, design?.body ?? null);
    } else if (exists) {
      const want = pouch ? null : { language: 'javascript', validate_doc_update: registryVdu(replicationRole(district)) };
      row.validation = await validationOf(p, db, REGISTRY_DESIGN_ID, want);
    }
    rows.push(row);
  }
  return rows;
}

/** The status as the CLI prints it: one line per database, one indented line per job. */
export function formatHubStatus(rows: HubStatusRow[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    const docs = r.exists ? `${String(r.docs ?? '?').padStart(8)} docs` : '  MISSING / नहीं है';
    const rules = r.exists ? `   validation ${r.validation}` : '';
    lines.push(`${r.kind.padEnd(8)} ${r.db.padEnd(32)} ${docs}${rules}`);
    for (const j of r.jobs) lines.push(`         job ${j.id.padEnd(50)} ${j.state}`);
  }
  return lines.join('\n') + '\n';
}
