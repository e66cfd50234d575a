// The push outbox (renderer/src/db/sync-outbox.ts) read as the replicator reads it: the next batch
// collected while the previous one is still on its way, the hub's answers landed in bulk. The outbox
// reads each table from where the previous batch stopped (issue #13/#14, sync-push-50k); these tests
// hold it to "every entry goes, once", whatever the clock did, on the real registers.
import { describe, expect, it } from 'vitest';
import { countWaitingByKind } from '../../../renderer/src/db/sync-waiting';
import { applyPushResults, collectOutgoing, outboxSkip, type OutboxPosition, type Outgoing } from '../../../renderer/src/db/sync-outbox';
import type { ApplyContext } from '../../../renderer/src/db/sync-land';
import { REGISTER_TABLES, type StationDb } from '../../../renderer/src/db/schema';
import { correctMitan } from '../../../renderer/src/db/roster';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import type { SyncedRecord } from '../../../renderer/src/domain/records';
import { attachSync, putSynced, stateRange } from '../../../renderer/src/db/sync-state';
import { ulid } from '../../../renderer/src/domain/ulid';
import { MAX_DOC_BYTES } from '../../../renderer/src/sync/vdu';
import { makeCtx, NOW, seedThana, writer } from '../dashboard/fixtures';

function applyCtx(): ApplyContext {
  return { thana: 'BSPKOTA', mode: 'station', defs: (t) => REGISTERS[t], now: () => NOW, newId: () => ulid() };
}

/** Every dirty row (register tables, audit, suspect) by id. */
async function dirtyIds(db: StationDb): Promise<string[]> {
  const ids: string[] = [];
  for (const t of REGISTER_TABLES) ids.push(...(await stateRange(db, t).primaryKeys()));
  for (const t of ['audit', 'suspect']) {
    const rows = (await db.table(t).toArray()) as { id: string; syncState: string }[];
    ids.push(...rows.filter((r) => r.syncState === 'dirty').map((r) => r.id));
  }
  return ids.sort();
}

/**
 * The replicator's push loop without a hub: the next batch is collected while the previous one is
 * "on its way" (skipped), then the previous one is accepted with a new revision. `during(n, batch)`
 * runs while batch n is on its way, before its answer is landed.
 */
async function pushAll(db: StationDb, batch: number, during?: (n: number, items: Outgoing[]) => Promise<void>) {
  const ctx = applyCtx();
  const skip = new Set<string>();
  const sending = new Set<string>();
  const skipping = outboxSkip(skip, sending);
  const positions = new Map<string, OutboxPosition>();
  const sent: string[][] = [];
  const results: { synced: number; stillDirty: number }[] = [];
  let inflight: Outgoing[] | null = null;
  for (let round = 0; round < 500; round++) {
    const items = await collectOutgoing(db, ctx, { limit: batch, maxBytes: 1_000_000, skip: skipping, maxDocBytes: MAX_DOC_BYTES, positions, idle: !inflight });
    for (const i of items) sending.add(i.id);
    if (items.length) sent.push(items.map((i) => i.id));
    if (inflight) {
      const n: number = sent.length - (items.length ? 2 : 1);
      await during?.(n, inflight);
      results.push(await applyPushResults(db, inflight.map((out) => ({ out, rev: `2-rev${n}` })), [], ctx));
      for (const i of inflight) sending.delete(i.id);
    }
    if (!items.length && !inflight) return { sent, results };
    inflight = items.length ? items : null;
  }
  throw new Error('the push did not end');
}

describe('push outbox', () => {
  /**
   * Copies of a seeded Mitan: `n` entries, `step` ms apart from `start`, each with its state row
   * (`state`). The outbox does not validate, so copies with new ids do.
   */
  async function copies(db: StationDb, start: number, n: number, state: 'dirty' | 'synced', tag: string, step = 1000): Promise<SyncedRecord[]> {
    const base = (await db.mitan.toArray())[0]!;
    const recs: SyncedRecord[] = Array.from({ length: n }, (_, i) => {
      const at = new Date(start + i * step).toISOString();
      return { ...base, id: `BSPKOTA:mitan:${tag}${String(i).padStart(6, '0')}`, data: { ...base.data, name: `${tag} ${i}` }, updatedAt: at, mutationId: ulid(), _rev: state === 'synced' ? '1-x' : null, syncState: state };
    });
    await db.transaction('rw', db.mitan, db.syncStates, () => putSynced(db, 'mitan', recs));
    return recs;
  }

  it('batches of a run of waiting entries are read as one time range, and each document is the entry as it is now', async () => {
    const station = makeCtx();
    await station.db.open();
    await seedThana(station);
    const run = await copies(station.db, NOW.getTime() + 60_000, 90, 'dirty', 'R');
    // Entries whose state row does not carry their time (the range misses them): read by id.
    const odd = run.slice(40, 43).map((r) => r.id);
    for (const id of odd) await station.db.syncStates.update(id, { at: '2020-01-01T00:00:00.000Z' });
    const sentDocs = new Map<string, unknown>();
    const { sent } = await pushAll(station.db, 20, async (_n, items) => {
      for (const i of items) sentDocs.set(i.id, i.doc.data);
    });
    const ids = sent.flat();
    expect(run.filter((r) => ids.filter((id) => id === r.id).length !== 1).map((r) => r.id)).toEqual([]);
    // The last batch is landed without a `during`: its documents are the ones collected last.
    for (const r of run) if (sentDocs.has(r.id)) expect((sentDocs.get(r.id) as { name: string }).name).toBe(r.data.name);
    expect(sentDocs.size).toBeGreaterThan(60);
    expect((await countWaitingByKind(station.db, '')).entries).toBe(0);
  });

  it('waiting entries scattered among synced ones of the same times still go, each once', async () => {
    const station = makeCtx();
    await station.db.open();
    await seedThana(station);
    const t0 = NOW.getTime() + 60_000;
    // Synced entries every second; waiting ones in between them, every fifth second.
    await copies(station.db, t0, 400, 'synced', 'S');
    const waiting = await copies(station.db, t0 + 500, 80, 'dirty', 'W', 5000);
    const { sent } = await pushAll(station.db, 25);
    const ids = sent.flat();
    for (const w of waiting) expect(ids.filter((id) => id === w.id)).toHaveLength(1);
    expect(ids.filter((id) => id.includes(':mitan:S'))).toHaveLength(0);
    expect((await countWaitingByKind(station.db, '')).entries).toBe(0);
  });

  it('an entry saved during the push in a register the outbox has already emptied still goes in the same push', async () => {
    let t = NOW.getTime();
    const station = makeCtx({}, () => new Date((t += 1000)));
    await station.db.open();
    await seedThana(station);
    const outreach = new Set((await station.db.outreach.toArray()).map((o) => o.id));
    const late = `BSPKOTA:outreach:LATE${'0'.repeat(22)}`;
    const gone = new Set<string>();
    let savedAt = -1;
    const { sent } = await pushAll(station.db, 6, async (n, items) => {
      for (const i of items) gone.add(i.id);
      // Every outreach entry has gone; audit rows are still to go.
      if (savedAt >= 0 || [...outreach].some((id) => !gone.has(id))) return;
      savedAt = n;
      const base = (await station.db.outreach.toArray())[0]!;
      const entry: SyncedRecord = { ...base, id: late, updatedAt: new Date((t += 1000)).toISOString(), mutationId: ulid(), _rev: null, syncState: 'dirty' };
      await station.db.transaction('rw', station.db.outreach, station.db.syncStates, () => putSynced(station.db, 'outreach', [entry]));
    });
    expect(savedAt).toBeGreaterThan(0);
    // Batches went after it was saved (the push was not over), and the entry went once.
    expect(sent.length).toBeGreaterThan(savedAt + 2);
    expect(sent.flat().filter((id) => id === late)).toHaveLength(1);
    expect((await countWaitingByKind(station.db, '')).entries).toBe(0);
  });

  it('sends every waiting entry exactly once when they all share one time (entries made by one import), the previous batch still on its way', async () => {
    const station = makeCtx(); // a fixed clock: every entry and audit row has the same time
    await station.db.open();
    await seedThana(station);
    const waiting = (await dirtyIds(station.db)).filter((id) => !id.includes(':settings:'));
    expect(waiting.length).toBeGreaterThan(30);
    const { sent } = await pushAll(station.db, 4);
    const ids = sent.flat().filter((id) => waiting.includes(id));
    expect(ids.sort()).toEqual(waiting);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await countWaitingByKind(station.db, '')).entries).toBe(0);
    const m = (await attachSync(station.db, await station.db.mitan.toArray()))[0]!;
    expect(m.syncState).toBe('synced');
    expect(m._rev).toMatch(/^2-rev\d+$/);
  });

  it('an entry made dirty behind the point the outbox has reached (a merge keeps the hub time) still goes in the same push', async () => {
    let t = NOW.getTime();
    const station = makeCtx({}, () => new Date((t += 1000))); // every write a second later
    await station.db.open();
    await seedThana(station);
    let early: SyncedRecord | undefined;
    const { sent } = await pushAll(station.db, 3, async (_n, items) => {
      if (early || !items.some((i) => i.table === 'mitan')) return;
      // Mitans are on their way, so the outbox has passed the ones already synced: the earliest of
      // those becomes dirty again with its old time.
      const done = ((await attachSync(station.db, await station.db.mitan.toArray())) as SyncedRecord[]).filter((r) => r.syncState === 'synced');
      early = done.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0];
      const again = early && { ...early, version: early.version + 1, mutationId: ulid(), syncState: 'dirty' as const };
      if (again) await station.db.transaction('rw', station.db.mitan, station.db.syncStates, () => putSynced(station.db, 'mitan', [again]));
    });
    expect(early).toBeDefined();
    const times = sent.flat().filter((id) => id === early!.id).length;
    expect(times).toBe(2);
    expect((await countWaitingByKind(station.db, '')).entries).toBe(0);
  });

  it('an entry corrected while its batch was on its way stays dirty on the revision the hub gave and goes again; notes of accepted entries are cleared', async () => {
    let t = NOW.getTime();
    const station = makeCtx({}, () => new Date((t += 1000)));
    await station.db.open();
    await seedThana(station);
    let corrected = '';
    let cleared = '';
    const { sent, results } = await pushAll(station.db, 5, async (_n, items) => {
      if (corrected) return;
      const mitans = items.filter((i) => i.table === 'mitan');
      if (mitans.length < 2) return;
      corrected = mitans[0]!.id;
      cleared = mitans[1]!.id;
      await correctMitan(station, writer, corrected, { age: 31 }, 'आयु सुधारी गई');
      // Notes that an accepted entry no longer needs: a merge shadow, a refusal, a hub-deletion note.
      await station.db.shadows.put({ id: cleared, rev: '1-old', body: {} });
      await station.db.syncRejects.put({ id: cleared, table: 'mitan', at: NOW.toISOString(), error: 'forbidden', reason: 'x', body: {} });
      await station.db.syncConflicts.put({ id: `deleted:${cleared}`, recordId: cleared, table: 'mitan', at: NOW.toISOString(), kind: 'hub-deleted', fields: [] });
    });
    expect(corrected).not.toBe('');
    expect(results.some((r) => r.stillDirty === 1)).toBe(true);
    // Sent twice: the version on its way, then the correction, based on the revision the hub gave.
    const batches = sent.filter((b) => b.includes(corrected));
    expect(batches).toHaveLength(2);
    const row = (await attachSync(station.db, [await station.db.mitan.get(corrected)]))[0]!;
    expect(row.data.age).toBe(31);
    expect(row.syncState).toBe('synced');
    expect(await station.db.shadows.get(cleared)).toBeUndefined();
    expect(await station.db.syncRejects.get(cleared)).toBeUndefined();
    expect(await station.db.syncConflicts.get(`deleted:${cleared}`)).toBeUndefined();
    expect((await countWaitingByKind(station.db, '')).entries).toBe(0);
  });
});
