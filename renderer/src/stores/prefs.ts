/**
 * Per-person preferences on this PC: how Hindi is typed, how times read, which list columns show.
 * Kept in localStorage under the signed-in user's id, never in a synced record (design §3,
 * "keep per-device state out of the records that sync"): another PC or another person keeps theirs.
 */
import type { ClockStyle } from '@/domain/dates';
import type { TypingMode } from '@/domain/typing';

export interface PersonalPrefs {
  typing: TypingMode;
  clock: ClockStyle;
  /** Hidden list columns per register type (field keys); serial and name are never hidden. */
  hiddenColumns: Record<string, string[]>;
}

export const DEFAULT_PREFS: PersonalPrefs = { typing: 'system', clock: '24h', hiddenColumns: {} };

export const prefsKey = (userId: string) => `cmtd.prefs.${userId}`;

export function readPrefs(storage: Pick<Storage, 'getItem'> | undefined, userId: string | null | undefined): PersonalPrefs {
  if (!userId) return { ...DEFAULT_PREFS, hiddenColumns: {} };
  try {
    const raw = JSON.parse(storage?.getItem(prefsKey(userId)) ?? 'null') as Partial<PersonalPrefs> | null;
    return {
      typing: raw?.typing === 'remington' || raw?.typing === 'phonetic' ? raw.typing : 'system',
      clock: raw?.clock === '12h' ? '12h' : '24h',
      hiddenColumns: raw?.hiddenColumns && typeof raw.hiddenColumns === 'object' ? raw.hiddenColumns : {},
    };
  } catch {
    return { ...DEFAULT_PREFS, hiddenColumns: {} };
  }
}

export function writePrefs(storage: Pick<Storage, 'setItem'> | undefined, userId: string | null | undefined, prefs: PersonalPrefs): void {
  if (userId) storage?.setItem(prefsKey(userId), JSON.stringify(prefs));
}
