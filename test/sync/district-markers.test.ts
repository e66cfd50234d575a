// Last-sync markers (issue #15 §3): each station PC writes one small document after a successful
// sync; the hub's own replication carries it to the district database, whose `thanas` view shows
// every PC's last sync — so a thana whose PCs never synced, or stopped, is visible as silent.
import { afterAll, describe, expect, it } from 'vitest';
import { hubViews, readThanas, silence } from '../../renderer/src/sync/districtFigures';
import { syncMarkerId, writeSyncMarker } from '../../renderer/src/sync/districtMarker';
import { HubClient } from '../../renderer/src/sync/http';
import { readMeta } from '../../renderer/src/db/sync';
import { admin, hubUrl, provisionThana, StationPc } from './helpers';

const pcs: StationPc[] = [];
afterAll(async () => {
  for (const p of pcs) await p.close();
});

async function waitFor<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('last-sync markers', () => {
  it('each PC’s last successful sync reaches the district; moving forward overwrites the same document', async () => {
    const setup = await provisionThana('MK', 2);
    const [a, b] = await Promise.all(setup.pcs.map((account, i) => StationPc.open({ code: setup.code, name: `pc${i + 1}`, account, pcSeries: i ? 'B' : '' })));
    pcs.push(a!, b!);
    await a!.create({ title: 'चौपाल', people: 5 });
    const report = await a!.sync();
    const target = (pc: StationPc) => ({ url: hubUrl(), db: setup.db, ...pc.o.account });
    // The station's own account may write it: the thana's validation function lets it through.
    expect(await writeSyncMarker(a!.db, target(a!), setup.code, report.finishedAt, 'test', '')).toBe(true);

    const views = hubViews(new HubClient({ url: hubUrl(), auth: setup.districtUser }), setup.districtDb);
    const seen = await waitFor(() => readThanas(views), (t) => t.some((x) => x.code === setup.code && x.pcs.length === 1));
    const thana = seen.find((t) => t.code === setup.code)!;
    expect(thana.lastSync).toBe(report.finishedAt);
    expect(silence(thana.lastSync, new Date(Date.parse(report.finishedAt) + 3 * 86_400_000))).toEqual({ days: 3, silent: true });
    expect(silence(thana.lastSync, new Date(report.finishedAt)).silent).toBe(false);

    // PC B never synced: only A is listed. A syncs again later: the same document moves forward.
    const later = new Date(Date.parse(report.finishedAt) + 60_000).toISOString();
    expect(await writeSyncMarker(a!.db, target(a!), setup.code, later, 'test', '')).toBe(true);
    const after = await waitFor(() => readThanas(views), (t) => t.find((x) => x.code === setup.code)?.lastSync === later);
    expect(after.find((x) => x.code === setup.code)!.pcs).toHaveLength(1);
    const clientId = await readMeta<string>(a!.db, 'clientId');
    const doc = await admin<{ _rev: string; type: string }>('GET', `${setup.db}/${encodeURIComponent(syncMarkerId(setup.code, clientId!))}`);
    expect(doc.body.type).toBe('pcsync');
    expect(doc.body._rev.startsWith('2-')).toBe(true);
  });

  it('a PC cannot write a marker for another thana (the hub refuses it; the sync is not disturbed)', async () => {
    const one = await provisionThana('MX', 1);
    const two = await provisionThana('MY', 1);
    const pc = await StationPc.open({ code: one.code, name: 'pc1', account: one.pcs[0]! });
    pcs.push(pc);
    await pc.sync();
    // Pointed at the other thana's database with its own account: refused, reported as false.
    expect(await writeSyncMarker(pc.db, { url: hubUrl(), db: two.db, ...one.pcs[0]! }, two.code, new Date().toISOString(), 'test', '')).toBe(false);
  });
});
