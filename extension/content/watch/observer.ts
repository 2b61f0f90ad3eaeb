/**
 * Watches the page for changes without working in the MutationObserver callback: the callback only records
 * which nodes changed; the batch is handed over after the next frame, when the browser is idle.
 */
import { afterNextFrame } from '../schedule.ts';
import { isBlock } from '../extract/filter.ts';
import { FLOOD_LIMIT, planRescan, type Rescan } from './changes.ts';

/** True for nodes that are ours (the card's host, our style sheet, fallback marks): their changes are not news. */
function isOwn(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest('cl-root, style.cl-style, mark.cl-mark');
}

/** The nearest block element around a node, or the body. */
function blockOf(node: Node): Node | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && !isBlock(el) && el !== document.body) el = el.parentElement;
  return el ?? document.body;
}

/** Who hears about the page's changes. */
export interface ChangeListeners {
  /** At once, with every record of a change by the page: what was read of it may be out of date. */
  onChange(): void;
  /** After the next frame, with the batch of changes since the last one. */
  onBatch(rescan: Rescan, removed: boolean): void;
}

/** Records mutations and reports them in batches; `guard()` keeps our own painting out of them. */
export class ChangeWatcher {
  private touched = new Set<Node>();
  private removed = false;
  private scheduled = false;
  private observer = new MutationObserver((records) => this.record(records));

  constructor(
    private listeners: ChangeListeners,
    signal: AbortSignal,
  ) {
    this.observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
  }

  /** Runs our own DOM write so that its mutation records are dropped while the page's are kept. */
  guard(write: () => void): void {
    this.record(this.observer.takeRecords());
    try {
      write();
    } finally {
      this.observer.takeRecords();
    }
  }

  private record(records: MutationRecord[]): void {
    let news = false;
    for (const r of records) {
      if (isOwn(r.target)) continue;
      news = true;
      if (r.type === 'characterData') this.touched.add(r.target);
      for (const node of r.addedNodes) if (!isOwn(node)) this.touched.add(node);
      if (r.removedNodes.length > 0) this.removed = true;
      // Past the flood limit the batch becomes a full rescan; remembering more nodes would only cost memory.
      if (this.touched.size > FLOOD_LIMIT) break;
    }
    if (news) this.listeners.onChange();
    if ((this.touched.size > 0 || this.removed) && !this.scheduled) {
      this.scheduled = true;
      afterNextFrame(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const touched = this.touched;
    const removed = this.removed;
    this.touched = new Set();
    this.removed = false;
    this.listeners.onBatch(planRescan(touched, blockOf), removed);
  }
}
