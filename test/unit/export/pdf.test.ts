// Registers to PDF: the print view is printed by Chromium (Debian's, through Playwright, the
// same engine as Electron's printToPDF) and the PDF is read back with poppler's pdftotext/pdfinfo.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StationContext } from '../../../renderer/src/db/context';
import { auditRegisterPrint, buildRegisterPrint, PRINT_MAX_ROWS } from '../../../renderer/src/export/runner';
import { PROFILE, dropCtx, makeCtx, nodePrintFonts, seedSessions, sessionRegister, writer } from './fixtures';
import { records } from './records';

const dir = mkdtempSync(join(tmpdir(), 'thana-pdf-'));
let browser: Browser;
let ctx: StationContext | undefined;

beforeAll(async () => {
  // Debian's Chromium writes under $HOME even with its own profile (design §5).
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), XDG_CACHE_HOME: join(dir, '.cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (!process.env.KEEP_PDF) rmSync(dir, { recursive: true, force: true });
  else console.log('PDFs kept in', dir);
});

afterEach(async () => {
  await dropCtx(ctx);
  ctx = undefined;
});

interface Printed {
  pages: number;
  /** Text of each page, whitespace normalised (pdftotext splits some conjuncts with a space). */
  pageText: string[];
  pageSize: string;
  fonts: string;
}

async function printPdf(html: string, name: string): Promise<Printed> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const pageText = Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    );
    return { pages, pageText, pageSize: /Page size:\s+(.*)/.exec(info)![1]!, fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
  } finally {
    await page.close();
  }
}

/** pdftotext puts a space inside some conjuncts ("कृ ष्णा"): compare without spaces. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the PDF of a register', () => {
  it('prints the title block, the numbered bilingual headings, the entries and "पृष्ठ 1 / 1" on A4 landscape in the bundled font', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const p = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, fonts: nodePrintFonts(), filter: { from: '2026-11-01', to: '2026-11-30' } });
    expect(p.fileName).toBe('cyber-awareness-session-register_कोटा_2026-11-01_2026-11-30.pdf');
    const pdf = await printPdf(p.html, 'sessions');
    expect(pdf.pages).toBe(1);
    expect(pdf.pageSize).toMatch(/^841\.9\d? x 59[45]\.\d+ pts/);
    expect(pdf.fonts).toMatch(/NotoSansDevanagari-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const text = squash(pdf.pageText[0]!);
    for (const words of [
      'जिला बिलासपुर, थाना कोटा',
      'साइबर जागरूकता सत्र पंजी / Cyber awareness session register',
      'अवधि: 01-11-2026 से 30-11-2026',
      // Headings that fit on one line (wrapped ones come out of pdftotext interleaved).
      'क्र. दिनांक ग्राम/वार्ड',
      'S. No. Date Village/ward',
      'प्रविष्टि टिप्पणी (निरस्त/सुधार/विलंब)',
      'सेमरताल',
      '12,34,567.89',
      '14-11-2026',
      'निरस्त: दोहरी प्रविष्टि',
      'विलंबित प्रविष्टि',
      'योग / Total',
      'हस्ताक्षर व पदमुद्रा',
      'थाना प्रभारी / Thana in-charge',
      'पृष्ठ 1 / 1',
      'मुद्रण दिनांक: 20-11-2026',
    ])
      expect(text, words).toContain(squash(words));
    expect(text).toContain(squash('1 2 3 4 5 6 7 8 9 10'));
  }, 60_000);

  it('strikes through a cancelled entry, and a corrected field\'s old value with the corrector\'s initials', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const { html } = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, fonts: nodePrintFonts() });
    const cancelled = /<tr class="cancelled">(.*?)<\/tr>/.exec(html)?.[1];
    expect(cancelled).toBeDefined();
    expect(cancelled).toContain('<td><s>मंगला</s></td>');
    expect(cancelled).toContain('<td class="num w"><s>999</s></td>');
    // The reason is not struck: it says why the rest is.
    expect(cancelled).toContain('<td class="keep">निरस्त: दोहरी प्रविष्टि (सव, <span class="w">20-11-2026</span>)</td>');
    expect(html).toContain('tr.cancelled td:not(.keep) { text-decoration: line-through;');
    expect(html).toContain('<td><s>कोनी</s> <span>बिरकोना</span> <span class="by">(रक)</span></td>');
    // An amount is struck or printed whole, never split: each piece keeps to one line.
    expect(html).toContain('<s class="w">5,000.00</s> <span class="w">6,000.50</span> <span class="by">(रक)</span>');
    const pdf = await printPdf(html, 'honest');
    const text = squash(pdf.pageText[0]!);
    expect(text).toContain(squash('कोनी बिरकोना (रक)'));
    expect(text).toContain(squash('निरस्त: दोहरी प्रविष्टि'));
  }, 60_000);

  it('repeats the headings on every page, numbers the pages "पृष्ठ N / M", and keeps the signature block together on the last page', async () => {
    ctx = makeCtx();
    const n = 300;
    const p = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, fonts: nodePrintFonts(), source: records(n, 100) });
    expect(p.rows).toBe(n);
    const pdf = await printPdf(p.html, 'long');
    expect(pdf.pages).toBeGreaterThan(3);
    pdf.pageText.forEach((t, i) => {
      const text = squash(t);
      expect(text, `page ${i + 1}`).toContain(squash(`पृष्ठ ${i + 1} / ${pdf.pages}`));
      expect(text, `page ${i + 1}`).toContain(squash('क्र. दिनांक ग्राम/वार्ड'));
      expect(text, `page ${i + 1}`).toContain(squash('S. No. Date Village/ward'));
      expect(text, `page ${i + 1}`).toContain(squash('1 2 3 4 5 6 7 8 9 10'));
      expect(text, `page ${i + 1}`).toContain(squash('साइबर जागरूकता सत्र पंजी'));
    });
    expect(squash(pdf.pageText[0]!)).toContain('2026/00001');
    const last = squash(pdf.pageText[pdf.pages - 1]!);
    expect(last).toContain('2026/00300');
    expect(last).toContain(squash('योग / Total'));
    expect(last).toContain(squash(`${((n * (n + 1)) / 2).toLocaleString('en-IN')}`));
    for (const role of ['प्रविष्टिकर्ता / Entered by', 'नोडल अधिकारी / Nodal officer', 'थाना प्रभारी / Thana in-charge']) expect(last).toContain(squash(role));
    expect(last.split(squash('हस्ताक्षर व पदमुद्रा')).length - 1).toBe(3);
  }, 120_000);

  it('never splits the signature block across pages, wherever the last row ends', async () => {
    ctx = makeCtx();
    const html = async (n: number) => (await buildRegisterPrint({ ctx: ctx!, actor: writer, profile: PROFILE, def: sessionRegister, fonts: nodePrintFonts(), source: records(n, 100) })).html;
    // Around the end of the first page: the block fits after the rows, straddles, or moves over.
    const pagesSeen = new Set<number>();
    for (let n = 14; n <= 26; n += 2) {
      const pdf = await printPdf(await html(n), `sign-${n}`);
      pagesSeen.add(pdf.pages);
      const withBlock = pdf.pageText.map((t, i) => [i, squash(t)] as const).filter(([, t]) => t.includes(squash('हस्ताक्षर व पदमुद्रा')));
      expect(withBlock.map(([i]) => i), `${n} rows`).toHaveLength(1);
      const [, text] = withBlock[0]!;
      expect(text.split(squash('हस्ताक्षर व पदमुद्रा')).length - 1, `${n} rows`).toBe(3);
      for (const name of ['रामकुमार कश्यप', 'सुनीता वर्मा', 'राजेश साहू']) expect(text, `${n} rows`).toContain(squash(name));
    }
    // The rows did run past the first page for some of the counts.
    expect([...pagesSeen].sort()).toEqual([1, 2]);
  }, 180_000);

  it('is audited when printed, and refuses a print longer than Chromium can lay out in time', async () => {
    ctx = makeCtx();
    await seedSessions(ctx);
    const p = await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, fonts: nodePrintFonts() });
    expect(await ctx.db.audit.where('action').equals('print').count()).toBe(0);
    await auditRegisterPrint(ctx, writer, sessionRegister, p);
    const logged = await ctx.db.audit.where('action').equals('print').toArray();
    expect(logged.map((a) => a.summary)).toEqual(['PDF, 4 rows: अवधि: सभी प्रविष्टियाँ']);
    await expect(
      buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def: sessionRegister, fonts: nodePrintFonts(), source: records(PRINT_MAX_ROWS + 1, 1000) }),
    ).rejects.toMatchObject({ code: 'print.too-long' });
  }, 60_000);
});
