import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationDb } from '../../../renderer/src/db/schema';
import { createFirstUser, setPinIterationsForTests, signIn } from '../../../renderer/src/db/users';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { LOCKOUT_MINUTES, MAX_FAILED_PINS } from '../../../renderer/src/domain/pin';
import { freshDb, makeCtx, type Clock } from './fixtures';

let db: StationDb;
beforeEach(() => {
  db = freshDb();
  setPinIterationsForTests(1000);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('PIN sign-in', () => {
  it('stores only a salted PBKDF2 hash, and the first user is the in-charge', async () => {
    const u = await createFirstUser(makeCtx(db), { name: 'रमेश कुमार साहू', rank: 'निरीक्षक', pin: '2580' });
    const row = (await db.users.get(u.id))!;
    expect(row.role).toBe('incharge');
    expect(JSON.stringify(row)).not.toContain('2580');
    expect(row.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('five wrong PINs lock the user; even the right PIN is refused until the lock ends', async () => {
    const clock: Clock = { now: new Date('2026-11-28T06:30:00Z') };
    const ctx = makeCtx(db, clock);
    const u = await createFirstUser(ctx, { name: 'रमेश कुमार साहू', rank: 'निरीक्षक', pin: '2580' });

    for (let i = 1; i < MAX_FAILED_PINS; i++) {
      const e = await refusal(signIn(ctx, u.id, '1357'));
      expect(e.code).toBe('signin.pin');
      expect(e.bilingual.hi).toContain(`${MAX_FAILED_PINS - i} प्रयास शेष`);
      expect(e.bilingual.en).toContain(`${MAX_FAILED_PINS - i} tries left`);
    }
    const fifth = await refusal(signIn(ctx, u.id, '1357'));
    expect(fifth.code).toBe('signin.locked');
    expect(fifth.bilingual.hi).toContain('बंद');

    clock.now = new Date(clock.now.getTime() + 60_000);
    const stillLocked = await refusal(signIn(ctx, u.id, '2580'));
    expect(stillLocked.code).toBe('signin.locked');
    expect(stillLocked.bilingual.en).toContain(`${LOCKOUT_MINUTES - 1} more minutes`);

    clock.now = new Date(Date.parse('2026-11-28T06:30:00Z') + LOCKOUT_MINUTES * 60_000 + 1_000);
    const actor = await signIn(ctx, u.id, '2580');
    expect(actor).toMatchObject({ userId: u.id, role: 'incharge' });
    expect((await db.users.get(u.id))!).toMatchObject({ failedCount: 0, lockedUntil: null });

    const actions = (await db.audit.orderBy('id').toArray()).map((a) => a.action);
    // Four wrong PINs, and the right one tried during the lock: each is audited.
    expect(actions.filter((a) => a === 'signin-failed')).toHaveLength(MAX_FAILED_PINS);
    expect(actions).toContain('lockout');
    expect(actions[actions.length - 1]).toBe('signin');
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const ctx = makeCtx(db);
    const u = await createFirstUser(ctx, { name: 'रमेश कुमार साहू', rank: 'निरीक्षक', pin: '2580' });
    for (let i = 0; i < MAX_FAILED_PINS - 1; i++) await refusal(signIn(ctx, u.id, '1357'));
    await signIn(ctx, u.id, '2580');
    expect((await refusal(signIn(ctx, u.id, '1357'))).code).toBe('signin.pin');
  });
});

describe('PIN attempts made at the same moment', () => {
  it('40 wrong PINs at once count 40: five are compared, the lock stops the rest, every one is audited', async () => {
    const ctx = makeCtx(db);
    const u = await createFirstUser(ctx, { name: 'रमेश कुमार साहू', rank: 'निरीक्षक', pin: '2580' });
    const auditBefore = await db.audit.count();
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => signIn(ctx, u.id, '1357')));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const codes = results.map((r) => ((r as PromiseRejectedResult).reason as DomainError).code);
    expect(codes.filter((c) => c === 'signin.pin')).toHaveLength(MAX_FAILED_PINS - 1);
    expect(codes.filter((c) => c === 'signin.locked')).toHaveLength(40 - (MAX_FAILED_PINS - 1));
    expect((await db.users.get(u.id))!.lockedUntil).not.toBeNull();
    expect((await db.audit.count()) - auditBefore).toBe(40);
    // Even the right PIN waits for the lock to end.
    expect((await refusal(signIn(ctx, u.id, '2580'))).code).toBe('signin.locked');
  });

  it('each lock since the last good PIN lasts twice as long as the one before', async () => {
    const start = Date.parse('2026-11-28T06:30:00Z');
    const clock: Clock = { now: new Date(start) };
    const ctx = makeCtx(db, clock);
    const u = await createFirstUser(ctx, { name: 'रमेश कुमार साहू', rank: 'निरीक्षक', pin: '2580' });
    const lockFor = async (): Promise<number> => {
      for (let i = 0; i < MAX_FAILED_PINS; i++) await refusal(signIn(ctx, u.id, '1357'));
      const until = Date.parse((await db.users.get(u.id))!.lockedUntil!);
      const minutes = (until - clock.now.getTime()) / 60_000;
      clock.now = new Date(until + 1_000);
      return minutes;
    };
    expect(await lockFor()).toBe(LOCKOUT_MINUTES);
    expect(await lockFor()).toBe(LOCKOUT_MINUTES * 2);
    const third = await lockFor();
    expect(third).toBe(LOCKOUT_MINUTES * 4);
    // A good PIN starts the doubling again.
    await signIn(ctx, u.id, '2580');
    expect(await lockFor()).toBe(LOCKOUT_MINUTES);
  });
});
