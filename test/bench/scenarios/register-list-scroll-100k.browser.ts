// Browser side of "register-list-scroll-100k" (issue 17 item 6): the app's RegisterList component,
// mounted as the roster shows it (Mitan register, its list columns, 1366×768-sized box), over
// 100,000 entries served from memory by a keyset `load` (so the figures are the list's, not
// IndexedDB's), with the virtualizer given by `impl`:
//   tanstack = @tanstack/vue-virtual (renderer/src/components/register/tanstackRows.ts)
//   own      = the list's own virtualizer until issue 17 (test/bench/lib/ownRows.ts, the baseline)
// Measured, one animation frame per step, as a person dragging the scroll bar sees it:
//   toEndMs   = from the top to the end of the 100,000 entries: each frame scrolls to the bottom of
//               what is loaded, the list fetches the next pages of 200 as it goes (ms)
//   frames    = then 200 frames scrolling back up one and a half boxes per frame over loaded rows:
//               each frame's interval (requestAnimationFrame to requestAnimationFrame), median, p95, max
// The frames lie between the user-timing marks `frames-start` and `frames-end`, for a Chromium trace
// (blink.user_timing) of what each frame costs. `preload: true` serves every entry in the first page,
// so the walk to the end is one step and only the frames are measured (quick traces by hand; the
// README's before/after CPU figures were taken that way).
import { createApp, defineComponent, h, nextTick, provide } from 'vue';
import { createPinia } from 'pinia';
import { createAppI18n } from '@/i18n';
import type { StoredRecord } from '@/domain/records';
import { mitanRegister } from '@/domain/registers/mitan';
import { listColumns, type FieldDef } from '@/domain/registers/types';
import type { Page, PageQuery } from '@/db/repository';
import RegisterList from '@/components/register/RegisterList.vue';
// The app's own stylesheet (its font, Noto Sans Devanagari, and colours), so the text is laid out as on the station's screen.
import '@/styles.css';
import { useOwnRows } from '../lib/ownRows';
import { useTanstackRows } from '@/components/register/tanstackRows';
import { VIRTUAL_ROWS } from '@/components/register/virtualRows';

export interface ListScrollArgs {
  count: number;
  impl: 'tanstack' | 'own';
  frames?: number;
  /** All entries in the first page (skips the walk to the end; only the frames are measured). */
  preload?: boolean;
}

const NAMES = ['रमेश कुमार साहू', 'सीता बाई वर्मा', 'मोहन लाल यादव', 'गीता देवी पटेल', 'अजय सिंह ठाकुर'];

function valueOf(f: FieldDef, i: number): unknown {
  switch (f.type) {
    case 'date':
      return `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    case 'int':
      return 18 + (i % 50);
    case 'boolean':
      return i % 2 === 0;
    case 'select':
      return f.options?.[i % Math.max(1, f.options.length)]?.value ?? null;
    case 'mobile':
      return String(9100000000 + i);
    default:
      return `${NAMES[i % NAMES.length]} ${i}`;
  }
}

function records(count: number): StoredRecord[] {
  const cols = listColumns(mitanRegister);
  const out: StoredRecord[] = [];
  for (let i = 0; i < count; i++) {
    const data: Record<string, unknown> = {};
    for (const f of cols) data[f.key] = valueOf(f, i);
    const id = `BSP01:mitan:${String(i).padStart(26, '0')}`;
    out.push({
      id,
      thana: 'BSP01',
      type: 'mitan',
      schemaVersion: 1,
      serial: `2026/${String(i + 1).padStart(6, '0')}`,
      serialYear: 2026,
      serialNo: i + 1,
      data,
      tokens: [],
      keys: [],
      createdAt: '2026-02-01T10:00:00.000Z',
      createdBy: 'bench',
      updatedAt: '2026-02-01T10:00:00.000Z',
      updatedBy: 'bench',
      mutationId: id,
      version: 1,
      history: [],
      cancelled: i % 97 === 0 ? { at: '2026-02-02T10:00:00.000Z', by: 'bench', reason: 'दोहरी प्रविष्टि' } : null,
      late: i % 89 === 0,
      _rev: null,
      syncState: 'dirty',
    } as unknown as StoredRecord);
  }
  return out;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
/**
 * The next frame, once it has been drawn: a virtualizer may update in its own requestAnimationFrame
 * callback, which runs after ours in the same frame, so the check waits for the frame to finish.
 */
const drawn = async () => {
  const at = await frame();
  await new Promise((r) => setTimeout(r, 0));
  return at;
};

/** The row furthest down the list (by its aria-rowindex, whatever the order of the rows in the DOM). */
function lastRow(el: HTMLElement): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  for (const row of Array.from(el.querySelectorAll<HTMLElement>('.rl-row'))) if (!best || Number(row.ariaRowIndex) > Number(best.ariaRowIndex)) best = row;
  return best;
}

function stats(list: number[]) {
  const s = [...list].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

export async function scroll(args: ListScrollArgs) {
  const all = records(args.count);
  const load = async (q: PageQuery): Promise<Page> => {
    const from = q.after ? Number(q.after) : 0;
    const rows = all.slice(from, args.preload ? all.length : from + q.limit);
    const end = from + rows.length;
    return { rows, next: end < all.length ? String(end) : null } as Page;
  };
  document.body.style.margin = '0';
  const host = document.createElement('div');
  // The roster list's box at 1366×768 (the shell's header, tabs and filters take the rest).
  host.style.cssText = 'width:1100px;height:560px;display:flex;flex-direction:column';
  document.body.append(host);
  const impl = args.impl === 'own' ? useOwnRows : useTanstackRows;
  const Harness = defineComponent({
    setup() {
      provide(VIRTUAL_ROWS, impl);
      return () => h(RegisterList, { def: mitanRegister, load });
    },
  });
  const app = createApp(Harness);
  app.use(createPinia());
  app.use(createAppI18n('hi'));
  app.mount(host);
  await nextTick();
  const el = host.querySelector<HTMLElement>('[data-testid="register-list"]')!;
  const count = () => el.querySelectorAll('.rl-row').length;
  while (!count()) await frame();

  // From the top to the end, loading as it goes.
  const t0 = performance.now();
  let steps = 0;
  for (;;) {
    el.scrollTop = el.scrollHeight;
    await drawn();
    steps++;
    const last = lastRow(el);
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
    if (atEnd && last?.dataset.id === all[all.length - 1]!.id) break;
    if (steps > args.count) throw new Error('never reached the end');
  }
  const toEndMs = performance.now() - t0;

  // Scrolling back up over loaded rows, a box and a half per frame.
  const intervals: number[] = [];
  const step = Math.round(el.clientHeight * 1.5);
  let prev = await drawn();
  performance.mark('frames-start');
  for (let n = 0; n < (args.frames ?? 200); n++) {
    el.scrollTop = Math.max(0, el.scrollTop - step);
    const now = await drawn();
    intervals.push(now - prev);
    prev = now;
    // Every frame must show rows (a blank box is a failure, not a fast frame).
    if (!count()) throw new Error('no rows in the box');
  }
  performance.mark('frames-end');
  const rendered = count();
  app.unmount();
  host.remove();
  return { toEndMs, steps, frame: stats(intervals), rendered, count: args.count };
}
