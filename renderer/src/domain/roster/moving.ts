/**
 * Moving a Mitan to another team is a correction of `teamId` with a reason: the history keeps
 * the earlier team, and the running totals move with the Mitan (design §3.2).
 */
import { bi, DomainError } from '../bilingual';
import type { StoredRecord } from '../records';

/** Refuses a move that cannot be made, in words the writer understands. */
export function assertCanMove(mitan: StoredRecord, toTeam: StoredRecord | undefined): void {
  if (mitan.cancelled) throw new DomainError('cancelled', bi('निरस्त मितान को दूसरे दल में नहीं भेजा जा सकता', 'A cancelled Mitan cannot be moved'));
  if (!toTeam || toTeam.type !== 'team') throw new DomainError('not-found', bi('चुना गया दल नहीं मिला', 'The chosen team was not found'));
  if (toTeam.cancelled) throw new DomainError('cancelled', bi('यह दल निरस्त है; दूसरा दल चुनें', 'That team is cancelled; choose another team'));
  if (mitan.data.teamId === toTeam.id) throw new DomainError('no-change', bi('मितान पहले से इसी दल में है', 'The Mitan is already in this team'));
}
