/**
 * The one style sheet the extension puts into the page. ::highlight() accepts only colour, background and
 * text-decoration properties, so these rules cannot move a single line; the <mark> fallback rules are
 * limited to the same properties and reset everything else the browser gives <mark>.
 * Colours are translucent rather than tuned to prefers-color-scheme: the page's own background decides what
 * is readable, and a tint reads on light and dark pages alike.
 */

const ENTITY = 'background-color: rgba(250, 190, 40, 0.22);';
// A claim is often a whole sentence and a page holds many: a thin, half-transparent line set a little below the
// text marks it without turning the article into a wall of underlines.
const CLAIM =
  'text-decoration-line: underline; text-decoration-style: solid; text-decoration-thickness: 1px;' +
  ' text-decoration-color: rgba(30, 140, 185, 0.5); text-underline-offset: 0.22em;';
const FLASH = 'background-color: rgba(40, 150, 190, 0.35);';
const FOCUS = 'background-color: rgba(40, 150, 190, 0.28); text-decoration-line: underline; text-decoration-color: currentColor;';

/** Page-level CSS: one rule per highlight name, and the same looks for the fallback marks. */
export const PAGE_CSS = `
::highlight(cl-entity) { ${ENTITY} }
::highlight(cl-claim) { ${CLAIM} }
::highlight(cl-flash) { ${FLASH} }
::highlight(cl-focus) { ${FOCUS} }
mark.cl-mark { all: unset; display: inline; }
mark.cl-entity { ${ENTITY} }
mark.cl-claim { ${CLAIM} }
mark.cl-flash { ${FLASH} }
mark.cl-focus { ${FOCUS} }
`;

/** Adds the style sheet to the page; returns a function that takes it out again. */
export function injectPageStyle(): () => void {
  const style = document.createElement('style');
  style.className = 'cl-style';
  hideStyleElement(style);
  style.textContent = PAGE_CSS;
  (document.head ?? document.documentElement).append(style);
  return () => style.remove();
}

/**
 * Keeps one of our <style> elements out of the layout. Pages may show style elements on purpose
 * (`head, style { display: block }`), which would put our CSS on screen and shift the page; an inline !important
 * declaration beats every author rule, and set through CSSOM it is not an inline style a strict CSP could block.
 */
export function hideStyleElement(style: HTMLStyleElement): void {
  style.style.setProperty('display', 'none', 'important');
}
