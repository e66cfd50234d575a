import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/src/domain/bilingual';
import { mitanRegister, teamTotalKey } from '../../../renderer/src/domain/registers/mitan';
import { dataAtVersion } from '../../../renderer/src/domain/records';
import { cancelRecord, readTotals } from '../../../renderer/src/db/repository';
import { cancelTeam, correctMitan, createTeam, listTeams, mitansOfTeam, mitansWithMobile, moveMitan, pageMitans, teamStrengths } from '../../../renderer/src/db/roster';
import { incharge, seedRoster, station, teamInput, writer } from './fixture';

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('Roster: Mitans and teams', () => {
  it('gives each Mitan a gap-free serial shown as thana/year/serial', async () => {
    const ctx = station();
    const { addMitan } = await seedRoster(ctx);
    const a = await addMitan({ mobile: '9000000001' });
    const b = await addMitan({ mobile: '9000000002' });
    expect([a.record.serial, b.record.serial]).toEqual(['2026/0001', '2026/0002']);
  });

  it('flags a mobile already on the roster before saving, and refuses to save it again', async () => {
    const ctx = station();
    const { addMitan } = await seedRoster(ctx);
    const first = await addMitan({ mobile: '98765 43210' });
    const flagged = await mitansWithMobile(ctx, '+91-9876543210');
    expect(flagged.map((r) => r.id)).toEqual([first.record.id]);
    expect(await mitansWithMobile(ctx, '9876543210', first.record.id)).toEqual([]);
    const e = await refusal(addMitan({ name: 'दूसरा', mobile: '09876543210' }));
    expect(e.code).toBe('duplicate');
    expect(e.bilingual.hi).toContain('पहले से पंजी में');
    expect(await ctx.db.mitan.count()).toBe(1);
    // Once the first entry is cancelled, the mobile is free again.
    await cancelRecord(ctx, incharge, mitanRegister, first.record.id, 'गलत प्रविष्टि');
    expect(await mitansWithMobile(ctx, '9876543210')).toEqual([]);
    await addMitan({ name: 'दूसरा', mobile: '9876543210' });
  });

  it('refuses a correction to a mobile another Mitan has', async () => {
    const ctx = station();
    const { addMitan } = await seedRoster(ctx);
    await addMitan({ mobile: '9000000001' });
    const b = await addMitan({ mobile: '9000000002' });
    const e = await refusal(correctMitan(ctx, writer, b.record.id, { mobile: '9000000001' }, 'नंबर सुधारा'));
    expect(e.code).toBe('duplicate');
    const ok = await correctMitan(ctx, writer, b.record.id, { mobile: '9000000003' }, 'नंबर सुधारा');
    expect(ok.record.data.mobile).toBe('9000000003');
  });

  it('refuses a Mitan in a team or village that does not exist or is cancelled', async () => {
    const ctx = station();
    const { addMitan, team2 } = await seedRoster(ctx);
    expect((await refusal(addMitan({ teamId: 'BSPKOTA:team:NOPE' }))).code).toBe('ref');
    await cancelRecord(ctx, incharge, { ...mitanRegister, type: 'team' }, team2.id, 'दल भंग');
    expect((await refusal(addMitan({ teamId: team2.id }))).code).toBe('ref');
  });

  it('refuses a second team with the same number', async () => {
    const ctx = station();
    await seedRoster(ctx);
    expect((await refusal(createTeam(ctx, writer, teamInput(2)))).code).toBe('duplicate');
    expect((await listTeams(ctx)).map((t) => t.data.teamNo)).toEqual([1, 2]);
  });

  it('reads team strength from running totals: active, trained, total, against 25', async () => {
    const ctx = station();
    const { addMitan, team1, team2 } = await seedRoster(ctx);
    await addMitan({ mobile: '9000000001', trainingDate: '2026-02-20' });
    await addMitan({ mobile: '9000000002' });
    await addMitan({ mobile: '9000000003', status: 'inactive', statusDate: '2026-03-01', statusReason: 'बाहर गए' });
    const s = await teamStrengths(ctx, [team1, team2]);
    expect(s.get(team1.id)).toMatchObject({ total: 3, active: 2, trained: 1, target: 25, gap: 23, level: 'low' });
    expect(s.get(team2.id)).toMatchObject({ total: 0, active: 0, gap: 25, level: 'empty' });
  });

  it('moving a Mitan to another team is a correction: history keeps the old team, strength moves', async () => {
    const ctx = station();
    const { addMitan, team1, team2 } = await seedRoster(ctx);
    const m = await addMitan({ mobile: '9000000001', trainingDate: '2026-02-20' });
    await addMitan({ mobile: '9000000002' });
    expect((await refusal(moveMitan(ctx, writer, m.record.id, team2.id, ''))).code).toBe('reason');
    expect((await refusal(moveMitan(ctx, writer, m.record.id, team1.id, 'वही दल'))).code).toBe('no-change');
    const moved = await moveMitan(ctx, writer, m.record.id, team2.id, 'गाँव दल 2 के क्षेत्र में है', 1);
    expect(moved.record.data.teamId).toBe(team2.id);
    expect(moved.record.version).toBe(2);
    const last = moved.record.history.at(-1)!;
    expect(last).toMatchObject({ kind: 'correct', reason: 'गाँव दल 2 के क्षेत्र में है', initials: writer.initials });
    expect(last.changes).toEqual([{ field: 'teamId', before: team1.id, after: team2.id }]);
    expect(dataAtVersion(moved.record, 1).teamId).toBe(team1.id);
    const totals = await readTotals(ctx, [teamTotalKey(team1.id), teamTotalKey(team2.id)]);
    expect(totals.get(teamTotalKey(team1.id))).toEqual({ total: 1, active: 1, trained: 0 });
    expect(totals.get(teamTotalKey(team2.id))).toEqual({ total: 1, active: 1, trained: 1 });
    expect((await mitansOfTeam(ctx, team2.id)).map((r) => r.id)).toEqual([m.record.id]);
    // A stale screen cannot move it again unseen.
    expect((await refusal(moveMitan(ctx, writer, m.record.id, team1.id, 'वापस भेजा', 1))).code).toBe('stale');
    const audit = await ctx.db.audit.where('recordId').equals(m.record.id).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'correct']);
  });

  it('a status change to withdrawn takes the Mitan out of the active strength, not the total', async () => {
    const ctx = station();
    const { addMitan, team1 } = await seedRoster(ctx);
    const m = await addMitan({ mobile: '9000000001' });
    await correctMitan(ctx, writer, m.record.id, { status: 'withdrawn', statusDate: '2026-03-10', statusReason: 'स्वयं नाम वापस लिया' }, 'नाम वापसी');
    expect((await teamStrengths(ctx, [team1])).get(team1.id)).toMatchObject({ total: 1, active: 0, gap: 25 });
    await cancelRecord(ctx, incharge, mitanRegister, m.record.id, 'दोहरी प्रविष्टि');
    expect((await teamStrengths(ctx, [team1])).get(team1.id)).toMatchObject({ total: 0, active: 0 });
  });

  it('filters the list by team, village, status, training, name and mobile, page by page', async () => {
    const ctx = station();
    const { addMitan, team1, team2, places } = await seedRoster(ctx);
    for (let i = 0; i < 12; i++)
      await addMitan({
        name: i % 2 ? `Ramesh ${i}` : `सीता ${i}`,
        mobile: `90000000${String(i).padStart(2, '0')}`,
        teamId: i < 5 ? team2.id : team1.id,
        placeId: i % 3 === 0 ? places[1]!.id : places[0]!.id,
        trainingDate: i % 4 === 0 ? '2026-02-20' : null,
        ...(i === 7 ? { status: 'inactive', statusDate: '2026-03-01', statusReason: 'बीमार' } : {}),
      });
    const all = async (f: Parameters<typeof pageMitans>[1]) => {
      const names: string[] = [];
      let after: string | null = null;
      do {
        const page = await pageMitans(ctx, f, { limit: 2, after });
        names.push(...page.rows.map((r) => String(r.data.name)));
        after = page.next;
      } while (after);
      return names;
    };
    expect(await all({ teamId: team2.id })).toEqual(['सीता 4', 'Ramesh 3', 'सीता 2', 'Ramesh 1', 'सीता 0']);
    expect(await all({ placeId: places[1]!.id })).toEqual(['Ramesh 9', 'सीता 6', 'Ramesh 3', 'सीता 0']);
    expect(await all({ status: 'inactive' })).toEqual(['Ramesh 7']);
    expect(await all({ status: 'active', teamId: team2.id, trained: 'yes' })).toEqual(['सीता 4', 'सीता 0']);
    expect(await all({ trained: 'yes' })).toEqual(['सीता 8', 'सीता 4', 'सीता 0']);
    expect(await all({ search: 'ramesh' })).toHaveLength(6);
    expect(await all({ search: 'सीता', teamId: team2.id })).toEqual(['सीता 4', 'सीता 2', 'सीता 0']);
    expect(await all({ search: '+91 90000 00003' })).toEqual(['Ramesh 3']);
    expect(await all({ search: '900000001' })).toEqual(['Ramesh 11', 'सीता 10']);
    // Oldest first works with the keyset cursor too.
    const asc = await pageMitans(ctx, { teamId: team2.id }, { limit: 2, reverse: false });
    const asc2 = await pageMitans(ctx, { teamId: team2.id }, { limit: 2, reverse: false, after: asc.next });
    expect([...asc.rows, ...asc2.rows].map((r) => r.data.name)).toEqual(['सीता 0', 'Ramesh 1', 'सीता 2', 'Ramesh 3']);
  });
});

describe('Roster: cancelling a team', () => {
  it('is refused while live Mitans are in it, allowed once they are moved', async () => {
    const ctx = station();
    const { addMitan, team1, team2 } = await seedRoster(ctx);
    const m = await addMitan({ mobile: '9000000001' });
    const e = await cancelTeam(ctx, incharge, team1.id, 'दल भंग किया').catch((x: unknown) => x);
    expect((e as DomainError).code).toBe('team.members');
    await moveMitan(ctx, writer, m.record.id, team2.id, 'दल 1 भंग');
    const cancelled = await cancelTeam(ctx, incharge, team1.id, 'दल भंग किया');
    expect(cancelled.cancelled?.reason).toBe('दल भंग किया');
    expect((await listTeams(ctx)).map((t) => t.data.teamNo)).toEqual([2]);
  });
});
