// The push outbox (renderer/src/db/sync-outbox.ts) read as the replicator reads it: the next batch
// collected while the previous one is still on its way, the hub's answers landed in bulk. The outbox
// reads each table from where the previous batch stopped (issue #13/#14, sync-push-50k); these tests
// hold it to "every entry goes, once", whatever the clock did, on the real registers.
import { describe, expect, it } from 'vitest';
import { countWaitingByKind } from '../../../renderer/src/db/sync-waiting';
import { applyPushResults, collectOutgoing, outboxSkip, startStatesToken, type OutboxPosition, type Outgoing } from '../../../renderer/src/db/sync-outbox';
import type { ApplyContext } from '../../../renderer/src/db/sync-land';
import { REGISTER_TABLES, StationDb } from '../../../renderer/src/db/schema';
import { correctMitan } from '../../../renderer/src/db/roster';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import type { SyncedRecord } from '../../../renderer/src/domain/records';
import { attachSync, putSynced, quietStatesWrites, readStatesToken, stateRange } from '../../../renderer/src/db/sync-state';
import type { DBCore, DBCoreQueryRequest } from 'dexie';
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
 * runs while batch n is on its way, before its answer is landed. `onIdle` runs before each read
 * made with nothing on its way (the one that ends the push is the last).
 */
async function pushAll(db: StationDb, batch: number, during?: (n: number, items: Outgoing[]) => Promise<void>, onIdle?: () => void) {
  const ctx = applyCtx();
  const skip = new Set<string>();
  const sending = new Set<string>();
  const skipping = outboxSkip(skip, sending);
  const positions = new Map<string, OutboxPosition>();
  const sent: string[][] = [];
  const results: { synced: number; stillDirty: number }[] = [];
  let inflight: Outgoing[] | null = null;
  const startToken = await startStatesToken(db);
  for (let round = 0; round < 500; round++) {
    if (!inflight) onIdle?.();
    const items = await collectOutgoing(db, ctx, { limit: batch, maxBytes: 1_000_000, skip: skipping, maxDocBytes: MAX_DOC_BYTES, positions, idle: !inflight, startToken });
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

/** Counts the `syncStates` rows read by queries (ranges, `getAll`), not by key, while `on`. */
function stateReads() {
  const counts = { on: false, queries: 0, rows: 0 };
  const middleware = {
    stack: 'dbcore' as const,
    name: 'countStateReads',
    create(down: DBCore) {
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          if (name !== 'syncStates') return table;
          return {
            ...table,
            query(req: DBCoreQueryRequest) {
              return table.query(req).then((res) => {
                if (counts.on) {
                  counts.queries++;
                  counts.rows += res.result.length;
                }
                return res;
              });
            },
          };
        },
      };
    },
  };
  return { counts, middleware };
}

/** A seeded station whose `syncStates` queries are counted (`reads.counts`). */
async function countedStation() {
  const station = makeCtx();
  const reads = stateReads();
  station.db.use(reads.middleware);
  await station.db.open();
  await seedThana(station);
  return { db: station.db, reads };
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

  it('the write token changes with every write of a state row, from this tab or another, and not with a landing or a transaction that failed', async () => {
    const station = makeCtx();
    await station.db.open();
    await seedThana(station);
    const db = station.db;
    const [entry] = await copies(db, NOW.getTime() + 60_000, 1, 'dirty', 'T');
    const seen = [await readStatesToken(db)];
    const changed = async () => {
      const now = await readStatesToken(db);
      const fresh = !seen.includes(now);
      seen.push(now);
      return fresh;
    };
    expect(seen[0]).not.toBe('');
    await db.syncStates.update(entry!.id, { state: 'conflict' });
    expect(await changed()).toBe(true);
    await db.syncStates.delete(entry!.id);
    expect(await changed()).toBe(true);
    await db.transaction('rw', db.mitan, db.syncStates, () => putSynced(db, 'mitan', [entry!]));
    expect(await changed()).toBe(true);
    // A transaction that failed wrote nothing, the token included.
    await expect(
      db.transaction('rw', db.syncStates, async () => {
        await db.syncStates.update(entry!.id, { state: 'rejected' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await changed()).toBe(false);
    // A landing's own writes leave it as it is.
    await db.transaction('rw', db.syncStates, async () => {
      quietStatesWrites();
      await db.syncStates.update(entry!.id, { state: 'synced', rev: '1-a' });
    });
    expect(await changed()).toBe(false);
    expect((await db.syncStates.get(entry!.id))?.rev).toBe('1-a');
    // Another tab or window: another connection to the same database.
    const other = new StationDb(db.name);
    await other.open();
    await other.syncStates.update(entry!.id, { state: 'dirty' });
    other.close();
    expect(await changed()).toBe(true);
    // The token row is in no state range.
    expect(await stateRange(db, 'mitan', 'dirty').primaryKeys()).toContain(entry!.id);
    expect((await stateRange(db, 'mitan', 'dirty').primaryKeys()).some((id) => id.startsWith('~'))).toBe(false);
  });

  it('a batch nobody wrote to while it was away is landed without reading its state rows back; an entry changed in another tab meanwhile is read back and stays dirty', async () => {
    const { db, reads } = await countedStation();
    await copies(db, NOW.getTime() + 60_000, 30, 'dirty', 'B');
    const ctx = applyCtx();
    const positions = new Map<string, OutboxPosition>();
    const skip = new Set<string>();
    const startToken = await startStatesToken(db);
    const next = () => collectOutgoing(db, ctx, { limit: 10, maxBytes: 1_000_000, skip: outboxSkip(skip, new Set()), maxDocBytes: MAX_DOC_BYTES, positions, startToken });
    const land = async (items: Outgoing[]) => {
      reads.counts.on = true;
      reads.counts.rows = 0;
      const r = await applyPushResults(db, items.map((out) => ({ out, rev: '2-landed' })), [], ctx);
      reads.counts.on = false;
      for (const i of items) skip.add(i.id);
      return { ...r, rowsRead: reads.counts.rows };
    };
    let first = await next();
    // The thana's settings and seeded entries go first; then the copies, all Mitans.
    while (!first.some((i) => i.id.includes(':mitan:B'))) {
      await land(first);
      first = await next();
    }
    const quiet = await land(first);
    expect(quiet).toEqual({ synced: first.length, stillDirty: 0, rowsRead: 0 });
    const batch = await next();
    const touched = batch.find((i) => i.id.includes(':mitan:B'))!;
    const other = new StationDb(db.name);
    await other.open();
    const rec = (await attachSync(other, [await other.mitan.get(touched.id)]))[0]!;
    await other.transaction('rw', other.mitan, other.syncStates, () => putSynced(other, 'mitan', [{ ...rec, data: { ...rec.data, name: 'दूसरे टैब में सुधारा' }, version: rec.version + 1, mutationId: ulid() }]));
    other.close();
    const checked = await land(batch);
    expect(checked.rowsRead).toBeGreaterThan(0);
    expect(checked.stillDirty).toBe(1);
    const state = await db.syncStates.get(touched.id);
    expect(state).toMatchObject({ state: 'dirty', rev: '2-landed' });
  });

  it('the read that ends a push reads the registers again only if a state row was written during the push', async () => {
    for (const writeDuring of [false, true]) {
      const { db, reads } = await countedStation();
      await copies(db, NOW.getTime() + 60_000, 12, 'dirty', 'E');
      const synced = await copies(db, NOW.getTime() - 3_600_000, 1, 'synced', 'O');
      let wrote = false;
      const { sent } = await pushAll(
        db,
        5,
        async () => {
          if (!writeDuring || wrote) return;
          wrote = true;
          // A write that makes nothing dirty (a synced entry marked for attention and back) still counts.
          await db.syncStates.update(synced[0]!.id, { state: 'conflict' });
          await db.syncStates.update(synced[0]!.id, { state: 'synced' });
        },
        () => {
          reads.counts.on = true;
          reads.counts.queries = 0;
        },
      );
      expect(sent.flat().filter((id) => id.includes(':mitan:E'))).toHaveLength(12);
      // Counted since the last read with nothing on its way: the one that ended the push.
      if (writeDuring) expect(reads.counts.queries).toBeGreaterThanOrEqual(REGISTER_TABLES.length);
      else expect(reads.counts.queries).toBe(0);
      expect((await countWaitingByKind(db, '')).entries).toBe(0);
    }
  });
});
