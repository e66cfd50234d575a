/**
 * District mode reads (issue #9 §5): the district's own local database ('cyber-mitan-district',
 * pulled read-only from district_<name>) holds every thana's records side by side; ids start with
 * the thana code, so one thana is one key range.
 */
import type { ThanaProfile } from '@/domain/setup';
import { assertNoErrors, bi, DomainError } from '@/domain/bilingual';
import { normalizeDistrictProfile, validateDistrictProfile, type DistrictProfile } from '@/domain/districtProfile';
import type { StationContext } from './context';
import { auditRow } from './repository';
import type { StoredRecord } from '@/domain/records';
import type { RegisterDef } from '@/domain/registers/types';
import { mergeKeyHits, type RelatedComplaint } from '@/domain/complaints/related';
import type { Page, PageQuery } from './repository';
import { pageRecords } from './repository';
import { REGISTER_TABLES, StationDb, type RegisterTable } from './schema';

/** Fixed forever, like the station's own database name. */
export const DISTRICT_DB_NAME = 'cyber-mitan-district';

export function openDistrictDb(name = DISTRICT_DB_NAME): StationDb {
  return new StationDb(name);
}

export interface ThanaProgress {
  code: string;
  name: string;
  target: number;
  /** Entries per register, cancelled ones left out. */
  counts: Partial<Record<RegisterTable, number>>;
}

function range(code: string): [string, string] {
  return [`${code}:`, `${code}:\uffff`];
}

/** Thana codes: from the profiles the thanas synced, and from the records themselves. */
async function thanaCodes(db: StationDb): Promise<Map<string, ThanaProfile | null>> {
  const codes = new Map<string, ThanaProfile | null>();
  for (const row of await db.settings.toArray()) {
    const m = /^([A-Z0-9]+):profile:main$/.exec(row.key);
    if (m) codes.set(m[1]!, row.value as ThanaProfile);
  }
  // Thanas whose profile has not arrived yet still show: walk the first id of each key range.
  for (const t of REGISTER_TABLES) {
    let after = '';
    for (;;) {
      const first = await (after ? db.registerTable(t).where('id').above(after) : db.registerTable(t).toCollection()).first();
      if (!first) break;
      const code = first.id.slice(0, first.id.indexOf(':'));
      if (!codes.has(code)) codes.set(code, null);
      after = `${code}:\uffff`;
    }
  }
  return codes;
}

export async function thanaProgress(db: StationDb): Promise<ThanaProgress[]> {
  const out: ThanaProgress[] = [];
  for (const [code, profile] of await thanaCodes(db)) {
    const counts: ThanaProgress['counts'] = {};
    for (const t of ['mitan', 'team', 'outreach', 'complaint'] as const) {
      const [lo, hi] = range(code);
      counts[t] = await db.registerTable(t).where('id').between(lo, hi).filter((r) => !r.cancelled).count();
    }
    out.push({ code, name: profile?.thanaName ?? code, target: profile?.thanaTarget ?? 0, counts });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'hi'));
}

/** A register across thanas (or one thana), newest first, by keyset; search as in the station lists. */
export async function pageDistrict(db: StationDb, def: RegisterDef, thana: string | null, q: PageQuery): Promise<Page> {
  const ctx = { db, thana: '', pcSeries: '', now: () => new Date(), settings: () => ({}) };
  if (!thana) return pageRecords(ctx, def, q);
  if (q.search || q.key) return pageRecords(ctx, def, { ...q, filter: (r) => r.id.startsWith(`${thana}:`) && (!q.filter || q.filter(r)) });
  const [lo, hi] = range(thana);
  const upper = q.after && q.after < hi ? q.after : hi;
  let coll = db.registerTable(def.type).where('id').between(lo, upper, true, false).reverse();
  if (q.filter) coll = coll.filter(q.filter);
  const rows = await coll.limit(q.limit).toArray();
  return { rows, next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

/** Complaints in any thana sharing an identifier (mobile, UTR, UPI id, account…) with this one. */
export async function relatedAcrossThanas(db: StationDb, rec: Pick<StoredRecord, 'id' | 'keys'>): Promise<RelatedComplaint[]> {
  const hits: [string, StoredRecord[]][] = [];
  for (const key of rec.keys) hits.push([key, await db.complaint.where('keys').equals(key).toArray()]);
  return mergeKeyHits(rec, hits);
}

// ─── The district office's own profile (a district PC is never a thana) ─────────────────────────

const DISTRICT_PROFILE_KEY = 'districtProfile';

export async function readDistrictProfile(db: StationDb): Promise<DistrictProfile | null> {
  return ((await db.settings.get(DISTRICT_PROFILE_KEY))?.value as DistrictProfile | undefined) ?? null;
}

/** The station context's "thana" on a district PC: only its own audit rows carry it, and they never travel. */
export function districtPcCode(p: Pick<DistrictProfile, 'districtCode'>): string {
  return `D-${p.districtCode}`;
}

/** First-run setup of a district PC: the district profile, checked, in one transaction with its audit row. */
export async function saveDistrictProfile(ctx: StationContext, p: DistrictProfile): Promise<DistrictProfile> {
  const profile = normalizeDistrictProfile(p);
  assertNoErrors(validateDistrictProfile(profile));
  await ctx.db.transaction('rw', ctx.db.settings, ctx.db.audit, async () => {
    if (await ctx.db.settings.get('profile'))
      throw new DomainError('setup.thana', bi('यह कंप्यूटर पहले से थाने के रूप में सेट है', 'This computer is already set up as a thana'));
    if (await readDistrictProfile(ctx.db))
      throw new DomainError('setup.done', bi('जिला कार्यालय का सेटअप पहले ही हो चुका है', 'The district office is already set up'));
    await ctx.db.settings.put({ key: DISTRICT_PROFILE_KEY, value: profile });
    await ctx.db.audit.add(auditRow({ ...ctx, thana: districtPcCode(profile) }, null, 'setup', { summary: `${profile.district} (${profile.districtCode})`, after: profile }));
  });
  return profile;
}
