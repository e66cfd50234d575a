// Shared scene for the outreach tests: a fresh database per test, a fixed clock in IST,
// the campaign from 1 Nov 2026, and the people of one thana.
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import type { Actor } from '../../../renderer/src/domain/records';
import { staffed } from '../records/fixtures';

/** 28 Nov 2026, 18:30 IST. */
export const NOW = new Date('2026-11-28T13:00:00.000Z');
export const TODAY = '2026-11-28';
export const CAMPAIGN = { campaignStart: '2026-11-01', campaignEnd: '2027-01-31', thanaTarget: 5000 };

export function makeCtx(settings: Record<string, unknown> = {}, now: () => Date = () => NOW): StationContext {
  return {
    db: staffed(new StationDb('t-' + crypto.randomUUID()), writer, nodal, incharge),
    thana: 'BSPKOTA',
    pcSeries: '',
    now,
    settings: () => ({ ...CAMPAIGN, ...settings }),
  };
}

export const writer: Actor = { userId: 'u-writer', name: 'राम कुमार', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'रक' };
export const nodal: Actor = { userId: 'u-nodal', name: 'सीमा वर्मा', rank: 'उप निरीक्षक', role: 'nodal', initials: 'सव' };
export const incharge: Actor = { userId: 'u-ti', name: 'अजय सिंह', rank: 'निरीक्षक', role: 'incharge', initials: 'अस' };
export const viewer: Actor = { userId: 'u-dv', name: 'District', rank: '', role: 'district-viewer', initials: 'D' };

export const TEAM_A = 'BSPKOTA:team:01JTEAMAAAAAAAAAAAAAAAAAAA';
export const TEAM_B = 'BSPKOTA:team:01JTEAMBBBBBBBBBBBBBBBBBBB';
export const M1 = 'BSPKOTA:mitan:01JMITAN1111111111111111111';
export const M2 = 'BSPKOTA:mitan:01JMITAN2222222222222222222';
export const M3 = 'BSPKOTA:mitan:01JMITAN3333333333333333333';
export const PLACE_KOTA = 'BSPKOTA:place:01JPLACEKOTAAAAAAAAAAAAAAA';
export const PLACE_KARGI = 'BSPKOTA:place:01JPLACEKARGIAAAAAAAAAAAAA';

/** A good chaupal entry; each test changes what it is about. */
export function entry(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    date: '2026-11-27',
    timeFrom: '10:00',
    timeTo: '11:30',
    teamId: TEAM_A,
    mitanIds: [M1, M2],
    policeNames: 'उनि सीमा वर्मा',
    policeCount: 1,
    activityType: 'chaupal',
    mode: 'in-person',
    placeId: PLACE_KOTA,
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
    ...over,
  };
}
