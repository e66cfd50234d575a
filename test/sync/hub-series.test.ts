/**
 * Serials never collide across PCs, with nothing set by hand (issue #13 §6): a PC takes its series
 * from its hub account, and a second PC reads what it needs to join a thana with its own account.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPcSettings } from '../../renderer/src/db/settings';
import { adoptAccountSeries, joinInfo } from '../../renderer/src/sync/series';
import { hubDocs, hubUrl, provisionThana, StationPc, type ThanaSetup } from './helpers';

let setup: ThanaSetup;
const open: StationPc[] = [];
beforeAll(async () => {
  setup = await provisionThana('J', 2);
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

const target = (i: number) => ({ url: hubUrl(), ...setup.pcs[i]! });

describe('a PC takes its serial series from its hub account', () => {
  it('the second PC, set up with the plain series, issues B- serials after its first sync start; both PCs’ entries reach the hub', async () => {
    const a = await StationPc.open({ code: setup.code, name: 'a', account: setup.pcs[0]! });
    const b = await StationPc.open({ code: setup.code, name: 'b', account: setup.pcs[1]! }); // pcSeries '' — the old collision
    open.push(a, b);
    expect(await adoptAccountSeries(a.db, target(0))).toEqual({ series: '', changed: false });
    expect(await adoptAccountSeries(b.db, target(1))).toEqual({ series: 'B-', changed: true });
    expect((await readPcSettings(b.db)).pcSeries).toBe('B-');
    expect(await b.db.audit.filter((x) => x.action === 'settings' && x.summary.includes('B-')).count()).toBe(1);
    expect(await adoptAccountSeries(b.db, target(1))).toEqual({ series: 'B-', changed: false });
    const ea = await a.create({ title: 'ए' });
    const pcB = new StationPc(b.db, { ...b.o, pcSeries: 'B-' }); // the station store reloads the context after a change
    const eb = await pcB.create({ title: 'बी' });
    expect([ea.serial, eb.serial]).toEqual([expect.stringMatching(/^\d{4}\/0001$/), expect.stringMatching(/^\d{4}\/B-0001$/)]);
    await a.sync();
    const r = await pcB.sync();
    expect(r.rejected).toBe(0);
    const hub = await hubDocs(setup.db);
    expect([...hub.values()].map((d) => d.serial).sort()).toEqual([ea.serial, eb.serial].sort());
  });

  it('an account without a series (a hub provisioned before series) leaves the PC as it is', async () => {
    const pc = await StationPc.open({ code: setup.code, name: 'c', pcSeries: 'C-', account: setup.pcs[0]! });
    open.push(pc);
    const noSeries = (async () => new Response(JSON.stringify({ ok: true, userCtx: { name: setup.pcs[0]!.username, roles: [`thana_${setup.code.toLowerCase()}`] } }), { status: 200 })) as typeof fetch;
    expect(await adoptAccountSeries(pc.db, { ...target(0), fetch: noSeries })).toBeNull();
    expect((await readPcSettings(pc.db)).pcSeries).toBe('C-');
  });
});

describe('a second PC joins a thana by signing in to the hub', () => {
  it('reads the thana, its profile and its own series with its account; says what is wrong otherwise', async () => {
    setup = await provisionThana('K', 2);
    await expect(joinInfo(target(1))).rejects.toMatchObject({ code: 'not-provisioned' }); // the first PC has not synced yet
    const a = await StationPc.open({ code: setup.code, name: 'first', account: setup.pcs[0]! });
    open.push(a);
    await a.sync();
    const info = await joinInfo(target(1));
    expect(info.code).toBe(setup.code);
    expect(info.profile.thanaName).toBe(`थाना ${setup.code}`);
    expect(info.series).toBe('B-');
    await expect(joinInfo({ ...target(1), password: 'wrong' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(joinInfo({ url: hubUrl(), ...setup.districtUser })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
