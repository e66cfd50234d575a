// What to print: the list's filter (period, team, status, search, lookup key) applied page by
// page, described under the title, and carried in the print page's route.
import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { bi } from '../../../renderer/src/domain/bilingual';
import type { RegisterDef } from '../../../renderer/src/domain/registers/types';
import { describeFilter, entryDay, filterFromQuery, filterToQuery, periodField, recordMatcher } from '../../../renderer/src/export/filter';
import { FieldPrinter } from '../../../renderer/src/export/registerSheet';
import { PAGE_SIZE, exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, seedSessions, sessionRegister, writer } from './fixtures';
import { sessionRecord } from './records';
import ExcelJS from 'exceljs';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

const complaintLike: RegisterDef = {
  type: 'complaint',
  title: bi('शिकायत', 'Complaint'),
  printTitle: bi('शिकायत पंजी', 'Complaint register'),
  serial: true,
  schemaVersion: 1,
  searchFields: [],
  fields: [
    { key: 'name', label: bi('नाम', 'Name'), type: 'text', print: { order: 1, width: 10 } },
    { key: 'receivedAt', label: bi('प्राप्ति', 'Received'), type: 'datetime', print: { order: 2, width: 14 } },
    { key: 'tags', label: bi('टैग', 'Tags'), type: 'multiselect', options: [{ value: 'upi', label: bi('यूपीआई', 'UPI') }] },
  ],
};

describe('the register filter', () => {
  it('takes the period on the register\'s own date: the late-entry date, else the serial date, else the first printed date', () => {
    expect(periodField(sessionRegister)).toBe('date');
    expect(periodField(complaintLike)).toBe('receivedAt');
    expect(periodField({ ...complaintLike, fields: complaintLike.fields.filter((f) => f.key !== 'receivedAt') })).toBeNull();
  });

  it('matches the period (both ends included), equal values, values inside lists, lookup keys, and cancelled entries only when asked', () => {
    const r = (i: number, over: Partial<ReturnType<typeof sessionRecord>> = {}) => ({ ...sessionRecord(i), ...over });
    const m = recordMatcher(sessionRegister, { from: '2026-11-02', to: '2026-11-03', equals: { status: 'open' } });
    // sessionRecord(i): date 2026-11-(i % 28 + 1), status 'done' when i % 3 === 0.
    expect([1, 2, 3, 4].map((i) => m(r(i)))).toEqual([true, true, false, false]);
    expect(recordMatcher(sessionRegister, { includeCancelled: false })(r(1, { cancelled: { at: '', by: '', byName: '', reason: 'x' } }))).toBe(false);
    expect(recordMatcher(sessionRegister, {})(r(1, { cancelled: { at: '', by: '', byName: '', reason: 'x' } }))).toBe(true);
    expect(recordMatcher(sessionRegister, { key: 'team:7' })(r(1, { keys: ['team:7'] }))).toBe(true);
    expect(recordMatcher(sessionRegister, { key: 'team:7' })(r(1))).toBe(false);
    const tagged = { ...r(1), type: 'complaint', data: { name: 'x', receivedAt: '2026-11-30T23:50', tags: ['upi'] } };
    expect(recordMatcher(complaintLike, { equals: { tags: 'upi' }, to: '2026-11-30' })(tagged)).toBe(true);
    expect(entryDay(complaintLike, {}, tagged)).toBe('2026-11-30');
    // Without a date field, the IST day of entry: 20:00 UTC on the 30th is the 1st in IST.
    expect(entryDay({ ...complaintLike, fields: [] }, {}, { ...tagged, createdAt: '2026-11-30T20:00:00.000Z' })).toBe('2026-12-01');
  });

  it('is described under the title in the words the register prints', () => {
    const printer = new FieldPrinter();
    const text = describeFilter(sessionRegister, { from: '2026-11-01', to: '2026-11-30', equals: { status: 'done' }, search: 'कोनी', includeCancelled: false }, (f, v) => printer.text(f, v));
    expect(text).toBe('अवधि: 01-11-2026 से 30-11-2026  |  स्थिति: निस्तारित  |  खोज: "कोनी"  |  निरस्त प्रविष्टियाँ छोड़कर');
    expect(describeFilter(sessionRegister, { to: '2026-11-30' }, (f, v) => printer.text(f, v))).toBe('अवधि: 30-11-2026 तक');
  });

  it('travels in the print page\'s route query and back', () => {
    const filter = { from: '2026-11-01', to: '2026-11-30', equals: { status: 'open', consent: true }, search: 'कोनी', includeCancelled: false };
    const query = filterToQuery(filter);
    expect(query).toEqual({ from: '2026-11-01', to: '2026-11-30', q: 'कोनी', cancelled: '0', 'f.status': 'open', 'f.consent': 'true' });
    expect(filterFromQuery(query)).toEqual(filter);
    expect(filterFromQuery({ from: 'yesterday', 'f.teamId': ['BSPKOTA:team:1'] })).toEqual({ equals: { teamId: 'BSPKOTA:team:1' } });
  });

  it('is applied page by page when exporting from the database, across more than one page', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    // More entries than one page, half of them 'open'.
    await ctx.db.outreach.bulkPut(Array.from({ length: PAGE_SIZE * 2 + 10 }, (_, i) => ({ ...sessionRecord(i + 1), id: `BSPKOTA:outreach:Z${String(i).padStart(25, '0')}` })));
    const r = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, filter: { equals: { status: 'done' } } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data) as unknown as ArrayBuffer);
    const done = Array.from({ length: PAGE_SIZE * 2 + 10 }, (_, i) => i + 1).filter((i) => i % 3 === 0).length;
    // Seeded: entries b and d are 'done'.
    expect(r.rows).toBe(done + 2);
    expect(wb.worksheets[0]!.getCell(`A${7 + r.rows}`).value).toBe('योग / Total');
  });
});
