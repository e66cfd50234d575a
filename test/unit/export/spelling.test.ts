// Issue 16 item 8: the साइबर/सायबर setting reaches every heading and title (the register's own
// print and Excel headings too, not only the window title and the returns); web mode never says
// "PDF ready" when it only opened the print dialog.
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { StationContext } from '../../../renderer/src/db/context';
import { createBrowserBridge } from '../../../renderer/src/bridge/browser';
import { pdfHandedOver, pdfNotice } from '../../../renderer/src/components/print/pdfOutcome';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import { spell, spellingOf } from '../../../renderer/src/domain/spelling';
import { createAppI18n } from '../../../renderer/src/i18n';
import { setCampaignSpelling } from '../../../renderer/src/i18n/spelling';
import { buildRegisterPrint, exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, nodePrintFonts, seedSessions, sessionRegister, writer } from './fixtures';

let ctx: StationContext | undefined;
afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

describe('the spelling setting', () => {
  it('is read from the campaign name and applied to either spelling', () => {
    expect(spellingOf('सायबर मितान')).toBe('सायबर');
    expect(spellingOf('साइबर मितान')).toBe('साइबर');
    expect(spell('साइबर शिकायत पंजी / रेंज सायबर थाना', 'सायबर')).toBe('सायबर शिकायत पंजी / रेंज सायबर थाना');
    expect(spell('सायबर मितान पंजी', 'साइबर')).toBe('साइबर मितान पंजी');
  });

  it('reaches the register print: title and column headings', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const p = await buildRegisterPrint({ ctx, actor: writer, profile: { ...PROFILE, campaignName: 'सायबर मितान' }, def: sessionRegister, fonts: nodePrintFonts() });
    const head = p.html.slice(0, p.html.indexOf('<tbody'));
    expect(head).toContain('सायबर जागरूकता सत्र पंजी');
    expect(head).not.toContain('साइबर');
    // The default spelling prints as declared.
    const q = await buildRegisterPrint({ ctx, actor: writer, profile: { ...PROFILE, campaignName: 'साइबर मितान' }, def: sessionRegister, fonts: nodePrintFonts() });
    expect(q.html).toContain('साइबर जागरूकता सत्र पंजी');
  });

  it('reaches the Excel title block and sheet name', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const x = await exportRegisterXlsx({ ctx, actor: writer, profile: { ...PROFILE, campaignName: 'सायबर मितान' }, def: sessionRegister, mode: 'memory' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toContain('सायबर');
    expect(String(ws.getCell('A2').value)).toContain('सायबर जागरूकता सत्र पंजी');
  });

  it('reaches the shell: every vue-i18n message', () => {
    setCampaignSpelling('सायबर मितान');
    const i18n = createAppI18n('hi');
    expect(i18n.global.t('app.title')).toBe('सायबर मितान — थाना डेस्क');
    setCampaignSpelling('साइबर मितान');
    expect(i18n.global.t('app.title')).toBe('साइबर मितान — थाना डेस्क');
  });

  it('every register heading that says cyber follows it', () => {
    const titles = Object.values(REGISTERS).flatMap((d) => [d.printTitle.hi, d.title.hi, ...d.fields.map((f) => f.label.hi)]);
    const cyber = titles.filter((t) => /साइबर|सायबर/.test(t));
    expect(cyber.length).toBeGreaterThan(0);
    for (const t of cyber) expect(spell(t, 'सायबर')).not.toContain('साइबर');
  });
});

describe('PDF in web mode', () => {
  it('the browser bridge says it opened the print dialog, and the notice says no file was saved', async () => {
    const printed: string[] = [];
    const listeners: (() => void)[] = [];
    const frame = {
      style: {},
      setAttribute() {},
      addEventListener: (_: string, fn: () => void) => listeners.push(fn),
      remove() {},
      contentDocument: { fonts: { ready: Promise.resolve() } },
      contentWindow: { print: () => printed.push('print') },
      srcdoc: '',
    };
    const win = {
      document: { createElement: () => frame, body: { appendChild: () => setTimeout(() => listeners.forEach((f) => f()), 0) } },
    } as unknown as Window;
    const result = await createBrowserBridge(win).printToPdf({ html: '<p>x</p>', suggestedName: 'a.pdf' });
    expect(printed).toEqual(['print']);
    expect(result).toEqual({ saved: false, reason: 'print-dialog' });
    expect(pdfHandedOver(result)).toBe(true);
    expect(pdfNotice(result)!.hi).toContain('प्रिंट संवाद खोला गया');
    expect(pdfNotice(result)!.en).toContain('saved no file');
    expect(pdfNotice({ saved: true, path: 'C:\\x\\a.pdf' })!.en).toBe('PDF file saved: C:\\x\\a.pdf');
    expect(pdfNotice({ saved: false, reason: 'cancelled' })).toBeNull();
  });
});
