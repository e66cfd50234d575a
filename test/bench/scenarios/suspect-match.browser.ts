// Browser side of "suspect-match" (issue #15 §5): the app's own StationDb in Chromium holding the
// district suspect registry of 30 thanas as a station keeps it after pulling (landed through
// `landRegistry`, pages of 2,000 with their checkpoint, as the pull writes them), with identifiers
// repeating the way fraud does (a suspect number or UPI id behind complaints in several thanas).
// Then, on the same database, a new complaint's identifiers (UTRs, suspect mobile, UPI id,
// account, website) are matched:
//   indexed = findMatches(): one `anyOf` lookup on the `key` index (what the match panel does)
//   scan    = scanMatches(): read every entry and compare (the baseline)
// Both must return the same matches for every complaint measured on both.
import { StationDb } from '@/db/schema';
import { findMatches, landRegistry, scanMatches } from '@/db/registry';
import { makeRng } from '../lib/records.mjs';

export interface SuspectMatchArgs {
  /** Registry entries in all (identifiers of every thana's complaints). */
  entries: number;
  thanas?: number;
  indexedQueries?: number;
  scanQueries?: number;
  seed?: number;
}

export interface SuspectMatchResult {
  entries: number;
  thanas: number;
  seedMs: number;
  indexedMsPerLookup: number;
  scanMsPerLookup: number;
  indexedQueries: number;
  scanQueries: number;
  meanMatches: number;
  entryBytes: number;
}

const BANDS = ['lt10k', '10k-1l', '1l-10l', 'ge10l'];
const CATEGORIES = ['financial', 'social-media', 'other'];

/** The identifiers of one complaint: its UTRs always, the suspect's mobile, often a UPI id, sometimes an account or a site. */
function complaintKeys(i: number, r: () => number): string[] {
  const keys = [`utr:UTR${String(i).padStart(10, '0')}`, `smob:7${String(1_000_000_000 + Math.floor(r() * 8000)).slice(1)}`];
  if (r() < 0.6) keys.push(`upi:fraud${Math.floor(r() * 6000)}@ybl`);
  if (r() < 0.3) keys.push(`acct:SBIN000${String(Math.floor(r() * 900)).padStart(4, '0')}:${String(Math.floor(r() * 10000)).padStart(4, '0')}`);
  if (r() < 0.1) keys.push(`url:fake-kyc-${Math.floor(r() * 300)}.in`);
  if (r() < 0.5) keys.push(`utr:UTR${String(i).padStart(10, '0')}B`);
  return keys;
}

export async function measure(args: SuspectMatchArgs): Promise<SuspectMatchResult> {
  const r = makeRng(args.seed ?? 7);
  const thanas = Array.from({ length: args.thanas ?? 30 }, (_, t) => `TH${String(t).padStart(2, '0')}`);
  const db = new StationDb('bench-suspect-match');
  await db.open();
  const docs: { id: string; deleted: boolean; doc: Record<string, unknown> }[] = [];
  const complaints: string[][] = [];
  for (let c = 0; docs.length < args.entries; c++) {
    const thana = thanas[c % thanas.length]!;
    const keys = complaintKeys(c, r);
    complaints.push(keys);
    const serial = `2026/${String(Math.floor(c / thanas.length) + 1).padStart(4, '0')}`;
    const date = `2026-${String(11 + (c % 2)).padStart(2, '0')}-${String(1 + (c % 28)).padStart(2, '0')}`;
    for (const key of keys) {
      const id = `${thana}:suspect:${String(c).padStart(26, '0')}-${key.length.toString(16).padStart(8, '0')}${key.slice(-4)}`;
      docs.push({
        id,
        deleted: false,
        doc: { _id: id, _rev: '1-a', thana, type: 'suspect', schemaVersion: 1, mutationId: id, complaintId: `${thana}:complaint:${String(c).padStart(26, '0')}`, key, serial, date, category: CATEGORIES[c % 3], band: BANDS[c % 4], withdrawn: r() < 0.03, updatedAt: `${date}T12:00:00.000Z`, hubUser: `pc_${thana.toLowerCase()}_1` },
      });
    }
  }
  for (const t of thanas) docs.push({ id: `${t}:profile:main`, deleted: false, doc: { _id: `${t}:profile:main`, thana: t, type: 'profile', value: { thanaCode: t, thanaName: `थाना ${t}`, nodalName: 'अधिकारी', nodalRank: 'उप निरीक्षक', nodalMobile: '9425500000' } } });
  const entryBytes = Math.round(docs.slice(0, 200).reduce((s, x) => s + JSON.stringify(x.doc).length, 0) / 200);
  const s0 = performance.now();
  for (let i = 0; i < docs.length; i += 2000) await landRegistry(db, docs.slice(i, i + 2000), { url: 'bench', db: 'registry_bench', epoch: 'e', seq: i });
  const seedMs = performance.now() - s0;
  const entries = docs.length - thanas.length;
  docs.length = 0;

  // A new complaint at thana TH00: the suspect's number and UPI id of an earlier complaint elsewhere, plus its own new UTR.
  const indexedQueries = args.indexedQueries ?? 50;
  const scanQueries = Math.min(args.scanQueries ?? 5, indexedQueries);
  const targets = Array.from({ length: indexedQueries }, (_, n) => {
    const earlier = complaints[Math.floor(r() * complaints.length)]!;
    return [...earlier.filter((k) => !k.startsWith('utr:')), `utr:NEW${n}`, ...(n % 5 === 0 ? [earlier[0]!] : [])];
  });
  complaints.length = 0;

  await findMatches(db, targets[0]!, 'TH00');
  await scanMatches(db, targets[0]!, 'TH00');

  let matched = 0;
  const answers: string[] = [];
  const i0 = performance.now();
  for (const keys of targets) {
    const found = await findMatches(db, keys, 'TH00');
    matched += found.length;
    answers.push(JSON.stringify(found.map((m) => [m.entry.complaintId, m.shared.sort(), m.contact?.thanaName])));
  }
  const indexedMs = performance.now() - i0;
  const f0 = performance.now();
  const scanned: string[] = [];
  for (const keys of targets.slice(0, scanQueries)) scanned.push(JSON.stringify((await scanMatches(db, keys, 'TH00')).map((m) => [m.entry.complaintId, m.shared.sort(), m.contact?.thanaName])));
  const scanMs = performance.now() - f0;
  scanned.forEach((s, n) => {
    if (s !== answers[n]) throw new Error(`complaint ${n}: the index and the scan found different matches`);
  });
  db.close();
  return { entries, thanas: thanas.length, seedMs, indexedMsPerLookup: indexedMs / indexedQueries, scanMsPerLookup: scanMs / scanQueries, indexedQueries, scanQueries, meanMatches: matched / indexedQueries, entryBytes };
}
