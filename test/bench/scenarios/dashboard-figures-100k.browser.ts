// Browser side of "dashboard-figures-100k": the app's own StationDb (real schema and indexes) in
// Chromium, filled with a district-sized thana — 100,000 outreach entries over a 90-day campaign,
// 10,000 Mitans in 400 teams, 667 villages and wards, 5,000 complaints — and the running totals
// exactly as the repository keeps them (each entry's contributions, summed). Then, on the same
// database, the nodal officer's dashboard:
//   indexed = loadDashboard(): totals rows by key, the last week's per-day rows, key-only walks
//             of the roster's indexes, index counts for the complaint follow-ups
//   scan    = loadDashboardByScan(): one plain read of every table, the same figures in memory
// Both must return the same figures (compared whole, every round).
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { loadDashboard, loadDashboardByScan } from '@/db/dashboard';
import { contributions } from '@/db/repository';
import { withStoredMoneyRows } from '@/domain/complaints/draft';
import { searchTokens } from '@/domain/normalize';
import type { StoredRecord } from '@/domain/records';
import { complaintRegister } from '@/domain/registers/complaint';
import { mitanRegister } from '@/domain/registers/mitan';
import { outreachRegister } from '@/domain/registers/outreach';
import { placeRegister } from '@/domain/registers/place';
import { teamRegister } from '@/domain/registers/team';
import type { RegisterDef } from '@/domain/registers/types';
import { validateRecord, type RecordData } from '@/domain/validation';
import { addDays } from '@/domain/dates';
import { ACTIVITY_TYPES, defaultModeFor } from '@/domain/outreach/options';

export interface DashboardArgs {
  outreach: number;
  mitans: number;
  complaints: number;
  /** Timed rounds per side on the same database (after one warm-up each). */
  rounds?: number;
  seed?: number;
}

export interface DashboardResult {
  records: { outreach: number; mitans: number; teams: number; places: number; complaints: number; totalsRows: number };
  seedMs: number;
  indexedMs: number[];
  scanMs: number[];
  figures: { idleMitans: number; idleTeams: number; covered: string; weekPeople: number; people: number };
}

const TODAY = '2026-11-28';
const START = '2026-08-31';
const SETTINGS = { campaignStart: START, campaignEnd: '2026-11-30', thanaTarget: 10_000, teamTarget: 25, district: 'बिलासपुर', thanaName: 'कोटा' };

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

const NAMES = ['गीता साहू', 'रवि यादव', 'सीमा पटेल', 'अनिल वर्मा', 'पूजा केंवट', 'दिनेश कश्यप', 'सुनीता श्रीवास', 'मोहन ध्रुव', 'राधा निषाद', 'संतोष सूर्यवंशी'];
const VILLAGES = ['बेलतरा', 'करगीकला', 'खमरिया', 'सेमरताल', 'कोनी', 'मस्तूरी', 'रतनपुर', 'सीपत', 'तखतपुर', 'बिल्हा'];

function validated(def: RegisterDef, input: RecordData): RecordData {
  const { data, issues } = validateRecord(def, input, { today: TODAY, settings: SETTINGS });
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(`generated ${def.type} is invalid: ${errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
  return data;
}

function stored(def: RegisterDef, i: number, data: RecordData, serial: boolean, cancelled: boolean): StoredRecord {
  const at = new Date(Date.UTC(2026, 7, 31) + i * 1000).toISOString();
  const id = `BSPKOTA:${def.type}:${String(i).padStart(26, '0')}`;
  return {
    id,
    thana: 'BSPKOTA',
    type: def.type,
    schemaVersion: def.schemaVersion,
    serial: serial ? `2026/${String(i + 1).padStart(4, '0')}` : null,
    serialYear: serial ? 2026 : null,
    serialNo: serial ? i + 1 : null,
    data,
    tokens: searchTokens(...def.searchFields.map((k) => data[k])),
    keys: def.lookupKeys ? [...new Set(def.lookupKeys(data))] : [],
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: 'bench',
    mutationId: id,
    version: cancelled ? 2 : 1,
    history: [{ version: 1, kind: 'create', at, by: 'bench', byName: 'bench', initials: 'B', reason: null, changes: [], mutationId: id }],
    cancelled: cancelled ? { at, by: 'bench', byName: 'bench', reason: 'दोहरी प्रविष्टि' } : null,
    late: false,
  };
}

function generate(args: DashboardArgs) {
  const r = rng(args.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const placeCount = Math.max(10, Math.round(args.mitans / 15));
  const teamCount = Math.max(2, Math.round(args.mitans / 25));
  const places = Array.from({ length: placeCount }, (_, i) => {
    const ward = i % 5 === 0;
    return stored(placeRegister, i, validated(placeRegister, { name: ward ? `वार्ड ${i}` : `${pick(VILLAGES)} ${i}`, kind: ward ? 'ward' : 'village', area: ward ? 'urban' : 'rural', beat: `बीट ${i % 12}` }), false, false);
  });
  const teams = Array.from({ length: teamCount }, (_, i) =>
    stored(
      teamRegister,
      i,
      validated(teamRegister, {
        teamNo: i + 1,
        name: `दल ${i + 1}`,
        leaderName: pick(NAMES),
        leaderRank: 'आरक्षक',
        leaderMobile: `94${String(25_000_000 + i).padStart(8, '0')}`,
        nodalName: 'सीमा वर्मा',
        nodalRank: 'उप निरीक्षक',
        beat: `बीट ${i % 12}`,
        formedOn: addDays(START, i % 30),
        target: 25,
      }),
      false,
      false,
    ),
  );
  const members: string[][] = teams.map(() => []);
  const mitans = Array.from({ length: args.mitans }, (_, i) => {
    const team = i % teamCount;
    const place = places[Math.floor(r() * placeCount)]!;
    const s = r();
    const status = s < 0.9 ? 'active' : s < 0.97 ? 'inactive' : 'withdrawn';
    const trained = r() < 0.6;
    const data = validated(mitanRegister, {
      name: pick(NAMES),
      relativeName: pick(NAMES),
      gender: r() < 0.5 ? 'female' : 'male',
      age: 18 + Math.floor(r() * 50),
      mobile: `9${String(100_000_000 + i).padStart(9, '0')}`,
      whatsapp: true,
      teamId: teams[team]!.id,
      role: 'member',
      placeId: place.id,
      area: place.data.area,
      category: 'volunteer',
      consentDate: addDays(START, Math.floor(r() * 80)),
      ...(trained ? { trainingDate: addDays(START, 5 + Math.floor(r() * 80)), trainingVenue: 'थाना', trainer: 'उनि सीमा वर्मा' } : {}),
      status,
      ...(status !== 'active' ? { statusDate: '2026-11-25', statusReason: 'बाहर गए' } : {}),
    });
    const rec = stored(mitanRegister, i, data, true, r() < 0.005);
    if (!rec.cancelled && status === 'active') members[team]!.push(rec.id);
    return rec;
  });
  // Some teams go quiet in the last weeks: the idle lists have something to find.
  const quiet = new Set(teams.filter(() => r() < 0.1).map((t) => t.id));
  const days = 89;
  const outreach = Array.from({ length: args.outreach }, (_, i) => {
    const team = Math.floor(r() * teamCount);
    const teamId = teams[team]!.id;
    let date = addDays(START, Math.floor((i / args.outreach) * days));
    if (quiet.has(teamId) && date > addDays(TODAY, -10)) date = addDays(date, -14);
    const crew = members[team]!;
    const mitanIds = crew.length ? [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(crew)))] : [];
    const type = pick(ACTIVITY_TYPES).value;
    const place = places[Math.floor(r() * placeCount)]!;
    const men = Math.floor(r() * 40);
    const women = Math.floor(r() * 40);
    const data = validated(outreachRegister, {
      date,
      timeFrom: '10:00',
      timeTo: '11:30',
      teamId,
      mitanIds,
      policeCount: mitanIds.length ? 0 : 1,
      activityType: type,
      mode: defaultModeFor(type),
      placeId: place.id,
      placeName: 'पंचायत भवन',
      area: place.data.area,
      targetGroup: type === 'school' || type === 'college' ? 'students' : 'general',
      ...(type === 'school' || type === 'college' ? { institution: `शासकीय विद्यालय ${i % 300}`, institutionClass: '9-12' } : {}),
      ...(type === 'door-to-door' ? { households: Math.floor(r() * 30) } : {}),
      men,
      women,
      other: r() < 0.05 ? 1 : 0,
      under18: Math.floor((men + women) * r() * 0.3),
      pamphlets: Math.floor(r() * 100),
      pledges: Math.floor(r() * 50),
      complaintsHelped: r() < 0.05 ? 1 : 0,
      topics: ['helpline-1930'],
      reportedBy: pick(NAMES),
      ...(r() < 0.3 ? { verifiedBy: 'सीमा वर्मा (उप निरीक्षक)', verifiedAt: `${date}T18:00` } : {}),
    });
    return stored(outreachRegister, i, data, true, r() < 0.005);
  });
  const complaints = Array.from({ length: args.complaints }, (_, i) => {
    const date = addDays(TODAY, -Math.floor(r() * 300));
    const lost = r() < 0.8 ? 1000 + Math.floor(r() * 90_000) : 0;
    const held = lost && r() < 0.4 ? Math.floor(lost * r()) : 0;
    const refunded = held && r() < 0.5 ? Math.floor(held * r()) : 0;
    // A complaint with money still on hold cannot be disposed of.
    const s = held > refunded ? Math.min(r(), 0.79) : r();
    const data = validated(
      complaintRegister,
      withStoredMoneyRows({
        receivedAt: `${date}T12:00`,
        source: pick(['walkin', '1930', 'ncrp', 'senior', 'post']),
        gdNo: String(i % 400),
        gdDate: date,
        ncrpState: r() < 0.85 ? 'filed' : 'not-filed',
        ncrpAck: String(31_411_250_000_000 + i),
        called1930: true,
        called1930At: `${date}T${r() < 0.4 ? '10:30' : '11:45'}`,
        complainantName: pick(NAMES),
        complainantRelative: pick(NAMES),
        complainantGender: r() < 0.5 ? 'female' : 'male',
        complainantAge: 20 + Math.floor(r() * 50),
        complainantMobile: `8${String(100_000_000 + i).padStart(9, '0')}`,
        complainantAddress: `वार्ड ${1 + (i % 40)}, कोटा`,
        incidentAt: `${date}T09:30`,
        ncrpCategory: 'financial',
        ncrpSubCategory: 'financial.upi',
        modus: 'upi',
        platform: 'call',
        action: 'inquiry',
        ioName: 'सीमा वर्मा',
        ioRank: 'उप निरीक्षक',
        status: s < 0.6 ? 'received' : s < 0.8 ? 'inquiry' : 'disposed',
        ...(s >= 0.8 ? { disposalDate: date, disposalType: 'other' } : {}),
        transactions: lost ? [{ at: `${date}T10:00`, amount: String(lost), mode: 'upi', utr: `UTR${String(i).padStart(9, '0')}` }] : [],
        holds: held ? [{ bank: 'Axis', amount: String(held), date }] : [],
        refunds: refunded ? [{ amount: String(refunded), date, route: 'bank-reversal' }] : [],
        courtApplicationDate: held && r() < 0.5 ? date : null,
      }),
    );
    return stored(complaintRegister, i, data, true, r() < 0.005);
  });
  return { places, teams, mitans, outreach, complaints };
}

function totalsOf(sets: [RegisterDef, StoredRecord[]][]): { key: string; values: Record<string, number> }[] {
  const map = new Map<string, Record<string, number>>();
  for (const [def, records] of sets)
    for (const rec of records)
      for (const c of contributions(def, rec)) {
        const row = map.get(c.key) ?? {};
        for (const [k, v] of Object.entries(c.values)) row[k] = (row[k] ?? 0) + v;
        map.set(c.key, row);
      }
  return [...map].map(([key, values]) => ({ key, values }));
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

export async function measure(args: DashboardArgs): Promise<DashboardResult> {
  const data = generate(args);
  const totals = totalsOf([
    [outreachRegister, data.outreach],
    [mitanRegister, data.mitans],
    [complaintRegister, data.complaints],
  ]);
  const db = new StationDb('bench-dashboard');
  await db.open();
  const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date('2026-11-28T12:00:00Z'), settings: () => SETTINGS };
  const s0 = performance.now();
  const put = async <T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[]) => {
    for (let i = 0; i < rows.length; i += 2000) await table.bulkPut(rows.slice(i, i + 2000));
  };
  await db.transaction('rw', [db.place, db.team, db.mitan, db.outreach, db.complaint, db.totals], async () => {
    await put(db.place, data.places);
    await put(db.team, data.teams);
    await put(db.mitan, data.mitans);
    await put(db.outreach, data.outreach);
    await put(db.complaint, data.complaints);
    await put(db.totals, totals);
  });
  const seedMs = performance.now() - s0;
  const records = {
    outreach: data.outreach.length,
    mitans: data.mitans.length,
    teams: data.teams.length,
    places: data.places.length,
    complaints: data.complaints.length,
    totalsRows: totals.length,
  };
  // Only the database holds the entries while timing.
  data.outreach.length = 0;
  data.mitans.length = 0;
  data.complaints.length = 0;

  // One warm-up each (JIT, IndexedDB's open files), then rounds alternating which side goes first.
  const reference = JSON.stringify(await loadDashboardByScan(ctx, TODAY));
  const first = await loadDashboard(ctx, TODAY);
  if (JSON.stringify(first) !== reference) throw new Error('the dashboard read from the totals differs from the plain scan');
  const indexedMs: number[] = [];
  const scanMs: number[] = [];
  for (let round = 0; round < (args.rounds ?? 3); round++) {
    const sides: (() => Promise<void>)[] = [
      async () => {
        const [ms, f] = await timed(() => loadDashboard(ctx, TODAY));
        if (JSON.stringify(f) !== reference) throw new Error(`round ${round}: indexed figures differ`);
        indexedMs.push(ms);
      },
      async () => {
        const [ms, f] = await timed(() => loadDashboardByScan(ctx, TODAY));
        if (JSON.stringify(f) !== reference) throw new Error(`round ${round}: scan figures differ`);
        scanMs.push(ms);
      },
    ];
    if (round % 2) sides.reverse();
    for (const side of sides) await side();
  }
  db.close();
  return {
    records,
    seedMs,
    indexedMs,
    scanMs,
    figures: {
      idleMitans: first.idleMitanCount,
      idleTeams: first.idleTeams,
      covered: `${first.coverage.covered}/${first.coverage.total}`,
      weekPeople: first.week.total,
      people: first.outreach.total,
    },
  };
}

