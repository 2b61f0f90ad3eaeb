/**
 * Cooperative scheduling for long work in the content script: the page stays responsive because every stage
 * gives the main thread back before a task gets long.
 */

/** Longest stretch of our own work between yields, well below the 50 ms that counts as a long task. */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

/** Lets the browser run input handlers and paint, then resumes; keeps our place in the task queue when it can. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield.call(scheduler);
  // setTimeout(0) is clamped to 4 ms after a few nestings; a message port callback is not.
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
