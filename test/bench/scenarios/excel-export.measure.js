// Shared by excel-export-100k (time) and excel-export-100k-memory (peak memory): one set of
// measurements per run, so asking for both does not write 600,000 rows twice. Not a scenario
// itself (the registry loads *.mjs only).
//
// Each measurement is a fresh Node child (measureInChild) that imports the same bundle, so both
// sides pay the same start-up and imports; memory is the child's kernel peak RSS (maxRSS).
//   value    = the app's export: entries → paper rows → streaming writer (styles, title block,
//              bilingual numbered headings, merges, print setup, totals, signature block)
//   baseline = exceljs stream.xlsx.WorkbookWriter writing the same cells, no styling
// Entries come page by page (500) from a seeded generator on both sides.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cached = null;

export function measureExcelExport(ctx) {
  const rows = ctx.scaled(100_000);
  const key = `${rows}:${ctx.samples}`;
  if (cached?.key !== key) cached = { key, promise: measure(ctx, rows) };
  return cached.promise;
}

async function measure(ctx, rows) {
  const mod = await ctx.node.bundleForNode('test/bench/scenarios/excel-export-100k.node.ts', { name: 'excel-export' });
  const dir = await mkdtemp(join(tmpdir(), 'bench-xlsx-'));
  try {
    const run = (exportName, i, extra = {}) =>
      ctx.node.measureInChild(mod, { exportName, args: { rows, out: join(dir, `${exportName}-${i}.xlsx`), ...extra } });
    const r = await ctx.compare({
      baseline: (i) => run('exceljsXlsx', i),
      value: (i) => run('appXlsx', i),
      metric: (m) => m.ms / 1000,
    });
    const mb = (list) => list.map((m) => ctx.round(m.maxRssBytes / 2 ** 20, 0));
    let styled = null;
    if (process.env.BENCH_EXCELJS_STYLED) {
      ctx.log('exceljs streaming with styles (font + borders on every cell), one sample');
      styled = await run('exceljsXlsx', 'styled', { styled: true });
    }
    return {
      rows,
      seconds: { value: r.value, baseline: r.baseline, valueSamples: r.valueSamples, baselineSamples: r.baselineSamples },
      memoryMB: {
        value: ctx.median(mb(r.valueResults)),
        baseline: ctx.median(mb(r.baselineResults)),
        valueSamples: mb(r.valueResults),
        baselineSamples: mb(r.baselineResults),
      },
      fileMB: ctx.round(r.valueResults[0].result.bytes / 2 ** 20, 1),
      styled: styled && { seconds: ctx.round(styled.ms / 1000, 1), memoryMB: ctx.round(styled.maxRssBytes / 2 ** 20, 0) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
