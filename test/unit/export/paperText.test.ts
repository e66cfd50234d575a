// Issue #16 "Done when": every register, return, list, case sheet, certificate and consent form
// prints through Chromium (page.pdf of the print view) and, where it has a workbook, through
// LibreOffice (the xlsx converted to PDF); every page is read back with `pdftotext -bbox`, and the
// test fails if any word is shorter than 7.5 pt or if an amount, a mobile, a date or a serial is
// split across lines. Prints that are not registers are in printCases.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StationContext } from '../../../renderer/src/db/context';
import type { StoredRecord } from '../../../renderer/src/domain/records';
import { REGISTERS } from '../../../renderer/src/domain/registers';
import type { FieldDef, RegisterDef } from '../../../renderer/src/domain/registers/types';
import { buildRegisterPrint, exportRegisterXlsx } from '../../../renderer/src/export/runner';
import { NOW, PROFILE, dropCtx, makeCtx, nodePrintFonts, writer } from './fixtures';
import { OTHER_PRINTS, type PrintCase } from './printCases';

/** Values every print must keep whole (each is one word in pdftotext's output). */
const WHOLE = { money: '45,500.00', mobile: '9826100011', date: '14-11-2026', serial: '2026/0007' };

function sample(f: FieldDef): unknown {
  switch (f.type) {
    case 'date':
      return '2026-11-14';
    case 'datetime':
      return '2026-11-14T10:30';
    case 'time':
      return '10:30';
    case 'int':
      return 25;
    case 'money':
      return 45_500_00;
    case 'mobile':
      return WHOLE.mobile;
    case 'boolean':
      return true;
    case 'last4':
      return '4321';
    case 'select':
      return f.options?.[0]?.value ?? 'x';
    case 'multiselect':
      return f.options?.slice(0, 2).map((o) => o.value) ?? [];
    case 'ref':
      return 'BSPKOTA:place:0000000000000000000000000A';
    case 'refs':
      return ['BSPKOTA:mitan:0000000000000000000000000A', 'BSPKOTA:mitan:0000000000000000000000000B'];
    case 'longtext':
      return 'ग्राम पंचायत भवन में महिला स्व-सहायता समूह की बैठक, पर्चे बांटे और 1930 हेल्पलाइन के बारे में बताया';
    default:
      return 'रामेश्वर प्रसाद साहू';
  }
}

/** An entry with every field filled (and a complaint's money rows), as stored. */
function entry(def: RegisterDef): StoredRecord {
  const data: Record<string, unknown> = Object.fromEntries(def.fields.map((f) => [f.key, sample(f)]));
  if (def.type === 'complaint') {
    data.transactions = [
      { at: '2026-11-14T09:05', amount: 45_500_00, mode: 'upi', utr: '412345678901', victimBank: 'SBI', victimAccount: '1234', beneficiaryBank: null, beneficiaryAccount: null, beneficiaryIfsc: null, beneficiaryUpi: null },
      { at: '2026-11-14T09:40', amount: 12_000_00, mode: 'imps', utr: '598765432109', victimBank: 'SBI', victimAccount: '1234', beneficiaryBank: null, beneficiaryAccount: null, beneficiaryIfsc: null, beneficiaryUpi: null },
    ];
    data.holds = [{ bank: 'पंजाब नेशनल बैंक', account: '9876', amount: 30_000_00, date: '2026-11-15' }];
    data.refunds = [{ amount: 10_000_00, date: '2026-11-20', route: 'court-order' }];
    for (const f of def.fields) if (f.compute) data[f.key] = f.compute(data);
  }
  const at = NOW.toISOString();
  return {
    id: `BSPKOTA:${def.type}:${'0'.repeat(25)}7`,
    thana: 'BSPKOTA',
    type: def.type,
    schemaVersion: 1,
    serial: def.serial ? WHOLE.serial : null,
    serialYear: 2026,
    serialNo: 7,
    data,
    tokens: [],
    keys: [],
    createdAt: at,
    createdBy: writer.userId,
    updatedAt: at,
    updatedBy: writer.userId,
    mutationId: 'm',
    version: 1,
    history: [],
    cancelled: null,
    late: false,
  };
}

async function* pages(def: RegisterDef, n: number): AsyncIterable<StoredRecord[]> {
  yield Array.from({ length: n }, () => entry(def));
}

const ctx = { db: null, thana: 'BSPKOTA', pcSeries: '', now: () => NOW, settings: () => ({}) } as unknown as StationContext;
const refs = { load: async () => undefined, label: () => 'सेमरताल' };

/** Every print: each register, then the case sheet, lists, returns, certificates and consent form (printCases.ts). */
export const PRINTS: PrintCase[] = [...Object.values(REGISTERS).map((def): PrintCase => ({
  name: def.type,
  html: async () => (await buildRegisterPrint({ ctx, actor: writer, profile: PROFILE, def, fonts: nodePrintFonts(), source: pages(def, 6), refs })).html,
  xlsx: async () => {
    // Exports of registers that log reads write an audit row: a database for that.
    const db = makeCtx();
    try {
      return (await exportRegisterXlsx({ ctx: db, actor: writer, profile: PROFILE, def, source: pages(def, 6), refs, mode: 'streaming' })).data;
    } finally {
      await dropCtx(db);
    }
  },
  whole: [
    ...(def.serial ? [WHOLE.serial] : []),
    ...(def.fields.some((f) => f.type === 'mobile') ? [WHOLE.mobile] : []),
    ...(def.fields.some((f) => f.type === 'date' || f.type === 'datetime') ? [WHOLE.date] : []),
    ...(def.fields.some((f) => f.type === 'money') ? [WHOLE.money] : []),
  ],
})), ...OTHER_PRINTS];

interface Word {
  text: string;
  height: number;
  page: number;
}

/** Every word of every page with its box height, from pdftotext -bbox. */
function words(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ text: m[3]!.replace(/&amp;/g, '&'), height: Number(m[2]) - Number(m[1]), page });
  }
  return out;
}

function check(name: string, pdf: string, whole: string[], pages?: number): void {
  const ws = words(pdf);
  if (pages !== undefined) expect(Math.max(...ws.map((w) => w.page)), `${name}: sheets of paper`).toBe(pages);
  expect(ws.length, `${name}: words read`).toBeGreaterThan(20);
  const small = ws.filter((w) => w.height < 7.5);
  expect(small.slice(0, 5).map((w) => `p${w.page} "${w.text}" ${w.height.toFixed(1)} pt`), `${name}: words under 7.5 pt`).toEqual([]);
  for (const v of whole) {
    // The value is there whole at least once, and no word is a broken-off piece of it.
    expect(ws.some((w) => w.text.includes(v)), `${name}: "${v}" printed whole`).toBe(true);
    const pieces = ws.filter((w) => w.text.length >= 3 && v.includes(w.text) && w.text !== v && /\d/.test(w.text) && !/^\d{1,2}$/.test(w.text));
    expect(pieces.map((w) => `p${w.page} "${w.text}"`), `${name}: pieces of "${v}"`).toEqual([]);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'thana-paper-'));
const office = ['soffice', 'libreoffice'].find((n) => spawnSync('which', [n]).status === 0) ?? null;
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), XDG_CACHE_HOME: join(dir, '.cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (process.env.KEEP_PDF) console.log('PDFs kept in', dir);
  else rmSync(dir, { recursive: true, force: true });
});

describe('every print, read back from the PDF', () => {
  it.each(PRINTS.filter((p) => p.html).map((p) => [p.name, p] as const))('%s through Chromium: no word under 7.5 pt, no value split', async (name, p) => {
    const page = await browser.newPage();
    try {
      await page.setContent(await p.html!(), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      check(`${name} (Chromium)`, file, p.whole, p.pages);
      // One page of each as a picture, for the README (PAPER_PNG=dir).
      if (process.env.PAPER_PNG) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(process.env.PAPER_PNG, name)]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it.skipIf(!office).each(PRINTS.filter((p) => p.xlsx).map((p) => [p.name, p] as const))('%s through LibreOffice: no word under 7.5 pt, no value split', async (name, p) => {
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, await p.xlsx!());
    const home = join(dir, `lo-${name}`);
    execFileSync(office!, [`-env:UserInstallation=file://${home}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), file], {
      env: { ...process.env, HOME: home },
      timeout: 120_000,
      stdio: 'pipe',
    });
    const pdf = join(dir, 'lo', `${name}.pdf`);
    expect(readFileSync(pdf).length).toBeGreaterThan(1000);
    check(`${name} (LibreOffice)`, pdf, p.whole);
  }, 180_000);
});
