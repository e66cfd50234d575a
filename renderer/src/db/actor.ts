/**
 * Who is really signed in. The `Actor` a screen hands to a repository is only a claim: for the
 * sensitive operations (users, roles, settings, restore, verification) the repositories read the
 * person again from the users table and check there that they are active and that their role
 * allows the operation, so an actor object made up by a script in the renderer gets nowhere.
 */
import { bi, DomainError } from '@/domain/bilingual';
import type { Actor } from '@/domain/records';
import { assertCan, type Permission } from '@/domain/roles';
import type { StationContext } from './context';
import type { UserRow } from './schema';

export function actorOf(u: UserRow): Actor {
  return { userId: u.id, name: u.name, rank: u.rank, role: u.role, initials: u.initials };
}

/**
 * The signed-in person as the users table has them, if active and allowed `permission`.
 * Call it inside the operation's transaction (with `ctx.db.users` in its scope) where there is one.
 */
export async function trustedActor(ctx: StationContext, claimed: Actor, permission: Permission): Promise<Actor> {
  // The claimed role first: the usual refusal, worded as usual, without a read.
  assertCan(claimed?.role, permission);
  const row = typeof claimed.userId === 'string' ? await ctx.db.users.get(claimed.userId) : undefined;
  if (!row || !row.active)
    throw new DomainError('forbidden', bi('यह उपयोगकर्ता इस कंप्यूटर पर सक्रिय नहीं है; फिर से साइन इन करें', 'This user is not active on this PC; sign in again'));
  assertCan(row.role, permission);
  return actorOf(row);
}
