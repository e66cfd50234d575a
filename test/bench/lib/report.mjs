// Turns a scenario's return value into the JSON line, and the lines into the final table.
import { round } from './stats.mjs';

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** Validates and completes a scenario result; returns the object printed as one JSON line. */
export function normalizeResult(name, out, seconds) {
  if (!out || typeof out !== 'object') throw new Error('run(ctx) must return { value, unit, baseline, ... }');
  const { value, unit, baseline, ratio, target, better = 'higher', ...extra } = out;
  if (!isNum(value)) throw new Error('value must be a finite number');
  if (!isNum(baseline)) throw new Error('baseline must be a finite number');
  if (typeof unit !== 'string' || !unit) throw new Error('unit must be a non-empty string');
  if (better !== 'higher' && better !== 'lower') throw new Error("better must be 'higher' or 'lower'");
  const r = isNum(ratio) ? ratio : value / baseline;
  const line = { scenario: name, value, unit, baseline, ratio: round(r, 3), better };
  if (target !== undefined) {
    if (!isNum(target)) throw new Error('target must be a number');
    line.target = target;
    line.pass = better === 'higher' ? r >= target : r <= target;
  }
  return { ...line, ...extra, seconds: round(seconds, 1) };
}

function fmt(v) {
  if (!isNum(v)) return '';
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return v.toLocaleString('en-IN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** The aligned table printed after the JSON lines. */
export function formatTable(lines) {
  const head = ['scenario', 'value', 'baseline', 'ratio', 'target', ''];
  const rows = lines.map((l) => {
    if (l.error) return [l.scenario, 'error', '', '', '', '✗ ERROR'];
    const unit = l.unit ? ` ${l.unit}` : '';
    return [
      l.scenario,
      fmt(l.value) + unit,
      fmt(l.baseline) + unit,
      l.ratio.toFixed(3),
      l.target === undefined ? '—' : `${l.better === 'higher' ? '≥' : '≤'} ${l.target}`,
      l.pass === undefined ? '' : l.pass ? '✓ pass' : '✗ FAIL',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = new Set([1, 2, 3]);
  const line = (cells) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  ').trimEnd(), ...rows.map(line)].join('\n');
}
