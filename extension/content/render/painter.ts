/** What the rest of the content script asks of rendering; two implementations, chosen by what the browser has. */
import type { Finding } from '../findings.ts';

/** Draws findings into the page and takes them out again. */
export interface Painter {
  /** True when drawing splits and joins the page's text nodes (the <mark> fallback): text maps made before are stale. */
  readonly movesText: boolean;
  /** Highlights these findings. */
  add(findings: readonly Finding[]): void;
  /** Removes these findings' highlights. */
  remove(findings: readonly Finding[]): void;
  /** Briefly emphasises one finding (after the sidebar scrolled to it). */
  flash(finding: Finding): void;
  /** Marks the finding the keyboard is on, or none. */
  focus(finding: Finding | null): void;
  /** Removes everything this painter put into the page. */
  destroy(): void;
}

/** How long a flash stays. */
export const FLASH_MS = 1600;
