/**
 * The legend of initials under a printed register (issue #17 item 7): a paper register says
 * whose initials stand against its corrections and cancellations, e.g.
 * "रकत = रमेश कुमार तिवारी".
 * Only the initials that appear on that print are listed, in the order they first appear.
 */

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
 * One line per holder: the initials and the name the entry recorded with them. Only what the
 * register itself carries is printed, so the legend is the same whichever PC prints the register
 * (another PC of the thana, or the district office printing it from the hub, has no user list of
 * this PC), and stays true after a user is renamed or removed. Rank and role are shown on hover in
 * the history, from this PC's user list.
 */
export function initialsLegend(holders: InitialsHolder[]): string[] {
  return holders.map((h) => `${h.initials} = ${h.byName}`);
}
