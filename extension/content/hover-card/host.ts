/**
 * The one element the extension adds to the page for its UI: <cl-root>, with everything inside a shadow root.
 * Page CSS cannot reach into the shadow root, and the card's CSS cannot leak out of it. The host is never
 * registered as a custom element: content scripts have no customElements registry in Chromium
 * (crbug.com/390807) and a broken one in Firefox (bugzilla 1492002), and an unregistered valid custom element
 * name can carry a shadow root anyway.
 */
import themeCss from '../../ui/theme.css';
import cardCss from './card.css';

/**
 * Inline !important beats every author rule, so a page rule like `* { display: none !important }` or
 * `html > * { position: relative }` cannot hide or move the host.
 */
const HOST_STYLE =
  'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important;' +
  ' height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important;';

/** The host element and the container inside its shadow root that Preact renders into. */
export interface CardHost {
  host: HTMLElement;
  layer: HTMLElement;
  destroy(): void;
}

/** Creates the host under <html> (not <body>, whose children pages restyle and reorder freely). */
export function createCardHost(): CardHost {
  const host = document.createElement('cl-root');
  host.setAttribute('style', HOST_STYLE);
  // Open so tests and assistive tools can inspect it; its contents are the user's own library, nothing secret.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${cardCss}`;
  const layer = document.createElement('div');
  layer.className = 'cl-layer';
  layer.hidden = true;
  shadow.append(style, layer);
  document.documentElement.append(host);
  return { host, layer, destroy: () => host.remove() };
}
