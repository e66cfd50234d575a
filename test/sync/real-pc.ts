/**
 * A station PC on the REAL registers (Mitan roster with its unique mobile, outreach with running
 * totals, complaints with money rows), written through the app's own register code. The entries
 * are the unit tests' fixtures (test/unit/roster, test/unit/outreach, test/unit/complaints). No test runner here:
 * the sync suites (real.ts) and the `sync-day-slow-link` bench both use it.
 */
import { correctComplaint, createComplaint } from '../../renderer/src/db/complaints';
import { correctOutreach, createOutreach } from '../../renderer/src/db/outreach';
import { cancelRecord, createRecord } from '../../renderer/src/db/repository';
import { correctMitan, createMitan, createTeam } from '../../renderer/src/db/roster';
import { REGISTER_TABLES, StationDb } from '../../renderer/src/db/schema';
import type { StationContext } from '../../renderer/src/db/context';
import type { Actor, StoredRecord, SyncedRecord } from '../../renderer/src/domain/records';
import { attachSync } from '../../renderer/src/db/sync-state';
import { REGISTERS } from '../../renderer/src/domain/registers';
import { placeRegister } from '../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE } from '../../renderer/src/domain/setup';
import { syncOnce, type SyncOptions, type SyncReport } from '../../renderer/src/sync/replicator';
import { thanaDbName } from '../../renderer/src/sync/vdu';
import { complaint as complaintFixture } from '../unit/complaints/fixtures';
import { entry as outreachFixture } from '../unit/outreach/fixtures';
import { mitanInput, teamInput } from '../unit/roster/fixture';

/** What a PC needs of its thana on the hub (test/sync/helpers.ts `ThanaSetup` has it). */
export interface PcThana {
  code: string;
  pcs: { username: string; password: string }[];
}

const INCHARGE: Actor = { userId: 'u-इंचार्ज', name: 'इंचार्ज', rank: 'निरीक्षक', role: 'incharge', initials: 'इं' };

let dbNo = 0;

export class RealPc {
  readonly ctx: StationContext;
  readonly actor = INCHARGE;
  /** The hub's address when `sync()` is given none (the suites set it to theirs). */
  static hubUrl: () => string = () => {
    throw new Error('RealPc.hubUrl is not set');
  };
  constructor(
    readonly db: StationDb,
    readonly name: string,
    readonly setup: PcThana,
    readonly account: { username: string; password: string },
    series: string,
  ) {
    this.ctx = { db, thana: setup.code, pcSeries: series, now: () => new Date(), settings: () => ({}) };
  }

  static async open(setup: PcThana, name: string, i: number, series = ''): Promise<RealPc> {
    const db = new StationDb(`sync-real-${setup.code}-${name}-${++dbNo}-${Date.now()}`);
    await db.open();
    await db.settings.put({ key: 'profile', value: { ...DEFAULT_PROFILE, thanaName: `थाना ${setup.code}`, thanaCode: setup.code, thanaTarget: 500 } });
    return new RealPc(db, name, setup, setup.pcs[i]!, series);
  }

  sync(extra: Partial<SyncOptions> = {}, url = RealPc.hubUrl()): Promise<SyncReport> {
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
    return createTeam(this.ctx, this.actor, teamInput(no));
  }
  mitan(teamId: string, placeId: string, extra: Record<string, unknown> = {}) {
    return createMitan(this.ctx, this.actor, mitanInput({ teamId, placeId, ...extra }));
  }
  correctMitan(id: string, patch: Record<string, unknown>) {
    return correctMitan(this.ctx, this.actor, id, patch, 'सुधार किया');
  }
  outreach(teamId: string, mitanIds: string[], placeId: string, extra: Record<string, unknown> = {}) {
    return createOutreach(this.ctx, this.actor, outreachFixture({ teamId, mitanIds, placeId, ...extra }));
  }
  correctOutreach(id: string, patch: Record<string, unknown>) {
    return correctOutreach(this.ctx, this.actor, id, patch, 'सुधार किया');
  }
  complaint(extra: Record<string, unknown> = {}) {
    return createComplaint(this.ctx, this.actor, complaintFixture(extra));
  }
  correctComplaint(id: string, patch: Record<string, unknown>) {
    return correctComplaint(this.ctx, this.actor, id, patch, 'सुधार किया');
  }
  cancel(table: string, id: string) {
    return cancelRecord(this.ctx, this.actor, REGISTERS[table]!, id, 'गलत प्रविष्टि');
  }

  /** Every entry with its sync state (`_rev`, `syncState` from the syncStates table). */
  async all(): Promise<SyncedRecord[]> {
    const out: SyncedRecord[] = [];
    for (const t of REGISTER_TABLES) out.push(...((await attachSync(this.db, await this.db.registerTable(t).toArray())) as SyncedRecord[]));
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}
