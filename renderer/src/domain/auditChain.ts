/**
 * The audit log's hash chain (issue #14 item 10). Every audit row a PC writes carries
 *   pc        the chain's key: this PC's own id (one chain per PC, so rows synced from other PCs
 *             keep their own chains and two PCs working offline never interleave),
 *   seq       its position in that chain (1, 2, 3 …),
 *   prevHash  the hash of the PC's previous row ('' for the first), and
 *   hash      SHA-256 of `chainText(row)`: the row's content and prevHash, canonically serialised.
 * Deleting a row leaves a gap in `seq`; editing a row breaks its hash; a row slipped in with a
 * made-up prevHash does not follow its predecessor; two rows claiming one position means one is
 * forged. `ChainChecker` finds each of these, per PC, with the position, in Hindi and English.
 *
 * What a chain cannot show: rows cut off the END of a chain (the hub keeps its copy: audit docs
 * there are create-only), or a whole chain rewritten by someone who recomputes every hash (the
 * rows already on the hub, and on the other PCs, still hold the old ones).
 */
import { bi, type Bilingual } from './bilingual';
import { stableStringify } from './canonical';

/** Bumped only if the serialisation below ever changes (old rows keep verifying under their version). */
export const CHAIN_VERSION = 'cmtd-audit-1';

/** The fields of an audit row that the hash covers (sync state and hub revision are not content). */
export interface ChainableRow {
  id: string;
  thana: string;
  at: string;
  userId: string | null;
  userName: string | null;
  role: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  pc?: string;
  seq?: number;
  prevHash?: string;
  hash?: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The exact text that is hashed: a fixed-order JSON array, objects with sorted keys. */
export function chainText(row: ChainableRow): string {
  return stableStringify([
    CHAIN_VERSION,
    row.pc ?? null,
    row.seq ?? null,
    row.prevHash ?? null,
    row.id,
    row.thana,
    row.at,
    row.userId ?? null,
    row.userName ?? null,
    row.role ?? null,
    row.action,
    row.recordType ?? null,
    row.recordId ?? null,
    row.summary ?? '',
    row.before ?? null,
    row.after ?? null,
  ]);
}

/** Rows (in the order written) linked onto `head`: copies with pc, seq, prevHash and hash set. */
export function linkRows<T extends ChainableRow>(rows: readonly T[], pc: string, head: ChainHead | null, hash: (text: string) => string): { rows: T[]; head: ChainHead | null } {
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? '';
  const out = rows.map((r) => {
    const linked = { ...r, pc, seq: ++seq, prevHash: prev };
    linked.hash = hash(chainText(linked));
    prev = linked.hash;
    return linked;
  });
  return { rows: out, head: out.length ? { seq, hash: prev } : head };
}

export type ChainProblemKind = 'gap' | 'edited' | 'not-linked' | 'duplicate';

export interface ChainProblem {
  pc: string;
  kind: ChainProblemKind;
  /** The position in the PC's chain (for a gap: the first missing position). */
  position: number;
  /** For a gap: the last missing position. */
  to?: number;
  rowId?: string;
  at?: string;
  message: Bilingual;
}

export interface ChainSummary {
  pc: string;
  rows: number;
  /** The `at` of the chain's first row here: rows of this PC written before it are not chained. */
  since: string | null;
  last: number;
}

export interface ChainReport {
  chains: ChainSummary[];
  problems: ChainProblem[];
  /** Problems found beyond those listed (a broken log can have thousands). */
  moreProblems: number;
}

/** Positions as people count them, and the PC's short name for the messages. */
const pcName = (pc: string) => `…${pc.slice(-6)}`;

function problemMessage(p: Omit<ChainProblem, 'message'>): Bilingual {
  const pc = pcName(p.pc);
  switch (p.kind) {
    case 'gap':
      return p.to !== undefined && p.to !== p.position
        ? bi(`पीसी ${pc}: क्रम ${p.position} से ${p.to} तक की ${p.to - p.position + 1} पंक्तियाँ लॉग से हटाई गई हैं`, `PC ${pc}: ${p.to - p.position + 1} rows at positions ${p.position}–${p.to} were deleted from the log`)
        : bi(`पीसी ${pc}: क्रम ${p.position} की पंक्ति लॉग से हटाई गई है`, `PC ${pc}: the row at position ${p.position} was deleted from the log`);
    case 'edited':
      return bi(`पीसी ${pc}: क्रम ${p.position} की पंक्ति लिखे जाने के बाद बदली गई है या जाली है (हैश मेल नहीं खाता)`, `PC ${pc}: the row at position ${p.position} was edited after it was written, or forged (its hash does not match)`);
    case 'not-linked':
      return bi(`पीसी ${pc}: क्रम ${p.position} की पंक्ति पिछली पंक्ति से जुड़ी नहीं है: बीच में डाली गई या जाली पंक्ति`, `PC ${pc}: the row at position ${p.position} does not follow the row before it: inserted or forged`);
    case 'duplicate':
      return bi(`पीसी ${pc}: क्रम ${p.position} पर दो पंक्तियाँ हैं: एक जाली है`, `PC ${pc}: two rows claim position ${p.position}: one of them is forged`);
  }
}

/**
 * Checks chained rows fed in chain order (by pc, then seq; `[pc+seq]` index order), a page at a
 * time, with an async digest (WebCrypto on the audit page). Keeps one chain's state at a time.
 */
export class ChainChecker {
  private readonly chains: ChainSummary[] = [];
  private readonly problems: ChainProblem[] = [];
  private more = 0;
  private cur: { summary: ChainSummary; lastHash: string } | null = null;

  constructor(
    private readonly digest: (text: string) => Promise<string>,
    private readonly maxProblems = 200,
  ) {}

  private report(p: Omit<ChainProblem, 'message'>): void {
    if (this.problems.length >= this.maxProblems) this.more++;
    else this.problems.push({ ...p, message: problemMessage(p) });
  }

  async feed(rows: readonly ChainableRow[]): Promise<void> {
    const hashes = await Promise.all(rows.map((r) => this.digest(chainText(r))));
    rows.forEach((r, i) => this.one(r, hashes[i]!));
  }

  private one(r: ChainableRow, computed: string): void {
    const pc = r.pc ?? '';
    const seq = typeof r.seq === 'number' && Number.isInteger(r.seq) && r.seq > 0 ? r.seq : 0;
    if (!this.cur || this.cur.summary.pc !== pc) {
      const summary: ChainSummary = { pc, rows: 0, since: r.at ?? null, last: 0 };
      this.chains.push(summary);
      this.cur = { summary, lastHash: '' };
    }
    const c = this.cur;
    const where = { pc, rowId: r.id, at: r.at };
    c.summary.rows++;
    const edited = r.hash !== computed || seq === 0;
    const last = c.summary.last;
    if (seq === last) {
      this.report({ ...where, kind: 'duplicate', position: seq });
      if (edited) this.report({ ...where, kind: 'edited', position: seq });
      return; // the first row at this position stays the chain's
    }
    // In chain order: what is missing before this row, then whether it follows, then the row itself.
    if (seq > last + 1) this.report({ pc, kind: 'gap', position: last + 1, to: seq - 1 });
    else if (r.prevHash !== c.lastHash) this.report({ ...where, kind: 'not-linked', position: seq });
    if (edited) this.report({ ...where, kind: 'edited', position: seq });
    c.summary.last = seq;
    c.lastHash = typeof r.hash === 'string' ? r.hash : '';
  }

  finish(): ChainReport {
    return { chains: this.chains, problems: this.problems, moreProblems: this.more };
  }
}

/** The line the audit page shows for rows written before chaining began. */
export function unchainedMessage(count: number, before: string | null, formatDate: (iso: string) => string): Bilingual {
  const when = before ? formatDate(before) : null;
  return when
    ? bi(`${count} पंक्तियाँ ${when} से पहले की हैं और शृंखला में नहीं हैं (हैश शृंखला इस संस्करण से शुरू हुई)`, `${count} rows are from before ${when} and are not chained (the hash chain began with this version)`)
    : bi(`${count} पंक्तियाँ शृंखला में नहीं हैं (हैश शृंखला से पहले की)`, `${count} rows are not chained (written before the hash chain)`);
}
