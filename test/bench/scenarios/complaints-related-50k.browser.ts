// Browser side of "complaints-related-50k": the app's own StationDb (real schema and indexes) in
// Chromium, filled with 50,000 complaint entries whose identifiers repeat the way fraud does
// (one suspect number or UPI id behind many complaints, a few repeat complainants, a shared UTR
// now and then). Then, on the same database:
//   indexed = relatedComplaints(): one lookup per key on the multi-entry `keys` index
//   scan    = relatedByFullScan(): read every entry and compare keys (the baseline)
// Both must return the same entries for every target measured on both.
import { StationDb } from '@/db/schema';
import type { StationContext } from '@/db/context';
import { relatedByFullScan, relatedComplaints } from '@/db/complaints';
import { withStoredMoneyRows } from '@/domain/complaints/draft';
import { complaintRegister as def } from '@/domain/registers/complaint';
import { validateRecord } from '@/domain/validation';
import { searchTokens } from '@/domain/normalize';
import type { StoredRecord } from '@/domain/records';

export interface RelatedArgs {
  count: number;
  /** Targets timed with the index (cheap) and with the full scan (≈ a second each). */
  indexedQueries?: number;
  scanQueries?: number;
  seed?: number;
}

export interface RelatedResult {
  records: number;
  seedMs: number;
  indexedMsPerLookup: number;
  scanMsPerLookup: number;
  indexedQueries: number;
  scanQueries: number;
  meanRelated: number;
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

const NAMES = ['सुनीता साहू', 'रमेश यादव', 'गीता पटेल', 'मोहन वर्मा', 'अनीता कश्यप', 'राजेश सिंह', 'पूजा श्रीवास', 'दिनेश केंवट'];
const MODUS = ['upi', 'otp-vishing', 'kyc', 'customer-care', 'job-task', 'investment', 'digital-arrest', 'shopping'];

/** One complaint's data as the form would save it (validated with the register's rules). */
function complaintData(i: number, r: () => number): Record<string, unknown> {
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 10)).padStart(2, '0');
  const date = `2026-${month}-${day}`;
  // Pools: 4,000 suspect numbers and 3,000 UPI ids behind 50,000 complaints; 1 in 20 complainants repeats.
  const suspect = `7${String(1_000_000_000 + Math.floor(r() * 4000)).slice(1)}`;
  const upi = `fraud${Math.floor(r() * 3000)}@ybl`;
  const complainant = r() < 0.05 ? `98${String(Math.floor(r() * 500)).padStart(8, '0')}` : `9${String(1_000_000_000 + i).slice(1)}`;
  const utr = r() < 0.02 ? `SHARED${Math.floor(r() * 200)}` : `UTR${String(i).padStart(9, '0')}`;
  const raw = {
    receivedAt: `${date}T12:00`,
    source: pick(['walkin', '1930', 'ncrp']),
    gdNo: String(i % 400),
    gdDate: date,
    ncrpState: 'filed',
    ncrpAck: String(31_411_250_000_000 + i),
    called1930: true,
    called1930At: `${date}T10:30`,
    complainantName: pick(NAMES),
    complainantRelative: pick(NAMES),
    complainantGender: pick(['male', 'female']),
    complainantAge: 20 + Math.floor(r() * 50),
    complainantMobile: complainant,
    complainantAddress: `वार्ड ${1 + (i % 40)}, कोटा`,
    incidentAt: `${date}T09:30`,
    ncrpCategory: 'financial',
    ncrpSubCategory: 'financial.upi',
    modus: pick(MODUS),
    platform: pick(['call', 'whatsapp', 'sms']),
    suspectMobiles: suspect,
    suspectUpiIds: r() < 0.5 ? upi : '',
    action: 'inquiry',
    ioName: 'सीमा वर्मा',
    ioRank: 'उप निरीक्षक',
    status: 'received',
    transactions: [{ at: `${date}T10:00`, amount: String(1000 + Math.floor(r() * 90_000)), mode: 'upi', utr, beneficiaryUpi: r() < 0.3 ? upi : '' }],
    holds: [],
    refunds: [],
  };
  const { data, issues } = validateRecord(def, withStoredMoneyRows(raw), { today: '2026-11-28', settings: {} });
  const errors = issues.filter((x) => x.severity === 'error');
  if (errors.length) throw new Error(`generated complaint ${i} is invalid: ${errors.map((e) => e.code).join(', ')}`);
  return data;
}

function storedRecord(i: number, data: Record<string, unknown>): StoredRecord {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const id = `BSPKOTA:complaint:${String(i).padStart(26, '0')}`;
  return {
    id,
    thana: 'BSPKOTA',
    type: 'complaint',
    schemaVersion: 1,
    serial: `2026/${String(i + 1).padStart(5, '0')}`,
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
    cancelled: null,
    late: false,
  };
}

export async function measure(args: RelatedArgs): Promise<RelatedResult> {
  const r = rng(args.seed ?? 42);
  const db = new StationDb('bench-complaints-related');
  await db.open();
  const ctx: StationContext = { db, thana: 'BSPKOTA', pcSeries: '', now: () => new Date('2026-11-28T12:00:00Z'), settings: () => ({}) };

  const records: StoredRecord[] = [];
  for (let i = 0; i < args.count; i++) records.push(storedRecord(i, complaintData(i, r)));
  const recordBytes = Math.round(records.slice(0, 200).reduce((s, x) => s + JSON.stringify(x).length, 0) / Math.min(200, records.length));
  const s0 = performance.now();
  await db.transaction('rw', db.complaint, async () => {
    for (let i = 0; i < records.length; i += 2000) await db.complaint.bulkPut(records.slice(i, i + 2000));
  });
  const seedMs = performance.now() - s0;

  const indexedQueries = Math.min(args.indexedQueries ?? 50, records.length);
  const scanQueries = Math.min(args.scanQueries ?? 5, indexedQueries);
  const targets = Array.from({ length: indexedQueries }, () => records[Math.floor(r() * records.length)]!);
  records.length = 0; // only the database holds the entries while timing

  // Warm both paths once (JIT, IndexedDB open files) before the clock.
  await relatedComplaints(ctx, targets[0]!);
  await relatedByFullScan(ctx, targets[0]!);

  let related = 0;
  const answers: string[][] = [];
  const i0 = performance.now();
  for (const t of targets) {
    const found = await relatedComplaints(ctx, t);
    related += found.length;
    answers.push(found.map((x) => x.record.id).sort());
  }
  const indexedMs = performance.now() - i0;

  const f0 = performance.now();
  const scanned: string[][] = [];
  for (const t of targets.slice(0, scanQueries)) scanned.push((await relatedByFullScan(ctx, t)).map((x) => x.record.id).sort());
  const scanMs = performance.now() - f0;

  scanned.forEach((ids, n) => {
    if (JSON.stringify(ids) !== JSON.stringify(answers[n])) throw new Error(`target ${n}: index found ${answers[n]!.length}, scan found ${ids.length}`);
  });
  const records_ = await db.complaint.count();
  db.close();
  return {
    records: records_,
    seedMs,
    indexedMsPerLookup: indexedMs / indexedQueries,
    scanMsPerLookup: scanMs / scanQueries,
    indexedQueries,
    scanQueries,
    meanRelated: related / indexedQueries,
    recordBytes,
  };
}
