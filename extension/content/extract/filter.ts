/**
 * Which elements hold text a reader sees, and which of them start a new block.
 * Decided by tag where that is enough (fast on huge pages), by computed visibility where it is not.
 */

/** Subtrees whose text is code, form state, media or our own UI: never read, never highlighted. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK',
  'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG',
  'SVG', 'svg', 'MATH', 'math', 'CL-ROOT',
]);

/** Elements the browser lays out as blocks by default: their edges separate sentences. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** True for elements that lay out as their own block (or a line break), so text on either side is not joined. */
export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.tagName) || el.tagName === 'BR';
}

/** Phrasing elements the browser lays out inline and never hides by default. */
const PLAIN_INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'I', 'INS', 'KBD', 'MARK', 'Q', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR',
]);
/** Attributes that carry no styling hook a page would hide text by (class, id, style, hidden, data-*, aria-* do). */
const INERT_ATTRIBUTES = new Set(['href', 'title', 'lang', 'dir', 'rel', 'target', 'datetime', 'cite']);

/**
 * True for an inline element with nothing a style sheet or script would hide it by: inside a shown parent it is
 * shown too, so its visibility need not be asked (checkVisibility per element cost seconds on 100,000 nodes).
 */
export function isPlainInline(el: Pick<Element, 'tagName' | 'attributes'>): boolean {
  if (!PLAIN_INLINE.has(el.tagName)) return false;
  for (let i = 0; i < el.attributes.length; i++) {
    if (!INERT_ATTRIBUTES.has((el.attributes[i] as Attr).name)) return false;
  }
  return true;
}

/**
 * True when the element's text is not for us: skipped tags, editors, and what the reader cannot see.
 * aria-hidden is deliberately not a reason: it hides text from assistive technology, not from the eye,
 * and what we highlight is what the eye reads. `parentShown` says the parent was checked and is read; then a
 * plain inline child is read too without asking the browser.
 */
export function isSkipped(el: Element, parentShown = false): boolean {
  if (SKIPPED.has(el.tagName)) return true;
  if (parentShown && isPlainInline(el)) return false;
  if (el instanceof HTMLElement && (el.hidden || el.isContentEditable)) return true;
  return !isVisible(el);
}

interface VisibilityOptions {
  visibilityProperty?: boolean;
}

/** Whether the element is rendered and not visibility:hidden; checkVisibility avoids reading full computed style. */
function isVisible(el: Element): boolean {
  const check = (el as { checkVisibility?: (o: VisibilityOptions) => boolean }).checkVisibility;
  if (typeof check === 'function' && check.call(el, { visibilityProperty: true })) return true;
  // checkVisibility() is false for display:contents, which has no box of its own but shows its children.
  const style = getComputedStyle(el);
  if (style.display === 'contents') return style.visibility !== 'hidden';
  if (typeof check === 'function') return false;
  return style.display !== 'none' && style.visibility !== 'hidden';
}
