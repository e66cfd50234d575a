/**
 * Schema v8 moved each register entry's sync state (`_rev`, `syncState`) out of the entry into the
 * `syncStates` table; v9 reads it through `queue`, which only the rows that wait have. A PC that
 * upgrades with work not yet sent must lose nothing: its dirty entries (new ones, and corrections of
 * entries the hub already has, based on the hub's revision) go with its next sync, through
 * pouchdb-server, and both PCs and the hub end the same.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, REGISTER_TABLES, StationDb } from '../../renderer/src/db/schema';
import { attachSync } from '../../renderer/src/db/sync-state';
import { countWaitingByKind } from '../../renderer/src/db/sync-waiting';
import { allVersions, expectConverged, StationPc, thanaSuite } from './helpers';


/** Rewrites `from` into a new database as schema v7 stored it: entries carrying their own state. */
async function asV7(from: StationDb, name: string): Promise<void> {
  const old = new Dexie(name);
  for (const [v, schema] of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].entries()) old.version(v + 1).stores(schema);
  await old.open();
  for (const t of from.tables) {
    if (t.name === 'syncStates') continue;
    const rows = await t.toArray();
    const v7 = (REGISTER_TABLES as readonly string[]).includes(t.name) ? await attachSync(from, rows) : rows;
    await old.table(t.name).bulkPut(v7);
  }
  old.close();
}

/** Rewrites `from` into a new database as schema v8 stored it: state rows without `queue`. */
async function asV8(from: StationDb, name: string): Promise<void> {
  const old = new Dexie(name);
  for (const [v, schema] of [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8].entries()) old.version(v + 1).stores(schema);
  await old.open();
  for (const t of from.tables) {
    const rows = (await t.toArray()) as Record<string, unknown>[];
    await old.table(t.name).bulkPut(t.name === 'syncStates' ? rows.map(({ queue: _q, ...row }) => row) : rows);
  }
  old.close();
}

describe.each([
  ['v7', asV7],
  ['v8', asV8],
])('upgrading from schema %s with unsent work', (_from, rewrite) => {
  const suite = thanaSuite('U');
  it('sends the dirty entries after the upgrade, each on the revision it was based on', async () => {
    const a = await suite.pc('a', 0);
    const b = await suite.pc('b', 1, 'B-');
    const sent = await a.create({ title: 'भेजी गई', people: 3 });
    await a.sync();
    // Offline work: a new entry and a correction of one the hub already has.
    const fresh = await a.create({ title: 'नई', people: 5 });
    await a.correct(sent.id, { people: 4 });
    const waiting = (await countWaitingByKind(a.db, '')).entries;
    expect(waiting).toBeGreaterThanOrEqual(2);

    // The same PC as an older version stored it, opened by this version (the upgrades run).
    const name = `${a.db.name}-${_from}`;
    await rewrite(a.db, name);
    const upgraded = new StationDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(9);
    const pc = new StationPc(upgraded, a.o);
    try {
      expect((await countWaitingByKind(upgraded, '')).entries).toBe(waiting);
      const states = await upgraded.syncStates.bulkGet([sent.id, fresh.id]);
      expect(states[0]).toMatchObject({ state: 'dirty', rev: expect.stringMatching(/^1-/) });
      expect(states[1]).toMatchObject({ state: 'dirty', rev: null });

      const report = await pc.sync();
      expect(report.pushed).toBeGreaterThanOrEqual(2);
      expect(report.merged).toBe(0);
      expect((await countWaitingByKind(upgraded, '')).entries).toBe(0);
      await b.sync();
      const rows = await expectConverged([pc, b], suite.setup, { versions: await allVersions([pc, b]) });
      expect(rows.find((r) => r.id === sent.id)!.data.people).toBe(4);
      expect(rows.find((r) => r.id === fresh.id)).toBeDefined();
      // The correction went as version 2 of the hub's document, not as a conflict.
      expect((await pc.get(sent.id))!._rev).toMatch(/^2-/);
    } finally {
      upgraded.close();
      await Dexie.delete(name);
    }
  });
});
