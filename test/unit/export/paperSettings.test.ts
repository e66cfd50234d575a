// Issue #16 item 1: "legal or A3 where a register needs it, as a setting": the setting the paper
// screen saves is what the print and the workbook of that register use; other sizes are refused.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { complaintRegister } from '../../../renderer/src/domain/registers/complaint';
import { paperSettingPatch } from '../../../renderer/src/export/paper';
import { buildRegisterPrint, exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, writer } from './fixtures';

const ctxWith = (settings: Record<string, unknown>) => ({ db: null, thana: 'BSPKOTA', pcSeries: '', now: () => new Date('2026-11-20T05:30:00Z'), settings: () => settings }) as unknown as StationContext;
async function* none() {}
const refs = { load: async () => undefined, label: () => '' };

describe('the paper chosen for a register', () => {
  it('is the paper its print and its workbook use', async () => {
    const ctx = ctxWith(paperSettingPatch('complaint', 'A3'));
    const print = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: complaintRegister, fonts: [], source: none(), refs });
    expect(print.html).toContain('size: A3 landscape');
    const x = await exportRegisterXlsx({ ctx: { ...ctx, db: { audit: { add: async () => undefined } } } as unknown as StationContext, actor: writer, profile: PROFILE, def: complaintRegister, source: none(), refs, mode: 'memory' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.pageSetup.paperSize).toBe(8); // A3
    // Back to the register's own paper.
    const back = await buildRegisterPrint({ ctx: ctxWith(paperSettingPatch('complaint', null)), actor: writer, profile: PROFILE, def: complaintRegister, fonts: [], source: none(), refs });
    expect(back.html).toContain('size: A4 landscape');
  });

  it('is refused when it is not A4, legal or A3, in Hindi and English', () => {
    expect(() => paperSettingPatch('complaint', 'B5')).toThrow(/A4, legal or A3/);
    try {
      paperSettingPatch('complaint', 'B5');
    } catch (e) {
      expect((e as { bilingual: { hi: string } }).bilingual.hi).toContain('कागज़ का आकार');
    }
  });
});
