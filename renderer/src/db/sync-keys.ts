/**
 * The unique lookup keys of a pull session (a Mitan's mobile: `RegisterDef.uniqueKeys`), held in
 * memory so that landing a page checks its entries without one IndexedDB request per key (about
 * 0.25 ms of the window's thread each, 1.5 s per 10,000 entries of a first pull).
 *
 * - **Loaded once**, inside a page's transaction, by a key cursor over the unique-key range of the
 *   `keys` index (on a first pull the table is empty: nothing to read). A session whose pages bring
 *   few keys, or a table much larger than what the session has looked up so far, keeps asking per
 *   key (`holders` returns null): the walk is paid only once it costs less than the requests.
 * - **A superset.** Every entry a page lands adds its keys; no key is ever taken out. A candidate
 *   holder counts only after it is read back in the page's transaction (sync-land.ts
 *   `checkUnique`), so a stale candidate costs a read, never a wrong answer.
 * - **Nothing written meanwhile is missed.** Every write to a register table through Dexie passes
 *   `registerWriteWatch` (db/schema.ts), which tells the open sessions of that database the ids it
 *   touched (entries saved, imported, corrected or cancelled on this PC between two pages, push
 *   answers landed). Each page's transaction reads those entries again (it sees every write
 *   committed before it started); an id stays on the list until its own transaction has ended,
 *   since a transaction queued behind the page's writes only after it. A range delete (a restore)
 *   makes the session read the whole range again. The pull's own page transactions are left out:
 *   their entries are added as they land.
 */
import type { Collection, DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { StoredRecord } from '@/domain/records';
import type { StationDb } from './schema';

/** `ids` null: a range of the table (or all of it) was deleted. */
type Watcher = (table: string, ids: string[] | null, trans: DBCoreTransaction) => void;

/** Open sessions per database name (every StationDb of that name reports to them). */
const watchers = new Map<string, Set<Watcher>>();

function touchedIds(req: DBCoreMutateRequest): string[] | null {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return req.keys as string[];
  return (req.keys as string[] | undefined) ?? req.values.map((v) => (v as { id: string }).id);
}

/** DBCore middleware: reports every write to these tables to the open pull sessions of the database. */
export function registerWriteWatch(tables: readonly string[]): Middleware<{ stack: 'dbcore' } & DBCore> {
  return {
    stack: 'dbcore',
    name: 'registerWriteWatch',
    create(down: DBCore) {
      const dbName = down.schema.name;
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          if (!tables.includes(name)) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              const list = watchers.get(dbName);
              if (list?.size) {
                const ids = touchedIds(req);
                for (const w of list) w(name, ids, req.trans);
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}

/** Key-cursor steps costing about one per-key request (both on the window's thread). */
const STEPS_PER_LOOKUP = 8;
/** A page with fewer unique keys than this asks per key, and does not count towards a load. */
const MIN_KEYS = 32;

/** Who may hold each key: one id, or several. */
type Holders = Map<string, string | string[]>;

interface Touch {
  ids: string[] | null;
  trans: DBCoreTransaction;
}

const inRange = (prefixes: string[]) => (k: string) => prefixes.some((p) => k.startsWith(p));

export class PullKeys {
  private readonly held = new Map<string, Holders>();
  /** Index entries in a table's unique-key range: counted once, plus what the session added. */
  private readonly entries = new Map<string, number>();
  /** Keys this session looked up one by one, per table. */
  private readonly asked = new Map<string, number>();
  private readonly touched = new Map<string, Touch[]>();
  private readonly ended = new WeakSet<DBCoreTransaction>();
  private readonly seen = new WeakSet<DBCoreTransaction>();
  private readonly own = new WeakSet<DBCoreTransaction>();
  private readonly watcher: Watcher;

  constructor(
    private readonly dbName: string,
    /** Tables with unique keys (only their writes are noted). */
    private readonly tables: string[],
  ) {
    this.watcher = (table, ids, trans) => {
      if (!this.tables.includes(table) || this.own.has(trans)) return;
      if (!this.seen.has(trans)) {
        this.seen.add(trans);
        const end = () => this.ended.add(trans);
        const t = trans as unknown as EventTarget;
        t.addEventListener('complete', end);
        t.addEventListener('abort', end);
      }
      if (!this.touched.has(table)) this.touched.set(table, []);
      this.touched.get(table)!.push({ ids, trans });
    };
    if (!watchers.has(dbName)) watchers.set(dbName, new Set());
    watchers.get(dbName)!.add(this.watcher);
  }

  close(): void {
    watchers.get(this.dbName)?.delete(this.watcher);
  }

  /** The running page transaction is the pull's own: what it writes is added by `add`. */
  ownTransaction(trans: DBCoreTransaction | undefined): void {
    if (trans) this.own.add(trans);
  }

  /**
   * The ids that may hold each of `keys` (a superset), or null: ask per key this time. Call inside
   * the page's transaction, after one of its requests has completed (the transaction has started,
   * so every write queued before it has ended).
   */
  async holders(db: StationDb, table: string, prefixes: string[], keys: Set<string>): Promise<Map<string, string[]> | null> {
    let held = this.held.get(table);
    if (held) await this.refresh(db, table, prefixes, held);
    else {
      if (keys.size < MIN_KEYS) return this.perKey(table, 0);
      if (!this.entries.has(table)) this.entries.set(table, await this.range(db, table, prefixes, (c) => c.count()));
      const asked = (this.asked.get(table) ?? 0) + keys.size;
      if (this.entries.get(table)! > STEPS_PER_LOOKUP * asked) return this.perKey(table, keys.size);
      held = await this.load(db, table, prefixes);
      this.held.set(table, held);
    }
    const out = new Map<string, string[]>();
    for (const k of keys) {
      const h = held.get(k);
      out.set(k, h === undefined ? [] : typeof h === 'string' ? [h] : h);
    }
    return out;
  }

  /** Is the table's set loaded (its pages no longer ask per key)? */
  loaded(table: string): boolean {
    return this.held.has(table);
  }

  /** After the page's check: the keys of the entries it writes. */
  add(table: string, prefixes: string[], rows: Iterable<StoredRecord>): void {
    const held = this.held.get(table);
    const has = inRange(prefixes);
    for (const r of rows) {
      for (const k of r.keys ?? []) {
        if (!has(k)) continue;
        if (held) put(held, k, r.id);
        this.entries.set(table, (this.entries.get(table) ?? 0) + 1);
      }
    }
  }

  private perKey(table: string, asked: number): null {
    this.asked.set(table, (this.asked.get(table) ?? 0) + asked);
    // Looked up per key, the transaction sees every write committed before it: what has ended is done with.
    this.forgetEnded(table, this.touched.get(table)?.length ?? 0);
    return null;
  }

  private forgetEnded(table: string, upTo: number): void {
    const list = this.touched.get(table);
    if (list) this.touched.set(table, [...list.slice(0, upTo).filter((t) => !this.ended.has(t.trans)), ...list.slice(upTo)]);
  }

  /** Read again the entries written by others since the last page; keep what is still to end. */
  private async refresh(db: StationDb, table: string, prefixes: string[], held: Holders): Promise<void> {
    const list = this.touched.get(table) ?? [];
    const n = list.length;
    if (!n) return;
    if (list.some((t) => t.ids === null)) {
      const fresh = await this.load(db, table, prefixes);
      held.clear();
      for (const [k, h] of fresh) held.set(k, h);
    } else {
      const has = inRange(prefixes);
      const rows = await db.registerTable(table).bulkGet([...new Set(list.flatMap((t) => t.ids!))]);
      for (const r of rows) if (r) for (const k of r.keys ?? []) if (has(k)) put(held, k, r.id);
    }
    this.forgetEnded(table, n);
  }

  private async load(db: StationDb, table: string, prefixes: string[]): Promise<Holders> {
    const held: Holders = new Map();
    await this.range(db, table, prefixes, (c) => c.eachKey((key, cursor) => put(held, key as string, cursor.primaryKey as string)));
    // Writes that ended before this transaction are in what was just read.
    this.forgetEnded(table, this.touched.get(table)?.length ?? 0);
    return held;
  }

  /** `read` over each prefix's range of the `keys` index, one after another; the counts summed. */
  private async range(db: StationDb, table: string, prefixes: string[], read: (c: Collection<StoredRecord, string>) => PromiseLike<unknown>): Promise<number> {
    let sum = 0;
    for (const p of prefixes) {
      const r = await read(db.registerTable(table).where('keys').between(p, `${p}\uffff`, true, true));
      if (typeof r === 'number') sum += r;
    }
    return sum;
  }
}

function put(held: Holders, key: string, id: string): void {
  const h = held.get(key);
  if (h === undefined) held.set(key, id);
  else if (typeof h === 'string') {
    if (h !== id) held.set(key, [h, id]);
  } else if (!h.includes(id)) h.push(id);
}
