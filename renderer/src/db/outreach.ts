/**
 * The outreach register's own reads and workflow steps, on top of the generic repository
 * (which still does every write: validation, roles, history, serial, audit, totals, dirty flag).
 */
import { bi, DomainError } from '@/domain/bilingual';
import { istDateTime } from '@/domain/dates';
import type { Actor, StoredRecord } from '@/domain/records';
import { REGISTERS } from '@/domain/registers';
import { outreachRegister, VERIFICATION_FIELDS } from '@/domain/registers/outreach';
import { placeRegister } from '@/domain/registers/place';
import { assertCan, can } from '@/domain/roles';
import { DEFAULT_OUTREACH_TOPICS, OUTREACH_TOPICS_SETTING } from '@/domain/outreach/topics';
import { asTotals, outreachKey, parseDayKey, type OutreachTotals } from '@/domain/outreach/totals';
import type { RegisterDef } from '@/domain/registers/types';
import { searchTokens } from '@/domain/normalize';
import type { RecordData } from '@/domain/validation';
import { trustedActor } from './actor';
import type { StationContext } from './context';
import { correctRecord, createRecord, findByKey, getRecord, pageRecords, readTotals, type CreateResult, type Page } from './repository';
import { readThanaOptions, saveThanaOptions } from './settings';

const def = outreachRegister;

function withoutVerification(input: RecordData): RecordData {
  const out = { ...input };
  for (const f of VERIFICATION_FIELDS) delete out[f];
  return out;
}

/** A new entry. Verification fields are never taken from the input: only `verifyOutreach` sets them. */
export async function createOutreach(ctx: StationContext, actor: Actor, input: RecordData): Promise<CreateResult> {
  return createRecord(ctx, actor, def, withoutVerification(input));
}

/**
 * A correction with its reason. When someone who cannot verify (a writer) corrects a verified
 * entry, the verification is withdrawn in the same version: the nodal officer signed other
 * figures, so the entry returns to the verification queue. A nodal officer's or in-charge's own
 * correction keeps it verified (their correction is itself an attestation).
 */
export async function correctOutreach(
  ctx: StationContext,
  actor: Actor,
  id: string,
  patch: RecordData,
  reason: string,
  expectedVersion?: number,
): Promise<CreateResult> {
  const rec = await getRecord(ctx, def, id);
  const clean = withoutVerification(patch);
  if (rec?.data.verifiedAt && !can(actor.role, 'outreach.verify')) {
    clean.verifiedBy = null;
    clean.verifiedAt = null;
  }
  return correctRecord(ctx, actor, def, id, clean, reason, { expectedVersion });
}

export interface VerifyResult {
  verified: string[];
  /** Already verified or cancelled: left as they were. */
  skipped: string[];
}

/** The nodal officer's (or in-charge's) verification of one or many entries: all of them or none. */
export async function verifyOutreach(ctx: StationContext, claimed: Actor, ids: string[]): Promise<VerifyResult> {
  assertCan(claimed.role, 'outreach.verify');
  const { db } = ctx;
  return db.transaction('rw', [db.outreach, db.syncStates, db.serials, db.audit, db.totals, db.users], async () => {
    // The verifier as the users table knows them (name and rank go on the entry).
    const actor = await trustedActor(ctx, claimed, 'outreach.verify');
    const by = actor.rank ? `${actor.name} (${actor.rank})` : actor.name;
    const verified: string[] = [];
    const skipped: string[] = [];
    for (const id of ids) {
      const rec = await db.outreach.get(id);
      if (!rec) throw new DomainError('not-found', bi('यह प्रविष्टि नहीं मिली', 'This entry was not found'));
      if (rec.cancelled || rec.data.verifiedAt) {
        skipped.push(id);
        continue;
      }
      await correctRecord(ctx, actor, def, id, { verifiedBy: by, verifiedAt: istDateTime(ctx.now()) }, null, { kind: 'verify' });
      verified.push(id);
    }
    return { verified, skipped };
  });
}

/** Register order: by serial (a PC's own series first), then by entry time. */
function bySerial(a: StoredRecord, b: StoredRecord): number {
  return (a.serialYear ?? 0) - (b.serialYear ?? 0) || String(a.serial).localeCompare(String(b.serial)) || a.id.localeCompare(b.id);
}

/** Every entry of one date in register order (as written), cancelled ones included (the day sheet strikes them through). */
export async function outreachOfDay(ctx: StationContext, date: string): Promise<StoredRecord[]> {
  const rows = await findByKey(ctx, def, `date:${date}`);
  return rows.sort(bySerial);
}

/**
 * Entries awaiting verification, in entry order, cancelled ones left out: the 'unverified'
 * lookup key is re-derived on every version, so verification takes an entry out of this index.
 */
export async function unverifiedOutreach(ctx: StationContext, limit = 500, after: string | null = null): Promise<Page> {
  const rows = await ctx.db.outreach
    .where('keys')
    .equals('unverified')
    .filter((r) => !r.cancelled && (after === null || r.id > after))
    .limit(limit)
    .toArray();
  return { rows, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
}

/** Total rows as full sets of figures (a key no entry has touched reads as zeros). */
export async function readOutreachTotals(ctx: StationContext, keys: string[]): Promise<Map<string, OutreachTotals>> {
  const raw = await readTotals(ctx, keys);
  return new Map(keys.map((k) => [k, asTotals(raw.get(k))]));
}

export async function readDayTotals(ctx: StationContext, date: string): Promise<OutreachTotals> {
  return (await readOutreachTotals(ctx, [outreachKey.day(date)])).get(outreachKey.day(date))!;
}

export interface DayBreakdown {
  day: OutreachTotals;
  byType: Map<string, OutreachTotals>;
  byMode: Map<string, OutreachTotals>;
  byArea: Map<string, OutreachTotals>;
  byTeam: Map<string, OutreachTotals>;
  byMitan: Map<string, OutreachTotals>;
  byPlace: Map<string, OutreachTotals>;
}

/**
 * Per-day rows from `from` to `to`, summed over the period, split by each dimension: one index
 * range over the totals table (the day-first keys keep a period contiguous). Rows of dimensions
 * whose entries were all cancelled read as zero activities and are left out.
 */
export async function readPeriodBreakdown(ctx: StationContext, from: string, to: string): Promise<DayBreakdown> {
  const rows = await ctx.db.totals.where('key').between(outreachKey.dayPrefix(from), `${outreachKey.dayPrefix(to)}\uffff`, true, true).toArray();
  const out: DayBreakdown = {
    day: asTotals(null),
    byType: new Map(),
    byMode: new Map(),
    byArea: new Map(),
    byTeam: new Map(),
    byMitan: new Map(),
    byPlace: new Map(),
  };
  const maps = { type: out.byType, mode: out.byMode, area: out.byArea, team: out.byTeam, mitan: out.byMitan, place: out.byPlace };
  for (const row of rows) {
    const k = parseDayKey(row.key);
    if (!k) continue;
    const t = asTotals(row.values);
    if (!k.dim) {
      for (const f of Object.keys(t) as (keyof OutreachTotals)[]) out.day[f] += t[f];
      continue;
    }
    if (t.activities <= 0) continue;
    const map = maps[k.dim];
    const prev = map.get(k.id!) ?? asTotals(null);
    for (const f of Object.keys(t) as (keyof OutreachTotals)[]) prev[f] += t[f];
    map.set(k.id!, prev);
  }
  return out;
}

/** The date of a Mitan's last activity that still stands (not cancelled), or null. */
export async function lastMitanActivity(ctx: StationContext, mitanId: string): Promise<string | null> {
  const prefix = `mitanday:${mitanId}:`;
  let last: string | null = null;
  await ctx.db.outreach
    .where('keys')
    .between(prefix, `${prefix}\uffff`, true, true)
    .reverse()
    .until(() => last !== null)
    .each((r) => {
      if (!r.cancelled && last === null) last = String(r.data.date);
    });
  return last;
}

/** The date of a team's last activity that still stands, through the [teamId+date] index. */
export async function lastTeamActivity(ctx: StationContext, teamId: string): Promise<string | null> {
  let last: string | null = null;
  await ctx.db.outreach
    .where('[data.teamId+data.date]')
    .between([teamId, ''], [teamId, '\uffff'], true, true)
    .reverse()
    .until(() => last !== null)
    .each((r) => {
      if (!r.cancelled && last === null) last = String(r.data.date);
    });
  return last;
}

/**
 * A place typed on the day sheet that is not on the master list: the existing one when the
 * name matches (case and spacing ignored), else a new place marked `isNew` for the roster
 * keeper to check.
 */
export async function placeOnTheSpot(ctx: StationContext, actor: Actor, name: string, area: 'urban' | 'rural'): Promise<StoredRecord> {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!clean) throw new DomainError('place.name', bi('ग्राम/वार्ड का नाम लिखें', 'Enter the village/ward name'));
  const existing = (await findByKey(ctx, placeRegister, `place:${clean.toLowerCase()}`)).find((p) => !p.cancelled);
  if (existing) return existing;
  const { record } = await createRecord(ctx, actor, placeRegister, {
    name: clean,
    kind: area === 'urban' ? 'ward' : 'village',
    area,
    isNew: true,
  });
  return record;
}

/**
 * Write the seed topics into thana settings the first time the in-charge opens the register, so
 * the list the settings page edits starts from domain.md §1.7 + 1930/NCRP. Returns true when written.
 */
export async function seedOutreachTopics(ctx: StationContext, actor: Actor): Promise<boolean> {
  if (!can(actor.role, 'settings.edit')) return false;
  const options = await readThanaOptions(ctx.db);
  if (Array.isArray(options[OUTREACH_TOPICS_SETTING]) && (options[OUTREACH_TOPICS_SETTING] as unknown[]).length) return false;
  await saveThanaOptions(ctx, actor, { [OUTREACH_TOPICS_SETTING]: DEFAULT_OUTREACH_TOPICS });
  return true;
}

/** The definition of a register outreach refers to (team, Mitan, place), for paging its table. */
export function refRegister(type: 'team' | 'mitan' | 'place'): RegisterDef {
  return (
    REGISTERS[type] ?? {
      type,
      title: bi(type, type),
      printTitle: bi(type, type),
      serial: false,
      schemaVersion: 1,
      fields: [],
      searchFields: [],
    }
  );
}

/** Every entry of a small register (teams, villages and wards: tens to hundreds), cancelled ones left out. */
export async function allOf(ctx: StationContext, type: 'team' | 'place', max = 5000): Promise<StoredRecord[]> {
  const { rows } = await pageRecords(ctx, refRegister(type), { limit: max, reverse: false, filter: (r) => !r.cancelled });
  return rows;
}

/**
 * Mitans for the day sheet's picker: by serial number ('12', '2026/12', '2026/0012') through the
 * serial index, then by the first letters of a name or mobile through the search index.
 */
export async function findMitans(ctx: StationContext, text: string, limit = 8): Promise<StoredRecord[]> {
  const q = text.trim();
  if (!q) return [];
  const out = new Map<string, StoredRecord>();
  const serial = /^(?:(\d{4})\s*\/\s*)?(?:[A-Z]-)?(\d{1,6})$/i.exec(q);
  if (serial) {
    const n = Number(serial[2]);
    const thisYear = Number(istDateTime(ctx.now()).slice(0, 4));
    const years = serial[1] ? [Number(serial[1])] : [thisYear, thisYear - 1];
    for (const y of years) {
      const hits = await ctx.db.mitan.where('[serialYear+serialNo]').equals([y, n]).toArray();
      for (const h of hits) if (!h.cancelled) out.set(h.id, h);
    }
  }
  const words = searchTokens(q);
  if (words.length && out.size < limit) {
    const [main, ...rest] = [...words].sort((a, b) => b.length - a.length);
    const { rows } = await pageRecords(ctx, refRegister('mitan'), {
      search: main,
      limit: limit * 2,
      reverse: false,
      filter: (r) => !r.cancelled && rest.every((w) => r.tokens.some((t) => t.startsWith(w))),
    });
    for (const r of rows) if (out.size < limit) out.set(r.id, r);
  }
  return [...out.values()].slice(0, limit);
}

export async function getMany(ctx: StationContext, type: 'team' | 'mitan' | 'place', ids: string[]): Promise<StoredRecord[]> {
  const rows = await ctx.db.registerTable(type).bulkGet(ids);
  return rows.filter((r): r is StoredRecord => !!r);
}
