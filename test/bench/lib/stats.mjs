// Small statistics helpers shared by the runner and scenarios.

/** Median of a non-empty list of numbers (mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Round to `digits` decimals (for JSON output). */
export function round(value, digits = 0) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Runs `samples` pairs of measurements, alternating which side goes first
 * (baseline→value, then value→baseline, …) so slow drift of the machine hits both sides alike.
 * `baseline` and `value` each return one sample's result; `metric` turns a result into a number.
 * Returns medians of both sides, the raw numbers, value/baseline per pair, and the full results.
 */
export async function compare({ samples, baseline, value, metric = (r) => r, log = () => {} }) {
  const valueResults = [];
  const baselineResults = [];
  for (let i = 0; i < samples; i++) {
    const order = i % 2 === 0 ? ['baseline', 'value'] : ['value', 'baseline'];
    for (const side of order) {
      const r = side === 'baseline' ? await baseline(i) : await value(i);
      (side === 'baseline' ? baselineResults : valueResults).push(r);
      log(`  sample ${i + 1}/${samples} ${side.padEnd(8)} ${metric(r).toFixed(1)}`);
    }
  }
  const valueSamples = valueResults.map(metric);
  const baselineSamples = baselineResults.map(metric);
  // value/baseline of each pair: the two runs of a pair were adjacent in time, so on a busy
  // machine the median of these is a useful cross-check of the ratio of medians.
  const pairRatios = valueSamples.map((v, i) => v / baselineSamples[i]);
  return {
    value: median(valueSamples),
    baseline: median(baselineSamples),
    valueSamples,
    baselineSamples,
    pairRatios,
    valueResults,
    baselineResults,
  };
}
