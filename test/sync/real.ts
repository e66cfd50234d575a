/**
 * Station PCs on the REAL registers (Mitan roster with its unique mobile, outreach with running
 * totals, complaints with money rows), written through the app's own register code, and the end
 * state every case must reach: the same content at the same `_rev` on every PC and the hub, and
 * totals on every PC equal to a recount from the records through the register definitions.
 */
import { expect } from 'vitest';
import { correctComplaint, createComplaint } from '../../renderer/src/db/complaints';
import { correctOutreach, createOutreach } from '../../renderer/src/db/outreach';
import { cancelRecord, contributions, createRecord } from '../../renderer/src/db/repository';
import { correctMitan, createMitan, createTeam } from '../../renderer/src/db/roster';
import { REGISTER_TABLES, StationDb } from '../../renderer/src/db/schema';
import type { StationContext } from '../../renderer/src/db/context';
import type { StoredRecord } from '../../renderer/src/domain/records';
import { REGISTERS } from '../../renderer/src/domain/registers';
import { placeRegister } from '../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE } from '../../renderer/src/domain/setup';
import { syncOnce, type SyncOptions, type SyncReport } from '../../renderer/src/sync/replicator';
import { thanaDbName } from '../../renderer/src/sync/vdu';
import { actor, admin, hubUrl, type ThanaSetup } from './helpers';

let dbNo = 0;

export class RealPc {
  readonly ctx: StationContext;
  readonly actor = actor('इंचार्ज');
  constructor(
    readonly db: StationDb,
    readonly name: string,
    readonly setup: ThanaSetup,
    readonly account: { username: string; password: string },
    series: string,
  ) {
    this.ctx = { db, thana: setup.code, pcSeries: series, now: () => new Date(), settings: () => ({}) };
  }

  static async open(setup: ThanaSetup, name: string, i: number, series = ''): Promise<RealPc> {
    const db = new StationDb(`sync-real-${setup.code}-${name}-${++dbNo}-${Date.now()}`);
    await db.open();
    await db.settings.put({ key: 'profile', value: { ...DEFAULT_PROFILE, thanaName: `थाना ${setup.code}`, thanaCode: setup.code, thanaTarget: 500 } });
    return new RealPc(db, name, setup, setup.pcs[i]!, series);
  }

  sync(extra: Partial<SyncOptions> = {}, url = hubUrl()): Promise<SyncReport> {
    return syncOnce({
      db: this.db,
      thana: this.setup.code,
      hub: { url, db: thanaDbName(this.setup.code), ...this.account },
      retry: { attempts: 4, baseMs: 5, capMs: 40 },
      timeoutMs: 5_000,
      pullBatch: 5,
      pushBatch: 4,
      ...extra,
    });
  }

  get(table: string, id: string): Promise<StoredRecord | undefined> {
    return this.db.registerTable(table).get(id);
  }

  place(name: string) {
    return createRecord(this.ctx, this.actor, placeRegister, { name, kind: 'village', area: 'rural', beat: 'बीट 1' });
  }
  team(no: number) {
    return createTeam(this.ctx, this.actor, {
      teamNo: no,
      name: `दल ${no}`,
      leaderName: `आरक्षक ${no}`,
      leaderRank: 'आरक्षक',
      leaderMobile: `94250000${String(no).padStart(2, '0')}`,
      nodalName: 'रमेश वर्मा',
      nodalRank: 'उप निरीक्षक',
      beat: 'बीट 1',
      formedOn: '2026-01-10',
      target: 25,
    });
  }
  mitan(teamId: string, placeId: string, extra: Record<string, unknown> = {}) {
    return createMitan(this.ctx, this.actor, {
      name: 'राम कुमार',
      relativeName: 'श्याम लाल',
      gender: 'male',
      age: 30,
      mobile: '9876543210',
      whatsapp: true,
      role: 'member',
      area: 'rural',
      category: 'volunteer',
      consentDate: '2026-02-01',
      status: 'active',
      teamId,
      placeId,
      ...extra,
    });
  }
  correctMitan(id: string, patch: Record<string, unknown>) {
    return correctMitan(this.ctx, this.actor, id, patch, 'सुधार किया');
  }
  outreach(teamId: string, mitanIds: string[], placeId: string, extra: Record<string, unknown> = {}) {
    return createOutreach(this.ctx, this.actor, {
      date: '2026-11-27',
      timeFrom: '10:00',
      timeTo: '11:30',
      teamId,
      mitanIds,
      policeNames: 'उनि सीमा वर्मा',
      policeCount: 1,
      activityType: 'chaupal',
      mode: 'in-person',
      placeId,
      placeName: 'पंचायत भवन',
      area: 'rural',
      targetGroup: 'general',
      men: 30,
      women: 25,
      other: 0,
      under18: 5,
      contacts: 4,
      pamphlets: 60,
      pledges: 40,
      topics: ['helpline-1930', 'upi'],
      complaintsHelped: 1,
      reportedBy: 'राम कुमार',
      ...extra,
    });
  }
  correctOutreach(id: string, patch: Record<string, unknown>) {
    return correctOutreach(this.ctx, this.actor, id, patch, 'सुधार किया');
  }
  complaint(extra: Record<string, unknown> = {}) {
    return createComplaint(this.ctx, this.actor, {
      receivedAt: '2026-11-27T12:15',
      source: '1930',
      gdNo: '23',
      gdDate: '2026-11-27',
      ncrpState: 'filed',
      ncrpAck: '31411250012345',
      ncrpFiledAt: '2026-11-27T11:30',
      called1930: true,
      called1930At: '2026-11-27T10:40',
      complainantName: 'सुनीता साहू',
      complainantRelative: 'रमेश साहू',
      complainantGender: 'female',
      complainantAge: 34,
      complainantMobile: '9876543210',
      complainantAddress: 'वार्ड 5, कोटा',
      incidentAt: '2026-11-27T09:50',
      noticedAt: '2026-11-27T10:05',
      ncrpCategory: 'financial',
      ncrpSubCategory: 'financial.upi',
      modus: 'customer-care',
      platform: 'call',
      action: 'inquiry',
      ioName: 'सीमा वर्मा',
      ioRank: 'उप निरीक्षक',
      status: 'received',
      transactions: [
        { at: '2026-11-27T10:00', amount: '25,000', mode: 'upi', utr: '432109876543', victimBank: 'SBI', victimAccount: '8901' },
        { at: '2026-11-27T10:20', amount: '15,000', mode: 'imps', utr: '633112223334', victimBank: 'SBI', victimAccount: '8901' },
      ],
      holds: [],
      refunds: [],
      ...extra,
    });
  }
  correctComplaint(id: string, patch: Record<string, unknown>) {
    return correctComplaint(this.ctx, this.actor, id, patch, 'सुधार किया');
  }
  cancel(table: string, id: string) {
    return cancelRecord(this.ctx, this.actor, REGISTERS[table]!, id, 'गलत प्रविष्टि');
  }

  async all(): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for (const t of REGISTER_TABLES) out.push(...(await this.db.registerTable(t).toArray()));
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

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
