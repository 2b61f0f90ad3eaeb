/**
 * Cooperative scheduling for long work in the content script: the page stays responsive because every stage
 * gives the main thread back before a task gets long.
 */

/** Longest stretch of our own work between yields, well below the 50 ms that counts as a long task. */
export const SLICE_MS = 8;

/**
 * Lets the browser run input handlers, paint and the page's own tasks, then resumes. Not scheduler.yield(): its
 * continuations run ahead of every other task of the same priority, so a long scan starved the page's own timers
 * (a 200,000-node page saw its 10 ms timer wait over 4 s while our slices, each under 8 ms, kept going). A message
 * port task queues behind what is already due, and, unlike setTimeout(0), is not clamped to 4 ms when nested.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Tracks one slice of work: `due()` says when it is time to yield. */
export class Slicer {
  private sliceStart = performance.now();

  /** True once the current slice has used up its budget. */
  due(): boolean {
    return performance.now() - this.sliceStart > SLICE_MS;
  }

  /** Yields and starts a new slice; rejects with the signal's reason if the work was cancelled meanwhile. */
  async pause(signal?: AbortSignal): Promise<void> {
    await yieldToMain();
    signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }
}

/** Runs `fn` when the browser is idle (or soon, where idle callbacks are missing), after the next frame. */
export function afterNextFrame(fn: () => void): void {
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 200 });
    else setTimeout(fn, 0);
  });
}
