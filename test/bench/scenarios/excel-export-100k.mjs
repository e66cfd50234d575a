// Issue #7: a 100,000-row register to xlsx through the app's writer, against exceljs's streaming
// writer writing the same cells with no styling. Target: within 1.3× of the baseline's time.
// Peak memory is its own line: excel-export-100k-memory. Details: excel-export.measure.js.
// BENCH_EXCELJS_STYLED=1 adds one run of exceljs's streaming writer WITH styles, for reference.
import { measureExcelExport } from './excel-export.measure.js';

export default {
  name: 'excel-export-100k',
  kind: 'node',
  description: '100k-row register → xlsx: app writer (paper format) vs exceljs streaming, no styles (seconds)',
  async run(ctx) {
    const m = await measureExcelExport(ctx);
    return {
      value: ctx.round(m.seconds.value, 2),
      unit: 's',
      baseline: ctx.round(m.seconds.baseline, 2),
      ratio: m.seconds.value / m.seconds.baseline,
      target: 1.3,
      better: 'lower',
      rows: m.rows,
      samples: { value: m.seconds.valueSamples.map((s) => ctx.round(s, 2)), baseline: m.seconds.baselineSamples.map((s) => ctx.round(s, 2)) },
      fileMB: m.fileMB,
      ...(m.styled ? { exceljsStyled: m.styled } : {}),
    };
  },
};
