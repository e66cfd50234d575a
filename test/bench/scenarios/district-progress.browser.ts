// Browser side of "district-progress": the district's thana-wise progress figures
//   fromViews = loadDistrictProgress(): the page's own function, two view queries to the hub
//   byPull    = every document of the district database pulled in _all_docs pages and counted
//               here with the same domain definitions (entry figures, complaint values, trained,
//               team strength, targets and pace) — the "copy the district into one PC" way
// Both return the same summary of figures, compared by the Node side.
import { addTotals, asTotals, entryFigures, type OutreachTotals } from '@/domain/outreach/totals';
import { complaintTotalValues, type ComplaintTotalValues } from '@/domain/complaints/totals';
import { addComplaintValues } from '@/domain/reports/figures';
import { EMPTY_COMPLAINT_VALUES } from '@/domain/reports/review';
import { isTrained } from '@/domain/roster/rules';
import { teamStrength, teamTarget } from '@/domain/roster/strength';
import { targetDef, type TargetInputs } from '@/domain/targets/definitions';
import { campaignClock, targetProgress, type TargetProgress } from '@/domain/targets/progress';
import { DISTRICT_TARGETS, hubViews, loadDistrictProgress, type DistrictSettings, type ThanaProgressRow } from '@/sync/districtFigures';
import { HubClient } from '@/sync/http';

export interface Args {
  url: string;
  db: string;
  username: string;
  password: string;
  district: DistrictSettings;
  today: string;
}

type Inputs = Omit<TargetInputs, 'mitanWeekPeople'>;

interface Line {
  inputs: Inputs;
  outreach: OutreachTotals;
  complaints: ComplaintTotalValues;
  lastSync: string | null;
  targets: Record<string, Pick<TargetProgress, 'value' | 'goal' | 'percent' | 'runRate' | 'requiredRate' | 'projectedDate' | 'pace'>>;
}

const pickTarget = (p: TargetProgress) => ({ value: p.value, goal: p.goal, percent: p.percent, runRate: p.runRate, requiredRate: p.requiredRate, projectedDate: p.projectedDate, pace: p.pace });

function line(r: Pick<ThanaProgressRow, 'inputs' | 'outreach' | 'complaints' | 'targets'>, lastSync: string | null): Line {
  const targets: Line['targets'] = {};
  for (const id of DISTRICT_TARGETS) targets[id] = pickTarget(r.targets[id]!);
  return { inputs: r.inputs, outreach: r.outreach, complaints: r.complaints, lastSync, targets };
}

export async function fromViews(a: Args): Promise<{ ms: number; thanas: number; figures: unknown }> {
  const t0 = performance.now();
  const views = hubViews(new HubClient({ url: a.url, auth: { username: a.username, password: a.password } }), a.db);
  const p = await loadDistrictProgress(views, a.district, a.today);
  const ms = performance.now() - t0;
  const thanas: Record<string, Line> = {};
  for (const r of [...p.thanas].sort((x, y) => (x.info.code < y.info.code ? -1 : 1))) thanas[r.info.code] = line(r, r.info.lastSync);
  return { ms, thanas: p.thanas.length, figures: { thanas, district: line(p.district, null) } };
}

interface Doc {
  _id: string;
  thana?: string;
  type?: string;
  data?: Record<string, unknown>;
  cancelled?: unknown;
  value?: Record<string, unknown>;
  at?: string;
}

interface Acc {
  settings: Record<string, unknown>;
  profile: Record<string, unknown> | null;
  options: Record<string, unknown> | null;
  lastSync: string | null;
  mitans: { total: number; active: number; trained: number };
  byTeam: Map<string, { total: number; active: number; trained: number }>;
  teams: Doc[];
  places: Set<string>;
  visited: Set<string>;
  outreach: OutreachTotals;
  complaints: ComplaintTotalValues;
}

export async function byPull(a: Args): Promise<{ ms: number; thanas: number; docs: number; figures: unknown }> {
  const t0 = performance.now();
  const auth = `Basic ${btoa(`${a.username}:${a.password}`)}`;
  const acc = new Map<string, Acc>();
  const get = (code: string): Acc => {
    let x = acc.get(code);
    if (!x)
      acc.set(
        code,
        (x = { settings: {}, profile: null, options: null, lastSync: null, mitans: { total: 0, active: 0, trained: 0 }, byTeam: new Map(), teams: [], places: new Set(), visited: new Set(), outreach: asTotals(null), complaints: { ...EMPTY_COMPLAINT_VALUES } }),
      );
    return x;
  };
  let docs = 0;
  let after: string | null = null;
  for (;;) {
    const q = new URLSearchParams({ include_docs: 'true', limit: '2000' });
    if (after !== null) {
      q.set('startkey', JSON.stringify(after));
      q.set('skip', '1');
    }
    const res = await fetch(`${a.url}/${a.db}/_all_docs?${q}`, { headers: { Authorization: auth, Accept: 'application/json' }, credentials: 'omit' });
    const rows = ((await res.json()) as { rows: { id: string; doc?: Doc }[] }).rows;
    for (const { doc } of rows) {
      docs++;
      if (!doc || !doc.thana || typeof doc.type !== 'string' || doc.thana === 'district') continue;
      const t = get(doc.thana);
      if (doc.type === 'profile') t.profile = doc.value ?? {};
      else if (doc.type === 'options') t.options = doc.value ?? {};
      else if (doc.type === 'pcsync') t.lastSync = doc.at && (!t.lastSync || doc.at > t.lastSync) ? doc.at : t.lastSync;
      if (doc.cancelled || !doc.data) continue;
      const d = doc.data;
      if (doc.type === 'mitan') {
        const v = { total: 1, active: d.status === 'active' ? 1 : 0, trained: isTrained(d) ? 1 : 0 };
        for (const k of ['total', 'active', 'trained'] as const) t.mitans[k] += v[k];
        if (typeof d.teamId === 'string') {
          const c = t.byTeam.get(d.teamId) ?? { total: 0, active: 0, trained: 0 };
          for (const k of ['total', 'active', 'trained'] as const) c[k] += v[k];
          t.byTeam.set(d.teamId, c);
        }
      } else if (doc.type === 'team') t.teams.push(doc);
      else if (doc.type === 'place') t.places.add(doc._id);
      else if (doc.type === 'outreach' && typeof d.date === 'string' && d.date) {
        t.outreach = addTotals(t.outreach, entryFigures(d));
        if (typeof d.placeId === 'string' && d.placeId) t.visited.add(d.placeId);
      } else if (doc.type === 'complaint') t.complaints = addComplaintValues(t.complaints, complaintTotalValues(d));
    }
    if (rows.length < 2000) break;
    after = rows[rows.length - 1]!.id;
  }
  const thanas: Record<string, Line> = {};
  const sum: Inputs = { mitans: { total: 0, active: 0, trained: 0 }, teams: { total: 0, atStrength: 0 }, places: { covered: 0, total: 0 }, people: 0 };
  let outSum = asTotals(null);
  let compSum: ComplaintTotalValues = { ...EMPTY_COMPLAINT_VALUES };
  const evaluate = (inputs: Inputs, settings: Record<string, unknown>) => {
    const clock = campaignClock(settings, a.today);
    const targets: Record<string, TargetProgress> = {};
    for (const id of DISTRICT_TARGETS) targets[id] = targetProgress(targetDef(id), { ...inputs, mitanWeekPeople: [] }, settings, clock);
    return targets;
  };
  for (const code of [...acc.keys()].sort()) {
    const t = acc.get(code)!;
    const settings = { ...(t.profile ?? {}), ...(t.options ?? {}) };
    const strengths = t.teams.map((team) => teamStrength(t.byTeam.get(team._id) ?? { total: 0, active: 0, trained: 0 }, teamTarget(team.data!, settings)));
    const inputs: Inputs = {
      mitans: t.mitans,
      teams: { total: strengths.length, atStrength: strengths.filter((s) => s.active >= s.target).length },
      places: { covered: [...t.places].filter((p) => t.visited.has(p)).length, total: t.places.size },
      people: t.outreach.total,
    };
    thanas[code] = line({ inputs, outreach: t.outreach, complaints: t.complaints, targets: evaluate(inputs, settings) }, t.lastSync);
    for (const k of ['total', 'active', 'trained'] as const) sum.mitans[k] += inputs.mitans[k];
    sum.teams.total += inputs.teams.total;
    sum.teams.atStrength += inputs.teams.atStrength;
    sum.places.total += inputs.places.total;
    sum.places.covered += inputs.places.covered;
    sum.people += inputs.people;
    outSum = addTotals(outSum, t.outreach);
    compSum = addComplaintValues(compSum, t.complaints);
  }
  const districtSettings = { thanaTarget: a.district.districtTarget, campaignStart: a.district.campaignStart, campaignEnd: a.district.campaignEnd };
  const district = line({ inputs: sum, outreach: outSum, complaints: compSum, targets: evaluate(sum, districtSettings) }, null);
  const ms = performance.now() - t0;
  // The views list thanas in name order; the comparison is of the same keys in the same order.
  const ordered: Record<string, Line> = {};
  for (const k of Object.keys(thanas).sort()) ordered[k] = thanas[k]!;
  return { ms, thanas: acc.size, docs, figures: { thanas: ordered, district } };
}
