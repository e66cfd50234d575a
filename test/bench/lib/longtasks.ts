// The main thread's long tasks during a browser scenario (PerformanceObserver 'longtask',
// Chromium): the issues' "no task over 100 ms" figures. Shared by the import and sync scenarios.

/** [ms since the page's time origin, duration ms] */
export type Task = [start: number, duration: number];

/** Starts recording; the returned function stops and returns every long task seen. */
export function observeLongTasks(): () => Task[] {
  const tasks: Task[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  });
  po.observe({ type: 'longtask', buffered: false });
  return () => {
    for (const e of po.takeRecords()) tasks.push([e.startTime, e.duration]);
    po.disconnect();
    return tasks;
  };
}
