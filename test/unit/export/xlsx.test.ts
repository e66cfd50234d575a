// Registers to Excel: each workbook is read back with exceljs, for both writers (the exceljs
// workbook and the streaming writer), and checked like a moharrir would check the printout.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { placeRegister } from '../../../renderer/src/domain/registers/place';
import { createRecord } from '../../../renderer/src/db/repository';
import { exportRegisterXlsx, ExportCancelled, type ExportProgress } from '../../../renderer/src/export/runner';
import { NUMFMT_INT, NUMFMT_MONEY, sanitizeSheetName } from '../../../renderer/src/export/sheet';
import type { WriterMode } from '../../../renderer/src/export/xlsx/writer';
import { zipText } from './unzip';
import { PROFILE, dropCtx, makeCtx, seedSessions, sessionRegister, viewer, writer } from './fixtures';

// Dates must not move a day in IST: run this file in IST, as the station PCs do.
const TZ = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Kolkata';
});
afterAll(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

async function readBook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

/** The paper sheet: the first of two (the second carries every field). */
async function read(data: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = await readBook(data);
  expect(wb.worksheets.map((w) => w.name)).toEqual([expect.any(String), 'पूर्ण विवरण - All fields']);
  return wb.worksheets[0]!;
}

/** The text of a cell's note (exceljs reads it back as a string or as rich text). */
function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: { text: string }[] } | undefined)?.texts;
  return texts ? texts.map((t) => t.text).join('') : '';
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges: string[] }).merges;
}

/** Columns of the session register: क्र., 8 printed fields, the entry note. */
const NCOLS = 10;
const FIRST = 7;

const MODES: WriterMode[] = ['memory', 'streaming'];

describe.each(MODES)('a register workbook (%s writer)', (mode) => {
  async function exported(opts: Partial<Parameters<typeof exportRegisterXlsx>[0]> = {}) {
    ctx = makeCtx();
    await seedSessions(ctx);
    const result = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, mode, ...opts });
    expect(result.mode).toBe(mode);
    return { result, ws: await read(result.data) };
  }

  it('has the title block: district and thana, register name in both languages, period — merged across the columns', async () => {
    const { ws, result } = await exported({ filter: { from: '2026-11-01', to: '2026-11-30' } });
    expect(ws.name).toBe('साइबर जागरूकता सत्र पंजी');
    expect(ws.getCell('A1').value).toBe('जिला बिलासपुर, थाना कोटा');
    expect(ws.getCell('A2').value).toBe('साइबर जागरूकता सत्र पंजी / Cyber awareness session register');
    expect(ws.getCell('A3').value).toBe('अवधि: 01-11-2026 से 30-11-2026');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:J1', 'A2:J2', 'A3:J3']));
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Nirmala UI', bold: true });
    expect(result.fileName).toBe('cyber-awareness-session-register_कोटा_2026-11-01_2026-11-30.xlsx');
  });

  it('numbers its bilingual headings (Hindi above, English below, then 1…N) and repeats them on every page', async () => {
    const { ws } = await exported();
    const row = (r: number) => Array.from({ length: NCOLS }, (_, i) => ws.getRow(r).getCell(i + 1).value);
    expect(row(4)).toEqual(['क्र.', 'दिनांक', 'ग्राम/वार्ड', 'जागरूक व्यक्ति', 'वक्ता की आयु', 'राशि (₹)', 'स्थिति', 'मोबाइल', 'अभ्युक्ति', 'प्रविष्टि टिप्पणी (निरस्त/सुधार/विलंब)']);
    expect(row(5)).toEqual(['S. No.', 'Date', 'Village/ward', 'People reached', "Speaker's age", 'Amount (₹)', 'Status', 'Mobile', 'Remarks', 'Entry note (cancelled/corrected/late)']);
    expect(row(6)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ws.getCell('B4').font).toMatchObject({ bold: true, name: 'Nirmala UI' });
    expect(ws.getCell('B4').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.pageSetup.printTitlesRow).toBe('4:6');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    // The internal field (no print column) is not printed.
    expect(row(4)).not.toContain('आंतरिक');
  });

  it('prints on A4 landscape at 100 % (never shrunk below 8 pt; wide sheets continue with the serial repeated), with "पृष्ठ N / M", thana and print date in the footer', async () => {
    const { ws } = await exported();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100, printTitlesColumn: 'A:A' });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    // Four entries, totals, the legend of initials, the signatures.
    expect(ws.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?J\$?14$/);
    for (let c = 1; c <= NCOLS; c++) expect(ws.getRow(FIRST).getCell(c).font?.size, `column ${c}`).toBeGreaterThanOrEqual(8);
    expect(ws.headerFooter.oddFooter).toContain('पृष्ठ &P / &N');
    expect(ws.headerFooter.oddFooter).toContain('थाना कोटा');
    expect(ws.headerFooter.oddFooter).toContain('मुद्रण दिनांक: 20-11-2026');
    expect(ws.headerFooter.oddHeader).toContain('साइबर जागरूकता सत्र पंजी');
  });

  it('writes dates as dd-mm-yyyy calendar dates that do not shift a day in IST', async () => {
    const { ws } = await exported();
    expect(new Date().getTimezoneOffset()).toBe(-330);
    const dates = [FIRST, FIRST + 1, FIRST + 2, FIRST + 3].map((r) => ws.getCell(`B${r}`));
    for (const c of dates) {
      expect(c.numFmt).toBe('dd-mm-yyyy');
      expect(c.value).toBeInstanceOf(Date);
      // A whole serial: UTC midnight, never 18:30 of the day before.
      expect((c.value as Date).getTime() % 86_400_000).toBe(0);
    }
    expect(dates.map((c) => (c.value as Date).toISOString().slice(0, 10))).toEqual(['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-01']);
  });

  it('groups rupees and counts the Indian way and totals them (योग) without the cancelled entry or the ages', async () => {
    const { ws, result } = await exported();
    expect(ws.getCell(`F${FIRST}`).value).toBe(1234567.89);
    // exceljs drops the backslashes when it reads a format; the file has them (12,34,567.89 in Excel).
    const unescaped = (f: string) => f.replace(/\\(.)/g, '$1');
    expect(ws.getCell(`F${FIRST}`).numFmt).toBe(unescaped(NUMFMT_MONEY));
    expect(ws.getCell(`D${FIRST}`).numFmt).toBe(unescaped(NUMFMT_INT));
    const styles = zipText(result.data, 'xl/styles.xml');
    expect(styles).toContain('formatCode="[&gt;=10000000]##\\,##\\,##\\,##0.00;[&gt;=100000]##\\,##\\,##0.00;##,##0.00"');
    expect(styles).toContain('formatCode="[&gt;=10000000]##\\,##\\,##\\,##0;[&gt;=100000]##\\,##\\,##0;##,##0"');
    const totals = ws.getRow(FIRST + 4);
    expect(totals.getCell(1).value).toBe('योग / Total');
    expect(totals.getCell(4).value).toBe(120 + 80 + 45);
    expect(totals.getCell(5).value).toBeNull();
    expect(totals.getCell(6).value).toBe(1240568.39);
    expect(totals.getCell(4).font).toMatchObject({ bold: true });
  });

  it('strikes through a cancelled entry and prints why; keeps the old value of a correction struck with initials; marks a late entry', async () => {
    const { ws } = await exported();
    const cancelled = ws.getRow(FIRST + 2);
    expect(cancelled.getCell(3).value).toBe('मंगला');
    for (let c = 1; c < NCOLS; c++) expect(cancelled.getCell(c).font?.strike, `column ${c}`).toBe(true);
    expect(cancelled.getCell(NCOLS).value).toBe('निरस्त: दोहरी प्रविष्टि (सव, 20-11-2026)');
    expect(cancelled.getCell(NCOLS).font?.strike).toBeFalsy();

    // A corrected cell keeps its current value with its type; the old value and initials are its note.
    const place = ws.getRow(FIRST + 1).getCell(3);
    expect(place.value).toBe('बिरकोना');
    expect(noteText(place)).toBe('पूर्व मान / earlier: कोनी (रक)');
    const amount = ws.getRow(FIRST + 1).getCell(6);
    expect(amount.value).toBe(6000.5);
    expect(amount.numFmt).toContain('0.00');
    expect(noteText(amount)).toBe('पूर्व मान / earlier: 5,000.00 (रक)');
    expect(ws.getRow(FIRST + 1).getCell(NCOLS).value).toBe('सुधार (रक, 20-11-2026): ग्राम/वार्ड: कोनी → बिरकोना; राशि (₹): 5,000.00 → 6,000.50 — गलत ग्राम लिखा गया था');
    // Not corrected, not struck.
    expect(ws.getRow(FIRST + 1).getCell(4).value).toBe(80);

    expect(ws.getRow(FIRST + 3).getCell(NCOLS).value).toBe('विलंबित प्रविष्टि (20-11-2026 को दर्ज)');
    expect(ws.getRow(FIRST).getCell(NCOLS).value).toBeNull();
  });

  it('ends with the signature block on one row: entered by, nodal officer, thana in-charge — signature and seal', async () => {
    const { ws } = await exported();
    // Under the totals (FIRST + 4) a blank row, the legend of the initials the entries show, then the signatures.
    expect(String(ws.getRow(FIRST + 6).getCell(1).value)).toBe('संक्षिप्त हस्ताक्षर / Initials:\nरक = रामकुमार कश्यप\nसव = सुनीता वर्मा');
    const r = FIRST + 7;
    const texts = [1, 4, 7].map((c) => String(ws.getRow(r).getCell(c).value));
    expect(texts[0]).toContain('प्रविष्टिकर्ता');
    expect(texts[0]).toContain('रामकुमार कश्यप, प्रधान आरक्षक');
    expect(texts[1]).toContain('नोडल अधिकारी');
    expect(texts[1]).toContain('सुनीता वर्मा, उप निरीक्षक');
    expect(texts[2]).toContain('थाना प्रभारी');
    expect(texts[2]).toContain('राजेश साहू, निरीक्षक');
    for (const t of texts) expect(t).toContain('हस्ताक्षर व पदमुद्रा');
    expect(merges(ws)).toEqual(expect.arrayContaining([`A${r}:C${r}`, `D${r}:F${r}`, `G${r}:J${r}`]));
    expect(ws.rowCount).toBe(r);
  });

  it('uses Nirmala UI with thin borders on every data cell, and serial numbers in the first column', async () => {
    const { ws } = await exported();
    for (let r = FIRST; r < FIRST + 4; r++)
      for (let c = 1; c <= NCOLS; c++) {
        const cell = ws.getRow(r).getCell(c);
        expect(cell.font?.name).toBe('Nirmala UI');
        expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
      }
    expect([0, 1, 2, 3].map((i) => ws.getCell(`A${FIRST + i}`).value)).toEqual(['2026/0001', '2026/0002', '2026/0003', '2026/0004']);
  });

  it('carries every field on a second sheet, "पूर्ण विवरण - All fields", with the same entries', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const result = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, mode });
    const full = (await readBook(result.data)).worksheets[1]!;
    const heads = (full.getRow(4).values as unknown[]).filter(Boolean);
    expect(heads).toEqual(['क्र.', ...sessionRegister.fields.map((f) => f.label.hi), 'प्रविष्टि टिप्पणी (निरस्त/सुधार/विलंब)']);
    expect(heads).toContain('आंतरिक');
    expect(full.getCell(`A${FIRST}`).value).toBe('2026/0001');
    expect(full.getRow(FIRST + 1).getCell(3).value).toBe('बिरकोना');
    expect(noteText(full.getRow(FIRST + 1).getCell(3))).toBe('पूर्व मान / earlier: कोनी (रक)');
    expect(full.getRow(FIRST + 4).getCell(1).value).toBe('योग / Total');
  });

  it('prints only what the filter chose, and says so under the title', async () => {
    const { ws } = await exported({ filter: { from: '2026-11-14', to: '2026-11-15', equals: { status: 'open' } } });
    expect(ws.getCell('A3').value).toBe('अवधि: 14-11-2026 से 15-11-2026  |  स्थिति: लंबित');
    expect(ws.getCell(`C${FIRST}`).value).toBe('सेमरताल');
    expect(ws.getCell(`A${FIRST + 1}`).value).toBe('योग / Total');
  });
});

describe('register exports', () => {
  it('give the same cells, styles and merges from both writers', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const [a, b] = await Promise.all(
      MODES.map(async (mode) => read((await exportRegisterXlsx({ ctx: ctx!, actor: writer, profile: PROFILE, def: sessionRegister, mode })).data)),
    );
    expect(b!.rowCount).toBe(a!.rowCount);
    for (let r = 1; r <= a!.rowCount; r++)
      for (let c = 1; c <= NCOLS; c++) {
        const x = a!.getRow(r).getCell(c);
        const y = b!.getRow(r).getCell(c);
        const where = `${x.address}`;
        // exceljs copies the master's style into merged cells; the streaming writer leaves them out.
        if (x.isMerged && x.master.address !== x.address) continue;
        expect(y.value, where).toEqual(x.value);
        expect(y.numFmt, where).toBe(x.numFmt);
        expect({ ...y.font, family: undefined }, where).toEqual({ ...x.font, family: undefined });
        expect(y.border, where).toEqual(x.border);
        expect(y.alignment, where).toEqual(x.alignment);
      }
    expect([...merges(b!)].sort()).toEqual([...merges(a!)].sort());
  });

  it('are written to the audit log for registers that log reads', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, filter: { from: '2026-11-01' } });
    const rows = await ctx.db.audit.where('action').equals('export').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: writer.userId, recordType: 'outreach' });
    expect(rows[0]!.summary).toContain('4 rows');
    expect(rows[0]!.summary).toContain('अवधि: 01-11-2026 से');
  });

  it('mask personal data for a district viewer', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const ws = await read((await exportRegisterXlsx({ ctx, actor: viewer, profile: PROFILE, def: sessionRegister })).data);
    expect(ws.getCell(`H${FIRST}`).value).toBe('98XXXXXX10');
  });

  it('number the rows of a register without serials, and leave out the totals row when nothing is counted', async () => {
    ctx = makeCtx();
    await createRecord(ctx, writer, placeRegister, { name: 'सेमरताल', kind: 'village', area: 'rural', beat: 'कोटा-1' });
    await createRecord(ctx, writer, placeRegister, { name: 'वार्ड 12', kind: 'ward', area: 'urban', isNew: true });
    const result = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: placeRegister });
    expect(result.mode).toBe('memory');
    const ws = await read(result.data);
    expect(ws.name).toBe('ग्राम वार्ड सूची');
    expect([ws.getCell('A7').value, ws.getCell('A8').value]).toEqual(['1', '2']);
    expect([2, 3, 4, 5, 6].map((c) => ws.getRow(8).getCell(c).value)).toEqual(['वार्ड 12', 'वार्ड', 'शहरी', null, 'हाँ']);
    expect(String(ws.getCell('A10').value)).toContain('प्रविष्टिकर्ता');
    // No audit for a register that does not log reads.
    expect(await ctx.db.audit.where('action').equals('export').count()).toBe(0);
  });

  it('report progress and stop when cancelled', async () => {
    ctx = makeCtx();
    const controller = new AbortController();
    const seen: ExportProgress[] = [];
    const source = (async function* () {
      const { records } = await import('./records');
      yield* records(5000, 500);
    })();
    const run = exportRegisterXlsx({
      ctx,
      actor: writer,
      profile: PROFILE,
      def: sessionRegister,
      mode: 'streaming',
      source,
      onProgress: (p) => {
        seen.push(p);
        if (p.rows >= 2000) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(seen.map((p) => p.rows)).toEqual([1000, 2000]);
    expect(await ctx.db.audit.where('action').equals('export').count()).toBe(0);
  });

  it('stream a long register: every row is there, in order, with the totals', async () => {
    ctx = makeCtx();
    const { records } = await import('./records');
    const n = 12_000;
    const result = await exportRegisterXlsx({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, mode: 'auto', source: records(n, 500) });
    expect(result.mode).toBe('streaming');
    expect(result.rows).toBe(n);
    const ws = await read(result.data);
    expect(ws.getCell(`A${FIRST}`).value).toBe('2026/00001');
    expect(ws.getCell(`A${FIRST + n - 1}`).value).toBe(`2026/${String(n).padStart(5, '0')}`);
    expect(ws.getCell(`A${FIRST + n}`).value).toBe('योग / Total');
    expect(ws.getCell(`D${FIRST + n}`).value).toBe((n * (n + 1)) / 2);
  });
});

describe('sheet names', () => {
  it('are at most 31 characters with none of []:*?/\\ and no apostrophe', () => {
    expect(sanitizeSheetName("ग्राम/वार्ड सूची [2026]: 'थाना' *?\\")).toBe('ग्राम वार्ड सूची 2026 थाना');
    expect(sanitizeSheetName('साइबर जागरूकता कार्यक्रम पंजी — वर्ष 2026').length).toBeLessThanOrEqual(31);
    expect(sanitizeSheetName('   ')).toBe('Register');
    expect(sanitizeSheetName("'")).toBe('Register');
  });
});
