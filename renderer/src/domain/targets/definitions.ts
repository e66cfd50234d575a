/**
 * The thana's targets, declared as data in the manner of the Community Health Toolkit: each one
 * names what it counts, its goal, its period and how its value is taken from the figures. The
 * in-charge may change a goal in settings (`targets`); the defaults are declared here.
 *
 * Two kinds, as in CHT:
 * - 'count': a number against a goal (Mitans enrolled against the thana's share);
 * - 'percent': the share of units that pass a test against a goal percentage ("N of M Mitans
 *   reached their weekly number"; "N of M teams at 25").
 */
import { bi, type Bilingual } from '../bilingual';
import { outreachPeopleTarget } from '../outreach/totals';
import { DEFAULT_TEAM_TARGET } from '../roster/strength';
import { figureDef, type FigureId } from '../reports/definitions';

export type TargetId = 'mitansEnrolled' | 'mitansTrained' | 'teamsAtStrength' | 'peoplePerMitanWeek' | 'placesCovered' | 'peopleReached';

/** What target values are taken from: read once per dashboard from the running totals. */
export interface TargetInputs {
  /** Live Mitans on the roster, active ones, trained ones (`mitan:all`). */
  mitans: { total: number; active: number; trained: number };
  /** Live teams, and those whose active strength is at or above their target. */
  teams: { total: number; atStrength: number };
  /** People reached in the last 7 days at activities each active Mitan took part in (one number per active Mitan). */
  mitanWeekPeople: number[];
  /** Places of the master list with at least one activity in the campaign, and all of them. */
  places: { covered: number; total: number };
  /** People reached in the campaign (`outreach:all`). */
  people: number;
}

export interface TargetValue {
  /** The count, or for a percent target the units that pass. */
  value: number;
  /** Percent targets: the units tested (the "M" of "N of M"). */
  of?: number;
}

/** What the in-charge may set per target (settings key `targets`). */
export interface TargetSetting {
  goal?: number;
  /** Percent targets with a per-unit threshold: the number each unit must reach. */
  perUnit?: number;
}

export type TargetSettings = Partial<Record<TargetId, TargetSetting>>;

export interface TargetDef {
  id: TargetId;
  label: Bilingual;
  /** What it counts, in words: shown under the bar and beside the goal in settings. */
  counts: Bilingual;
  type: 'count' | 'percent';
  /** 'campaign': cumulative from the campaign start; 'week': the last 7 days. */
  period: 'campaign' | 'week';
  /** The goal when the in-charge has set none (null: no goal can be known yet). */
  defaultGoal: (settings: Record<string, unknown>) => number | null;
  /** The goal lives in this thana setting instead of `targets` (shared with another screen). */
  goalSetting?: string;
  /** Percent targets: the number each unit must reach, and its default. */
  perUnit?: { label: Bilingual; default: number };
  value: (inputs: TargetInputs, perUnit: number) => TargetValue;
  /** Run-rate and projection make sense (a cumulative count); a share of units has none. */
  paced: boolean;
}

export const TARGETS_SETTING = 'targets';
export const IDLE_DAYS_SETTING = 'idleDays';
/** A Mitan or team with no activity in this many days is idle (the in-charge may change it). */
export const DEFAULT_IDLE_DAYS = 7;
/**
 * People a Mitan should reach in a week. Per-Mitan figures credit every Mitan present with the
 * whole activity (outreach README), so one chaupal or school session a week reaches it.
 */
export const DEFAULT_PEOPLE_PER_MITAN_WEEK = 25;

/** A figure's one definition (reports/definitions.ts), said as the dashboard counts it: to date. */
function toDate(id: FigureId, extra?: Bilingual): Bilingual {
  const d = figureDef(id).definition;
  return bi(`${d.hi} — आज तक${extra ? `, ${extra.hi}` : ''}`, `${d.en} — to date${extra ? `, ${extra.en}` : ''}`);
}

const positiveInt = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

export const TARGETS: readonly TargetDef[] = [
  {
    id: 'mitansEnrolled',
    label: bi('पंजीकृत साइबर मितान', 'Cyber Mitans enrolled'),
    counts: toDate('enrolled', bi('थाने के लक्ष्य के विरुद्ध', 'against the thana’s share')),
    type: 'count',
    period: 'campaign',
    defaultGoal: (s) => positiveInt(s.thanaTarget),
    value: (i) => ({ value: i.mitans.total }),
    paced: true,
  },
  {
    id: 'mitansTrained',
    label: bi('प्रशिक्षित साइबर मितान', 'Cyber Mitans trained'),
    counts: toDate('trained', bi('थाने के लक्ष्य के विरुद्ध', 'against the thana’s share')),
    type: 'count',
    period: 'campaign',
    defaultGoal: (s) => positiveInt(s.thanaTarget),
    value: (i) => ({ value: i.mitans.trained }),
    paced: true,
  },
  {
    id: 'teamsAtStrength',
    label: bi('पूर्ण शक्ति वाले दल', 'Teams at full strength'),
    counts: bi(
      `दल जिनमें सक्रिय मितान लक्ष्य (सामान्यतः ${DEFAULT_TEAM_TARGET}) के बराबर या अधिक हैं, सभी दलों में से`,
      `Teams whose active Mitans reach their target (usually ${DEFAULT_TEAM_TARGET}), of all teams`,
    ),
    type: 'percent',
    period: 'campaign',
    defaultGoal: () => 100,
    value: (i) => ({ value: i.teams.atStrength, of: i.teams.total }),
    paced: false,
  },
  {
    id: 'peoplePerMitanWeek',
    label: bi('साप्ताहिक लक्ष्य पूरा करने वाले मितान', 'Mitans meeting their weekly number'),
    counts: bi(
      'सक्रिय मितान जिनके कार्यक्रमों में पिछले 7 दिनों में निर्धारित संख्या से अधिक या बराबर लोग जागरूक हुए',
      'Active Mitans whose activities reached at least the set number of people in the last 7 days',
    ),
    type: 'percent',
    period: 'week',
    defaultGoal: () => 80,
    perUnit: { label: bi('प्रति मितान प्रति सप्ताह जागरूक व्यक्ति', 'People per Mitan per week'), default: DEFAULT_PEOPLE_PER_MITAN_WEEK },
    value: (i, perUnit) => ({ value: i.mitanWeekPeople.filter((n) => n >= perUnit).length, of: i.mitanWeekPeople.length }),
    paced: false,
  },
  {
    id: 'placesCovered',
    label: bi('आच्छादित ग्राम/वार्ड', 'Villages and wards covered'),
    counts: toDate('covered'),
    type: 'count',
    period: 'campaign',
    // Every place on the master list: the goal follows the list as places are added.
    defaultGoal: () => null,
    value: (i) => ({ value: i.places.covered, of: i.places.total }),
    paced: true,
  },
  {
    id: 'peopleReached',
    label: bi('जागरूक किए गए व्यक्ति', 'People reached'),
    counts: toDate('reached'),
    type: 'count',
    period: 'campaign',
    goalSetting: 'outreachPeopleTarget',
    defaultGoal: (s) => outreachPeopleTarget(s).target || null,
    value: (i) => ({ value: i.people }),
    paced: true,
  },
];

export function targetDef(id: TargetId): TargetDef {
  return TARGETS.find((t) => t.id === id)!;
}

/** The in-charge's target settings as stored, with anything malformed left out. */
export function targetSettings(settings: Record<string, unknown>): TargetSettings {
  const raw = settings[TARGETS_SETTING];
  const out: TargetSettings = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const t of TARGETS) {
    const s = (raw as Record<string, unknown>)[t.id];
    if (!s || typeof s !== 'object') continue;
    const goal = positiveInt((s as TargetSetting).goal);
    const perUnit = positiveInt((s as TargetSetting).perUnit);
    if (goal || perUnit) out[t.id] = { ...(goal ? { goal } : {}), ...(perUnit ? { perUnit } : {}) };
  }
  return out;
}

/**
 * The goal in force: the in-charge's own (in `targets`, or the shared setting the target names),
 * else the default. placesCovered with no goal set is measured against the whole master list.
 */
export function goalOf(def: TargetDef, settings: Record<string, unknown>, inputs?: Pick<TargetInputs, 'places'>): number | null {
  const own = def.goalSetting ? positiveInt(settings[def.goalSetting]) : targetSettings(settings)[def.id]?.goal;
  if (own) return def.type === 'percent' ? Math.min(own, 100) : own;
  const dflt = def.defaultGoal(settings);
  if (dflt) return dflt;
  if (def.id === 'placesCovered' && inputs) return inputs.places.total || null;
  return null;
}

export function perUnitOf(def: TargetDef, settings: Record<string, unknown>): number {
  return targetSettings(settings)[def.id]?.perUnit ?? def.perUnit?.default ?? 0;
}

/** Days without activity after which a Mitan or team counts as idle (1–90; default 7). */
export function idleDaysOf(settings: Record<string, unknown>): number {
  const v = settings[IDLE_DAYS_SETTING];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 90 ? v : DEFAULT_IDLE_DAYS;
}
