/**
 * The elements the extension adds to the page for its UI (the hover card's <cl-root>, the selection toolbar's
 * <cl-annotate>): each under <html>, not <body>, whose children pages restyle and reorder freely, with its UI in a
 * shadow root, so page CSS cannot reach in and ours cannot leak out. The hosts are never registered as custom
 * elements: content scripts have no customElements registry in Chromium (crbug.com/390807) and a broken one in
 * Firefox (bugzilla 1492002), and an unregistered valid custom element name can carry a shadow root anyway.
 */

/**
 * Inline !important beats every author rule, so a page rule like `* { display: none !important }` or
 * `html > * { position: relative }` cannot hide or move the host.
 */
const HOST_STYLE =
  'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important;' +
  ' height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important;';

/** The host element and the container inside its shadow root that Preact renders into. */
export interface ShadowHost {
  host: HTMLElement;
  layer: HTMLElement;
  destroy(): void;
}

/** Creates a host named `tag` whose shadow root holds `css` and an empty layer, hidden or not, of class `layerClass`. */
export function createShadowHost(tag: `cl-${string}`, css: string, layer: { className?: string; hidden?: boolean } = {}): ShadowHost {
  const host = document.createElement(tag);
  host.setAttribute('style', HOST_STYLE);
  // Open so tests and assistive tools can inspect it; its contents are the user's own library, nothing secret.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  if (layer.className) container.className = layer.className;
  container.hidden = layer.hidden ?? false;
  shadow.append(style, container);
  document.documentElement.append(host);
  return { host, layer: container, destroy: () => host.remove() };
}
