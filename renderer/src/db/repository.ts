/**
 * The one place that writes register entries (design §3.2–3.3). Every write validates with the
 * register's rules, checks the actor's role, and writes the entry, its history, its serial, its
 * audit row, its totals and its dirty flag in ONE Dexie transaction: all of it or nothing.
 */
import Dexie from 'dexie';
import { bi, DomainError, assertNoErrors, type Issue } from '@/domain/bilingual';
import { daysBetween, istDate } from '@/domain/dates';
import { searchTokens } from '@/domain/normalize';
import { diffData, makeId, REASON_MAX_LENGTH, type Actor, type FieldChange, type StoredRecord, type VersionEntry } from '@/domain/records';
import { fieldByKey, type FieldContext, type RegisterDef, type TotalContribution } from '@/domain/registers/types';
import { assertCan, type Permission } from '@/domain/roles';
import { adaptiveChunks, timeSlicer } from '@/domain/timeslice';
import { ulid } from '@/domain/ulid';
import { validateRecord, validationStamp, type RecordData } from '@/domain/validation';
import { trustedActor } from './actor';
import type { StationContext } from './context';
import { writeSuspects, writeSuspectsMany, writesSuspects } from './registry';
import type { AuditAction, AuditRow, StationDb } from './schema';
import { markChanged, markNew } from './sync-state';

export function formatSerial(year: number, pcSeries: string, no: number): string {
  return `${year}/${pcSeries}${String(no).padStart(4, '0')}`;
}

function tables(db: StationDb, type: string) {
  // Complaints write their suspect-registry entries in the same transaction (db/registry.ts).
  return [db.registerTable(type), db.syncStates, db.serials, db.audit, db.totals, ...(writesSuspects(type) ? [db.suspect] : [])];
}

export function auditRow(
  ctx: StationContext,
  actor: Actor | null,
  action: AuditAction,
  fields: Partial<Pick<AuditRow, 'recordType' | 'recordId' | 'summary' | 'before' | 'after'>>,
): AuditRow {
  return {
    id: makeId(ctx.thana, 'audit', ulid(ctx.now().getTime())),
    thana: ctx.thana,
    at: ctx.now().toISOString(),
    userId: actor?.userId ?? null,
    userName: actor?.name ?? null,
    role: actor?.role ?? null,
    action,
    recordType: fields.recordType ?? null,
    recordId: fields.recordId ?? null,
    summary: fields.summary ?? '',
    before: fields.before ?? null,
    after: fields.after ?? null,
    syncState: 'dirty',
    _rev: null,
    // Linked into this PC's hash chain as it is written (db/audit-chain.ts).
    hash: '',
  };
}

/** What a validation depends on besides the record: today (IST) and the station's settings. */
export function validationContext(ctx: StationContext): Omit<FieldContext, 'record'> {
  return { today: istDate(ctx.now()), settings: ctx.settings() };
}

function validate(ctx: StationContext, def: RegisterDef, input: RecordData): { data: RecordData; issues: Issue[] } {
  const { data, issues } = validateRecord(def, input, validationContext(ctx));
  assertNoErrors(issues);
  return { data, issues };
}

/** Search tokens and lookup keys of an entry, from its register definition (sync re-derives merged records with it). */
export function derived(def: RegisterDef, data: RecordData) {
  return {
    tokens: searchTokens(...def.searchFields.map((k) => data[k])),
    keys: def.lookupKeys ? [...new Set(def.lookupKeys(data))] : [],
  };
}

function isLate(ctx: StationContext, def: RegisterDef, data: RecordData): boolean {
  if (!def.late) return false;
  const d = data[def.late.dateField];
  return typeof d === 'string' && daysBetween(d.slice(0, 10), istDate(ctx.now())) > def.late.days;
}

/** Add `sign` × the entry's contributions to the running totals. */
async function applyTotals(db: StationDb, contributions: TotalContribution[], sign: 1 | -1): Promise<void> {
  if (!contributions.length) return;
  // One read and one write for all the keys (an import's chunks each touch every team and village).
  const keys = [...new Set(contributions.map((c) => c.key))];
  const stored = await db.totals.bulkGet(keys);
  const rows = new Map(keys.map((key, i) => [key, stored[i] ?? { key, values: {} }]));
  for (const c of contributions) {
    const row = rows.get(c.key)!;
    for (const [k, v] of Object.entries(c.values)) row.values[k] = (row.values[k] ?? 0) + sign * v;
  }
  await db.totals.bulkPut([...rows.values()]);
}

/** What an entry adds to the running totals: nothing when cancelled. Sync applies the difference when a hub version replaces a local one. */
export function contributions(def: RegisterDef, rec: StoredRecord | undefined): TotalContribution[] {
  if (!rec || rec.cancelled || !def.totals) return [];
  return def.totals(rec.data);
}

export interface CreateResult {
  record: StoredRecord;
  /** Warnings the entry was saved with (e.g. an NCRP number that is not 14 digits). */
  warnings: Issue[];
}

export async function createRecord(ctx: StationContext, actor: Actor, def: RegisterDef, input: RecordData): Promise<CreateResult> {
  assertCan(actor.role, 'record.create');
  const { data, issues } = validate(ctx, def, input);
  assertOwnedFields(def, 'create', {}, data, diffData({}, data), null);
  const { db } = ctx;
  const record = await db.transaction('rw', tables(db, def.type), async () => {
    const now = ctx.now();
    const at = now.toISOString();
    let serialYear: number | null = null;
    let serialNo: number | null = null;
    let serial: string | null = null;
    if (def.serial) {
      const dateValue = def.serialDateField ? data[def.serialDateField] : null;
      serialYear = Number(typeof dateValue === 'string' ? dateValue.slice(0, 4) : istDate(now).slice(0, 4));
      const key = `${def.type}:${serialYear}${ctx.pcSeries ? `:${ctx.pcSeries}` : ''}`;
      // Read-increment-write inside the rw transaction: IndexedDB serialises overlapping
      // rw transactions, so two saves at once can never draw the same number.
      const row = (await db.serials.get(key)) ?? { key, last: 0 };
      serialNo = row.last + 1;
      await db.serials.put({ key, last: serialNo });
      serial = formatSerial(serialYear, ctx.pcSeries, serialNo);
    }
    const mutationId = ulid(now.getTime());
    const entry: VersionEntry = {
      version: 1,
      kind: 'create',
      at,
      by: actor.userId,
      byName: actor.name,
      initials: actor.initials,
      reason: null,
      changes: [],
      mutationId,
    };
    const rec: StoredRecord = {
      id: makeId(ctx.thana, def.type, ulid(now.getTime())),
      thana: ctx.thana,
      type: def.type,
      schemaVersion: def.schemaVersion,
      serial,
      serialYear,
      serialNo,
      data,
      ...derived(def, data),
      createdAt: at,
      createdBy: actor.userId,
      updatedAt: at,
      updatedBy: actor.userId,
      mutationId,
      version: 1,
      history: [entry],
      cancelled: null,
      late: isLate(ctx, def, data),
    };
    await db.registerTable(def.type).add(rec);
    await markNew(db, def.type, [rec]);
    await writeSuspects(db, rec, at);
    await applyTotals(db, contributions(def, rec), 1);
    await db.audit.add(auditRow(ctx, actor, 'create', { recordType: def.type, recordId: rec.id, summary: serial ?? '', after: data }));
    return rec;
  });
  return { record, warnings: issues.filter((i) => i.severity === 'warning') };
}

export interface CreateManyOptions {
  /** Lookup-key prefixes (e.g. 'mobile:') that no live entry, nor another input, may already have. */
  unique?: string[];
  /**
   * 'each' (default): one 'create' audit row per entry, as createRecord writes. 'none': the caller
   * writes its own summary row in the same transaction (an import: one row naming the file and the
   * serial range, instead of thousands; each entry's history still says who made it and when).
   */
  audit?: 'each' | 'none';
}

/** An input validated, with its id and derived keys, ready to be written by writeNewRecords. */
export interface PreparedRecord {
  id: string;
  data: RecordData;
  tokens: string[];
  keys: string[];
  warnings: Issue[];
}

export interface PrepareOptions {
  /**
   * The inputs are the output of validateRecord under the context with this stamp, moments ago
   * (an import's plan, which the writer has just seen): while today and the settings are the
   * same, validating them again gives the same verdict, so it is skipped. Otherwise every input
   * is validated again.
   */
  validatedUnder?: string;
  /** Warnings of each input from that validation. */
  warnings?: Issue[][];
}

/**
 * Validate new entries and give each its id, OUTSIDE any transaction: a bad input refuses the lot
 * before anything is written. Large inputs are done in time slices with a pause between them, so
 * the window keeps painting (an import of thousands of rows).
 */
export async function prepareNewRecords(ctx: StationContext, actor: Actor, def: RegisterDef, inputs: RecordData[], opts: PrepareOptions = {}): Promise<PreparedRecord[]> {
  assertCan(actor.role, 'record.create');
  const out: PreparedRecord[] = [];
  const at = ctx.now().getTime();
  const validated = opts.validatedUnder !== undefined && opts.validatedUnder === validationStamp(validationContext(ctx));
  // Inside a caller's transaction a timer would let it commit: no pauses there.
  const slicer = Dexie.currentTransaction ? null : timeSlicer();
  for (let i = 0; i < inputs.length; i++) {
    if (slicer?.due()) await slicer.pause();
    try {
      const { data, issues } = validated ? { data: inputs[i]!, issues: opts.warnings?.[i] ?? [] } : validate(ctx, def, inputs[i]!);
      // The owned-fields rule can refuse a new entry only for a field a later step fills (a
      // verification): the field-by-field comparison runs only when one is filled.
      if (def.fields.some((f) => f.changedBy && !isEmpty(data[f.key]))) assertOwnedFields(def, 'create', {}, data, diffData({}, data), null);
      out.push({ id: makeId(ctx.thana, def.type, ulid(at)), data, ...derived(def, data), warnings: issues.filter((x) => x.severity === 'warning') });
    } catch (e) {
      if (e instanceof DomainError && inputs.length > 1)
        throw new DomainError(e.code, bi(`प्रविष्टि ${i + 1}: ${e.bilingual.hi}`, `Entry ${i + 1}: ${e.bilingual.en}`), e.issues);
      throw e;
    }
  }
  return out;
}

/**
 * Write prepared entries inside the caller's rw transaction (tables: the register's, serials,
 * audit, totals): serials, history, totals, audit rows. One read of the serials, one uniqueness
 * check and one totals read and write for the lot; the entries go in chunks, the next chunk
 * handed to IndexedDB before the previous one is awaited, so its queue never runs dry while
 * JavaScript builds records, and each chunk is a short task for the window. All or nothing:
 * any failure aborts the caller's transaction.
 */
export async function writeNewRecords(ctx: StationContext, actor: Actor, def: RegisterDef, prepared: PreparedRecord[], opts: CreateManyOptions = {}): Promise<CreateResult[]> {
  const { db } = ctx;
  const table = db.registerTable(def.type);
  const now = ctx.now();
  const at = now.toISOString();
  const serialKey = (data: RecordData) => {
    const dateValue = def.serialDateField ? data[def.serialDateField] : null;
    const year = Number(typeof dateValue === 'string' ? dateValue.slice(0, 4) : istDate(now).slice(0, 4));
    return { year, key: `${def.type}:${year}${ctx.pcSeries ? `:${ctx.pcSeries}` : ''}` };
  };
  const serialRows = new Map<string, { key: string; last: number }>();
  if (def.serial) {
    const keys = [...new Set(prepared.map((p) => serialKey(p.data).key))];
    const stored = await db.serials.bulkGet(keys);
    keys.forEach((key, i) => serialRows.set(key, stored[i] ?? { key, last: 0 }));
  }
  const unique = opts.unique ?? [];
  if (unique.length) {
    const seen = new Set<string>();
    for (const p of prepared)
      for (const k of p.keys)
        if (unique.some((u) => k.startsWith(u))) {
          if (seen.has(k)) throw duplicateKey(k);
          seen.add(k);
        }
    if (seen.size) {
      const clash = (await table.where('keys').anyOf([...seen]).toArray()).find((r) => !r.cancelled);
      if (clash) throw duplicateKey(clash.keys.find((k) => seen.has(k)) ?? '', clash);
    }
  }
  const records: StoredRecord[] = [];
  const sums = new Map<string, TotalContribution>();
  let inFlight: Promise<unknown> | null = null;
  // Building a chunk and handing it to IndexedDB (which copies every record on this thread) is
  // one task: the chunk is sized to the time budget at the speed the last one went.
  const sizes = adaptiveChunks(50, 10, 500);
  for (let i = 0; i < prepared.length; ) {
    const t0 = sizes.clock();
    const slice = prepared.slice(i, i + sizes.size);
    i += slice.length;
    const chunk: StoredRecord[] = [];
    for (const p of slice) {
      let serialYear: number | null = null;
      let serialNo: number | null = null;
      let serial: string | null = null;
      if (def.serial) {
        const s = serialKey(p.data);
        const row = serialRows.get(s.key)!;
        serialYear = s.year;
        serialNo = ++row.last;
        serial = formatSerial(serialYear, ctx.pcSeries, serialNo);
      }
      const mutationId = ulid(now.getTime());
      const rec: StoredRecord = {
        id: p.id,
        thana: ctx.thana,
        type: def.type,
        schemaVersion: def.schemaVersion,
        serial,
        serialYear,
        serialNo,
        data: p.data,
        tokens: p.tokens,
        keys: p.keys,
        createdAt: at,
        createdBy: actor.userId,
        updatedAt: at,
        updatedBy: actor.userId,
        mutationId,
        version: 1,
        history: [{ version: 1, kind: 'create', at, by: actor.userId, byName: actor.name, initials: actor.initials, reason: null, changes: [], mutationId }],
        cancelled: null,
        late: isLate(ctx, def, p.data),
      };
      chunk.push(rec);
      // Sum the contributions: one read and write per totals key at the end, not per entry.
      for (const c of contributions(def, rec)) {
        const s = sums.get(c.key) ?? { key: c.key, values: {} };
        for (const [k, v] of Object.entries(c.values)) s.values[k] = (s.values[k] ?? 0) + v;
        sums.set(c.key, s);
      }
    }
    records.push(...chunk);
    const written = Promise.all([table.bulkAdd(chunk), markNew(db, def.type, chunk)]);
    // A failure aborts the transaction; it is awaited below (or through the transaction).
    written.catch(() => undefined);
    sizes.took(chunk.length, sizes.clock() - t0);
    if (inFlight) await inFlight;
    inFlight = written;
  }
  if (inFlight) await inFlight;
  if (writesSuspects(def.type)) await writeSuspectsMany(db, records, at);
  if (serialRows.size) await db.serials.bulkPut([...serialRows.values()]);
  await applyTotals(db, [...sums.values()], 1);
  if (opts.audit !== 'none')
    await db.audit.bulkAdd(
      records.map((rec) => auditRow(ctx, actor, 'create', { recordType: def.type, recordId: rec.id, summary: rec.serial ?? '', after: rec.data })),
    );
  return records.map((record, i) => ({ record, warnings: prepared[i]!.warnings }));
}

/**
 * Many entries in ONE transaction (imports): all are written, with their serials, history,
 * audit rows and totals, or none is. Same rules as createRecord; a bad input refuses the lot.
 */
export async function createRecords(
  ctx: StationContext,
  actor: Actor,
  def: RegisterDef,
  inputs: RecordData[],
  opts: CreateManyOptions = {},
): Promise<CreateResult[]> {
  const prepared = await prepareNewRecords(ctx, actor, def, inputs);
  const { db } = ctx;
  return db.transaction('rw', tables(db, def.type), () => writeNewRecords(ctx, actor, def, prepared, opts));
}

function duplicateKey(key: string, existing?: StoredRecord): DomainError {
  const what = key.replace(/^[^:]*:/, '');
  return new DomainError(
    'duplicate',
    existing
      ? bi(`"${what}" पहले से पंजी में दर्ज है (${existing.serial ?? existing.id})`, `"${what}" is already on the register (${existing.serial ?? existing.id})`)
      : bi(`"${what}" एक से अधिक बार आया है`, `"${what}" appears more than once`),
    [{ code: 'duplicate', severity: 'error', message: bi(`दोहराव: ${what}`, `Duplicate: ${what}`) }],
  );
}

/** The kinds of change a caller may ask for; sync's merges are written by the replicator itself. */
export type ChangeKind = 'correct' | 'status' | 'verify';

export interface ChangeOptions {
  /** The version the user was looking at; a different stored version means someone else changed it. */
  expectedVersion?: number;
  kind?: ChangeKind;
}

/** Who may make each kind of change: the kind decides, never the caller. */
export const CHANGE_PERMISSION: Record<ChangeKind, Permission> = {
  correct: 'record.correct',
  status: 'record.correct',
  verify: 'outreach.verify',
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Fields owned by an operation (`changedBy` in the register definition) change only through it.
 * A 'verify' field may be cleared by any change (the verification is withdrawn), set only by a
 * verification, and a verification changes nothing else. A 'status' field moves only by a step
 * the register's workflow table allows, with that step's fields and reason.
 */
function assertOwnedFields(def: RegisterDef, kind: ChangeKind | 'create', before: RecordData, after: RecordData, changes: FieldChange[], reason: string | null): void {
  for (const c of changes) {
    const f = fieldByKey(def, c.field);
    const owner = f?.changedBy;
    const label = f?.label ?? bi(c.field, c.field);
    if (kind === 'verify' && owner !== 'verify')
      throw new DomainError('workflow', bi(`सत्यापन में "${label.hi}" नहीं बदला जा सकता`, `A verification cannot change "${label.en}"`));
    if (owner === 'verify' && kind !== 'verify' && !isEmpty(c.after))
      throw new DomainError('workflow', bi(`"${label.hi}" केवल सत्यापन से भरा जाता है`, `"${label.en}" is set only by verification`));
    if (owner === 'status' && kind !== 'status' && kind !== 'create')
      throw new DomainError(
        'workflow',
        bi(`"${label.hi}" केवल स्थिति के चरण (कार्यप्रवाह) से बदलता है, सुधार से नहीं`, `"${label.en}" changes only through a workflow step, not a correction`),
      );
  }
  if (kind === 'status') {
    const refusal = def.stepRefusal ? def.stepRefusal(before, after, reason) : bi('इस पंजी में स्थिति नहीं बदलती', 'This register has no status to change');
    if (refusal) throw new DomainError('status.refused', refusal);
  }
}

async function loadForChange(ctx: StationContext, def: RegisterDef, id: string, expectedVersion?: number): Promise<StoredRecord> {
  const rec = await ctx.db.registerTable(def.type).get(id);
  if (!rec) throw new DomainError('not-found', bi('यह प्रविष्टि नहीं मिली', 'This entry was not found'));
  if (rec.cancelled)
    throw new DomainError('cancelled', bi('निरस्त प्रविष्टि में सुधार नहीं हो सकता', 'A cancelled entry cannot be corrected'));
  if (expectedVersion !== undefined && rec.version !== expectedVersion)
    throw new DomainError(
      'stale',
      bi('इस बीच किसी ने यह प्रविष्टि बदल दी है; दोबारा खोलकर देखें', 'Someone changed this entry meanwhile; open it again'),
    );
  return rec;
}

function requireReason(reason: string | null | undefined): string {
  const r = (reason ?? '').trim();
  if (r.length < 3)
    throw new DomainError('reason', bi('सुधार/निरस्तीकरण का कारण लिखना आवश्यक है', 'A reason for the correction or cancellation is required'), [
      { field: 'reason', code: 'required', severity: 'error', message: bi('कारण लिखें', 'Enter a reason') },
    ]);
  return limitedReason(r);
}

/** A reason as typed, refused when longer than REASON_MAX_LENGTH. */
function limitedReason(r: string): string {
  if (r.length <= REASON_MAX_LENGTH) return r;
  const message = bi(`कारण ${REASON_MAX_LENGTH} अक्षरों तक हो (${r.length} लिखे गए)`, `A reason can be at most ${REASON_MAX_LENGTH} characters (${r.length} typed)`);
  throw new DomainError('reason', message, [{ field: 'reason', code: 'length', severity: 'error', message }]);
}

/**
 * A correction: a new version with its reason; the earlier values stay in the history.
 * Also used for workflow steps (verification, status changes) through `kind`.
 */
export async function correctRecord(
  ctx: StationContext,
  claimed: Actor,
  def: RegisterDef,
  id: string,
  patch: RecordData,
  reason: string | null,
  opts: ChangeOptions = {},
): Promise<CreateResult> {
  const kind = opts.kind ?? 'correct';
  if (!(kind in CHANGE_PERMISSION)) throw new DomainError('forbidden', bi('यह बदलाव मान्य नहीं है', 'This kind of change is not allowed'));
  const permission = CHANGE_PERMISSION[kind];
  assertCan(claimed.role, permission);
  const why = kind === 'correct' ? requireReason(reason) : limitedReason((reason ?? '').trim()) || null;
  const { db } = ctx;
  let warnings: Issue[] = [];
  // A verification is a sensitive step: the verifier is read again from the users table.
  const sensitive = kind === 'verify';
  const record = await db.transaction('rw', sensitive ? [...tables(db, def.type), db.users] : tables(db, def.type), async () => {
    const actor = sensitive ? await trustedActor(ctx, claimed, permission) : claimed;
    const rec = await loadForChange(ctx, def, id, opts.expectedVersion);
    const { data, issues } = validate(ctx, def, { ...rec.data, ...patch });
    warnings = issues.filter((i) => i.severity === 'warning');
    const changes: FieldChange[] = diffData(rec.data, data);
    if (changes.length === 0)
      throw new DomainError('no-change', bi('कोई बदलाव नहीं किया गया', 'Nothing was changed'));
    assertOwnedFields(def, kind, rec.data, data, changes, why);
    const now = ctx.now();
    const at = now.toISOString();
    const mutationId = ulid(now.getTime());
    const version = rec.version + 1;
    const next: StoredRecord = {
      ...rec,
      data,
      ...derived(def, data),
      updatedAt: at,
      updatedBy: actor.userId,
      mutationId,
      version,
      history: [
        ...rec.history,
        { version, kind, at, by: actor.userId, byName: actor.name, initials: actor.initials, reason: why, changes, mutationId },
      ],
    };
    await db.registerTable(def.type).put(next);
    await markChanged(db, def.type, [next]);
    await writeSuspects(db, next, at);
    await applyTotals(db, contributions(def, rec), -1);
    await applyTotals(db, contributions(def, next), 1);
    const before = Object.fromEntries(changes.map((c) => [c.field, c.before]));
    const after = Object.fromEntries(changes.map((c) => [c.field, c.after]));
    await db.audit.add(
      auditRow(ctx, actor, kind === 'correct' ? 'correct' : kind === 'verify' ? 'verify' : 'status', {
        recordType: def.type,
        recordId: id,
        summary: `${rec.serial ?? ''} ${why ?? ''}`.trim(),
        before,
        after,
      }),
    );
    return next;
  });
  return { record, warnings };
}

/** Cancellation (निरस्त) replaces deletion: the entry stays, struck through, with its reason. */
export async function cancelRecord(ctx: StationContext, actor: Actor, def: RegisterDef, id: string, reason: string, expectedVersion?: number): Promise<StoredRecord> {
  assertCan(actor.role, 'record.cancel');
  const why = requireReason(reason);
  const { db } = ctx;
  return db.transaction('rw', tables(db, def.type), async () => {
    const rec = await loadForChange(ctx, def, id, expectedVersion);
    const now = ctx.now();
    const at = now.toISOString();
    const mutationId = ulid(now.getTime());
    const version = rec.version + 1;
    const next: StoredRecord = {
      ...rec,
      cancelled: { at, by: actor.userId, byName: actor.name, reason: why },
      updatedAt: at,
      updatedBy: actor.userId,
      mutationId,
      version,
      history: [
        ...rec.history,
        { version, kind: 'cancel', at, by: actor.userId, byName: actor.name, initials: actor.initials, reason: why, changes: [], mutationId },
      ],
    };
    await db.registerTable(def.type).put(next);
    await markChanged(db, def.type, [next]);
    await writeSuspects(db, next, at);
    await applyTotals(db, contributions(def, rec), -1);
    await db.audit.add(auditRow(ctx, actor, 'cancel', { recordType: def.type, recordId: id, summary: `${rec.serial ?? ''} ${why}`.trim() }));
    return next;
  });
}

export async function getRecord(ctx: StationContext, def: RegisterDef, id: string): Promise<StoredRecord | undefined> {
  return ctx.db.registerTable(def.type).get(id);
}

/** Views, prints and exports of registers with personal data are logged (DPDP s.8(5)). */
export async function logRead(
  ctx: StationContext,
  actor: Actor,
  def: RegisterDef,
  action: 'view' | 'print' | 'export',
  recordId: string | null,
  summary: string,
): Promise<void> {
  assertCan(actor.role, action === 'view' ? 'record.read' : 'register.export');
  if (!def.auditReads) return;
  await ctx.db.audit.add(auditRow(ctx, actor, action, { recordType: def.type, recordId, summary }));
}

export interface PageQuery {
  /** Keyset cursor: the last id of the previous page. */
  after?: string | null;
  limit: number;
  /** Newest first (default) or oldest first. */
  reverse?: boolean;
  /** Only entries whose search tokens start with this word. */
  search?: string;
  /** Only entries having this lookup key (e.g. 'mobile:98…'). */
  key?: string;
  /** Further filter applied while walking the index (keep it cheap). */
  filter?: (r: StoredRecord) => boolean;
}

export interface Page {
  rows: StoredRecord[];
  /** Cursor for the next page, null at the end. */
  next: string | null;
}

/** Above this many index matches a search word counts as common (see pageRecords). */
export const SPARSE_SEARCH_LIMIT = 1_000;

/**
 * Keyset paging on the primary key (ids are ULIDs, so id order is entry order). Cost does not
 * grow with depth, unlike offset(), which walks every skipped row.
 */
export async function pageRecords(ctx: StationContext, def: RegisterDef, q: PageQuery): Promise<Page> {
  const table = ctx.db.registerTable(def.type);
  const reverse = q.reverse ?? true;
  let coll;
  let wordFilter: ((r: StoredRecord) => boolean) | null = null;
  if (q.search) {
    const word = q.search.normalize('NFC').toLowerCase().trim();
    // Token prefix search through the multi-entry index. A rare word (few matches) is sorted by
    // id and paged from that list; a common word (a name thousands share) is dense, so walking
    // entries in id order and keeping matches finds a page after a few hundred rows, where
    // collecting and sorting every match would not.
    const ids = await table.where('tokens').startsWith(word).limit(SPARSE_SEARCH_LIMIT).primaryKeys();
    if (ids.length < SPARSE_SEARCH_LIMIT) {
      const unique = [...new Set(ids)].sort();
      if (reverse) unique.reverse();
      const start = q.after ? unique.findIndex((id) => (reverse ? id < q.after! : id > q.after!)) : 0;
      const slice: StoredRecord[] = [];
      let i = start < 0 ? unique.length : start;
      while (i < unique.length && slice.length < q.limit) {
        const chunk = await table.bulkGet(unique.slice(i, i + q.limit * 2));
        i += q.limit * 2;
        for (const r of chunk) if (r && (!q.filter || q.filter(r)) && slice.length < q.limit) slice.push(r);
      }
      return { rows: slice, next: slice.length === q.limit ? slice[slice.length - 1]!.id : null };
    }
    wordFilter = (r) => r.tokens.some((t) => t.startsWith(word));
  }
  if (q.key) {
    // Entries sharing one lookup key are few (duplicates, related complaints): the cursor filter is cheap.
    coll = table.where('keys').equals(q.key);
    const after = q.after;
    if (after) coll = coll.filter((r) => (reverse ? r.id < after : r.id > after));
  } else if (q.after) {
    coll = reverse ? table.where('id').below(q.after) : table.where('id').above(q.after);
  } else {
    coll = table.toCollection();
  }
  if (reverse) coll = coll.reverse();
  if (wordFilter) coll = coll.filter(wordFilter);
  if (q.filter) coll = coll.filter(q.filter);
  const rows = await coll.limit(q.limit).toArray();
  return { rows, next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

export async function findByKey(ctx: StationContext, def: RegisterDef, key: string): Promise<StoredRecord[]> {
  return ctx.db.registerTable(def.type).where('keys').equals(key).toArray();
}

export async function countRecords(ctx: StationContext, def: RegisterDef): Promise<number> {
  return ctx.db.registerTable(def.type).count();
}

export async function readTotals(ctx: StationContext, keys: string[]): Promise<Map<string, Record<string, number>>> {
  const rows = await ctx.db.totals.bulkGet(keys);
  return new Map(keys.map((k, i) => [k, rows[i]?.values ?? {}]));
}

export { Dexie };
