/**
 * Inlined at the top of every bench page's head, before anything else runs: records long tasks (Chromium's
 * PerformanceObserver 'longtask') and, in every browser, gaps in a zero-delay timer chain. A gap is the longest
 * the main thread went without running a queued task, so it bounds the longest task from above (plus the
 * timer clamp of about 4 ms); Firefox has no longtask entries, so there the gaps are the measure.
 */
interface Probe {
  /** [start, duration] of long tasks, ms on the page's clock. */
  tasks: [number, number][];
  /** [start, duration] of timer gaps over 16 ms. */
  gaps: [number, number][];
}

const scope = window as unknown as { __probe: Probe };
const probe: Probe = { tasks: [], gaps: [] };
scope.__probe = probe;
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
} catch {
  // No longtask entries in this browser: the timer gaps stand in.
}
let last = performance.now();
const tick = () => {
  const now = performance.now();
  if (now - last > 16) probe.gaps.push([last, now - last]);
  last = now;
  setTimeout(tick, 0);
};
setTimeout(tick, 0);

// Functions the bench passes to page.evaluate are compiled by tsx, whose esbuild settings (keepNames) wrap inner
// named functions in a __name(fn, name) call; the page needs that helper to run them.
(window as unknown as { __name: (fn: unknown) => unknown }).__name = (fn) => fn;
