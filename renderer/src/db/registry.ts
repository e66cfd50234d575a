/**
 * The suspect registry on the station (issue #15 §5; domain/registry/suspects.ts):
 * - `writeSuspects`: a complaint's identifier documents, written INSIDE the complaint's own save,
 *   correction or cancellation transaction (repository.ts), so a complaint is never saved without
 *   them nor they without it;
 * - `landRegistry`: a pulled page of the district registry and its checkpoint, in one transaction;
 * - `findMatches`: entries of OTHER thanas sharing an identifier, one index lookup per identifier
 *   (`scanMatches` reads every entry: the baseline of `npm run bench -- suspect-match`).
 */
import type { StoredRecord } from '@/domain/records';
import { planSuspectBodies, SUSPECT_TYPE } from '@/domain/registry/suspects';
import type { HubDoc } from '@/sync/doc';
import { ulid } from '@/domain/ulid';
import type { RegistryRow, StationDb, SuspectRow } from './schema';

/** Which registers write registry entries. */
export function writesSuspects(type: string): boolean {
  return type === 'complaint';
}

/** Bring a complaint's registry entries up to date. Call inside a transaction that includes `db.suspect`. */
export async function writeSuspects(db: StationDb, rec: StoredRecord, at: string): Promise<number> {
  if (!writesSuspects(rec.type)) return 0;
  const existing = await db.suspect.where('complaintId').equals(rec.id).toArray();
  const changed = planSuspectBodies(rec, existing, at, () => ulid());
  if (!changed.length) return 0;
  const have = new Map(existing.map((e) => [e.id, e]));
  await db.suspect.bulkPut(changed.map((b) => ({ ...b, _rev: have.get(b.id)?._rev ?? null, syncState: 'dirty' }) satisfies SuspectRow));
  return changed.length;
}

/** The same for many complaints at once (an import): one read, one write. */
export async function writeSuspectsMany(db: StationDb, recs: StoredRecord[], at: string): Promise<void> {
  const list = recs.filter((r) => writesSuspects(r.type));
  if (!list.length) return;
  const existing = await db.suspect.where('complaintId').anyOf(list.map((r) => r.id)).toArray();
  const byComplaint = new Map<string, SuspectRow[]>();
  for (const e of existing) byComplaint.set(e.complaintId, [...(byComplaint.get(e.complaintId) ?? []), e]);
  const rows: SuspectRow[] = [];
  for (const r of list) {
    const mine = byComplaint.get(r.id) ?? [];
    const have = new Map(mine.map((e) => [e.id, e]));
    for (const b of planSuspectBodies(r, mine, at, () => ulid())) rows.push({ ...b, _rev: have.get(b.id)?._rev ?? null, syncState: 'dirty' });
  }
  if (rows.length) await db.suspect.bulkPut(rows);
}

/** A suspect row ↔ its hub document. */
export function suspectToDoc(row: SuspectRow): HubDoc {
  const { id, _rev, syncState: _s, ...body } = row;
  return { _id: id, ...(_rev ? { _rev } : {}), ...body };
}

export function docToSuspect(doc: Record<string, unknown>, syncState: SuspectRow['syncState']): SuspectRow {
  const s = (k: string) => (typeof doc[k] === 'string' ? (doc[k] as string) : '');
  return {
    id: s('_id'),
    _rev: s('_rev') || null,
    syncState,
    thana: s('thana'),
    type: SUSPECT_TYPE,
    schemaVersion: typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1,
    mutationId: s('mutationId'),
    complaintId: s('complaintId'),
    key: s('key'),
    serial: s('serial'),
    date: s('date'),
    category: s('category'),
    band: s('band'),
    withdrawn: doc.withdrawn === true,
    updatedAt: s('updatedAt'),
  };
}

// ---------------------------------------------------------------------------------------------
// The district registry as pulled

/** A registry document as a local row (a suspect entry, or a thana's profile as its contact), or null to skip. */
export function registryRowOf(doc: Record<string, unknown>): RegistryRow | null {
  const id = typeof doc._id === 'string' ? doc._id : '';
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  if (doc.type === SUSPECT_TYPE) {
    const row = docToSuspect(doc, 'synced');
    if (!row.key || !row.thana) return null;
    return { id, kind: 'suspect', key: row.key, thana: row.thana, serial: row.serial, date: row.date, category: row.category, band: row.band, withdrawn: row.withdrawn, complaintId: row.complaintId };
  }
  if (doc.type === 'profile') {
    const v = (doc.value ?? {}) as Record<string, unknown>;
    const thana = s(doc.thana) || s(v.thanaCode);
    if (!thana) return null;
    return {
      id,
      kind: 'contact',
      key: `contact:${thana}`,
      thana,
      serial: '',
      date: '',
      category: '',
      band: '',
      withdrawn: false,
      complaintId: '',
      // Whom to call: the thana's nodal officer (an official contact), else its in-charge.
      contact: { thanaName: s(v.thanaName), name: s(v.nodalName) || s(v.inchargeName), rank: s(v.nodalName) ? s(v.nodalRank) : s(v.inchargeRank), mobile: s(v.nodalMobile) },
    };
  }
  return null;
}

export const REGISTRY_CHECKPOINT_KEY = 'registryCheckpoint';

export interface RegistryCheckpoint {
  url: string;
  db: string;
  /** The registry database's epoch: a recreated registry is pulled again from the start. */
  epoch: string;
  seq: unknown;
}

/** Start the copy again (another registry, or a recreated one): emptied with its checkpoint, in one transaction. */
export async function resetRegistry(db: StationDb, checkpoint: RegistryCheckpoint): Promise<void> {
  await db.transaction('rw', db.registry, db.syncMeta, async () => {
    await db.registry.clear();
    await db.syncMeta.put({ key: REGISTRY_CHECKPOINT_KEY, value: checkpoint });
  });
}

/**
 * One pulled page: rows replaced by the hub's version, hub deletions removed (this is a copy of
 * the district's registry, not this thana's record), and the checkpoint, in ONE transaction.
 */
export async function landRegistry(db: StationDb, docs: { id: string; deleted: boolean; doc: Record<string, unknown> | null }[], checkpoint: RegistryCheckpoint): Promise<number> {
  return db.transaction('rw', db.registry, db.syncMeta, async () => {
    const puts: RegistryRow[] = [];
    const dels: string[] = [];
    for (const d of docs) {
      if (d.deleted || !d.doc) {
        dels.push(d.id);
        continue;
      }
      const row = registryRowOf(d.doc);
      if (row) puts.push(row);
    }
    if (dels.length) await db.registry.bulkDelete(dels);
    if (puts.length) await db.registry.bulkPut(puts);
    await db.syncMeta.put({ key: REGISTRY_CHECKPOINT_KEY, value: checkpoint });
    return puts.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Matching

export interface RegistryMatch {
  entry: RegistryRow;
  /** The identifiers it shares with the complaint being entered. */
  shared: string[];
  contact: RegistryRow['contact'] | null;
}

function group(rows: RegistryRow[], keys: Set<string>, ownThana: string): Map<string, RegistryMatch> {
  const out = new Map<string, RegistryMatch>();
  const hits = rows.filter((r) => r.kind === 'suspect' && !r.withdrawn && r.thana !== ownThana && keys.has(r.key));
  // In id order, so the answer does not depend on how the rows were found (index or scan).
  for (const r of hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const m = out.get(r.complaintId) ?? { entry: r, shared: [], contact: null };
    if (!m.shared.includes(r.key)) m.shared.push(r.key);
    out.set(r.complaintId, m);
  }
  return out;
}

async function withContacts(db: StationDb, matches: Map<string, RegistryMatch>): Promise<RegistryMatch[]> {
  const list = [...matches.values()];
  const thanas = [...new Set(list.map((m) => m.entry.thana))];
  const contacts = await db.registry.bulkGet(thanas.map((t) => `${t}:profile:main`));
  const byThana = new Map(thanas.map((t, i) => [t, contacts[i]?.contact ?? null]));
  for (const m of list) m.contact = byThana.get(m.entry.thana) ?? null;
  // Most shared identifiers first, then the newest complaint.
  return list.sort((a, b) => b.shared.length - a.shared.length || (b.entry.date > a.entry.date ? 1 : b.entry.date < a.entry.date ? -1 : 0) || (a.entry.id < b.entry.id ? -1 : 1));
}

/** Complaints of other thanas sharing any of these identifiers: one index lookup for all of them. */
export async function findMatches(db: StationDb, keys: string[], ownThana: string): Promise<RegistryMatch[]> {
  const wanted = new Set(keys);
  if (!wanted.size) return [];
  // One read transaction for the entries and the contacts; one equality lookup per identifier.
  return db.transaction('r', db.registry, async () => {
    const rows = (await Promise.all([...wanted].map((k) => db.registry.where('key').equals(k).toArray()))).flat();
    return withContacts(db, group(rows, wanted, ownThana));
  });
}

/** The same answer by reading every entry: what the bench compares the index with. */
export async function scanMatches(db: StationDb, keys: string[], ownThana: string): Promise<RegistryMatch[]> {
  const wanted = new Set(keys);
  if (!wanted.size) return [];
  return withContacts(db, group(await db.registry.toArray(), wanted, ownThana));
}
