/**
 * Writing an import: the accepted rows of a plan (and the villages or other entries they need)
 * in ONE transaction, with serials, audit and totals: all of it or nothing.
 */
import { bi, DomainError } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import { registerOf } from '@/domain/registers';
import type { RegisterDef } from '@/domain/registers/types';
import { assertCan } from '@/domain/roles';
import type { RecordData } from '@/domain/validation';
import type { ExistingEntry, ImportPlan } from '@/import/plan';
import type { RefTarget, SoundMatch } from '@/import/refs';
import { placeAliases } from '@/domain/registers/place';
import type { StationContext } from './context';
import { auditRow, correctRecord, prepareNewRecords, writeNewRecords, type CreateResult, type PreparedRecord } from './repository';

/** Live (not cancelled) entries of the register that have any of these lookup keys. */
export async function existingKeys(
  ctx: StationContext,
  def: RegisterDef,
  keys: string[],
  label: (r: { serial: string | null; thana: string; data: Record<string, unknown> }) => string = (r) => r.serial ?? String(r.data.name ?? ''),
): Promise<Map<string, ExistingEntry>> {
  const out = new Map<string, ExistingEntry>();
  if (!keys.length) return out;
  const wanted = new Set(keys);
  const rows = await ctx.db.registerTable(def.type).where('keys').anyOf(keys).toArray();
  for (const r of rows) {
    if (r.cancelled) continue;
    for (const k of r.keys) if (wanted.has(k) && !out.has(k)) out.set(k, { id: r.id, label: label(r) });
  }
  return out;
}

/** Every live entry of a small register (teams, villages) for matching names in an import. */
export async function refTargets(ctx: StationContext, refType: string): Promise<RefTarget[]> {
  const rows = await ctx.db.registerTable(refType).toArray();
  return rows.filter((r) => !r.cancelled).map((r) => ({ id: r.id, data: r.data }));
}

export interface CommitOptions {
  fileName: string;
  /** Lookup-key prefixes that must stay unique, per register type. */
  unique?: Record<string, string[]>;
  /** Names matched across scripts that the writer confirmed: kept as the entries' other spellings. */
  aliases?: SoundMatch[];
}

export interface CommitResult {
  created: CreateResult[];
  /** New entries of other registers (e.g. villages marked isNew), by type. */
  added: Record<string, CreateResult[]>;
}

function substitute(data: RecordData, ids: Map<string, string>): RecordData {
  // A copy, then the few values replaced: the copy keeps the data a fast object (see validateRecord).
  const out: RecordData = { ...data };
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' && ids.has(v)) out[k] = ids.get(v);
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' && ids.has(x) ? ids.get(x) : x));
  }
  return out;
}

export async function commitImport(ctx: StationContext, actor: Actor, def: RegisterDef, plan: ImportPlan, opts: CommitOptions): Promise<CommitResult> {
  assertCan(actor.role, 'register.import');
  if (plan.type !== def.type) throw new Error(`Plan for ${plan.type} given to ${def.type}`);
  if (!plan.accepted.length)
    throw new DomainError('import.empty', bi('जोड़ने योग्य कोई पंक्ति नहीं है', 'There are no rows to add'));
  const { db } = ctx;
  const addedTypes = Object.keys(plan.added);
  const aliasTypes = (opts.aliases ?? []).map((a) => a.refType);
  const tables = [...new Set([def.type, ...addedTypes, ...aliasTypes])].map((t) => db.registerTable(t));
  // Validated and given their ids BEFORE the transaction, in chunks with yields between them:
  // a bad row refuses the lot before anything is written, and the window keeps painting.
  const ids = new Map<string, string>();
  const preparedAdded: Record<string, PreparedRecord[]> = {};
  for (const type of addedTypes) {
    const targets = plan.added[type]!;
    preparedAdded[type] = await prepareNewRecords(ctx, actor, registerOf(type), targets.map((t) => t.data));
    targets.forEach((t, i) => ids.set(t.id, preparedAdded[type]![i]!.id));
  }
  const inputs = plan.accepted.map((r) => (ids.size ? substitute(r.data, ids) : r.data));
  // The plan validated these rows with the register's rules under `plan.validatedUnder`: not
  // again unless the day or the settings changed since the writer saw the preview.
  const prepared = await prepareNewRecords(ctx, actor, def, inputs, { validatedUnder: plan.validatedUnder, warnings: plan.accepted.map((r) => r.warnings) });
  return db.transaction('rw', [...tables, db.syncStates, db.serials, db.audit, db.totals, db.suspect], async () => {
    const added: Record<string, CreateResult[]> = {};
    for (const type of addedTypes) added[type] = await writeNewRecords(ctx, actor, registerOf(type), preparedAdded[type]!, { unique: opts.unique?.[type] });
    await rememberAliases(ctx, actor, opts.aliases ?? []);
    // One audit row for the import (file, counts, serial and id ranges) rather than one per row:
    // each entry's own history still records who created it and when. The entries go in
    // pipelined chunks inside this one transaction: all of them or none.
    const created = await writeNewRecords(ctx, actor, def, prepared, { unique: opts.unique?.[def.type], audit: 'none' });
    const newOnes = addedTypes.map((t) => `${t}: ${added[t]!.length}`).join(', ');
    const first = created[0]!.record;
    const last = created[created.length - 1]!.record;
    const serials = first.serial ? `${first.serial}–${last.serial}` : '';
    await db.audit.add(
      auditRow(ctx, actor, 'import', {
        recordType: def.type,
        summary: `${opts.fileName}: ${created.length} जोड़े / added${serials ? ` (${serials})` : ''}, ${plan.rejected.length} अस्वीकृत / not added${newOnes ? `; ${newOnes}` : ''}`,
        after: {
          fileName: opts.fileName,
          added: created.length,
          rejected: plan.rejected.length,
          rows: plan.total,
          serials: serials || null,
          ids: { first: first.id, last: last.id },
          addedElsewhere: Object.fromEntries(addedTypes.map((t) => [t, added[t]!.map((c) => c.record.id)])),
        },
      }),
    );
    return { created, added };
  });
}

/** Each confirmed cross-script name becomes one more spelling of its entry (a correction, with its reason). */
async function rememberAliases(ctx: StationContext, actor: Actor, aliases: SoundMatch[]): Promise<void> {
  const byEntry = new Map<string, SoundMatch[]>();
  for (const a of aliases) byEntry.set(`${a.refType}\u0000${a.id}`, [...(byEntry.get(`${a.refType}\u0000${a.id}`) ?? []), a]);
  for (const list of byEntry.values()) {
    const { refType, id } = list[0]!;
    const def = registerOf(refType);
    const rec = await ctx.db.registerTable(refType).get(id);
    if (!rec) continue;
    const known = placeAliases(rec.data);
    const more = [...new Set(list.map((a) => a.text))].filter((t) => !known.includes(t));
    if (!more.length) continue;
    await correctRecord(ctx, actor, def, id, { aliases: [...known, ...more].join(', ') }, 'आयात में पुष्टि की गई दूसरी वर्तनी / other spelling confirmed in an import', {
      expectedVersion: rec.version,
    });
  }
}
