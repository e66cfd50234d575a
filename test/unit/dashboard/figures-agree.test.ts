// Issue 16 item 7: one definition of each figure (domain/reports/definitions.ts) serves the
// dashboard and the returns. On one data set — the hand-worked thana plus an imported roster whose
// consent and training dates fall before the campaign start (the monthly return once said
// 2 enrolled / 2 trained where the dashboard said 7 / 6) — every figure is computed three ways:
// the dashboard (running totals), the monthly return (per-day totals, index walks) and the
// reference evaluation of the definition over the entries. To date they must all agree; in the
// period the return must agree with the definition.
import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { loadDashboard } from '../../../renderer/src/db/dashboard';
import { createRecords } from '../../../renderer/src/db/repository';
import { loadReturnFigures } from '../../../renderer/src/db/returns';
import type { StoredRecord } from '../../../renderer/src/domain/records';
import { FIGURES, evaluateFigure, figureMapFunction, type FigureId, type FigureWindow } from '../../../renderer/src/domain/reports/definitions';
import { RETURNS, RETURN_COLUMNS, returnPeriod, returnRows } from '../../../renderer/src/domain/reports/returns';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { TODAY, dropCtx, makeCtx, seedThana, writer } from './fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

/** Three Mitans imported from an older roster: they joined (and two were trained) in September, before the campaign start (1 Nov). */
async function importOldRoster(c: StationContext, teamId: string, placeId: string): Promise<void> {
  const base = { relativeName: 'पिता', gender: 'male', age: 30, whatsapp: true, teamId, role: 'member', placeId, area: 'rural', category: 'volunteer', status: 'active', consentDate: '2026-09-10' };
  await createRecords(
    c,
    writer,
    mitanRegister,
    [
      { ...base, name: 'पुराने मितान एक', mobile: '9826200001', trainingDate: '2026-09-15', trainingVenue: 'थाना', trainer: 'उनि सीमा' },
      { ...base, name: 'पुराने मितान दो', mobile: '9826200002', trainingDate: '2026-09-15', trainingVenue: 'थाना', trainer: 'उनि सीमा' },
      { ...base, name: 'पुराने मितान तीन', mobile: '9826200003', status: 'inactive', statusDate: '2026-10-01', statusReason: 'बाहर गए' },
    ],
    { unique: ['mobile:'], audit: 'none' },
  );
}

async function everything(c: StationContext): Promise<Record<string, StoredRecord[]>> {
  const [mitan, outreach, complaint, place] = await Promise.all([c.db.mitan.toArray(), c.db.outreach.toArray(), c.db.complaint.toArray(), c.db.place.toArray()]);
  return { mitan, outreach, complaint, place };
}

function reference(all: Record<string, StoredRecord[]>, w: FigureWindow): Record<FigureId, number> {
  const livePlaces = new Set(all.place!.filter((p) => !p.cancelled).map((p) => p.id));
  return Object.fromEntries(FIGURES.map((f) => [f.id, evaluateFigure(f, all[f.register]!, w, (v) => livePlaces.has(v))])) as Record<FigureId, number>;
}

/** The return's printed line for each figure: [count or amount in the period, to date]. */
const RETURN_LINE: Record<FigureId, { id: string; amount?: boolean }> = {
  enrolled: { id: 'mitans.enrolled' },
  trained: { id: 'mitans.trained' },
  active: { id: 'mitans.active' },
  reached: { id: 'people' },
  covered: { id: 'places' },
  held: { id: 'complaints.held', amount: true },
  pending: { id: 'complaints.pending', amount: true },
};

describe('every figure, computed both ways on one data set', () => {
  it('dashboard, monthly return and the definition agree to date; the return agrees with the definition in the period', async () => {
    ctx = makeCtx();
    const scene = await seedThana(ctx);
    await importOldRoster(ctx, scene.teams.t1.id, scene.places.beltara.id);
    const all = await everything(ctx);
    const toDate = reference(all, { to: TODAY });
    const november = reference(all, { from: '2026-11-01', to: TODAY });

    // The definition itself, worked by hand: 6 live hand-made Mitans + 3 imported; trained M1, M2, M4 + 2 imported.
    expect(toDate).toEqual({ enrolled: 9, trained: 5, active: 7, reached: 258, covered: 3, held: 1_500_000, pending: 1_000_000 });
    // In November only: M1, M2, M3, M5, M6 joined; M1, M2 trained; C3 (October) holds nothing.
    expect(november).toMatchObject({ enrolled: 5, trained: 2, active: 7, reached: 258, covered: 3, held: 1_500_000 });

    const d = await loadDashboard(ctx, TODAY);
    const dashboard: Record<FigureId, number> = {
      enrolled: d.mitans.total,
      trained: d.mitans.trained,
      active: d.mitans.active,
      reached: d.outreach.total,
      covered: d.coverage.covered,
      held: d.complaints.all.held,
      pending: d.complaints.all.pending,
    };
    expect(dashboard).toEqual(toDate);

    const f = await loadReturnFigures(ctx, returnPeriod('monthly', TODAY, TODAY));
    const rows = returnRows(RETURNS.monthly, f);
    const printed = (id: FigureId, col: 'p' | 'c') => {
      const spec = RETURN_LINE[id];
      const row = rows.find((r) => r.line === spec.id)!;
      const v = row[`${col}${spec.amount ? 'Amount' : 'Count'}`] as number;
      return spec.amount ? Math.round(v * 100) : v;
    };
    const returnToDate = Object.fromEntries(FIGURES.map((x) => [x.id, printed(x.id, 'c')]));
    const returnPeriodCol = Object.fromEntries(FIGURES.map((x) => [x.id, printed(x.id, 'p')]));
    expect(returnToDate).toEqual(toDate);
    expect(returnPeriodCol).toEqual(november);
  });

  it('the return says on paper which column counts in the period and which to date', async () => {
    ctx = makeCtx();
    await seedThana(ctx);
    const f = await loadReturnFigures(ctx, returnPeriod('monthly', TODAY, TODAY));
    const rows = returnRows(RETURNS.monthly, f);
    expect(RETURN_COLUMNS.find((c) => c.key === 'cCount')!.label.hi).toContain('अवधि के अंत तक');
    const note = rows.at(-1)!;
    expect(note.line).toBe('note');
    expect(String(note.item)).toContain('आयातित');
    expect(String(note.item)).toContain('डैशबोर्ड');
  });
});

describe('the definitions as CouchDB map functions (for the district views)', () => {
  it('emit what the reference evaluation counts', () => {
    const docs = [
      { thana: 'T', type: 'mitan', cancelled: null, data: { consentDate: '2026-09-10', trainingDate: '2026-09-15', status: 'active' } },
      { thana: 'T', type: 'mitan', cancelled: null, data: { consentDate: '2026-11-02', status: 'inactive' } },
      { thana: 'T', type: 'mitan', cancelled: { reason: 'x' }, data: { consentDate: '2026-11-02', status: 'active' } },
      { thana: 'T', type: 'outreach', cancelled: null, data: { date: '2026-11-05', total: 50, placeId: 'p1' } },
      { thana: 'T', type: 'outreach', cancelled: null, data: { date: '2026-11-06', total: 20, placeId: 'p1' } },
      { thana: 'T', type: 'complaint', cancelled: null, data: { receivedAt: '2026-11-27T12:15', totalHeld: 1_500_000, pendingRefund: 1_000_000 } },
    ];
    for (const def of FIGURES) {
      const emitted: [unknown[], number][] = [];
      const map = new Function('emit', `return (${figureMapFunction(def)});`)((k: unknown[], v: number) => emitted.push([k, v])) as (doc: unknown) => void;
      for (const doc of docs) map(JSON.parse(JSON.stringify(doc)));
      const value = def.measure.kind === 'distinct' ? new Set(emitted.map(([k]) => k[3])).size : emitted.reduce((s, [, v]) => s + v, 0);
      const mine = evaluateFigure(def, docs.filter((x) => x.type === def.register) as unknown as StoredRecord[], { to: '2026-12-31' });
      expect([def.id, value]).toEqual([def.id, mine]);
      expect(mine).toBeGreaterThan(0);
    }
  });
});
