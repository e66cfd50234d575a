/**
 * Long loops on the window's thread (an import of thousands of rows) cut into slices of a few
 * tens of milliseconds, measured by the clock rather than counted in rows: a busy or slow PC
 * gets smaller slices, so no slice freezes the window for more than about the budget.
 */

/** Milliseconds of work per slice: well under the 100 ms that counts as a freeze (a "long task"). */
export const SLICE_BUDGET_MS = 25;

interface TaskScheduler {
  postTask?: (task: () => void) => Promise<void>;
}

/**
 * A pause that lets the window paint and handle input, then goes on. A task posted with
 * `scheduler.postTask()` where the browser has it (Chromium 94+): a chain of `setTimeout(0)` is
 * clamped to 4 ms from the fifth in a row, so every slice of an import's plan or write waited
 * 4 ms doing nothing (measured in Chromium, 25 ms slices: 4.2 ms a pause with setTimeout, 0.9
 * with postTask, a frame painted between slices either way; `scheduler.yield()` is quicker still
 * but lets the window go 120 ms without painting).
 */
export const yieldToEventLoop = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  return typeof scheduler?.postTask === 'function' ? scheduler.postTask(() => undefined) : new Promise<void>((resolve) => setTimeout(resolve, 0));
};

const clock = () => (globalThis.performance ? performance.now() : Date.now());

/**
 * `if (slicer.due()) await slicer.pause()` inside a loop: pauses once the slice's budget is
 * spent. `pause` yields to the event loop (the window paints, input is handled).
 */
export function timeSlicer(budgetMs = SLICE_BUDGET_MS) {
  let start = clock();
  return {
    due: () => clock() - start >= budgetMs,
    async pause() {
      await yieldToEventLoop();
      start = clock();
    },
  };
}

/**
 * Chunk sizes for work that must be handed over in one call per chunk (IndexedDB requests
 * inside a transaction cannot wait for a timer): each next size is what fits the budget at the
 * speed the last chunk went, between `min` and `max`.
 */
export function adaptiveChunks(first: number, min: number, max: number, budgetMs = SLICE_BUDGET_MS) {
  let size = first;
  return {
    get size() {
      return size;
    },
    /** Report how long the last chunk of `rows` took (ms) and get the next size. */
    took(rows: number, ms: number): number {
      const perRow = ms / Math.max(1, rows);
      // Shrink at once, grow by half at most: one quick chunk (nothing to collect that time)
      // says little about the next.
      const fits = perRow > 0 ? Math.floor(budgetMs / perRow) : max;
      size = Math.max(min, Math.min(max, Math.floor(size * 1.5), fits));
      return size;
    },
    clock,
  };
}
