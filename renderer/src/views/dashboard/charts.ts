/**
 * chart.js with only the parts the dashboard draws (bars and a line), registered once, so the
 * rest of the library stays out of the bundle. chart.js 4 builds no code at run time, so it runs
 * under the app's CSP (`script-src 'self'`).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "'Noto Sans Devanagari', 'Nirmala UI', 'Mangal', system-ui, sans-serif";
Chart.defaults.color = '#1d2430';
// Figures change when the page reloads, not while it is looked at: no animation to wait for.
Chart.defaults.animation = false;

export { Chart };

/** The palette: dark enough on white for thin bars; series differ by more than colour (labels, legend, table). */
export const SERIES_COLOURS = ['#0b4f8a', '#1f6f3a', '#8a5a00', '#6b3fa0', '#a1221b'];

const count = new Intl.NumberFormat('en-IN');
/** Lakh grouping on axes and tooltips. */
export function formatTick(v: number | string): string {
  return typeof v === 'number' ? count.format(v) : v;
}
