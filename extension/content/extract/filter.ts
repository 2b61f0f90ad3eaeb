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
 * Landmarks around the article, not in it: site navigation, the page's banner and footer, side boxes. A <header>
 * inside an article or section is the article's own (kicker, headline, lead) and is read.
 */
const BOILERPLATE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'MENU']);
const BOILERPLATE_ROLES = new Set(['navigation', 'contentinfo', 'banner', 'complementary', 'search', 'menu', 'menubar']);
/** Where a <header> is the article's own rather than the site's banner (as in HTML's banner role mapping). */
const SECTIONING = 'article, aside, main, nav, section, [role="main"], [role="article"]';
/** Class names that mark credit and copyright lines (`image-credit`, `copyright`, `photo__credit`…). */
const CREDIT_CLASS = /(?:^|[\s_-])(?:credits?|copyright|bildnachweis|quelle)(?:$|[\s_-])/i;
/** The start of a credit or copyright line: "Foto: …/dpa", "Photo: … / Reuters", "©", "Copyright", "Bild: …". */
const CREDIT_START = /^\s*(?:©|\(c\)\s|copyright\b|(?:fotos?|photos?|bild(?:er)?|images?|credits?|bildquelle|bildnachweis)\s*:)/i;
/** A link list is boilerplate when more of its text than this is link text ("more on this", section menus). */
const LINK_DENSE = 0.6;
/** …and it has at least this many links (a list with one source link is part of the article). */
const LINK_DENSE_MIN_LINKS = 3;
/** Credit lines are short; longer text starting with "Bild:" is the article's. */
const MAX_CREDIT_CHARS = 200;

/** True when a short text is a credit or copyright line, not article text. */
export function isCreditLine(text: string): boolean {
  return text.length <= MAX_CREDIT_CHARS && CREDIT_START.test(text);
}

/** The share of `text` chars that are link text; 0 for an empty list. */
export function linkDensity(textChars: number, linkChars: number): number {
  return textChars > 0 ? linkChars / textChars : 0;
}

/**
 * True for elements that are not the article's main content, in the spirit of Readability but cheap: decided by
 * tag, role and class, and for lists by the share of link text. Pages without semantic markup keep all their text.
 */
export function isBoilerplate(el: Element): boolean {
  const tag = el.tagName;
  if (BOILERPLATE_TAGS.has(tag)) return true;
  if (tag === 'HEADER' && !el.parentElement?.closest(SECTIONING)) return true;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  if (cls && CREDIT_CLASS.test(cls)) return true;
  if (tag === 'UL' || tag === 'OL') {
    const links = el.getElementsByTagName('a');
    if (links.length < LINK_DENSE_MIN_LINKS) return false;
    let linkChars = 0;
    for (let i = 0; i < links.length; i++) linkChars += (links[i] as Element).textContent?.trim().length ?? 0;
    return linkDensity(el.textContent?.trim().length ?? 0, linkChars) > LINK_DENSE;
  }
  if (tag === 'FIGCAPTION' || tag === 'SMALL' || tag === 'CITE' || tag === 'P' || tag === 'SPAN' || tag === 'DIV') {
    // Only short elements are asked: a credit line stands alone in its element, or starts a caption's last part.
    const first = el.firstChild;
    if (first?.nodeType === Node.TEXT_NODE && isCreditLine((first as Text).data)) return (el.textContent?.length ?? 0) <= MAX_CREDIT_CHARS;
  }
  return false;
}

/** Ancestors that make everything under them boilerplate, as one selector (class and link density are not asked). */
const BOILERPLATE_AROUND = ['nav', 'footer', 'aside', 'menu', ...[...BOILERPLATE_ROLES].map((r) => `[role="${r}"]`)].join(', ');

/**
 * True when `node` lies inside a landmark around the article: a changed part of the page is walked from itself,
 * so its ancestors are asked once here, not per node.
 */
export function insideBoilerplate(node: Node): boolean {
  const parent = node.parentElement;
  if (!parent) return false;
  if (parent.closest(BOILERPLATE_AROUND)) return true;
  const header = parent.closest('header');
  return !!header && !header.parentElement?.closest(SECTIONING);
}

/** A credit after a caption's text, in the same text node: "… in Pjöngjang. Foto: KCNA/dpa", "… | © AFP". */
const CREDIT_TAIL = /(?:[.!?:;)"“”«»]|\s[|·–—-])\s*(?:©|\(c\)\s|copyright\b|(?:fotos?|photos?|bild(?:er)?|images?|credits?|bildquelle)\s*:)/i;

/**
 * How much of a text node is article text: all of it, none (a credit or copyright line of its own), or, in a
 * figure caption, the part before the credit that ends it.
 */
export function articleTextLength(data: string, inCaption: boolean): number {
  if (isCreditLine(data)) return 0;
  if (!inCaption) return data.length;
  const tail = CREDIT_TAIL.exec(data);
  return tail ? tail.index + 1 : data.length;
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
  if (isBoilerplate(el)) return true;
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
