// Every register the station keeps prints from its definition alone: adding a register needs
// no change in export/. (Empty registers: the entries of each are tested with their own issue.)
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import { paperColumns, printColumns } from '../../../renderer/src/domain/registers/types';
import { FieldPrinter, registerColumns } from '../../../renderer/src/export/registerSheet';
import { optionsOf } from '../../../renderer/src/components/register/format';
import { buildRegisterPrint, exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, nodePrintFonts, writer } from './fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

describe.each(Object.values(REGISTERS).map((def) => [def.type, def] as const))('the %s register', (_type, def) => {
  it('exports to Excel and prints from its definition', async () => {
    ctx = makeCtx();
    // The paper columns between क्र. and the entry note.
    const labels = registerColumns(def).slice(1, -1).map((c) => c.label);
    expect(labels.length + 2, 'paper columns').toBeLessThanOrEqual(14);
    for (const mode of ['memory', 'streaming'] as const) {
      const r = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def, mode });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(r.data) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.getCell('A2').value).toBe(`${def.printTitle.hi} / ${def.printTitle.en}`);
      expect(labels.map((_, i) => ws.getRow(4).getCell(i + 2).value)).toEqual(labels.map((l) => l.hi));
      expect(labels.map((_, i) => ws.getRow(5).getCell(i + 2).value)).toEqual(labels.map((l) => l.en));
      expect(ws.getRow(6).getCell(labels.length + 2).value).toBe(labels.length + 2);
      expect(ws.pageSetup.printTitlesRow).toBe('4:6');
    }
    const p = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def, fonts: nodePrintFonts() });
    for (const l of labels) expect(p.html).toContain(l.en.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;'));
    expect(p.html).toContain('कोई प्रविष्टि नहीं / No entries');
  });
});

describe('the paper layout of each register', () => {
  it('holds every printed field once, and each field it names exists', () => {
    for (const def of Object.values(REGISTERS)) {
      const onPaper = paperColumns(def).flatMap((c) => c.parts.filter((p): p is string => typeof p === 'string'));
      expect(new Set(onPaper).size, def.type).toBe(onPaper.length);
      expect([...onPaper].sort(), def.type).toEqual(expect.arrayContaining(printColumns(def).map((f) => f.key)));
      for (const key of onPaper) expect(def.fields.some((f) => f.key === key), `${def.type}.${key}`).toBe(true);
    }
  });
});

describe('a register that points to other registers', () => {
  it('prints the referenced village by its name, and an id with no entry behind it by its tail', async () => {
    const { createRecord } = await import('../../../renderer/src/db/repository');
    const { placeRegister } = await import('../../../renderer/src/domain/registers/place');
    const { bi } = await import('../../../renderer/src/domain/bilingual');
    const visits = {
      type: 'outreach',
      title: bi('भ्रमण', 'Visits'),
      printTitle: bi('भ्रमण पंजी', 'Visit register'),
      serial: false,
      schemaVersion: 1,
      searchFields: [],
      fields: [
        { key: 'placeId', label: bi('ग्राम', 'Village'), type: 'ref' as const, refType: 'place', print: { order: 1, width: 20 } },
        { key: 'otherIds', label: bi('अन्य ग्राम', 'Other villages'), type: 'refs' as const, refType: 'place', print: { order: 2, width: 20 } },
      ],
    };
    ctx = makeCtx();
    const a = await createRecord(ctx, writer, placeRegister, { name: 'सेमरताल', kind: 'village', area: 'rural' });
    const b = await createRecord(ctx, writer, placeRegister, { name: 'कोनी', kind: 'village', area: 'rural' });
    await createRecord(ctx, writer, visits, { placeId: a.record.id, otherIds: [b.record.id, 'BSPKOTA:place:01JZZZZZZZZZZZZZZZZZZZZZZZ9'] });
    const r = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: visits, filter: { equals: { placeId: a.record.id } } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect([ws.getCell('B7').value, ws.getCell('C7').value]).toEqual(['सेमरताल', 'कोनी, …ZZZZZ9']);
    expect(ws.getCell('A3').value).toBe('अवधि: सभी प्रविष्टियाँ  |  ग्राम: सेमरताल');
  });
});

describe('the totals row (योग) of each register', () => {
  it('sums counts and money, never ages, team numbers or other numbers that only name something', () => {
    const summed = Object.values(REGISTERS).flatMap((def) =>
      printColumns(def)
        .filter((f) => (f.type === 'int' || f.type === 'money') && f.print?.total !== false)
        .map((f) => `${def.type}.${f.key}`),
    );
    expect(summed.sort()).toEqual(
      [
        // A team's target strength adds up to the thana's (as the teams tab totals it).
        'team.target',
        'outreach.policeCount',
        ...['men', 'women', 'other', 'under18', 'total', 'households', 'contacts', 'pamphlets', 'pledges', 'complaintsHelped'].map((k) => `outreach.${k}`),
        ...['totalLost', 'totalHeld', 'totalRefunded', 'pendingRefund'].map((k) => `complaint.${k}`),
        // Attendance over the training sessions printed.
        'training.presentCount',
      ].sort(),
    );
  });
});

describe('a field whose choices live in settings', () => {
  it('prints the default topic names when the thana never edited its topic list (the training register)', () => {
    const topics = REGISTERS.training!.fields.find((f) => f.key === 'topics')!;
    const printer = new FieldPrinter({ settings: {} });
    expect(printer.text(topics, ['helpline-1930', 'upi'])).toBe('1930 हेल्पलाइन, यूपीआई ठगी (कलेक्ट रिक्वेस्ट/क्यूआर)');
    // The form offers the same choices (a required field with no choices could never be saved).
    expect(optionsOf(topics, {}).map((o) => o.value)).toContain('helpline-1930');
  });
});
