import { describe, expect, it } from 'vitest';
import { mitanRegister, CONSENT_PENDING_KEY } from '../../../renderer/src/domain/registers/mitan';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { createRecord } from '../../../renderer/src/db/repository';
import { createTeam } from '../../../renderer/src/db/roster';
import { chooseLegacy, openImport, prepareImport, writeImport } from '../../../renderer/src/import/session';
import { isFooterRow } from '../../../renderer/src/import/footer';
import { CONSENT_RECEIVED_REASON, consentPending, recordConsentForms } from '../../../renderer/src/db/consent';
import { station, teamInput, writer } from '../roster/fixture';
import { CHANAKYA_NAMES, chanakyaRosterWorkbook, ISSUE_ROWS, issueRosterWorkbook, KRUTI_NAMES, krutiRosterWorkbook, latinVillagesWorkbook } from './roster-files';

async function thana() {
  const ctx = station();
  const team = (await createTeam(ctx, writer, teamInput(1))).record;
  const places = [];
  for (const name of ['सकरी', 'बेलतरा']) places.push((await createRecord(ctx, writer, placeRegister, { name, kind: 'village', area: 'rural' })).record);
  return { ctx, team, places };
}

describe('A roster as thanas keep it (issue 17)', () => {
  it('takes the 6 good rows with team and "consent form to be collected" set for all rows, refuses the 4 bad ones, and counts every skipped row', async () => {
    const { ctx, team } = await thana();
    const session = await openImport(mitanRegister, await issueRosterWorkbook(), 'roster.xlsx');
    expect(session.header?.extra).toHaveLength(1); // the English header row under the Hindi one
    expect(session.mapping).not.toContain('consentDate');
    const plan = await prepareImport(ctx, session, { defaults: { teamId: team.id, consentPending: true } });
    const good = ISSUE_ROWS.filter((r) => r.good).map((r) => r.cells[1]);
    expect(plan.accepted.map((r) => r.data.name)).toEqual(good);
    expect(plan.rejected).toHaveLength(4);
    for (const bad of ISSUE_ROWS.filter((r) => !r.good)) {
      const rejected = plan.rejected.find((r) => r.cells[1] === bad.cells[1]);
      expect(rejected?.reasons.map((x) => `${x.hi} ${x.en}`).join(' '), String(bad.cells[1])).toContain(bad.why);
    }
    expect(plan.skippedBlank).toBe(2); // the blank row in the data and the one above the signature
    expect(plan.skippedHeaders).toBe(1); // the repeated header
    expect(plan.skippedFooter).toBe(2); // signature row and the date of the print
    expect(plan.total).toBe(10);
    expect(plan.accepted[0]!.data).toMatchObject({ dob: '1998-04-12', mobile: '9826100001', trainingDate: '2026-02-20', consentPending: true, consentDate: null });

    const result = await writeImport(ctx, writer, session, plan);
    expect(result.created).toHaveLength(6);
    expect(await ctx.db.mitan.where('keys').equals(CONSENT_PENDING_KEY).count()).toBe(6);

    // The follow-up list: the forms come in, the date is entered for the team in one go.
    const pending = await consentPending(ctx);
    expect(pending.map((r) => r.data.name)).toEqual(good);
    await expect(recordConsentForms(ctx, writer, pending.slice(0, 4).map((r) => r.id), '2026-03-10')).resolves.toBe(4);
    expect((await consentPending(ctx)).map((r) => r.data.name)).toEqual(good.slice(4));
    const done = await ctx.db.mitan.get(pending[0]!.id);
    expect(done!.data).toMatchObject({ consentDate: '2026-03-10', consentPending: false });
    expect(done!.history.at(-1)!.reason).toBe(CONSENT_RECEIVED_REASON);
    // A date in the future is refused for the whole batch: nothing half-saved.
    await expect(recordConsentForms(ctx, writer, pending.slice(4).map((r) => r.id), '2027-01-01')).rejects.toThrow();
    expect(await consentPending(ctx)).toHaveLength(2);
  });

  it('without a consent choice the rows are refused for the missing date, as the register requires', async () => {
    const { ctx, team } = await thana();
    const session = await openImport(mitanRegister, await issueRosterWorkbook(), 'roster.xlsx');
    const plan = await prepareImport(ctx, session, { defaults: { teamId: team.id } });
    expect(plan.accepted).toHaveLength(0);
    expect(plan.rejected.every((r) => r.reasons.some((x) => x.en.includes('Consent')))).toBe(true);
    // A consent date for all rows works as well, and then nothing is pending.
    const dated = await prepareImport(ctx, session, { defaults: { teamId: team.id, consentDate: '2026-03-01', category: 'volunteer' } });
    expect(dated.accepted).toHaveLength(6);
    expect(dated.accepted.every((r) => r.data.consentDate === '2026-03-01' && r.data.consentPending !== true)).toBe(true);
  });

  it('recognises the foot of a printed roster but not an entry', () => {
    const mapped = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(isFooterRow([null, 'हस्ताक्षर', null, null, null, null, 'थाना प्रभारी'], mapped)).toBe(true);
    expect(isFooterRow(['कुल योग', null, null, 48], mapped)).toBe(true);
    expect(isFooterRow([null, 'Printed on: 25-11-2026'], mapped)).toBe(true);
    expect(isFooterRow([null, 'थाना कोटा'], mapped)).toBe(false);
    expect(isFooterRow([null, 'थाना कोटा'], mapped, true)).toBe(true);
    // A Mitan who happens to be called "प्रभारी" with a mobile is an entry.
    expect(isFooterRow([3, 'प्रभारी सिंह', 'पिता', 'पुरुष', null, 30, 9826100003], mapped)).toBe(false);
  });
});

describe('Kruti Dev rosters', () => {
  it('finds the legacy-font columns, shows examples, and imports the names as Unicode', async () => {
    const { ctx, team } = await thana();
    const session = await openImport(mitanRegister, await krutiRosterWorkbook(), 'kruti.xlsx');
    expect(session.legacy.map((c) => c.col)).toEqual(expect.arrayContaining([1, 2, 3, 6]));
    expect(session.legacy.every((c) => c.font === 'krutidev')).toBe(true);
    expect(session.legacy.find((c) => c.col === 1)!.samples).toContainEqual({ before: "jes'k dqekj lkgw", after: 'रमेश कुमार साहू' });
    expect(session.mapping.slice(1, 7)).toEqual(['name', 'relativeName', 'gender', 'age', 'mobile', 'placeId']);
    const plan = await prepareImport(ctx, session, { defaults: { teamId: team.id, consentDate: '2026-03-01', category: 'volunteer' } });
    expect(plan.accepted.map((r) => r.data.name)).toEqual(KRUTI_NAMES);
    expect(plan.accepted.map((r) => r.data.gender)).toEqual(['male', 'female']);
    // Refusing the conversion leaves the text as the file has it (and the headings unknown).
    const raw = chooseLegacy(session, false);
    expect(raw.mapping.filter(Boolean)).toHaveLength(0);
  });
});

describe('Chanakya rosters', () => {
  it('finds the Chanakya columns (not Kruti Dev), shows examples, and imports names and villages as Unicode', async () => {
    const { ctx, team } = await thana();
    const session = await openImport(mitanRegister, await chanakyaRosterWorkbook(), 'chanakya.xlsx');
    expect(session.legacy.map((c) => [c.col, c.font])).toEqual(expect.arrayContaining([[1, 'chanakya'], [2, 'chanakya'], [3, 'chanakya'], [6, 'chanakya']]));
    expect(session.legacy.some((c) => c.font === 'krutidev')).toBe(false);
    expect(session.legacy.find((c) => c.col === 1)!.samples).toContainEqual({ before: 'ÚU×ðàæ ·¤é×æÚU âæãê', after: 'रमेश कुमार साहू' });
    expect(session.mapping.slice(1, 7)).toEqual(['name', 'relativeName', 'gender', 'age', 'mobile', 'placeId']);
    const plan = await prepareImport(ctx, session, { defaults: { teamId: team.id, consentDate: '2026-03-01', category: 'volunteer' } });
    expect(plan.accepted.map((r) => r.data.name)).toEqual(CHANAKYA_NAMES);
    expect(plan.accepted.map((r) => r.data.gender)).toEqual(['male', 'female']);
    expect(plan.accepted.map((r) => plan.labels[r.data.placeId as string])).toEqual(['सकरी', 'बेलतरा']);
    expect(Object.keys(plan.added)).toHaveLength(0);
  });
});

describe('Places matched across scripts', () => {
  it('matches Latin village names to the Devanagari places, lists each match once, and remembers it as an alias', async () => {
    const { ctx, team, places } = await thana();
    const session = await openImport(mitanRegister, await latinVillagesWorkbook(), 'latin.xlsx');
    // English names and Latin village names are in no legacy font.
    expect(session.legacy).toEqual([]);
    const plan = await prepareImport(ctx, session, { defaults: { teamId: team.id, consentDate: '2026-03-01', category: 'volunteer' } });
    expect(plan.accepted).toHaveLength(3);
    expect(plan.matches.map((m) => [m.text, m.name])).toEqual([
      ['Sakri', 'सकरी'],
      ['Beltara', 'बेलतरा'],
    ]);
    expect(plan.accepted.map((r) => plan.labels[r.data.placeId as string])).toEqual(['सकरी', 'बेलतरा', 'सकरी']);
    expect(Object.keys(plan.added)).toHaveLength(0);
    await writeImport(ctx, writer, session, plan);
    const sakri = await ctx.db.place.get(places[0]!.id);
    expect(sakri!.data.aliases).toBe('Sakri');
    expect(sakri!.history.at(-1)!.reason).toContain('other spelling');

    // Next time the alias matches directly: nothing to confirm.
    const again = await openImport(mitanRegister, await latinVillagesWorkbook(), 'latin.xlsx');
    const next = await prepareImport(ctx, again, { defaults: { teamId: team.id, consentDate: '2026-03-01', category: 'volunteer' } });
    expect(next.matches).toEqual([]);
  });

  it('a match the writer refuses is not used (the village is then new or not on the list)', async () => {
    const { ctx, team } = await thana();
    const session = await openImport(mitanRegister, await latinVillagesWorkbook(), 'latin.xlsx');
    // English names and Latin village names are in no legacy font.
    expect(session.legacy).toEqual([]);
    const plan = await prepareImport(ctx, session, { defaults: { teamId: team.id, consentDate: '2026-03-01', category: 'volunteer' }, refusedMatches: ['Sakri'] });
    expect(plan.matches.map((m) => m.text)).toEqual(['Beltara']);
    expect(plan.rejected.map((r) => r.reasons[0]!.en)).toEqual(['Village/ward "Sakri" is not on the list', 'Village/ward "Sakri" is not on the list']);
  });
});
