/**
 * Applies CSS text to an extension page. The pages' CSP has style-src 'self', which blocks <style> elements;
 * constructed style sheets are not subject to it.
 */
export function adoptCss(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
