import Dexie, { type Table } from 'dexie';
import type { StoredRecord, SyncedRecord, SyncState } from '@/domain/records';
import { queueOf, statesWriteToken, syncStatesQueue, syncStateOf } from './sync-state';
import type { Role } from '@/domain/roles';
import { searchTokens } from '@/domain/normalize';
import { linkRows } from '@/domain/auditChain';
import { sha256Hex } from '@/domain/sha256';
import { auditChainMiddleware, CHAIN_INDEX, ensureAuditPc } from './audit-chain';
import { registerWriteWatch } from './sync-keys';
import type { SuspectBody } from '@/domain/registry/suspects';

/** The register tables of schema versions 1–4 (fixed: shipped versions are never edited). */
const V1_TABLES = ['mitan', 'team', 'place', 'outreach', 'complaint'] as const;

/** Register tables: one per record type; every one has the same metadata indexes. v5 adds training. */
export const REGISTER_TABLES = [...V1_TABLES, 'training'] as const;
export type RegisterTable = (typeof REGISTER_TABLES)[number];

const COMMON = 'id, [serialYear+serialNo], createdAt, updatedAt, [syncState+updatedAt], *tokens, *keys';
/** From v8 the sync state lives in `syncStates` (db/sync-state.ts): the entries lose its index. */
const COMMON_V8 = 'id, [serialYear+serialNo], createdAt, updatedAt, *tokens, *keys';

/** Extra indexes per register, on the register's own fields. */
const REGISTER_INDEXES: Record<RegisterTable, string> = {
  // [x+id]: keyset pages of one team, village or status (where('data.teamId') still works on them).
  mitan: '[data.teamId+id], [data.placeId+id], [data.status+id]',
  team: 'data.teamNo',
  place: 'data.name',
  outreach: 'data.date, data.teamId, [data.teamId+data.date]',
  complaint: 'data.receivedAt, data.status, [data.status+data.receivedAt], data.pendingRefund, data.totalLost',
  training: 'data.date',
};

export interface UserRow {
  id: string;
  name: string;
  rank: string;
  role: Role;
  initials: string;
  salt: string;
  hash: string;
  iterations: number;
  failedCount: number;
  lockedUntil: string | null;
  /** Locks since the last good PIN: each doubles the next one (absent on rows from before). */
  lockouts?: number;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SerialRow {
  /** `<type>:<year>` */
  key: string;
  last: number;
}

export type AuditAction =
  | 'create'
  | 'correct'
  | 'cancel'
  | 'verify'
  | 'status'
  | 'merge'
  | 'view'
  | 'print'
  | 'export'
  | 'import'
  | 'signin'
  | 'signin-failed'
  | 'signout'
  | 'lockout'
  | 'setup'
  | 'settings'
  | 'user'
  | 'backup'
  | 'restore'
  | 'sync';

export interface AuditRow {
  /** `<thana>:audit:<ULID>`: sortable by time, syncable like any record. */
  id: string;
  thana: string;
  at: string;
  userId: string | null;
  userName: string | null;
  role: Role | null;
  action: AuditAction;
  recordType: string | null;
  recordId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  syncState: 'synced' | 'dirty' | 'rejected';
  _rev: string | null;
  /**
   * The hash chain (domain/auditChain.ts): the writing PC's chain id, the row's position in it, the
   * hash of the PC's previous row and this row's own. Absent on rows from before schema v6.
   * `auditRow()` leaves `hash: ''`; the audit table's middleware links the row as it is written.
   */
  pc?: string;
  seq?: number;
  prevHash?: string;
  hash?: string;
}

/**
 * Where a register entry stands with the hub (v8): its last known `_rev` and whether it waits to be
 * pushed, beside the entry rather than inside it, so that marking a pushed entry synced writes this
 * small row and not the entry with all its index entries (db/sync-state.ts).
 */
export interface SyncStateRow {
  /** The entry's id. */
  id: string;
  /** Its register table. */
  table: string;
  state: SyncState;
  /** CouchDB revision last seen from the hub; null until first pushed. */
  rev: string | null;
  /** The entry's `updatedAt` when the state was written: the outbox sends the oldest first. */
  at: string;
  /** The entry's version (`mutationId:version`) the state is about: a push answer for another version leaves it dirty. */
  mutationId: string;
  version: number;
  /**
   * `[state, table, at]` while the entry waits (dirty, conflict, rejected), the outbox's index
   * (schema v9); absent once synced, so landing a push writes no index entry. Kept by the
   * middleware in sync-state.ts (`queueOf`) on every write: never set by hand.
   */
  queue?: [SyncState, string, string];
}

/** Running totals kept in the same transaction as the entries they count. */
export interface TotalRow {
  key: string;
  values: Record<string, number>;
}

/** Sync bookkeeping of this PC (never synced): client id, pull checkpoint, hub settings, last result. */
export interface SyncMetaRow {
  key: string;
  value: unknown;
}

/**
 * The last hub body of a document, kept where the local row cannot serve as the merge base:
 * thana settings docs, docs of types this app version does not know (kept whole), and rows
 * merged locally and not yet pushed. A synced register row is its own shadow.
 */
export interface ShadowRow {
  id: string;
  rev: string;
  body: Record<string, unknown>;
  /** A hub doc this app version cannot show (unknown type): kept so nothing is lost. */
  parked?: boolean;
}

/** A document the hub refused (validation or permissions): shown to the user, never retried in a loop. */
export interface SyncRejectRow {
  /** Document id. */
  id: string;
  table: string;
  at: string;
  /** 'forbidden' | 'unauthorized' | 'too-large' | 'local' */
  error: string;
  /** The hub's own words. */
  reason: string;
  /** The body that was refused, so it stays readable. */
  body: unknown;
}

/**
 * One automatic merge: both values stay readable here and in the record's history. Rows whose id
 * starts with `review:` (a record that breaks a register rule after sync) or `deleted:` (deleted on
 * the hub, kept here, waiting for the in-charge) are the Sync page's to-do lists, one per record.
 */
export interface SyncConflictRow {
  /** ULID, or `review:<recordId>` / `deleted:<recordId>` */
  id: string;
  recordId: string;
  table: string;
  at: string;
  /** 'merge' (both sides changed), 'leaves' (hub conflict leaves folded), 'review' (a rule broken), 'hub-deleted' (deleted on the hub, kept here) */
  kind: string;
  fields: { field: string; local: unknown; server: unknown; kept: 'local' | 'server' | 'both' }[];
  /** For 'review': the rules the record breaks, in both languages. */
  problems?: { field?: string; message: { hi: string; en: string } }[];
  /** For 'hub-deleted': the CouchDB user who deleted it, when the hub says. */
  by?: string | null;
}

/** A hub document this station cannot accept (design §3.14): kept raw, the pull goes on. */
export interface SyncQuarantineRow {
  /** Document id. */
  id: string;
  rev: string | null;
  at: string;
  /** 'shape' | 'unknown-type' | 'newer-schema' | 'invalid' | 'other-thana' | 'error' */
  reason: string;
  /** The technical detail (which field, which rule, the error's own words). */
  detail: string;
  /** The document exactly as the hub sent it. */
  body: unknown;
}

/** One identifier of one of this thana's complaints, as its hub document holds it (domain/registry). */
export interface SuspectRow extends SuspectBody {
  id: string;
  _rev: string | null;
  syncState: 'synced' | 'dirty' | 'rejected';
}

/**
 * An entry of the district registry as pulled (`kind: 'suspect'`), or a thana's contact taken from
 * its profile document (`kind: 'contact'`, key `contact:<THANA>`).
 */
export interface RegistryRow {
  id: string;
  kind: 'suspect' | 'contact';
  key: string;
  thana: string;
  serial: string;
  date: string;
  category: string;
  band: string;
  withdrawn: boolean;
  complaintId: string;
  /** kind 'contact': the thana's name and whom to call. */
  contact?: { thanaName: string; name: string; rank: string; mobile: string };
}

export class StationDb extends Dexie {
  mitan!: Table<StoredRecord, string>;
  team!: Table<StoredRecord, string>;
  place!: Table<StoredRecord, string>;
  outreach!: Table<StoredRecord, string>;
  complaint!: Table<StoredRecord, string>;
  training!: Table<StoredRecord, string>;
  users!: Table<UserRow, string>;
  settings!: Table<SettingRow, string>;
  serials!: Table<SerialRow, string>;
  audit!: Table<AuditRow, string>;
  totals!: Table<TotalRow, string>;
  syncMeta!: Table<SyncMetaRow, string>;
  shadows!: Table<ShadowRow, string>;
  syncRejects!: Table<SyncRejectRow, string>;
  syncConflicts!: Table<SyncConflictRow, string>;
  syncQuarantine!: Table<SyncQuarantineRow, string>;
  /**
   * The register entries' sync state (v8): `_rev` and dirty/synced/conflict/rejected per entry, and
   * one more row, `{ id: '~written', token }` (sync-state.ts `STATES_TOKEN_ID`), outside the index.
   */
  syncStates!: Table<SyncStateRow, string>;
  /** This PC's audit chain id (syncMeta `auditPc`), loaded as the database opens. */
  auditPc: string | null = null;
  /** This thana's registry entries (db/registry.ts), synced with the thana database like the registers. */
  suspect!: Table<SuspectRow, string>;
  /** The district registry as last pulled (every thana's entries and contacts): read-only here. */
  registry!: Table<RegistryRow, string>;

  constructor(name = 'cyber-mitan-thana', options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // 'strict': a write the app reports as saved is on disk, not in an OS buffer (power cuts).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    defineVersions(this);
    this.use(auditChainMiddleware(() => this.auditPc));
    this.use(registerWriteWatch(REGISTER_TABLES));
    this.use(statesWriteToken());
    this.use(syncStatesQueue());
    this.on(
      'ready',
      async (vip) => {
        this.auditPc = await ensureAuditPc(vip.table('syncMeta'));
      },
      true,
    );
  }

  registerTable(type: string): Table<StoredRecord, string> {
    if (!(REGISTER_TABLES as readonly string[]).includes(type)) throw new Error(`Unknown register type: ${type}`);
    return this.table(type) as Table<StoredRecord, string>;
  }
}

/** Version 1 as first shipped; kept so a database made by it opens and upgrades. */
export const SCHEMA_V1: Record<string, string> = {
  ...Object.fromEntries(V1_TABLES.map((t) => [t, 'id, [serialYear+serialNo], updatedAt, [syncState+updatedAt]'])),
  users: 'id, name',
  settings: 'key',
  serials: 'key',
  audit: 'id, at, action, recordId, userId',
};

export const SCHEMA_V2: Record<string, string> = {
  ...Object.fromEntries(V1_TABLES.map((t) => [t, `${COMMON}, ${REGISTER_INDEXES[t]}`])),
  users: 'id, name',
  settings: 'key',
  serials: 'key',
  audit: 'id, at, action, recordId, userId, recordType, [syncState+at]',
  totals: 'key',
};

/** v3 adds the sync tables (issue #9); every other table is kept as in v2. */
export const SCHEMA_V3: Record<string, string> = {
  syncMeta: 'key',
  shadows: 'id',
  syncRejects: 'id, at',
  syncConflicts: 'id, recordId, at',
};

/** v4 adds the quarantine of hub documents this station cannot accept (issue #13). */
export const SCHEMA_V4: Record<string, string> = {
  syncQuarantine: 'id, at',
};

/** v5 adds the training register (issue 16); every other table is kept as in v4. */
export const SCHEMA_V5: Record<string, string> = {
  training: `${COMMON}, ${REGISTER_INDEXES.training}`,
};

/** v6: the audit log's hash chain is read through `[pc+seq]` (issue #14 item 10). */
export const SCHEMA_V6: Record<string, string> = {
  audit: `${SCHEMA_V2.audit}, ${CHAIN_INDEX}`,
};

/**
 * v7 adds the district suspect registry (issue 15 §5): `suspect`, this thana's identifier documents
 * written with the complaints; `registry`, the district's entries pulled from the hub, indexed by
 * the normalised identifier so a match is one index lookup.
 */
export const SCHEMA_V7: Record<string, string> = {
  suspect: 'id, complaintId, [syncState+updatedAt]',
  registry: 'id, key, thana',
};

/**
 * v8 moves the register entries' sync state (`_rev`, `syncState`) into `syncStates`, one small row
 * per entry read through `[state+table+at]`; the entries lose their `[syncState+updatedAt]` index.
 */
export const SCHEMA_V8: Record<string, string> = {
  ...Object.fromEntries(REGISTER_TABLES.map((t) => [t, `${COMMON_V8}, ${REGISTER_INDEXES[t]}`])),
  syncStates: 'id, [state+table+at]',
};

/**
 * v9: `syncStates` is read through `queue` (`[state, table, at]` of the rows that wait) instead of
 * `[state+table+at]` over every row: a synced row is in no index (sync-state.ts `queueOf`).
 */
export const SCHEMA_V9: Record<string, string> = {
  syncStates: 'id, queue',
};

/**
 * Schema history. Never edit a shipped version: add a new one with an upgrade function.
 * v2: indexed search tokens, lookup keys (duplicates, related complaints), register indexes, totals.
 * v3: sync tables (checkpoint and client id, shadows, rejects, merge log).
 * v4: sync quarantine. Documents of unknown types parked in `shadows` by v3 move there.
 * v5: the training register (training sessions).
 * v6: the audit hash chain's index. Rows already on the hub stay as they were ("not chained");
 *     rows this PC wrote and has not pushed yet start its chain (the hub wants chained rows).
 * v7: the suspect registry (own identifier documents, the district's pulled entries).
 * v8: the register entries' sync state moves to `syncStates` (entries waiting to go keep waiting).
 * v9: the outbox's index on `syncStates` holds only the rows that wait (`queue`); synced rows leave it.
 */
export function defineVersions(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      for (const t of V1_TABLES) {
        await tx
          .table(t)
          .toCollection()
          .modify((r: Partial<StoredRecord>) => {
            const data = (r.data ?? {}) as Record<string, unknown>;
            r.tokens = r.tokens ?? searchTokens(...Object.values(data).filter((v) => typeof v === 'string'));
            r.keys = r.keys ?? [];
            r.late = r.late ?? false;
          });
      }
      await tx
        .table('audit')
        .toCollection()
        .modify((a: Partial<AuditRow>) => {
          a.recordType = a.recordType ?? (a.recordId ? (a.recordId.split(':')[1] ?? null) : null);
          a.syncState = a.syncState ?? 'dirty';
          a._rev = a._rev ?? null;
        });
    });
  db.version(3).stores(SCHEMA_V3);
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const parked = (await tx.table('shadows').toArray()).filter((s: ShadowRow) => s.parked);
      await tx.table('syncQuarantine').bulkPut(
        parked.map((s: ShadowRow) => ({ id: s.id, rev: s.rev, at: new Date().toISOString(), reason: 'unknown-type', detail: String(s.body.type ?? ''), body: { _id: s.id, _rev: s.rev, ...s.body } })),
      );
      await tx.table('shadows').bulkDelete(parked.map((s: ShadowRow) => s.id));
    });
  db.version(5).stores(SCHEMA_V5);
  db.version(6)
    .stores(SCHEMA_V6)
    .upgrade(async (tx) => {
      const pc = await ensureAuditPc(tx.table('syncMeta'));
      // Unpushed rows are this PC's own (pulled rows are 'synced'): they start the chain, in the order written.
      const own = (await tx.table('audit').where('[syncState+at]').between(['dirty', Dexie.minKey], ['dirty', Dexie.maxKey]).toArray()) as AuditRow[];
      own.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (own.length) await tx.table('audit').bulkPut(linkRows(own, pc, null, sha256Hex).rows);
    });
  db.version(7).stores(SCHEMA_V7);
  db.version(8)
    .stores(SCHEMA_V8)
    .upgrade(async (tx) => {
      for (const t of REGISTER_TABLES) {
        const states: SyncStateRow[] = [];
        await tx
          .table(t)
          .toCollection()
          .modify((r: StoredRecord & Partial<Pick<SyncedRecord, '_rev' | 'syncState'>>) => {
            states.push(syncStateOf(t, r));
            delete r._rev;
            delete r.syncState;
          });
        await tx.table('syncStates').bulkPut(states);
      }
    });
  db.version(9)
    .stores(SCHEMA_V9)
    .upgrade(async (tx) => {
      // The rows that wait are written again with their `queue`; synced rows, usually nearly all,
      // are read and left as they are. A page at a time, by id.
      const states = tx.table('syncStates');
      let after: string | null = null;
      for (;;) {
        const page = (await (after === null ? states.toCollection() : states.where(':id').above(after)).limit(5000).toArray()) as SyncStateRow[];
        if (!page.length) break;
        after = page[page.length - 1]!.id;
        const waiting = page.flatMap((r) => {
          const queue = queueOf(r);
          return queue ? [{ ...r, queue }] : [];
        });
        if (waiting.length) await states.bulkPut(waiting);
      }
    });
}
