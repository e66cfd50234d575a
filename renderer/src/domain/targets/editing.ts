/**
 * What the in-charge types in the targets panel of settings, checked and turned into the thana
 * options to save: `targets` (goal and per-unit number per target), `idleDays`, and the shared
 * `outreachPeopleTarget`. A blank goal means "use the default".
 */
import { bi, type Issue } from '../bilingual';
import { IDLE_DAYS_SETTING, TARGETS, TARGETS_SETTING, type TargetSettings } from './definitions';

/** The panel's fields as text: `goal.<id>`, `perUnit.<id>`, `idleDays`. */
export type TargetDraft = Record<string, string>;

function parseWhole(text: string | undefined): number | null | 'bad' {
  const s = (text ?? '').replace(/[,\s]/g, '');
  if (s === '') return null;
  if (!/^\d{1,9}$/.test(s)) return 'bad';
  return Number(s);
}

export interface TargetPatch {
  patch: Record<string, unknown>;
  issues: Issue[];
}

export function targetPatch(draft: TargetDraft): TargetPatch {
  const issues: Issue[] = [];
  const targets: TargetSettings = {};
  const patch: Record<string, unknown> = {};
  const bad = (field: string, hi: string, en: string) => issues.push({ field, code: 'int', severity: 'error', message: bi(hi, en) });
  for (const t of TARGETS) {
    const goal = parseWhole(draft[`goal.${t.id}`]);
    if (goal === 'bad' || goal === 0) bad(`goal.${t.id}`, 'लक्ष्य 1 या अधिक पूर्ण संख्या हो, या खाली छोड़ें', 'The goal must be a whole number of 1 or more, or blank');
    else if (t.type === 'percent' && goal !== null && goal > 100) bad(`goal.${t.id}`, 'प्रतिशत 1 से 100 के बीच हो', 'The percentage must be between 1 and 100');
    const perUnit = t.perUnit ? parseWhole(draft[`perUnit.${t.id}`]) : null;
    if (perUnit === 'bad' || perUnit === 0) bad(`perUnit.${t.id}`, 'संख्या 1 या अधिक पूर्ण संख्या हो, या खाली छोड़ें', 'The number must be a whole number of 1 or more, or blank');
    const g = typeof goal === 'number' && goal > 0 ? goal : null;
    const u = typeof perUnit === 'number' && perUnit > 0 ? perUnit : null;
    if (t.goalSetting) patch[t.goalSetting] = g;
    else if (g || u) targets[t.id] = { ...(g ? { goal: g } : {}), ...(u ? { perUnit: u } : {}) };
    if (t.goalSetting && u) targets[t.id] = { perUnit: u };
  }
  const idle = parseWhole(draft[IDLE_DAYS_SETTING]);
  if (idle === 'bad' || (typeof idle === 'number' && (idle < 1 || idle > 90)))
    bad(IDLE_DAYS_SETTING, 'निष्क्रिय मानने के दिन 1 से 90 के बीच हों', 'Idle days must be between 1 and 90');
  patch[IDLE_DAYS_SETTING] = typeof idle === 'number' ? idle : null;
  patch[TARGETS_SETTING] = targets;
  return { patch, issues };
}

/** The panel's fields from the stored settings (blank where the default applies). */
export function targetDraft(settings: Record<string, unknown>): TargetDraft {
  const stored = (settings[TARGETS_SETTING] ?? {}) as TargetSettings;
  const draft: TargetDraft = {};
  for (const t of TARGETS) {
    const goal = t.goalSetting ? settings[t.goalSetting] : stored[t.id]?.goal;
    draft[`goal.${t.id}`] = typeof goal === 'number' && goal > 0 ? String(goal) : '';
    if (t.perUnit) draft[`perUnit.${t.id}`] = stored[t.id]?.perUnit ? String(stored[t.id]!.perUnit) : '';
  }
  const idle = settings[IDLE_DAYS_SETTING];
  draft[IDLE_DAYS_SETTING] = typeof idle === 'number' ? String(idle) : '';
  return draft;
}
