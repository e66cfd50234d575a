/**
 * The end state every case on the REAL registers must reach: the same content at the same `_rev`
 * on every PC and the hub, and totals on every PC equal to a recount from the records through the
 * register definitions. The PCs themselves are in real-pc.ts.
 */
import { expect } from 'vitest';
import { contributions } from '../../renderer/src/db/repository';
import { REGISTER_TABLES } from '../../renderer/src/db/schema';
import type { StoredRecord } from '../../renderer/src/domain/records';
import { REGISTERS } from '../../renderer/src/domain/registers';
import { admin, hubUrl, type ThanaSetup } from './helpers';
import { RealPc } from './real-pc';

RealPc.hubUrl = hubUrl;
export { RealPc };

/** The hub's register documents (every register), as admin. */
export async function hubRecords(db: string): Promise<Map<string, Record<string, unknown>>> {
  const r = await admin<{ rows: { id: string; doc: Record<string, unknown> }[] }>('GET', `${db}/_all_docs?include_docs=true&conflicts=true`);
  const re = new RegExp(`^[A-Z0-9]+:(${REGISTER_TABLES.join('|')}):`);
  return new Map(r.body.rows.filter((x) => re.test(x.id)).map((x) => [x.id, x.doc]));
}

function comparable(r: Record<string, unknown>) {
  return {
    id: (r.id ?? r._id) as string,
    data: r.data,
    cancelled: r.cancelled ?? null,
    version: r.version,
    mutationId: r.mutationId,
    history: r.history,
    serial: r.serial ?? null,
  };
}

/** Totals recounted from the records through the register definitions. */
function recount(rows: StoredRecord[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const def = REGISTERS[r.type];
    if (!def) continue;
    for (const c of contributions(def, r)) {
      const row = out.get(c.key) ?? {};
      for (const [k, v] of Object.entries(c.values)) row[k] = (row[k] ?? 0) + v;
      out.set(c.key, row);
    }
  }
  return out;
}

function nonZero(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== 0));
}

/**
 * The same content (data, cancellation, serial, the whole history) at the same `_rev` on every PC
 * and the hub, nothing left to send, no unfolded conflict leaves, and every PC's running totals
 * equal to a recount from its records.
 */
export async function expectRealConverged(pcs: RealPc[], setup: ThanaSetup): Promise<Map<string, Record<string, unknown>>> {
  const hub = await hubRecords(setup.db);
  for (const d of hub.values()) {
    const folded = (d.foldedRevs as string[] | undefined) ?? [];
    expect(((d._conflicts as string[] | undefined) ?? []).filter((r) => !folded.includes(r)), `unfolded leaves on ${String(d._id)}`).toEqual([]);
  }
  const want = [...hub.values()].map(comparable).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const pc of pcs) {
    const rows = await pc.all();
    expect(rows.filter((r) => r.syncState !== 'synced').map((r) => `${r.id}:${r.syncState}`), `${pc.name} has unsynced rows`).toEqual([]);
    expect(rows.map((r) => comparable(r as unknown as Record<string, unknown>)), `${pc.name} differs from the hub`).toEqual(want);
    for (const r of rows) expect(r._rev, `${pc.name} ${r.id} rev`).toBe(hub.get(r.id)!._rev);
    const expected = recount(rows);
    const stored = await pc.db.totals.toArray();
    const keys = new Set([...expected.keys(), ...stored.map((s) => s.key)]);
    for (const k of keys) {
      const have = nonZero(stored.find((s) => s.key === k)?.values ?? {});
      expect(have, `${pc.name} totals ${k}`).toEqual(nonZero(expected.get(k) ?? {}));
    }
  }
  return hub;
}

/** Every value any PC ever held in any history, per record: what must stay readable. */
export function valuesIn(rec: StoredRecord, field: string): unknown[] {
  return [rec.data[field], ...rec.history.flatMap((h) => h.changes.filter((c) => c.field === field).flatMap((c) => [c.before, c.after]))];
}
