/**
 * Writing and checking the audit log's hash chain (domain/auditChain.ts says what the fields mean).
 *
 * Writing: a DBCore middleware on the audit table. Every new row this PC writes comes from
 * `auditRow()` with `hash: ''` ("to be chained"); the middleware reads this PC's last row through
 * the `[pc+seq]` index IN THE WRITING TRANSACTION, links the new rows after it and only then
 * writes them. IndexedDB runs read-write transactions over the audit table one at a time, so two
 * screens saving at once still get consecutive positions; inside one transaction the chain calls
 * are queued, so `Promise.all` of several adds is safe too. The hash is computed synchronously
 * (domain/sha256.ts): an await on WebCrypto would let IndexedDB commit the transaction early.
 * Rows that already carry a hash (pulled from the hub, restored from a backup) and rows from before
 * the chain pass through untouched: they keep their own chains.
 *
 * Checking: `checkAuditChains` reads the chained rows in `[pc+seq]` order, a page at a time, and
 * checks each with WebCrypto's SHA-256 (an implementation independent of the writer's).
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { ChainChecker, linkRows, type ChainHead, type ChainReport, type ChainableRow } from '@/domain/auditChain';
import { sha256Hex } from '@/domain/sha256';
import { ulid } from '@/domain/ulid';
import type { AuditRow, StationDb } from './schema';

/** syncMeta key of this PC's chain id. Made once; a restore keeps the PC's own (backup.ts). */
export const AUDIT_PC_KEY = 'auditPc';

/** The index the chain is read through (schema v6). */
export const CHAIN_INDEX = '[pc+seq]';

/** A row the middleware must link: what `auditRow()` makes. */
const needsLink = (v: unknown) => (v as Partial<AuditRow> | null)?.hash === '';

/** This PC's chain id, made on first use (inside the caller's transaction when there is one). */
export async function ensureAuditPc(meta: Dexie.Table<{ key: string; value: unknown }, string>): Promise<string> {
  const have = (await meta.get(AUDIT_PC_KEY))?.value;
  if (typeof have === 'string' && have) return have;
  const id = ulid();
  await meta.put({ key: AUDIT_PC_KEY, value: id });
  return id;
}

async function readHead(table: DBCoreTable, trans: DBCoreTransaction, pc: string): Promise<ChainHead | null> {
  const index = table.schema.getIndexByKeyPath(['pc', 'seq']);
  if (!index) throw new Error('audit table has no [pc+seq] index');
  const res = await table.query({
    trans,
    values: true,
    limit: 1,
    direction: 'prev',
    // DBCoreRangeType.Range (a const enum, written as its value for isolatedModules)
    query: { index, range: { type: 2, lower: [pc, -Infinity], upper: [pc, Infinity], lowerOpen: false, upperOpen: false } },
  });
  const last = res.result[0] as AuditRow | undefined;
  return last && typeof last.seq === 'number' && typeof last.hash === 'string' ? { seq: last.seq, hash: last.hash } : null;
}

/**
 * The middleware. `pcOf` gives this PC's chain id (StationDb loads it when the database opens).
 * Per transaction, one queue: the head is read once, then carried from write to write.
 */
export function auditChainMiddleware(pcOf: () => string | null): Middleware<{ stack: 'dbcore' } & DBCore> {
  return {
    stack: 'dbcore',
    name: 'auditChain',
    create(down: DBCore) {
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          if (name !== 'audit') return table;
          const queues = new WeakMap<DBCoreTransaction, Promise<ChainHead | null | undefined>>();
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if ((req.type !== 'add' && req.type !== 'put') || !req.values.some(needsLink)) return table.mutate(req);
              const pc = pcOf();
              if (!pc) return Promise.reject(new Error('The audit chain of this PC is not loaded (database not open)'));
              const before = queues.get(req.trans) ?? Promise.resolve(undefined);
              const done = before.then(async (cached) => {
                const head = cached === undefined ? await readHead(table, req.trans, pc) : cached;
                const fresh = req.values.filter(needsLink) as ChainableRow[];
                const linked = linkRows(fresh, pc, head, sha256Hex);
                let i = 0;
                const values = req.values.map((v) => (needsLink(v) ? linked.rows[i++] : v));
                const res = await table.mutate({ ...req, values });
                // A failed write leaves the head where the table has it: read it again next time.
                return { res, head: res.numFailures ? undefined : linked.head };
              });
              queues.set(
                req.trans,
                done.then(
                  (d) => d.head,
                  () => undefined,
                ),
              );
              return done.then((d) => d.res);
            },
          };
        },
      };
    },
  };
}

/** SHA-256 with WebCrypto, as hex. */
async function webDigest(text: string): Promise<string> {
  const buf = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface AuditChainCheck extends ChainReport {
  /** This PC's chain id. */
  thisPc: string | null;
  /** Rows without a chain (written before it began, or by an older app on another PC). */
  unchained: number;
  /** The newest of those rows' dates. */
  unchainedUntil: string | null;
}

/** Check every PC's chain on this PC's copy of the log. Pages of `page` rows; memory stays one page. */
export async function checkAuditChains(db: StationDb, page = 1_000, digest = webDigest): Promise<AuditChainCheck> {
  const checker = new ChainChecker(digest);
  let after: [string, number, string] | null = null;
  let chained = 0;
  for (;;) {
    const from: [string, number, string] | null = after;
    const coll = from ? db.audit.where(CHAIN_INDEX).aboveOrEqual([from[0], from[1]]) : db.audit.where(CHAIN_INDEX).aboveOrEqual([Dexie.minKey, Dexie.minKey]);
    // Rows sharing the last (pc, seq) of the previous page come again: skip those already seen.
    const rows: AuditRow[] = (await coll.limit(page + 20).toArray()).filter((r) => !from || r.pc !== from[0] || r.seq !== from[1] || r.id > from[2]);
    const slice = rows.slice(0, page);
    if (!slice.length) break;
    await checker.feed(slice);
    chained += slice.length;
    const last = slice[slice.length - 1]!;
    after = [last.pc!, last.seq!, last.id];
    if (slice.length < page) break;
  }
  const total = await db.audit.count();
  let unchainedUntil: string | null = null;
  if (total > chained) {
    // Only rows without a chain are read here (a filter over the `at` index, newest first, stops at the first one).
    const newest = await db.audit.orderBy('at').reverse().filter((r) => r.hash === undefined).first();
    unchainedUntil = newest?.at ?? null;
  }
  return { ...checker.finish(), thisPc: db.auditPc, unchained: total - chained, unchainedUntil };
}
