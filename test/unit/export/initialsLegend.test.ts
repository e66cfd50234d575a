// Issue #17 item 7: initials in a print are explained in its legend, under the table and above
// the signatures, in the print view (PDF) and in the workbook: each set of initials that appears
// on that print → the name the entry recorded with them (the same on every PC that prints it); none when the print shows no initials.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationContext } from '../../../renderer/src/db/context';
import { correctRecord } from '../../../renderer/src/db/repository';
import { mitanRegister } from '../../../renderer/src/domain/registers/mitan';
import { LEGEND_TITLE } from '../../../renderer/src/export/initialsLegend';
import { buildRegisterPrint, exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, seedThana, writer } from '../dashboard/fixtures';
import { nodePrintFonts } from './fixtures';

// The seeded thana: m7 cancelled by the in-charge (अस); the writer (रक) corrects m1 below.
const WRITER_LINE = 'रक = राम कुमार';
const INCHARGE_LINE = 'अस = अजय सिंह';
const NODAL = 'सव = ';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

async function sceneWithCorrection(): Promise<StationContext> {
  ctx = makeCtx();
  const { mitans } = await seedThana(ctx);
  await correctRecord(ctx, writer, mitanRegister, mitans.m1.id, { relativeName: 'श्याम लाल साहू' }, 'पिता का नाम गलत लिखा था');
  return ctx;
}

const text = (html: string) => html.replace(/<[^>]+>/g, '\n');

describe('the legend of initials in the print view', () => {
  it('lists the corrector and the canceller with the names the entries recorded, between the table and the signatures', async () => {
    const c = await sceneWithCorrection();
    const p = await buildRegisterPrint({ ctx: c, actor: writer, profile: PROFILE, def: mitanRegister, fonts: nodePrintFonts() });
    const at = p.html.indexOf('<section class="legend">');
    expect(at).toBeGreaterThan(p.html.lastIndexOf('</table>'));
    expect(at).toBeLessThan(p.html.indexOf('<section class="signatures">'));
    const legend = text(p.html.slice(at, p.html.indexOf('</section>', at)));
    expect(legend).toContain(`${LEGEND_TITLE}:`);
    expect(legend).toContain(WRITER_LINE);
    expect(legend).toContain(INCHARGE_LINE);
    // Only the initials this print shows: the nodal officer corrected nothing.
    expect(legend).not.toContain(NODAL);
    // The rows show the same initials the legend explains.
    expect(p.html).toContain('(रक)');
  });

  it('prints no legend when no row shows initials', async () => {
    ctx = makeCtx();
    await seedThana(ctx);
    const p = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: mitanRegister, filter: { includeCancelled: false }, fonts: nodePrintFonts() });
    expect(p.rows).toBeGreaterThan(0);
    expect(p.html).not.toContain('class="legend"');
    expect(p.html).not.toContain(LEGEND_TITLE);
  });
});

async function legendCell(data: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let found: { row: number; text: string } | null = null;
  let signatureRow = 0;
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && v.startsWith(LEGEND_TITLE)) found = { row: n, text: v };
    if (typeof v === 'string' && v.includes('प्रविष्टिकर्ता / Entered by')) signatureRow = n;
  });
  return { ws, found: found as { row: number; text: string } | null, signatureRow };
}

describe('the legend of initials in the workbook', () => {
  it.each(['memory', 'streaming'] as const)('sits under the table, merged across it, above the signatures (%s writer)', async (mode) => {
    const c = await sceneWithCorrection();
    const r = await exportRegisterXlsx({ ctx: c, actor: writer, profile: PROFILE, def: mitanRegister, mode });
    const { ws, found, signatureRow } = await legendCell(r.data);
    expect(found).not.toBeNull();
    expect(found!.text.split('\n')).toEqual([`${LEGEND_TITLE}:`, WRITER_LINE, INCHARGE_LINE]);
    // Below every entry (7 Mitans from the first data row, 7), above the signature block.
    expect(found!.row).toBeGreaterThan(6 + r.rows);
    expect(signatureRow).toBeGreaterThan(found!.row);
    const last = ws.getRow(found!.row).getCell(ws.columnCount);
    expect(last.isMerged && last.master.address).toBe(`A${found!.row}`);
    expect(ws.getRow(found!.row).height).toBeGreaterThanOrEqual(3 * 13);
  });

  it('has no legend when no row shows initials', async () => {
    ctx = makeCtx();
    await seedThana(ctx);
    const r = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: mitanRegister, filter: { includeCancelled: false }, mode: 'streaming' });
    expect(r.rows).toBeGreaterThan(0);
    expect((await legendCell(r.data)).found).toBeNull();
  });
});
