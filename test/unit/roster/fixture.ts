/** A fresh station database per test, with a writer and a fixed clock (15 March 2026, IST). */
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import type { Actor, StoredRecord } from '../../../renderer/src/domain/records';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import { createRecord } from '../../../renderer/src/db/repository';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { createMitan, createTeam } from '../../../renderer/src/db/roster';
import type { RecordData } from '../../../renderer/src/domain/validation';

export const TODAY = '2026-03-15';
export const fixedDate = new Date('2026-03-15T06:00:00Z');

export function station(): StationContext {
  const db = new StationDb('t-' + crypto.randomUUID());
  const profile = { ...DEFAULT_PROFILE, thanaName: 'कोटा', thanaCode: 'BSPKOTA', nodalName: 'रमेश वर्मा', nodalMobile: '9425000000', teamTarget: 25 };
  return { db, thana: 'BSPKOTA', pcSeries: '', now: () => fixedDate, settings: () => ({ ...profile }) };
}

export const writer: Actor = { userId: 'u1', name: 'सुनीता साहू', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'सुसा' };
export const incharge: Actor = { userId: 'u2', name: 'अजय सिंह', rank: 'निरीक्षक', role: 'incharge', initials: 'असि' };

export const validationCtx = { today: TODAY, settings: {} };

export function teamInput(no: number, extra: RecordData = {}): RecordData {
  return {
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
    ...extra,
  };
}

export function mitanInput(extra: RecordData = {}): RecordData {
  return {
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
    ...extra,
  };
}

/** Two teams and three villages, as most tests need them. */
export async function seedRoster(ctx: StationContext) {
  const places: StoredRecord[] = [];
  for (const [name, kind, area] of [
    ['बेलतरा', 'village', 'rural'],
    ['करगीकला', 'village', 'rural'],
    ['वार्ड क्रमांक 5', 'ward', 'urban'],
  ] as const)
    places.push((await createRecord(ctx, writer, placeRegister, { name, kind, area, beat: 'बीट 2' })).record);
  const team1 = (await createTeam(ctx, writer, teamInput(1))).record;
  const team2 = (await createTeam(ctx, writer, teamInput(2))).record;
  return { team1, team2, places, addMitan: (extra: RecordData = {}) => createMitan(ctx, writer, mitanInput({ teamId: team1.id, placeId: places[0]!.id, ...extra })) };
}
