/** Shared pieces of the records tests: a fresh database, a context with an injectable clock, actors, a small register. */
import { StationDb } from '../../../renderer/src/db/schema';
import type { StationContext } from '../../../renderer/src/db/context';
import type { Actor } from '../../../renderer/src/domain/records';
import type { RegisterDef } from '../../../renderer/src/domain/registers/types';
import { bi } from '../../../renderer/src/domain/bilingual';

export function freshDb(): StationDb {
  return new StationDb(`t-${crypto.randomUUID()}`);
}

/** A clock the test moves by hand; `ctx.now` reads it. */
export interface Clock {
  now: Date;
}

export function makeCtx(db: StationDb, clock: Clock = { now: new Date('2026-11-28T06:30:00Z') }, pcSeries = ''): StationContext {
  return { db, thana: 'BSPKOTA', pcSeries, now: () => new Date(clock.now), settings: () => ({}) };
}

const actor = (role: Actor['role'], name: string): Actor => ({ userId: `user:${role}`, name, rank: 'आरक्षक', role, initials: name.slice(0, 1) });
export const writer = actor('writer', 'लता लेखक');
export const nodal = actor('nodal', 'सुनीता वर्मा');
export const incharge = actor('incharge', 'रमेश कुमार साहू');

/**
 * A small serial register stored in the outreach table: a date that decides the serial year
 * and a note. `boom` notes make its totals function throw, to fail a write after the record add.
 */
export const diaryRegister: RegisterDef = {
  type: 'outreach',
  title: bi('परीक्षण पंजी', 'Test register'),
  printTitle: bi('परीक्षण पंजी', 'Test register'),
  serial: true,
  serialDateField: 'date',
  schemaVersion: 1,
  searchFields: ['note'],
  fields: [
    { key: 'date', label: bi('दिनांक', 'Date'), type: 'date', required: true },
    { key: 'note', label: bi('विवरण', 'Note'), type: 'text', required: true },
    { key: 'count', label: bi('संख्या', 'Count'), type: 'int' },
  ],
  totals: (d) => {
    if (d.note === 'boom') throw new Error('injected failure after the record add');
    return [{ key: `test:day:${String(d.date)}`, values: { entries: 1, count: Number(d.count ?? 0) } }];
  },
};

/** The same register without a serial date field: the serial year is the creation date in IST. */
export const byCreationDate: RegisterDef = { ...diaryRegister, serialDateField: undefined };

/** These people as rows of the users table: active, as sign-in found them. */
function userRows(people: Actor[]) {
  return people.map((a) => ({
    id: a.userId, name: a.name, rank: a.rank, role: a.role, initials: a.initials, salt: '', hash: '', iterations: 1,
    failedCount: 0, lockedUntil: null, active: true, createdAt: '2026-11-01T00:00:00.000Z', createdBy: null,
  }));
}

/**
 * A database whose users table holds these people from the start: sensitive operations (users,
 * settings, restore, verification) read the actor back from there (renderer/src/db/actor.ts).
 */
export function staffed(db: StationDb, ...people: Actor[]): StationDb {
  db.on('populate', (tx) => {
    void tx.table('users').bulkAdd(userRows(people));
  });
  return db;
}
