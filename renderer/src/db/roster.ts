/**
 * The Cyber Mitan roster's own operations on top of the generic repository: a mobile stays unique
 * among live Mitans, references point at live teams and villages, moving is a correction of the
 * team, strength is read from running totals, and the list filters walk indexes.
 */
import { bi, DomainError } from '@/domain/bilingual';
import { normalizeMobile } from '@/domain/normalize';
import type { Actor, StoredRecord } from '@/domain/records';
import { MITAN_UNIQUE_KEYS, mitanMobileKey, mitanRegister, mitanRegNo, teamTotalKey } from '@/domain/registers/mitan';
import { PLACE_UNIQUE_KEYS, placeRegister } from '@/domain/registers/place';
import { TEAM_UNIQUE_KEYS, teamRegister } from '@/domain/registers/team';
import type { RegisterDef } from '@/domain/registers/types';
import { assertCanMove } from '@/domain/roster/moving';
import { isTrained } from '@/domain/roster/rules';
import { countsFrom, teamStrength, teamTarget, type TeamStrength } from '@/domain/roster/strength';
import type { RecordData } from '@/domain/validation';
import type { StationContext } from './context';
import { cancelRecord, correctRecord, createRecords, Dexie, findByKey, pageRecords, readTotals, type CreateResult, type Page, type PageQuery } from './repository';

/** Live Mitans with this mobile (the duplicate flag shown before saving); [] for an invalid mobile. */
export async function mitansWithMobile(ctx: StationContext, mobile: unknown, exceptId?: string): Promise<StoredRecord[]> {
  const m = normalizeMobile(mobile);
  if (!m) return [];
  return (await findByKey(ctx, mitanRegister, mitanMobileKey(m))).filter((r) => !r.cancelled && r.id !== exceptId);
}

async function assertLiveRef(ctx: StationContext, def: RegisterDef, id: unknown, what: { hi: string; en: string }): Promise<void> {
  if (typeof id !== 'string') return;
  const rec = await ctx.db.registerTable(def.type).get(id);
  if (!rec || rec.cancelled)
    throw new DomainError('ref', bi(`चुना गया ${what.hi} नहीं मिला या निरस्त है`, `The chosen ${what.en} was not found or is cancelled`));
}

async function assertMitanRefs(ctx: StationContext, data: RecordData): Promise<void> {
  await assertLiveRef(ctx, teamRegister, data.teamId, { hi: 'दल', en: 'team' });
  await assertLiveRef(ctx, placeRegister, data.placeId, { hi: 'ग्राम/वार्ड', en: 'village/ward' });
}

function duplicateMobile(other: StoredRecord): DomainError {
  const who = `${mitanRegNo(other)} ${String(other.data.name ?? '')}`.trim();
  return new DomainError('duplicate', bi(`यह मोबाइल पहले से पंजी में दर्ज है (${who})`, `This mobile is already on the roster (${who})`), [
    { field: 'mobile', code: 'duplicate', severity: 'error', message: bi(`यह मोबाइल पहले से पंजी में दर्ज है (${who})`, `This mobile is already on the roster (${who})`) },
  ]);
}

/** A new Mitan; refused if the mobile is already on the roster. */
export async function createMitan(ctx: StationContext, actor: Actor, input: RecordData): Promise<CreateResult> {
  const [other] = await mitansWithMobile(ctx, input.mobile);
  if (other) throw duplicateMobile(other);
  await assertMitanRefs(ctx, input);
  const [made] = await createRecords(ctx, actor, mitanRegister, [input], { unique: MITAN_UNIQUE_KEYS });
  return made!;
}

/** A correction of a Mitan; a mobile changed to one another live Mitan has is refused. */
export async function correctMitan(
  ctx: StationContext,
  actor: Actor,
  id: string,
  patch: RecordData,
  reason: string,
  expectedVersion?: number,
): Promise<CreateResult> {
  if ('mobile' in patch) {
    const [other] = await mitansWithMobile(ctx, patch.mobile, id);
    if (other) throw duplicateMobile(other);
  }
  await assertMitanRefs(ctx, patch);
  return correctRecord(ctx, actor, mitanRegister, id, patch, reason, { expectedVersion });
}

/** Moving to another team: a correction of the team with the writer's reason; history and totals follow. */
export async function moveMitan(ctx: StationContext, actor: Actor, mitanId: string, toTeamId: string, reason: string, expectedVersion?: number): Promise<CreateResult> {
  const [mitan, toTeam] = await Promise.all([ctx.db.mitan.get(mitanId), ctx.db.team.get(toTeamId)]);
  if (!mitan) throw new DomainError('not-found', bi('यह मितान नहीं मिला', 'This Mitan was not found'));
  assertCanMove(mitan, toTeam);
  return correctRecord(ctx, actor, mitanRegister, mitanId, { teamId: toTeamId }, reason, { expectedVersion });
}

export async function createTeam(ctx: StationContext, actor: Actor, input: RecordData): Promise<CreateResult> {
  const [made] = await createRecords(ctx, actor, teamRegister, [input], { unique: TEAM_UNIQUE_KEYS });
  return made!;
}

/** A village or ward added from the Mitan form because it was not on the list: marked isNew for review. */
export async function addNewPlace(ctx: StationContext, actor: Actor, name: string, area: unknown): Promise<CreateResult> {
  const ward = /वार्ड|वॉर्ड|ward/i.test(name);
  const input = { name, kind: ward ? 'ward' : 'village', area: area === 'urban' || area === 'rural' ? area : ward ? 'urban' : 'rural', isNew: true };
  const [made] = await createRecords(ctx, actor, placeRegister, [input], { unique: PLACE_UNIQUE_KEYS });
  return made!;
}

/** A team is cancelled only once no live Mitan is left in it (move them first), so none is orphaned. */
export async function cancelTeam(ctx: StationContext, actor: Actor, teamId: string, reason: string, expectedVersion?: number): Promise<StoredRecord> {
  const members = await mitansOfTeam(ctx, teamId);
  if (members.length)
    throw new DomainError(
      'team.members',
      bi(`इस दल में ${members.length} मितान हैं; पहले उन्हें दूसरे दल में भेजें`, `This team has ${members.length} Mitans; move them to another team first`),
    );
  return cancelRecord(ctx, actor, teamRegister, teamId, reason, expectedVersion);
}

/** Every team, live ones first, by team number. */
export async function listTeams(ctx: StationContext, includeCancelled = false): Promise<StoredRecord[]> {
  const rows = await ctx.db.team.toArray();
  return rows
    .filter((r) => includeCancelled || !r.cancelled)
    .sort((a, b) => Number(!!a.cancelled) - Number(!!b.cancelled) || Number(a.data.teamNo) - Number(b.data.teamNo));
}

/** Every live village and ward, by name. */
export async function listPlaces(ctx: StationContext): Promise<StoredRecord[]> {
  const rows = await ctx.db.place.toArray();
  return rows.filter((r) => !r.cancelled).sort((a, b) => String(a.data.name).localeCompare(String(b.data.name), 'hi'));
}

/** Strength of each team against its target, from the running totals. */
export async function teamStrengths(ctx: StationContext, teams: StoredRecord[]): Promise<Map<string, TeamStrength>> {
  const totals = await readTotals(ctx, teams.map((t) => teamTotalKey(t.id)));
  const settings = ctx.settings();
  return new Map(teams.map((t) => [t.id, teamStrength(countsFrom(totals.get(teamTotalKey(t.id))), teamTarget(t.data, settings))]));
}

export interface MitanFilter {
  /** Name (Hindi or English), father's name, locality, or mobile digits. */
  search?: string;
  teamId?: string;
  placeId?: string;
  status?: string;
  trained?: 'yes' | 'no';
}

function matches(f: MitanFilter, r: StoredRecord): boolean {
  return (
    (!f.teamId || r.data.teamId === f.teamId) &&
    (!f.placeId || r.data.placeId === f.placeId) &&
    (!f.status || r.data.status === f.status) &&
    (!f.trained || isTrained(r.data) === (f.trained === 'yes'))
  );
}

/**
 * One page of the roster with filters, walking the most selective index: the search tokens, or
 * the [team|village|status + id] indexes with a keyset cursor, so a page costs the same at
 * row 90,000 as at row 1.
 */
export async function pageMitans(ctx: StationContext, filter: MitanFilter, q: PageQuery): Promise<Page> {
  const extra = q.filter;
  const predicate = (r: StoredRecord) => matches(filter, r) && (!extra || extra(r));
  const search = filter.search?.trim();
  if (search) {
    const mobile = /^[+\d\s-]{10,}$/.test(search) ? normalizeMobile(search) : null;
    if (mobile) return pageRecords(ctx, mitanRegister, { ...q, search: undefined, key: mitanMobileKey(mobile), filter: predicate });
    return pageRecords(ctx, mitanRegister, { ...q, search, filter: predicate });
  }
  const index = filter.teamId ? (['data.teamId', filter.teamId] as const) : filter.placeId ? (['data.placeId', filter.placeId] as const) : filter.status ? (['data.status', filter.status] as const) : null;
  if (!index) return pageRecords(ctx, mitanRegister, { ...q, filter: filter.trained || extra ? predicate : undefined });
  const reverse = q.reverse ?? true;
  const [path, value] = index;
  const lower = [value, !reverse && q.after ? q.after : Dexie.minKey];
  const upper = [value, reverse && q.after ? q.after : Dexie.maxKey];
  let coll = ctx.db.mitan.where(`[${path}+id]`).between(lower, upper, !(!reverse && q.after), !(reverse && q.after));
  if (reverse) coll = coll.reverse();
  const rows = await coll.filter(predicate).limit(q.limit).toArray();
  return { rows, next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

/** Every live Mitan of a team (a team is ~25; small enough to read whole). */
export async function mitansOfTeam(ctx: StationContext, teamId: string): Promise<StoredRecord[]> {
  const rows = await ctx.db.mitan.where('[data.teamId+id]').between([teamId, Dexie.minKey], [teamId, Dexie.maxKey]).toArray();
  return rows.filter((r) => !r.cancelled);
}
