/**
 * Rules of the outreach register beyond the field types (issue #5): the date window, under-18
 * within the total, someone present, times in order. Messages in both languages; `code`s are
 * stable so tests and the day sheet can point at them.
 */
import { bi, type Issue } from '../bilingual';
import { isValidDate } from '../dates';
import type { FieldContext } from '../registers/types';
import { defaultModeFor } from './options';
import { outreachTopicOptions, DEFAULT_OUTREACH_TOPICS } from './topics';

/** People counts that make up the computed total (under-18 is "of them", not added). */
export const PEOPLE_FIELDS = ['men', 'women', 'other'] as const;

/** Every count field of an entry. */
export const COUNT_FIELDS = ['men', 'women', 'other', 'under18', 'households', 'contacts', 'pamphlets', 'pledges', 'complaintsHelped'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Largest count one activity may carry: a rally of a lakh is a typing slip, not a rally. */
export const MAX_COUNT = 50_000;

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** TOTAL = men + women + other; computed, never typed. */
export function peopleTotal(record: Record<string, unknown>): number {
  return PEOPLE_FIELDS.reduce((s, k) => s + num(record[k]), 0);
}

const err = (field: string, code: string, hi: string, en: string, severity: Issue['severity'] = 'error'): Issue => ({
  field,
  code,
  severity,
  message: bi(hi, en),
});

/** The activity date: not in the future, not before the campaign began (a warning after it ended). */
export function validateActivityDate(value: unknown, ctx: FieldContext): Issue | null {
  if (!isValidDate(value)) return null;
  if (value > ctx.today)
    return err('date', 'future', 'गतिविधि का दिनांक भविष्य का नहीं हो सकता', 'The activity date cannot be in the future');
  const start = ctx.settings.campaignStart;
  if (isValidDate(start) && value < start)
    return err(
      'date',
      'before-campaign',
      `गतिविधि का दिनांक अभियान प्रारंभ (${start.split('-').reverse().join('-')}) से पहले का नहीं हो सकता`,
      `The activity date cannot be before the campaign start (${start.split('-').reverse().join('-')})`,
    );
  const end = ctx.settings.campaignEnd;
  if (isValidDate(end) && value > end)
    return err('date', 'after-campaign', 'यह दिनांक अभियान समाप्ति के बाद का है', 'This date is after the campaign end', 'warning');
  return null;
}

/** "Under 18" counts people already in the total. */
export function validateUnder18(value: unknown, ctx: FieldContext): Issue | null {
  const total = peopleTotal(ctx.record);
  if (typeof value === 'number' && value > total)
    return err(
      'under18',
      'under18.total',
      `18 वर्ष से कम (${value}) कुल व्यक्तियों (${total}) से अधिक नहीं हो सकते`,
      `Under-18 (${value}) cannot exceed the total people reached (${total})`,
    );
  return null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateTimeTo(value: unknown, ctx: FieldContext): Issue | null {
  const from = ctx.record.timeFrom;
  if (typeof value === 'string' && typeof from === 'string' && TIME.test(from) && value < from)
    return err('timeTo', 'time.order', 'समाप्ति का समय प्रारंभ के समय से पहले नहीं हो सकता', 'The end time cannot be before the start time');
  return null;
}

/** Topics outside today's list (e.g. removed since) are kept, with a warning, so old entries stay correctable. */
export function validateTopics(value: unknown, ctx: FieldContext): Issue | null {
  if (!Array.isArray(value)) return null;
  const known = new Set([...outreachTopicOptions(ctx.settings), ...DEFAULT_OUTREACH_TOPICS].map((o) => o.value));
  const unknown = value.filter((v) => !known.has(String(v)));
  return unknown.length
    ? err('topics', 'topics.unknown', `ये विषय सूची में नहीं हैं: ${unknown.join(', ')}`, `These topics are not on the list: ${unknown.join(', ')}`, 'warning')
    : null;
}

/** Names of police present, one per comma, semicolon or line. */
export function policeNameList(v: unknown): string[] {
  return typeof v === 'string' ? v.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean) : [];
}

/** Police present: the count typed, or else the names listed. */
export function policePresent(record: Record<string, unknown>): number {
  return Math.max(num(record.policeCount), policeNameList(record.policeNames).length);
}

export function mitansPresent(record: Record<string, unknown>): string[] {
  return Array.isArray(record.mitanIds) ? record.mitanIds.map(String) : [];
}

/** Rules across fields, run after every field passed its own. */
export function validateOutreachRecord(record: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (mitansPresent(record).length === 0 && policePresent(record) === 0)
    issues.push(
      err(
        'mitanIds',
        'presence',
        'कम से कम एक साइबर मितान या एक पुलिस अधिकारी/कर्मचारी उपस्थित होना चाहिए',
        'At least one Cyber Mitan or one police officer must be present',
      ),
    );
  const names = policeNameList(record.policeNames).length;
  if (typeof record.policeCount === 'number' && record.policeCount > 0 && names > record.policeCount)
    issues.push(
      err(
        'policeCount',
        'police.count',
        `पुलिस की संख्या (${record.policeCount}) लिखे गए नामों (${names}) से कम है`,
        `The police count (${record.policeCount}) is less than the names written (${names})`,
        'warning',
      ),
    );
  if (record.activityType && record.mode && record.mode !== defaultModeFor(record.activityType))
    issues.push(
      err('mode', 'mode.unusual', 'इस गतिविधि के लिए माध्यम असामान्य है, जाँच लें', 'The mode is unusual for this activity; please check', 'warning'),
    );
  const anything = peopleTotal(record) + num(record.households) + num(record.contacts) + num(record.pamphlets) + num(record.pledges);
  if (anything === 0)
    issues.push(
      err('men', 'nothing.reached', 'इस गतिविधि में कोई व्यक्ति, घर या संपर्क नहीं लिखा गया', 'No people, households or contacts were entered for this activity', 'warning'),
    );
  return issues;
}
