// Browser side of "outreach-totals-100k": the app's own StationDb (real schema) in Chromium with
// 100,000 outreach entries of one thana — 40 teams of 25 Mitans, 300 villages/wards, a 90-day
// campaign — and their running totals, exactly as the register definition's `totals` lists them.
// Then, on the same database, the figures a return or the dashboard needs:
//   totals = readOutreachTotals() of every team, every Mitan and every day (+ the thana): one
//            bulkGet on the totals table
//   scan   = read every entry and sum the same fields per team, per Mitan and per day
// Both must give the same figures for every key. Also reported: one week's breakdown through
// readPeriodBreakdown(), and what the totals cost a save (createOutreach on the full database).
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { createOutreach, readOutreachTotals, readPeriodBreakdown } from '@/db/outreach';
import { addDays } from '@/domain/dates';
import { ACTIVITY_TYPES, MODES, TARGET_GROUPS, defaultModeFor, isDoorToDoor, isInstitutionActivity } from '@/domain/outreach/options';
import { DEFAULT_OUTREACH_TOPICS } from '@/domain/outreach/topics';
import { EMPTY_TOTALS, TOTAL_FIELDS, addTotals, entryFigures, outreachKey, recomputeOutreachTotals, type OutreachTotals } from '@/domain/outreach/totals';
import { outreachRegister as def } from '@/domain/registers/outreach';
import { searchTokens } from '@/domain/normalize';
import type { Actor, StoredRecord } from '@/domain/records';
import { validateRecord } from '@/domain/validation';

export interface TotalsArgs {
  count: number;
  seed?: number;
  /** Repeats of the totals read (cheap; median taken). */
  reads?: number;
}

export interface TotalsResult {
  records: number;
  totalRows: number;
  seedMs: number;
  totalsMs: number;
  scanMs: number;
  keys: number;
  weekBreakdownMs: number;
  createMsPerEntry: number;
  recordBytes: number;
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = 40;
const PER_TEAM = 25;
const PLACES = 300;
const DAYS = 90;
const START = '2026-08-31';
const TODAY = addDays(START, DAYS - 1);
const NOW = new Date(`${TODAY}T12:00:00Z`);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const teamId = (t: number) => `BSPKOTA:team:01TEAM${pad(t, 20)}`;
const mitanId = (t: number, m: number) => `BSPKOTA:mitan:01MITAN${pad(t * PER_TEAM + m, 19)}`;
const placeId = (p: number) => `BSPKOTA:place:01PLACE${pad(p, 19)}`;
const SETTINGS = { campaignStart: START, campaignEnd: addDays(START, 120) };

function entryData(i: number, r: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const team = Math.floor(r() * TEAMS);
  const mitans = new Set<string>();
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) mitans.add(mitanId(team, Math.floor(r() * PER_TEAM)));
  const type = pick(ACTIVITY_TYPES).value;
  const men = Math.floor(r() * 60);
  const women = Math.floor(r() * 60);
  const raw = {
    date: addDays(START, i % DAYS),
    timeFrom: `${pad(8 + Math.floor(r() * 10), 2)}:00`,
    teamId: teamId(team),
    mitanIds: [...mitans],
    policeCount: r() < 0.3 ? 1 : 0,
    activityType: type,
    mode: r() < 0.9 ? defaultModeFor(type) : pick(MODES).value,
    placeId: placeId(Math.floor(r() * PLACES)),
    area: r() < 0.7 ? 'rural' : 'urban',
    institution: isInstitutionActivity(type) ? 'शासकीय उच्चतर माध्यमिक विद्यालय' : null,
    targetGroup: isInstitutionActivity(type) ? 'students' : pick(TARGET_GROUPS).value,
    men,
    women,
    other: r() < 0.05 ? 1 : 0,
    under18: Math.floor(r() * Math.min(20, men + women + 1)),
    households: isDoorToDoor(type) ? Math.floor(r() * 40) : null,
    contacts: Math.floor(r() * 10),
    pamphlets: Math.floor(r() * 100),
    pledges: Math.floor(r() * 50),
    topics: [pick(DEFAULT_OUTREACH_TOPICS).value, 'helpline-1930'],
    complaintsHelped: r() < 0.1 ? 1 : 0,
    reportedBy: 'रमेश कुमार साहू',
  };
  const { data, issues } = validateRecord(def, raw, { today: TODAY, settings: SETTINGS });
  const errors = issues.filter((x) => x.severity === 'error');
  if (errors.length) throw new Error(`generated entry ${i} is invalid: ${errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
  return data;
}

function storedRecord(i: number, data: Record<string, unknown>): StoredRecord {
  const at = new Date(Date.UTC(2026, 8, 1) + i * 60_000).toISOString();
  const id = `BSPKOTA:outreach:${pad(i, 26)}`;
  return {
    id,
    thana: 'BSPKOTA',
    type: 'outreach',
    schemaVersion: 1,
    serial: `2026/${pad(i + 1, 6)}`,
    serialYear: 2026,
    serialNo: i + 1,
    data,
    tokens: searchTokens(...def.searchFields.map((k) => data[k])),
    keys: def.lookupKeys!(data),
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: 'bench',
    mutationId: id,
    version: 1,
    history: [],
    // One entry in 50 cancelled: the scan must skip them as the totals do.
    cancelled: i % 50 === 49 ? { at, by: 'bench', byName: 'bench', reason: 'दोहरी प्रविष्टि' } : null,
    late: false,
  };
}

/** The keys a return or dashboard reads: every team, every Mitan, every day, and the thana. */
function reportKeys(): { teams: string[]; mitans: string[]; days: string[] } {
  const teams: string[] = [];
  const mitans: string[] = [];
  for (let t = 0; t < TEAMS; t++) {
    teams.push(teamId(t));
    for (let m = 0; m < PER_TEAM; m++) mitans.push(mitanId(t, m));
  }
  const days = Array.from({ length: DAYS }, (_, d) => addDays(START, d));
  return { teams, mitans, days };
}

type Figures = Map<string, OutreachTotals>;

/** The baseline: every entry read and summed per team, per Mitan and per day. */
async function scanFigures(db: StationDb): Promise<Figures> {
  const out: Figures = new Map();
  const add = (key: string, v: Record<string, number>) => out.set(key, addTotals(out.get(key) ?? { ...EMPTY_TOTALS }, v));
  await db.outreach.each((r) => {
    if (r.cancelled) return;
    const d = r.data;
    const v = entryFigures(d) as Record<string, number>;
    add(outreachKey.all, v);
    add(outreachKey.day(String(d.date)), v);
    if (typeof d.teamId === 'string') add(outreachKey.team(d.teamId), v);
    for (const m of new Set((d.mitanIds as string[]) ?? [])) add(outreachKey.mitan(m), v);
  });
  return out;
}

async function totalsFigures(ctx: StationContext, keys: string[]): Promise<Figures> {
  return readOutreachTotals(ctx, keys);
}

export async function measure(args: TotalsArgs): Promise<TotalsResult> {
  const r = rng(args.seed ?? 7);
  const db = new StationDb('bench-outreach-totals');
  await db.open();
  const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => NOW, settings: () => SETTINGS };

  const records: StoredRecord[] = [];
  for (let i = 0; i < args.count; i++) records.push(storedRecord(i, entryData(i, r)));
  const recordBytes = Math.round(records.slice(0, 200).reduce((s, x) => s + JSON.stringify(x).length, 0) / Math.min(200, records.length));
  // The running totals as the repository keeps them: the same contributions, summed.
  const totals = [...recomputeOutreachTotals(records)].map(([key, values]) => ({ key, values: values as Record<string, number> }));
  const s0 = performance.now();
  await db.transaction('rw', db.outreach, db.totals, async () => {
    for (let i = 0; i < records.length; i += 2000) await db.outreach.bulkPut(records.slice(i, i + 2000));
    for (let i = 0; i < totals.length; i += 5000) await db.totals.bulkPut(totals.slice(i, i + 5000));
  });
  const seedMs = performance.now() - s0;
  records.length = 0;

  const { teams, mitans, days } = reportKeys();
  const keys = [outreachKey.all, ...teams.map(outreachKey.team), ...mitans.map(outreachKey.mitan), ...days.map(outreachKey.day)];

  // Warm both paths once (JIT, open files) before the clock.
  await totalsFigures(ctx, keys.slice(0, 10));
  await db.outreach.limit(100).toArray();

  const reads: number[] = [];
  let fromTotals: Figures = new Map();
  for (let k = 0; k < (args.reads ?? 5); k++) {
    const t0 = performance.now();
    fromTotals = await totalsFigures(ctx, keys);
    reads.push(performance.now() - t0);
  }
  reads.sort((a, b) => a - b);
  const totalsMs = reads[Math.floor(reads.length / 2)]!;

  const f0 = performance.now();
  const scanned = await scanFigures(db);
  const scanMs = performance.now() - f0;

  for (const key of keys) {
    const a = fromTotals.get(key) ?? EMPTY_TOTALS;
    const b = scanned.get(key) ?? EMPTY_TOTALS;
    for (const f of TOTAL_FIELDS)
      if (a[f] !== b[f]) throw new Error(`${key}.${f}: totals ${a[f]} but the scan ${b[f]}`);
  }

  const w0 = performance.now();
  const week = await readPeriodBreakdown(ctx, addDays(TODAY, -6), TODAY);
  const weekBreakdownMs = performance.now() - w0;
  if (week.day.activities !== days.slice(-7).reduce((s, d) => s + (scanned.get(outreachKey.day(d))?.activities ?? 0), 0))
    throw new Error('the week breakdown does not match the scan');

  // What keeping the totals costs one save, on the full database.
  const writer: Actor = { userId: 'bench', name: 'bench', rank: '', role: 'writer', initials: 'B' };
  const c0 = performance.now();
  const creates = 20;
  for (let i = 0; i < creates; i++) await createOutreach(ctx, writer, { ...entryData(args.count + i, r), date: TODAY });
  const createMsPerEntry = (performance.now() - c0) / creates;

  const result: TotalsResult = {
    records: await db.outreach.count(),
    totalRows: await db.totals.count(),
    seedMs,
    totalsMs,
    scanMs,
    keys: keys.length,
    weekBreakdownMs,
    createMsPerEntry,
    recordBytes,
  };
  db.close();
  return result;
}
