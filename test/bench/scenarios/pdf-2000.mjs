// Issue #7: a 2,000-row register printed to PDF by Chromium (Debian's, through Playwright: the
// engine Electron's printToPDF uses), reported in pages and seconds.
//   value    = the app's print view (title block, repeated bilingual numbered headings, embedded
//              Noto Sans Devanagari, "पृष्ठ N / M" margin boxes, totals, signature block):
//              building the HTML + laying it out + printing, in seconds
//   baseline = the same cells as a bare <table> (no fonts embedded, no styles, no measuring): one
//              column per paper column, its fields one under another, as the app prints them
// Target (issue #16): ≤ 1.6× the bare table. The bench register has a paper layout like the real
// roster's (9 columns, fields stacked), so both sides print the same text on the same pages.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// The app's DEVANAGARI_RANGE (renderer/src/export/print/printView.ts).
const DEVA = 'U+0020, U+00A0, U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20A8, U+20B9, U+20F0, U+25CC, U+A830-A839, U+A8E0-A8FF';

function fonts() {
  const file = (name) => new Uint8Array(readFileSync(require.resolve(`@fontsource/noto-sans-devanagari/files/${name}`)));
  return [
    { weight: 400, unicodeRange: DEVA, woff2: file('noto-sans-devanagari-devanagari-400-normal.woff2') },
    { weight: 600, unicodeRange: DEVA, woff2: file('noto-sans-devanagari-devanagari-600-normal.woff2') },
    { weight: 400, woff2: file('noto-sans-devanagari-latin-400-normal.woff2') },
    { weight: 600, woff2: file('noto-sans-devanagari-latin-600-normal.woff2') },
  ];
}

/** Counts the pages of a PDF from its page objects. */
function pageCount(pdf) {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

export default {
  name: 'pdf-2000',
  kind: 'node',
  description: '2,000-row register → PDF in Chromium: app print view vs bare table (seconds, pages)',
  async run(ctx) {
    const rows = ctx.scaled(2000);
    const mod = await import(pathToFileURL(await ctx.node.bundleForNode('test/bench/scenarios/excel-export-100k.node.ts', { name: 'excel-export' })).href);
    const home = await mkdtemp(join(tmpdir(), 'bench-pdf-'));
    const browser = await chromium.launch({
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: ARGS,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    });
    const printFonts = fonts();
    let printed = 0;
    const print = async (makeHtml) => {
      const page = await browser.newPage();
      try {
        const t0 = performance.now();
        const html = await makeHtml();
        const built = performance.now();
        // As the app prints (electron/printToPdf.ts renderPdf): the document is written to a
        // temporary file and loaded from it, both sides alike. (page.setContent would feed the
        // whole document in one document.write, which the app never does.)
        const file = join(home, `print-${++printed}.html`);
        await writeFile(file, html);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const t1 = performance.now();
        await rm(file, { force: true });
        return { seconds: (t1 - t0) / 1000, htmlSeconds: (built - t0) / 1000, pages: pageCount(pdf), htmlMB: html.length / 2 ** 20, pdfMB: pdf.length / 2 ** 20 };
      } finally {
        await page.close();
      }
    };
    try {
      const r = await ctx.compare({
        baseline: () => print(() => mod.plainPrintHtml({ rows })),
        value: () => print(() => mod.appPrintHtml({ rows, fonts: printFonts })),
        metric: (x) => x.seconds,
      });
      const v = r.valueResults[0];
      return {
        value: ctx.round(r.value, 2),
        unit: 's',
        baseline: ctx.round(r.baseline, 2),
        ratio: r.value / r.baseline,
        target: 1.6,
        better: 'lower',
        rows,
        pages: v.pages,
        baselinePages: r.baselineResults[0].pages,
        secondsPerPage: ctx.round(r.value / v.pages, 3),
        htmlSeconds: ctx.round(ctx.median(r.valueResults.map((x) => x.htmlSeconds)), 2),
        htmlMB: ctx.round(v.htmlMB, 1),
        pdfMB: ctx.round(v.pdfMB, 1),
        samples: { value: r.valueSamples.map((s) => ctx.round(s, 2)), baseline: r.baselineSamples.map((s) => ctx.round(s, 2)) },
      };
    } finally {
      await browser.close();
      await rm(home, { recursive: true, force: true });
    }
  },
};
