/**
 * Progress against a target, computed locally from the figures (CHT: targets are evaluated on the
 * device, per period): value, goal, percent, the run-rate over the campaign days gone, the date
 * the goal would be reached at that pace, and the days left.
 */
import { bi, type Bilingual } from '../bilingual';
import { addDays, daysBetween, formatDateIN, isValidDate } from '../dates';
import { goalOf, perUnitOf, TARGETS, type TargetDef, type TargetInputs } from './definitions';

export interface CampaignClock {
  today: string;
  start: string | null;
  end: string | null;
  /** Campaign days gone, today included (0 before the start; the whole campaign after the end). */
  elapsedDays: number;
  /** Days after today up to and including the end (0 on the last day and after). */
  daysLeft: number | null;
  totalDays: number | null;
  started: boolean;
  ended: boolean;
}

export function campaignClock(settings: Record<string, unknown>, today: string): CampaignClock {
  const start = isValidDate(settings.campaignStart) ? settings.campaignStart : null;
  const end = isValidDate(settings.campaignEnd) ? settings.campaignEnd : null;
  const totalDays = start && end && end >= start ? daysBetween(start, end) + 1 : null;
  const started = !!start && today >= start;
  const ended = !!end && today > end;
  const last = end && today > end ? end : today;
  const elapsedDays = start && started ? daysBetween(start, last) + 1 : 0;
  const daysLeft = end ? (ended ? 0 : start && !started ? (totalDays ?? daysBetween(today, end)) : daysBetween(today, end)) : null;
  return { today, start, end, elapsedDays, daysLeft, totalDays, started, ended };
}

/**
 * reached: the goal is met. on-track: at the current pace the goal is met by the campaign end.
 * behind: not at this pace before the end. stalled: nothing counted yet. not-started: before the
 * campaign start. no-goal: no goal known. unpaced: a share of units, which has no pace.
 */
export type Pace = 'reached' | 'on-track' | 'behind' | 'stalled' | 'not-started' | 'no-goal' | 'unpaced';

export interface TargetProgress {
  def: TargetDef;
  value: number;
  /** Percent targets: the units tested. */
  of: number | null;
  /** Percent targets: the share of units that pass, 0–100 with one decimal. */
  share: number | null;
  /** A count for count targets, a percentage for percent targets. */
  goal: number | null;
  /** Progress towards the goal, 0–100+ with one decimal. */
  percent: number | null;
  /** Percent targets with a per-unit threshold: that threshold (e.g. 25 people a week). */
  perUnit: number | null;
  /** Per day over the campaign days gone, one decimal (count targets). */
  runRate: number | null;
  /** Per day still needed to reach the goal by the campaign end, one decimal (rounded up). */
  requiredRate: number | null;
  /** Still needed to reach the goal. */
  remaining: number | null;
  projectedDate: string | null;
  pace: Pace;
  clock: CampaignClock;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function targetProgress(def: TargetDef, inputs: TargetInputs, settings: Record<string, unknown>, clock: CampaignClock): TargetProgress {
  const perUnit = def.perUnit ? perUnitOf(def, settings) : null;
  const { value, of } = def.value(inputs, perUnit ?? 0);
  const goal = goalOf(def, settings, inputs);
  const base: TargetProgress = {
    def,
    value,
    of: of ?? null,
    share: null,
    goal,
    percent: null,
    perUnit,
    runRate: null,
    requiredRate: null,
    remaining: null,
    projectedDate: null,
    pace: goal ? 'unpaced' : 'no-goal',
    clock,
  };
  if (def.type === 'percent') {
    const share = of ? oneDecimal((value * 100) / of) : null;
    base.share = share;
    if (goal && share !== null) {
      base.percent = oneDecimal((share * 100) / goal);
      base.pace = share >= goal ? 'reached' : 'unpaced';
    }
    return base;
  }
  if (!goal) return base;
  base.percent = oneDecimal((value * 100) / goal);
  base.remaining = Math.max(0, goal - value);
  base.runRate = clock.elapsedDays > 0 ? oneDecimal(value / clock.elapsedDays) : null;
  // The days left after today, plus today itself while the campaign runs.
  const daysToGo = clock.daysLeft === null || clock.ended ? 0 : clock.daysLeft + (clock.started ? 1 : 0);
  base.requiredRate = base.remaining > 0 && daysToGo > 0 ? Math.ceil((base.remaining * 10) / daysToGo) / 10 : null;
  if (value >= goal) base.pace = 'reached';
  else if (!clock.started) base.pace = 'not-started';
  else if (!value) base.pace = 'stalled';
  else {
    // Exact pace (not the rounded run-rate): days still needed at value / elapsedDays per day.
    const days = Math.ceil((base.remaining * clock.elapsedDays) / value);
    base.projectedDate = addDays(clock.today, days);
    base.pace = clock.end && base.projectedDate <= clock.end ? 'on-track' : 'behind';
  }
  return base;
}

export function allTargetProgress(inputs: TargetInputs, settings: Record<string, unknown>, clock: CampaignClock): TargetProgress[] {
  return TARGETS.map((t) => targetProgress(t, inputs, settings, clock));
}

const FAR_OFF_DAYS = 730;

/** The pace in words (never colour alone). */
export function paceText(p: TargetProgress): Bilingual {
  const end = formatDateIN(p.clock.end);
  switch (p.pace) {
    case 'reached':
      return bi('लक्ष्य पूरा', 'Goal reached');
    case 'on-track':
      return bi(`इस गति से ${formatDateIN(p.projectedDate)} तक पूरा`, `At this pace, reached by ${formatDateIN(p.projectedDate)}`);
    case 'behind':
      // Years away says no more than "not at this pace"; the required pace says what to do.
      if (p.clock.end && p.projectedDate && daysBetween(p.clock.end, p.projectedDate) > FAR_OFF_DAYS)
        return bi(`इस गति से अभियान समाप्ति (${end}) तक पूरा नहीं होगा — दो वर्ष से भी अधिक लगेंगे`, `Not at this pace before the campaign end (${end}) — it would take over two years more`);
      return p.clock.end
        ? bi(
            `इस गति से अभियान समाप्ति (${end}) तक पूरा नहीं होगा — अनुमान ${formatDateIN(p.projectedDate)}`,
            `Not at this pace before the campaign end (${end}) — projected ${formatDateIN(p.projectedDate)}`,
          )
        : bi(`इस गति से ${formatDateIN(p.projectedDate)} तक`, `At this pace, by ${formatDateIN(p.projectedDate)}`);
    case 'stalled':
      return bi('अभी तक कोई प्रगति नहीं', 'No progress yet');
    case 'not-started':
      return bi('अभियान अभी प्रारंभ नहीं हुआ', 'The campaign has not started');
    case 'no-goal':
      return bi('लक्ष्य निर्धारित नहीं', 'No goal set');
    default:
      return bi('लक्ष्य से कम', 'Below the goal');
  }
}

/** How far along it is, in words, for the bar's label ("N of M"). */
export function progressText(p: TargetProgress, format: (n: number) => string): Bilingual {
  if (p.def.type === 'percent') {
    const of = p.of ?? 0;
    const goal = p.goal ? ` (${p.goal}%)` : '';
    return bi(`${format(p.value)} / ${format(of)} — ${p.share ?? 0}%, लक्ष्य${goal}`, `${format(p.value)} of ${format(of)} — ${p.share ?? 0}%, goal${goal}`);
  }
  if (!p.goal) return bi(format(p.value), format(p.value));
  return bi(`${format(p.value)} / ${format(p.goal)} (${p.percent}%)`, `${format(p.value)} of ${format(p.goal)} (${p.percent}%)`);
}
