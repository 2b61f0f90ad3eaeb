/** Anchoring: describing a span of text with W3C selectors, and finding it again in a changed text. */
export { describeSpan, CONTEXT_CHARS, type TextSelectors } from './describe.ts';
export { anchorSelectors, type Anchored, type AnchorMethod } from './anchor.ts';
