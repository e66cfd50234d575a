/**
 * The legend of initials under a printed register (issue #17 item 7): a paper register says
 * whose initials stand against its corrections and cancellations, e.g.
 * "रकत = रमेश कुमार तिवारी, प्रधान आरक्षक, लेखक (मोहर्रिर) / Writer (moharrir)".
 * Only the initials that appear on that print are listed, in the order they first appear.
 */
import { ROLE_LABEL } from '@/domain/roles';
import type { StationContext } from '@/db/context';

export const LEGEND_TITLE = 'संक्षिप्त हस्ताक्षर / Initials';

/** Initials as a version entry carries them: who (user id) and the name at that time. */
export interface InitialsHolder {
  initials: string;
  by: string;
  byName: string;
}

/** Collects the initials a print shows; the same initials of two people are two lines. */
export class InitialsSeen {
  private readonly seen = new Map<string, InitialsHolder>();

  add(h: InitialsHolder): void {
    if (!h.initials) return;
    const key = `${h.initials}\u0000${h.by}`;
    if (!this.seen.has(key)) this.seen.set(key, { initials: h.initials, by: h.by, byName: h.byName });
  }

  get list(): InitialsHolder[] {
    return [...this.seen.values()];
  }
}

/**
 * One line per holder: the user's full name, rank and role from this PC's user list; a holder
 * not on it (an entry corrected on another PC) keeps the name the entry recorded.
 */
export async function initialsLegend(ctx: StationContext, holders: InitialsHolder[]): Promise<string[]> {
  if (!holders.length) return [];
  const users = await ctx.db.users.bulkGet([...new Set(holders.map((h) => h.by))]);
  const byId = new Map(users.filter((u) => u !== undefined).map((u) => [u.id, u]));
  return holders.map((h) => {
    const u = byId.get(h.by);
    const role = u ? ROLE_LABEL[u.role] : null;
    return `${h.initials} = ${[u?.name || h.byName, u?.rank, role ? `${role.hi} / ${role.en}` : ''].filter(Boolean).join(', ')}`;
  });
}
