/**
 * Counts the time a page is visible, and calls back once it reaches a dwell: a page left in a background tab,
 * or opened and closed at once, is not read.
 */

/** Visible time after which an article counts as read. */
export const READ_AFTER_MS = 5000;

/** Calls `done` once the document has been visible for `ms` in all, unless `signal` aborts first. */
export function afterVisibleFor(ms: number, done: () => void, signal: AbortSignal): void {
  let spent = 0;
  let since = 0;
  let timer = 0;
  const run = () => {
    since = performance.now();
    timer = window.setTimeout(() => {
      cleanup();
      done();
    }, ms - spent);
  };
  const pause = () => {
    clearTimeout(timer);
    spent += performance.now() - since;
  };
  const onChange = () => (document.visibilityState === 'visible' ? run() : pause());
  const cleanup = () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onChange);
  };
  document.addEventListener('visibilitychange', onChange);
  signal.addEventListener('abort', cleanup, { once: true });
  if (document.visibilityState === 'visible') run();
}
