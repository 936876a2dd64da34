/**
 * The renderer main thread's work during an action, from a Chromium trace: every top-level task
 * (`RunTask`) of the page's `CrRendererMain` thread, as wall time (`dur`) and as the thread's CPU
 * time (`tdur`). On a machine shared with other work the wall time swings with the load (a task
 * waits for a core); the CPU time is what the page itself cost, so both are reported.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Runs `action` while tracing `page`; returns the main thread's task totals in ms. */
export async function mainThreadWork(browser, page, action) {
  await browser.startTracing(page, { categories: CATEGORIES });
  let buffer;
  try {
    await action();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = JSON.parse(buffer.toString()).traceEvents;
  // The renderer main thread that ran tasks (an about:blank renderer may name one too).
  const threads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasksOf = (t) =>
    events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask' && e.ph === 'X');
  const tasks = threads.map(tasksOf).sort((a, b) => b.length - a.length)[0] ?? [];
  const sum = (k) => tasks.reduce((a, e) => a + (e[k] ?? 0), 0) / 1000;
  const max = (k) => tasks.reduce((a, e) => Math.max(a, e[k] ?? 0), 0) / 1000;
  return { wallMs: sum('dur'), cpuMs: sum('tdur'), longestWallMs: max('dur'), longestCpuMs: max('tdur') };
}
