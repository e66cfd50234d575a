// One small thana whose every figure is worked out by hand in the tests: four places, three teams
// (target 3 each), seven Mitans (one cancelled), seven outreach entries (one cancelled) and four
// complaints (one cancelled), written through the repositories with a fixed clock.
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import { cancelRecord, createRecord } from '../../../renderer/src/db/repository';
import { createComplaint } from '../../../renderer/src/db/complaints';
import { createOutreach } from '../../../renderer/src/db/outreach';
import { createMitan, createTeam } from '../../../renderer/src/db/roster';
import type { Actor, StoredRecord } from '../../../renderer/src/domain/records';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { outreachRegister } from '../../../renderer/src/domain/registers/outreach';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { DEFAULT_PROFILE } from '../../../renderer/src/domain/setup';
import type { RecordData } from '../../../renderer/src/domain/validation';
import { staffed } from '../records/fixtures';

/** 28 Nov 2026, 18:30 IST. */
export const NOW = new Date('2026-11-28T13:00:00.000Z');
export const TODAY = '2026-11-28';

export const PROFILE = {
  ...DEFAULT_PROFILE,
  district: 'बिलासपुर',
  thanaName: 'कोटा',
  thanaCode: 'BSPKOTA',
  inchargeName: 'अजय सिंह',
  nodalName: 'सीमा वर्मा',
  nodalMobile: '9425000000',
  campaignStart: '2026-11-01',
  campaignEnd: '2027-01-31',
  districtTarget: 200_000,
  thanaTarget: 100,
  teamTarget: 3,
};

export function makeCtx(options: Record<string, unknown> = {}, now: () => Date = () => NOW): StationContext {
  return {
    db: staffed(new StationDb('t-' + crypto.randomUUID()), writer, nodal, incharge),
    thana: 'BSPKOTA',
    pcSeries: '',
    now,
    settings: () => ({ ...PROFILE, ...options }),
  };
}

export const writer: Actor = { userId: 'u-writer', name: 'राम कुमार', rank: 'प्रधान आरक्षक', role: 'writer', initials: 'रक' };
export const nodal: Actor = { userId: 'u-nodal', name: 'सीमा वर्मा', rank: 'उप निरीक्षक', role: 'nodal', initials: 'सव' };
export const incharge: Actor = { userId: 'u-ti', name: 'अजय सिंह', rank: 'निरीक्षक', role: 'incharge', initials: 'अस' };

function mitan(name: string, mobile: string, teamId: string, placeId: string, extra: RecordData): RecordData {
  return {
    name,
    relativeName: 'पिता',
    gender: 'female',
    age: 25,
    mobile,
    whatsapp: true,
    teamId,
    role: 'member',
    placeId,
    area: 'rural',
    category: 'volunteer',
    status: 'active',
    ...extra,
  };
}

function activity(date: string, teamId: string, mitanIds: string[], placeId: string, over: RecordData): RecordData {
  return {
    date,
    timeFrom: '10:00',
    timeTo: '11:30',
    teamId,
    mitanIds,
    policeCount: 1,
    activityType: 'chaupal',
    mode: 'in-person',
    placeId,
    placeName: 'पंचायत भवन',
    area: 'rural',
    targetGroup: 'general',
    men: 0,
    women: 0,
    other: 0,
    under18: 0,
    topics: ['helpline-1930'],
    reportedBy: 'राम कुमार',
    ...over,
  };
}

function complaint(over: RecordData): RecordData {
  return {
    source: '1930',
    gdNo: '23',
    ncrpState: 'filed',
    ncrpAck: '31411250012345',
    complainantName: 'सुनीता साहू',
    complainantRelative: 'रमेश साहू',
    complainantGender: 'female',
    complainantAge: 34,
    complainantMobile: '9876543210',
    complainantAddress: 'वार्ड 5, कोटा',
    ncrpCategory: 'financial',
    ncrpSubCategory: 'financial.upi',
    modus: 'customer-care',
    platform: 'call',
    action: 'inquiry',
    ioName: 'सीमा वर्मा',
    ioRank: 'उप निरीक्षक',
    status: 'received',
    transactions: [],
    holds: [],
    refunds: [],
    ...over,
  };
}

export interface Scene {
  places: Record<'beltara' | 'kargi' | 'ward5' | 'khamaria', StoredRecord>;
  teams: Record<'t1' | 't2' | 't3', StoredRecord>;
  mitans: Record<'m1' | 'm2' | 'm3' | 'm4' | 'm5' | 'm6' | 'm7', StoredRecord>;
  entries: StoredRecord[];
  complaints: StoredRecord[];
}

export async function seedThana(ctx: StationContext): Promise<Scene> {
  const place = async (name: string, kind: string, area: string) => (await createRecord(ctx, writer, placeRegister, { name, kind, area, beat: 'बीट 1' })).record;
  const places = {
    beltara: await place('बेलतरा', 'village', 'rural'),
    kargi: await place('करगीकला', 'village', 'rural'),
    ward5: await place('वार्ड 5', 'ward', 'urban'),
    khamaria: await place('खमरिया', 'village', 'rural'),
  };
  const team = async (teamNo: number, formedOn: string) =>
    (
      await createTeam(ctx, writer, {
        teamNo,
        name: `दल ${teamNo}`,
        leaderName: `आरक्षक ${teamNo}`,
        leaderRank: 'आरक्षक',
        leaderMobile: `94250000${String(teamNo).padStart(2, '0')}`,
        nodalName: 'सीमा वर्मा',
        nodalRank: 'उप निरीक्षक',
        beat: 'बीट 1',
        formedOn,
        target: 3,
      })
    ).record;
  const teams = { t1: await team(1, '2026-10-25'), t2: await team(2, '2026-11-03'), t3: await team(3, '2026-11-25') };
  const add = async (...args: Parameters<typeof mitan>) => (await createMitan(ctx, writer, mitan(...args))).record;
  const b = places.beltara.id;
  const mitans = {
    m1: await add('गीता साहू', '9826100001', teams.t1.id, b, { consentDate: '2026-11-02', trainingDate: '2026-11-05', trainingVenue: 'थाना', trainer: 'उनि सीमा' }),
    m2: await add('रवि यादव', '9826100002', teams.t1.id, b, { consentDate: '2026-11-03', trainingDate: '2026-11-20', trainingVenue: 'थाना', trainer: 'उनि सीमा' }),
    m3: await add('सीमा पटेल', '9826100003', teams.t1.id, b, { consentDate: '2026-11-25' }),
    m4: await add('अनिल वर्मा', '9826100004', teams.t2.id, b, { consentDate: '2026-10-15', trainingDate: '2026-10-20', trainingVenue: 'थाना', trainer: 'उनि सीमा' }),
    m5: await add('गोपाल साहू', '9826100005', teams.t2.id, b, { consentDate: '2026-11-10', status: 'inactive', statusDate: '2026-11-20', statusReason: 'बाहर गए' }),
    m6: await add('पूजा केंवट', '9826100006', teams.t3.id, b, { consentDate: '2026-11-26' }),
    m7: await add('दोहरी प्रविष्टि', '9826100007', teams.t3.id, b, { consentDate: '2026-11-26' }),
  };
  mitans.m7 = await cancelRecord(ctx, incharge, mitanRegister, mitans.m7.id, 'दोहरी प्रविष्टि');

  const { t1, t2, t3 } = teams;
  const { m1, m2, m3, m4, m6 } = mitans;
  const entries: StoredRecord[] = [];
  const put = async (e: RecordData) => entries.push((await createOutreach(ctx, writer, e)).record);
  await put(activity('2026-11-05', t1.id, [m1.id, m2.id], places.beltara.id, { men: 30, women: 20, under18: 5, pamphlets: 50, pledges: 40, complaintsHelped: 1 }));
  await put(
    activity('2026-11-20', t1.id, [m1.id], places.ward5.id, {
      activityType: 'school',
      area: 'urban',
      targetGroup: 'students',
      institution: 'शा. उ. मा. वि. कोटा',
      institutionClass: '9-12',
      men: 60,
      women: 40,
      under18: 90,
      pamphlets: 100,
      pledges: 80,
    }),
  );
  await put(activity('2026-11-18', t2.id, [m4.id], places.kargi.id, { activityType: 'door-to-door', men: 10, women: 12, other: 1, under18: 2, households: 15 }));
  await put(activity('2026-11-27', t1.id, [m2.id, m3.id], places.beltara.id, { activityType: 'phone-whatsapp', mode: 'mobile', men: 5, women: 5, contacts: 10 }));
  await put(
    activity('2026-11-28', t3.id, [m6.id], places.ward5.id, {
      activityType: 'college',
      area: 'urban',
      targetGroup: 'students',
      institution: 'शासकीय महाविद्यालय कोटा',
      institutionClass: 'बी.ए.',
      men: 20,
      women: 25,
      pledges: 45,
    }),
  );
  // The same school again, written with other spacing: one school, two sessions.
  await put(
    activity('2026-11-26', t1.id, [m1.id], places.ward5.id, {
      activityType: 'school',
      area: 'urban',
      targetGroup: 'students',
      institution: 'शा.उ.मा.वि.  कोटा',
      institutionClass: '11',
      men: 15,
      women: 15,
      under18: 30,
    }),
  );
  // Cancelled: it must count nowhere (खमरिया stays uncovered).
  await put(activity('2026-11-26', t2.id, [m4.id], places.khamaria.id, { men: 40, women: 40 }));
  entries[6] = await cancelRecord(ctx, incharge, outreachRegister, entries[6]!.id, 'गलत प्रविष्टि');

  const complaints: StoredRecord[] = [];
  const file = async (c: RecordData) => complaints.push((await createComplaint(ctx, writer, c)).record);
  // C1: 1930 alert, UPI fraud ₹40,000 at 10:00, reported at 10:40 (golden hour); ₹15,000 held, ₹5,000 refunded.
  await file(
    complaint({
      receivedAt: '2026-11-27T12:15',
      gdDate: '2026-11-27',
      called1930: true,
      called1930At: '2026-11-27T10:40',
      ncrpFiledAt: '2026-11-27T11:30',
      incidentAt: '2026-11-27T09:50',
      transactions: [
        { at: '2026-11-27T10:00', amount: '25,000.50', mode: 'upi', utr: '432109876543' },
        { at: '2026-11-27T10:20', amount: '14999.50', mode: 'imps', utr: '633112223334' },
      ],
      holds: [{ bank: 'Axis', amount: '15,000', date: '2026-11-27' }],
      refunds: [{ amount: '5,000', date: '2026-11-28', route: 'mha-sop' }],
    }),
  );
  // C2: walk-in, social media, no money, open for 18 days.
  await file(
    complaint({
      receivedAt: '2026-11-10T11:00',
      gdDate: '2026-11-10',
      source: 'walkin',
      ncrpCategory: 'social',
      ncrpSubCategory: 'social.fake-profile',
      modus: 'other',
      incidentAt: '2026-11-09T20:00',
      ncrpState: 'not-filed',
      ncrpAck: '',
    }),
  );
  // C3: NCRP, ₹1,00,000 lost on 19 Oct, reported next day, no NCRP acknowledgement yet, open 39 days.
  await file(
    complaint({
      receivedAt: '2026-10-20T10:00',
      gdDate: '2026-10-20',
      source: 'ncrp',
      called1930: true,
      called1930At: '2026-10-20T09:30',
      ncrpState: 'not-filed',
      ncrpAck: '',
      incidentAt: '2026-10-19T08:30',
      transactions: [{ at: '2026-10-19T09:00', amount: '1,00,000', mode: 'upi', utr: '111122223333' }],
    }),
  );
  // C4: cancelled (entered twice): counts nowhere.
  await file(
    complaint({
      receivedAt: '2026-11-15T10:00',
      gdDate: '2026-11-15',
      source: 'mitan',
      mitanId: m1.id,
      called1930: true,
      called1930At: '2026-11-15T08:30',
      incidentAt: '2026-11-15T07:50',
      transactions: [{ at: '2026-11-15T08:00', amount: '5,000', mode: 'upi', utr: '999988887777' }],
    }),
  );
  complaints[3] = await cancelRecord(ctx, incharge, complaintRegister, complaints[3]!.id, 'दोहरी प्रविष्टि');
  return { places, teams, mitans, entries, complaints };
}

export async function dropCtx(ctx: StationContext | undefined): Promise<void> {
  if (!ctx) return;
  ctx.db.close();
  await ctx.db.delete();
}
