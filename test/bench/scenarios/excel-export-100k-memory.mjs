// Issue #7: peak memory (kernel maxRSS of a fresh child) of the 100,000-row export through the
// app's writer, against exceljs's streaming writer writing the same cells with no styling.
// Target: within 1.2×. Shares its measurements with excel-export-100k (excel-export.measure.js).
import { measureExcelExport } from './excel-export.measure.js';

export default {
  name: 'excel-export-100k-memory',
  kind: 'node',
  description: '100k-row register → xlsx: peak memory of the app writer vs exceljs streaming, no styles (MiB)',
  async run(ctx) {
    const m = await measureExcelExport(ctx);
    return {
      value: m.memoryMB.value,
      unit: 'MiB',
      baseline: m.memoryMB.baseline,
      target: 1.2,
      better: 'lower',
      rows: m.rows,
      samples: { value: m.memoryMB.valueSamples, baseline: m.memoryMB.baselineSamples },
    };
  },
};
