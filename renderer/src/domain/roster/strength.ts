/**
 * A team's strength against its target (25 in the SP's order), read from the running totals the
 * roster keeps per team, never recounted from the Mitans.
 */
import { bi, type Bilingual } from '../bilingual';

export interface TeamCounts {
  /** Live Mitans in the team, whatever their status. */
  total: number;
  active: number;
  trained: number;
}

export type StrengthLevel = 'empty' | 'low' | 'near' | 'full' | 'over';

export interface TeamStrength extends TeamCounts {
  target: number;
  /** Active Mitans still needed to reach the target (0 when reached). */
  gap: number;
  /** Active strength as a percentage of the target (may exceed 100). */
  percent: number;
  level: StrengthLevel;
}

export const DEFAULT_TEAM_TARGET = 25;

export function countsFrom(values: Record<string, number> | undefined): TeamCounts {
  return { total: values?.total ?? 0, active: values?.active ?? 0, trained: values?.trained ?? 0 };
}

/** The team's own target, else the thana's setting, else 25. */
export function teamTarget(team: Record<string, unknown>, settings: Record<string, unknown>): number {
  for (const v of [team.target, settings.teamTarget]) if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  return DEFAULT_TEAM_TARGET;
}

export function teamStrength(counts: TeamCounts, target: number): TeamStrength {
  const gap = Math.max(0, target - counts.active);
  const percent = target > 0 ? Math.round((counts.active / target) * 100) : 0;
  const level: StrengthLevel =
    counts.active === 0 ? 'empty' : counts.active > target ? 'over' : counts.active === target ? 'full' : percent >= 80 ? 'near' : 'low';
  return { ...counts, target, gap, percent, level };
}

export const LEVEL_LABEL: Record<StrengthLevel, Bilingual> = {
  empty: bi('कोई सदस्य नहीं', 'No members'),
  low: bi('कम सदस्य', 'Short'),
  near: bi('लगभग पूर्ण', 'Nearly full'),
  full: bi('पूर्ण', 'Full'),
  over: bi('लक्ष्य से अधिक', 'Over target'),
};

/** Totals over all teams, for the roster's summary line. */
export function sumStrengths(list: TeamStrength[]): TeamStrength {
  const counts = list.reduce((a, s) => ({ total: a.total + s.total, active: a.active + s.active, trained: a.trained + s.trained }), { total: 0, active: 0, trained: 0 });
  const target = list.reduce((a, s) => a + s.target, 0);
  const gap = list.reduce((a, s) => a + s.gap, 0);
  return { ...teamStrength(counts, target), gap };
}
