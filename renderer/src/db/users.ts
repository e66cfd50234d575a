/** People on a shared PC: each signs in with their own name and PIN (design §3.11). */
import { bi, DomainError } from '@/domain/bilingual';
import { assertPinShape, hashPin, samePinHash, LOCKOUT_MINUTES, MAX_FAILED_PINS, MAX_LOCKOUT_MINUTES, PIN_ITERATIONS } from '@/domain/pin';
import { initialsOf, type Actor } from '@/domain/records';
import { ROLES, type Role } from '@/domain/roles';
import { ulid } from '@/domain/ulid';
import type { StationContext } from './context';
import { actorOf, trustedActor } from './actor';
import { auditRow } from './repository';
import type { UserRow } from './schema';

export interface NewUser {
  name: string;
  rank: string;
  role: Role;
  pin: string;
}

export { actorOf };

function validateNewUser(u: NewUser): void {
  if (u.name.trim().length < 2) throw new DomainError('user.name', bi('नाम लिखें', 'Enter the name'));
  if (!u.rank.trim()) throw new DomainError('user.rank', bi('पद चुनें', 'Choose the rank'));
  if (!ROLES.includes(u.role)) throw new DomainError('user.role', bi('भूमिका चुनें', 'Choose the role'));
  assertPinShape(u.pin);
}

/** How many PBKDF2 rounds new PINs get; tests lower it, the app never does. */
let iterations = PIN_ITERATIONS;
export function setPinIterationsForTests(n: number): void {
  iterations = n;
}

async function buildUser(ctx: StationContext, u: NewUser, createdBy: string | null): Promise<UserRow> {
  validateNewUser(u);
  const existing = await ctx.db.users.where('name').equalsIgnoreCase(u.name.trim()).first();
  if (existing) throw new DomainError('user.exists', bi('इस नाम का उपयोगकर्ता पहले से है', 'A user with this name already exists'));
  const pin = await hashPin(u.pin, iterations);
  return {
    id: `user:${ulid(ctx.now().getTime())}`,
    name: u.name.trim(),
    rank: u.rank.trim(),
    role: u.role,
    initials: initialsOf(u.name),
    ...pin,
    failedCount: 0,
    lockedUntil: null,
    active: true,
    createdAt: ctx.now().toISOString(),
    createdBy,
  };
}

/** The first user, created at setup: the thana in-charge (a district PC's: the district admin). */
export async function createFirstUser(ctx: StationContext, u: Omit<NewUser, 'role'>, role: 'incharge' | 'district-admin' = 'incharge'): Promise<UserRow> {
  const row = await buildUser(ctx, { ...u, role }, null);
  await ctx.db.transaction('rw', ctx.db.users, ctx.db.audit, async () => {
    if ((await ctx.db.users.count()) > 0)
      throw new DomainError('setup.done', bi('पहला उपयोगकर्ता पहले ही बन चुका है', 'The first user already exists'));
    await ctx.db.users.add(row);
    await ctx.db.audit.add(auditRow(ctx, actorOf(row), 'user', { summary: `${row.name} (${row.role})` }));
  });
  return row;
}

export async function addUser(ctx: StationContext, claimed: Actor, u: NewUser): Promise<UserRow> {
  let actor = await trustedActor(ctx, claimed, 'users.manage');
  const row = await buildUser(ctx, u, actor.userId);
  await ctx.db.transaction('rw', ctx.db.users, ctx.db.audit, async () => {
    actor = await trustedActor(ctx, actor, 'users.manage');
    await ctx.db.users.add(row);
    await ctx.db.audit.add(auditRow(ctx, actor, 'user', { summary: `+ ${row.name} (${row.role})` }));
  });
  return row;
}

export async function setUserActive(ctx: StationContext, claimed: Actor, userId: string, active: boolean): Promise<void> {
  if (userId === claimed.userId && !active)
    throw new DomainError('user.self', bi('आप स्वयं को निष्क्रिय नहीं कर सकते', 'You cannot deactivate yourself'));
  await ctx.db.transaction('rw', ctx.db.users, ctx.db.audit, async () => {
    const actor = await trustedActor(ctx, claimed, 'users.manage');
    const u = await ctx.db.users.get(userId);
    if (!u) throw new DomainError('not-found', bi('उपयोगकर्ता नहीं मिला', 'User not found'));
    await ctx.db.users.put({ ...u, active, failedCount: 0, lockedUntil: null, lockouts: 0 });
    await ctx.db.audit.add(auditRow(ctx, actor, 'user', { summary: `${active ? 'सक्रिय' : 'निष्क्रिय'} ${u.name}` }));
  });
}

export async function listUsers(ctx: StationContext): Promise<UserRow[]> {
  return (await ctx.db.users.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'hi'));
}

/** How long the next lock lasts: LOCKOUT_MINUTES, doubled after each lock since the last good PIN, at most a day. */
export function lockoutMinutes(previousLocks: number): number {
  return Math.min(LOCKOUT_MINUTES * 2 ** Math.max(0, previousLocks), MAX_LOCKOUT_MINUTES);
}

/**
 * Check a PIN. Five wrong PINs lock that user, for LOCKOUT_MINUTES the first time and twice as
 * long after each further lock; each attempt is audited. The slow hash is computed first, then the
 * lock, the comparison and the count happen in ONE transaction on the stored row, so attempts made
 * at the same moment queue behind each other: 40 at once count 40, and the sixth finds the lock.
 * Returns the signed-in actor, or throws a DomainError with a bilingual message.
 */
export async function signIn(ctx: StationContext, userId: string, pin: string): Promise<Actor> {
  const before = await ctx.db.users.get(userId);
  if (!before || !before.active) throw new DomainError('signin.user', bi('उपयोगकर्ता नहीं मिला या निष्क्रिय है', 'User not found or inactive'));
  // Outside the transaction: WebCrypto's promise would let IndexedDB commit it half-way.
  const candidate = await hashPin(pin, before.iterations, before.salt);
  // The refusal is returned, not thrown, inside: a throw would roll the count back.
  const outcome = await ctx.db.transaction('rw', ctx.db.users, ctx.db.audit, async (): Promise<Actor | DomainError> => {
    const u = await ctx.db.users.get(userId);
    if (!u || !u.active) return new DomainError('signin.user', bi('उपयोगकर्ता नहीं मिला या निष्क्रिय है', 'User not found or inactive'));
    const now = ctx.now();
    if (u.lockedUntil && Date.parse(u.lockedUntil) > now.getTime()) {
      await ctx.db.audit.add(auditRow(ctx, null, 'signin-failed', { summary: `${u.name} (बंद / locked)` }));
      const left = Math.ceil((Date.parse(u.lockedUntil) - now.getTime()) / 60_000);
      return new DomainError(
        'signin.locked',
        bi(`बार-बार गलत पिन के कारण खाता ${left} मिनट के लिए बंद है`, `Too many wrong PINs: this user is locked for ${left} more minutes`),
      );
    }
    // A PIN changed between the hash and now has another salt: then it is simply wrong.
    if (u.salt === candidate.salt && u.iterations === candidate.iterations && samePinHash(candidate.hash, u.hash)) {
      await ctx.db.users.put({ ...u, failedCount: 0, lockedUntil: null, lockouts: 0 });
      await ctx.db.audit.add(auditRow(ctx, actorOf(u), 'signin', { summary: u.name }));
      return actorOf(u);
    }
    const failed = u.failedCount + 1;
    const locked = failed >= MAX_FAILED_PINS;
    const mins = lockoutMinutes(u.lockouts ?? 0);
    await ctx.db.users.put({
      ...u,
      failedCount: locked ? 0 : failed,
      lockedUntil: locked ? new Date(now.getTime() + mins * 60_000).toISOString() : null,
      lockouts: (u.lockouts ?? 0) + (locked ? 1 : 0),
    });
    await ctx.db.audit.add(auditRow(ctx, null, locked ? 'lockout' : 'signin-failed', { summary: `${u.name} (${failed})` }));
    if (locked)
      return new DomainError(
        'signin.locked',
        bi(`पाँच बार गलत पिन: खाता ${mins} मिनट के लिए बंद किया गया`, `Five wrong PINs: this user is locked for ${mins} minutes`),
      );
    return new DomainError(
      'signin.pin',
      bi(`पिन गलत है (${MAX_FAILED_PINS - failed} प्रयास शेष)`, `Wrong PIN (${MAX_FAILED_PINS - failed} tries left)`),
    );
  });
  if (outcome instanceof DomainError) throw outcome;
  return outcome;
}
