// Browser side of "dexie-bulkput-100k": runs inside the bench page in Chromium
// (real IndexedDB, persistent profile). Records are generated before the clock starts;
// the clock stops when the write transaction(s) have committed.
import Dexie from 'dexie';
import { makeRecords, meanJsonBytes } from '../lib/records.mjs';
import type { BenchRecord } from '../lib/records.mjs';

const DB_NAME = 'bench-bulkput';
const STORE = 'mitans';
const PRIMARY_KEY = 'id';
/** The one schema both sides use: 5 indexes, two of them compound. */
const INDEXES: ReadonlyArray<string | readonly string[]> = [
  'thana',
  ['thana', 'serial'],
  'mobile',
  'updatedAt',
  ['syncState', 'updatedAt'],
];

/** Dexie's own name for an index: `[a+b]` for compound ones; raw IndexedDB uses the same names. */
const indexName = (keyPath: string | readonly string[]): string =>
  typeof keyPath === 'string' ? keyPath : `[${keyPath.join('+')}]`;

/** `id, thana, [thana+serial], mobile, updatedAt, [syncState+updatedAt]` */
export const DEXIE_SCHEMA = [PRIMARY_KEY, ...INDEXES.map(indexName)].join(', ');

/**
 * How Dexie writes:
 *  one-call      a single bulkPut of every record (implicit transaction)
 *  tx-chunks     bulkPut chunks inside one db.transaction('rw'), each awaited before the next
 *  tx-pipelined  bulkPut chunks inside one db.transaction('rw'), the next chunk issued before
 *                awaiting the previous one (at most 2 in flight), so IndexedDB never waits for JS
 *  tx-per-chunk  one implicit transaction per bulkPut chunk, each awaited
 */
export type DexieShape = 'one-call' | 'tx-chunks' | 'tx-pipelined' | 'tx-per-chunk';

export interface BulkPutArgs {
  count: number;
  seed?: number;
  /** Dexie side only. */
  shape?: DexieShape;
  /** Dexie side only: records per bulkPut call (ignored by 'one-call'). */
  chunk?: number;
  /** Dexie side only: Dexie 4's `cache` option ('cloned' is Dexie's default). */
  cache?: 'cloned' | 'immutable' | 'disabled';
}

export interface BulkPutResult {
  records: number;
  ms: number;
  recordsPerSecond: number;
  recordBytes: number;
  shape: string;
}

function prepare(args: BulkPutArgs): { records: BenchRecord[]; recordBytes: number } {
  const records = makeRecords(args.count, { seed: args.seed });
  return { records, recordBytes: meanJsonBytes(records) };
}

function requestDone<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function result(records: number, ms: number, recordBytes: number, shape: string): BulkPutResult {
  return { records, ms, recordsPerSecond: (records / ms) * 1000, recordBytes, shape };
}

/** Baseline: raw IndexedDB, every record `put` in ONE readwrite transaction. */
export async function raw(args: BulkPutArgs): Promise<BulkPutResult> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore(STORE, { keyPath: PRIMARY_KEY });
    for (const keyPath of INDEXES) {
      store.createIndex(indexName(keyPath), typeof keyPath === 'string' ? keyPath : [...keyPath], { unique: false });
    }
  };
  const db = await requestDone(open);
  const { records, recordBytes } = prepare(args);

  const t0 = performance.now();
  const tx = db.transaction(STORE, 'readwrite');
  const done = transactionDone(tx);
  const store = tx.objectStore(STORE);
  for (const record of records) store.put(record);
  tx.commit();
  await done;
  const ms = performance.now() - t0;

  const stored = await requestDone(db.transaction(STORE).objectStore(STORE).count());
  db.close();
  if (stored !== records.length) throw new Error(`raw: stored ${stored} of ${records.length}`);
  return result(records.length, ms, recordBytes, 'raw put, one transaction');
}

/** The app's way: Dexie 4 `bulkPut` with the same store and indexes. */
export async function dexie(args: BulkPutArgs): Promise<BulkPutResult> {
  const shape = args.shape ?? 'tx-chunks';
  const chunk = Math.max(1, args.chunk ?? 2000);
  const db = new Dexie(DB_NAME, args.cache ? { cache: args.cache } : undefined);
  db.version(1).stores({ [STORE]: DEXIE_SCHEMA });
  await db.open();
  const table = db.table<BenchRecord, string>(STORE);
  const { records, recordBytes } = prepare(args);

  const t0 = performance.now();
  if (shape === 'one-call') {
    await table.bulkPut(records);
  } else if (shape === 'tx-chunks') {
    await db.transaction('rw', table, async () => {
      for (let i = 0; i < records.length; i += chunk) await table.bulkPut(records.slice(i, i + chunk));
    });
  } else if (shape === 'tx-pipelined') {
    await db.transaction('rw', table, async () => {
      let inFlight: Promise<unknown> | undefined;
      for (let i = 0; i < records.length; i += chunk) {
        const next = table.bulkPut(records.slice(i, i + chunk));
        if (inFlight) await inFlight;
        inFlight = next;
      }
      await inFlight;
    });
  } else {
    for (let i = 0; i < records.length; i += chunk) await table.bulkPut(records.slice(i, i + chunk));
  }
  const ms = performance.now() - t0;

  const stored = await table.count();
  db.close();
  if (stored !== records.length) throw new Error(`dexie: stored ${stored} of ${records.length}`);
  const label = shape === 'one-call' ? 'one-call' : `${shape}:${chunk}`;
  return result(records.length, ms, recordBytes, args.cache ? `${label} cache=${args.cache}` : label);
}
