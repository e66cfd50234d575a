/** The merge rules as pure functions: deterministic, clock-free, nothing lost. */
import { describe, expect, it } from 'vitest';
import type { SyncedRecord, VersionEntry } from '../../renderer/src/domain/records';
import { baseData, foldLeaves, mergeRecords, mergeValues, rankPolicy, registerMergePolicy, relate } from '../../renderer/src/sync/merge';
import { sinceParam } from '../../renderer/src/sync/replicator';
import { backoffDelay, normalizeHubUrl } from '../../renderer/src/sync/http';
import { classify, stableStringify } from '../../renderer/src/sync/doc';

function entry(version: number, mutationId: string, changes: VersionEntry['changes'] = [], kind: VersionEntry['kind'] = 'correct'): VersionEntry {
  return { version, kind, at: '2026-01-01T00:00:00.000Z', by: 'u', byName: 'U', initials: 'U', reason: 'r', changes, mutationId };
}

function rec(data: Record<string, unknown>, history: VersionEntry[]): SyncedRecord {
  const last = history[history.length - 1]!;
  return {
    id: 'KOTA:mitan:01J',
    thana: 'KOTA',
    type: 'mitan',
    schemaVersion: 1,
    serial: null,
    serialYear: null,
    serialNo: null,
    data,
    tokens: [],
    keys: [],
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
    mutationId: last.mutationId,
    version: last.version,
    history,
    cancelled: null,
    late: false,
    _rev: null,
    syncState: 'synced',
  };
}

const c1 = entry(1, 'M1', [], 'create');
const base = rec({ a: 1, b: 1, c: 1 }, [c1]);
const local = rec({ a: 2, b: 1, c: 5 }, [c1, entry(2, 'L2', [{ field: 'a', before: 1, after: 2 }]), entry(3, 'L3', [{ field: 'c', before: 1, after: 5 }])]);
const server = rec({ a: 1, b: 3, c: 7 }, [c1, entry(2, 'S2', [{ field: 'b', before: 1, after: 3 }, { field: 'c', before: 1, after: 7 }])]);

describe('merge', () => {
  it('relates versions by their histories, never by time', () => {
    expect(relate(local, local)).toBe('same');
    expect(relate(local, base)).toBe('local-ahead');
    expect(relate(base, local)).toBe('server-ahead');
    expect(relate(local, server)).toBe('diverged');
  });

  it('finds the common ancestor by undoing local-only corrections', () => {
    expect(baseData(local, server)).toEqual({ a: 1, b: 1, c: 1 });
    expect(baseData(local, rec({ x: 1 }, [entry(1, 'OTHER')]))).toEqual({});
  });

  it('takes one-sided changes, keeps the hub’s value on a clash, and records the losing value', () => {
    const { record, fields } = mergeRecords({ local, server, now: new Date('2030-01-01T00:00:00Z'), mutationId: 'MERGE' });
    expect(record.data).toEqual({ a: 2, b: 3, c: 7 });
    expect(fields).toEqual([{ field: 'c', local: 5, server: 7, kept: 'server' }]);
    // The hub's history stays a prefix; this PC's versions follow, renumbered: numbers strictly increase.
    expect(record.history.map((h) => h.mutationId)).toEqual(['M1', 'S2', 'L2', 'L3', 'MERGE']);
    expect(record.history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5]);
    const m = record.history.at(-1)!;
    expect(m).toMatchObject({ kind: 'merge', version: 5, changes: [{ field: 'c', before: 5, after: 7 }] });
    expect(record).toMatchObject({ version: 5, mutationId: 'MERGE', syncState: 'dirty' });
  });

  it('adds no merge version when nothing clashed', () => {
    const loc = rec({ a: 2, b: 1, c: 1 }, [c1, entry(2, 'L2', [{ field: 'a', before: 1, after: 2 }])]);
    const srv = rec({ a: 1, b: 3, c: 1 }, [c1, entry(2, 'S2', [{ field: 'b', before: 1, after: 3 }])]);
    const { record, fields } = mergeRecords({ local: loc, server: srv, now: new Date(), mutationId: 'UNUSED' });
    expect(fields).toEqual([]);
    expect(record.data).toEqual({ a: 2, b: 3, c: 1 });
    expect(record.history.map((h) => [h.mutationId, h.version])).toEqual([['M1', 1], ['S2', 2], ['L2', 3]]);
    expect(record.history.some((h) => h.kind === 'merge')).toBe(false);
  });

  it('is deterministic: the same inputs give the same data on any PC and any clock', () => {
    const a = mergeRecords({ local, server, now: new Date('2001-01-01'), mutationId: 'X' });
    const b = mergeRecords({ local: structuredClone(local), server: structuredClone(server), now: new Date('2099-01-01'), mutationId: 'X' });
    expect(stableStringify({ ...a.record, updatedAt: 0, history: a.record.history.map((h) => ({ ...h, at: 0 })) })).toBe(
      stableStringify({ ...b.record, updatedAt: 0, history: b.record.history.map((h) => ({ ...h, at: 0 })) }),
    );
  });

  it('per-field policies can rank values (e.g. a status that only moves forward)', () => {
    registerMergePolicy('mitan', 'c', rankPolicy([1, 5, 7, 9]));
    const loc = rec({ a: 1, b: 1, c: 9 }, [c1, entry(2, 'L9', [{ field: 'c', before: 1, after: 9 }])]);
    const { record, fields } = mergeRecords({ local: loc, server, now: new Date(), mutationId: 'P' });
    expect(record.data.c).toBe(9);
    expect(fields[0]).toMatchObject({ field: 'c', kept: 'local' });
    registerMergePolicy('mitan', 'c', () => 'server');
  });

  it('keeps unknown fields from either side', () => {
    const { value } = mergeValues({ a: 1 }, { a: 1, mine: 'x' }, { a: 1, theirs: 'y' });
    expect(value).toEqual({ a: 1, mine: 'x', theirs: 'y' });
  });

  it('folds hub conflict leaves to the same values whichever leaf CouchDB picked as winner', () => {
    const leaves = [{ rev: '3-aaa', record: local }, { rev: '2-bbb', record: server }];
    const x = foldLeaves(leaves, '3-aaa', undefined, '2026-01-01');
    const y = foldLeaves([...leaves].reverse(), '2-bbb', undefined, '2026-01-01');
    expect(x.record.data).toEqual(y.record.data);
    expect(x.fields).toEqual(y.fields);
    expect(x.merged).toBe(true);
    // Written on top of the winner: its history is the prefix; every version of every leaf is kept once.
    expect(x.record.history.slice(0, 3).map((h) => h.mutationId)).toEqual(['M1', 'L2', 'L3']);
    expect(y.record.history.slice(0, 2).map((h) => h.mutationId)).toEqual(['M1', 'S2']);
    for (const r of [x.record, y.record]) {
      expect(new Set(r.history.map((h) => h.mutationId))).toEqual(new Set(['M1', 'L2', 'L3', 'S2', r.mutationId]));
      expect(r.history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('folds leaves that carry the same mutationId but differ: both values stay readable', () => {
    const a = rec({ a: 1, b: 'x' }, [c1]);
    const b = rec({ a: 1, b: 'y' }, [c1]);
    const r = foldLeaves([{ rev: '2-aaa', record: a }, { rev: '2-bbb', record: b }], '2-bbb', undefined, '2026-01-01');
    const values = r.record.history.flatMap((h) => h.changes.flatMap((c) => [c.before, c.after]));
    expect([r.record.data.b, ...values]).toEqual(expect.arrayContaining(['x', 'y']));
    expect(r.record.history.some((h) => h.kind === 'hub')).toBe(true);
  });
});

describe('protocol details', () => {
  it('sends a checkpoint back exactly as received', () => {
    expect(sinceParam('12-g1AAAA+/=')).toBe('12-g1AAAA+/=');
    expect(sinceParam(0)).toBe('0');
    expect(sinceParam(35)).toBe('35');
    expect(sinceParam(['a', 1])).toBe('["a",1]');
  });

  it('backs off with jitter within [d/2, d], capped', () => {
    const p = { baseMs: 500, capMs: 60_000 };
    expect(backoffDelay(0, p, () => 0)).toBe(250);
    expect(backoffDelay(0, p, () => 1)).toBe(500);
    expect(backoffDelay(3, p, () => 1)).toBe(4_000);
    expect(backoffDelay(50, p, () => 1)).toBe(60_000);
  });

  it('accepts https hubs and plain http only on this computer, never with credentials in the URL', () => {
    expect(normalizeHubUrl('https://user:pw@hub.example:6984/')).toBe('https://hub.example:6984');
    expect(normalizeHubUrl('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    expect(() => normalizeHubUrl('http://10.0.0.5:5984')).toThrow(/https/);
    expect(() => normalizeHubUrl('hub')).toThrow();
  });

  it('classifies hub documents by id', () => {
    expect(classify('KOTA:complaint:01J')).toEqual({ kind: 'register', thana: 'KOTA', table: 'complaint' });
    expect(classify('KOTA:audit:01J')).toEqual({ kind: 'audit', thana: 'KOTA' });
    expect(classify('KOTA:profile:main')).toEqual({ kind: 'setting', thana: 'KOTA', setting: 'profile' });
    expect(classify('KOTA:meta:epoch')).toEqual({ kind: 'meta', thana: 'KOTA' });
    expect(classify('_design/thana_kota')).toEqual({ kind: 'design' });
    expect(classify('KOTA:newthing:01J')).toEqual({ kind: 'unknown', thana: 'KOTA', type: 'newthing' });
  });
});

describe('money rows of a complaint', () => {
  it('two PCs each adding a hold offline both keep their hold; a row removed on one PC stays removed', async () => {
    const { mergeValues, rowsUnion } = await import('../../renderer/src/sync/merge');
    const h1 = { bank: 'SBI', account: '1234', amount: 500_000, date: '2026-11-20' };
    const h2 = { bank: 'PNB', account: '5678', amount: 300_000, date: '2026-11-21' };
    const h3 = { bank: 'BOB', account: '9012', amount: 100_000, date: '2026-11-22' };
    const old = { bank: 'HDFC', account: '3456', amount: 200_000, date: '2026-11-19' };
    const base = { holds: [old] };
    const local = { holds: [old, h1] }; // this PC added h1
    const server = { holds: [h2, h3] }; // the other PC removed `old`, added h2 and h3
    const { value, fields } = mergeValues(base, local, server, (f) => (f === 'holds' ? rowsUnion : undefined));
    expect(value.holds).toEqual([h2, h3, h1]);
    expect(fields).toEqual([{ field: 'holds', local: local.holds, server: server.holds, kept: 'both' }]);
  });
});

describe('complaint records merged by sync', () => {
  it('use the row-by-row merge for holds: both PCs’ holds survive mergeRecords', () => {
    const h1 = { bank: 'SBI', account: '1234', amount: 500_000, date: '2026-11-20' };
    const h2 = { bank: 'PNB', account: '5678', amount: 300_000, date: '2026-11-21' };
    const create = entry(1, 'C1', [], 'create');
    const asComplaint = (r: SyncedRecord): SyncedRecord => ({ ...r, id: 'KOTA:complaint:01J', type: 'complaint' });
    const local = asComplaint(rec({ holds: [h1] }, [create, entry(2, 'L2', [{ field: 'holds', before: [], after: [h1] }])]));
    const server = asComplaint(rec({ holds: [h2] }, [create, entry(2, 'S2', [{ field: 'holds', before: [], after: [h2] }])]));
    const { record, fields } = mergeRecords({ local, server, now: new Date('2026-11-28T00:00:00Z'), mutationId: 'MERGE' });
    expect(record.data.holds).toEqual([h2, h1]);
    expect(fields.map((f) => f.kept)).toEqual(['both']);
  });
});
