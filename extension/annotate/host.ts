/**
 * The toolbar's element: <cl-annotate> under <html>, its UI in an open shadow root, so page CSS cannot reach it
 * and its CSS cannot reach the page. Not a registered custom element (see content/hover-card/host.ts for why).
 */
import themeCss from '../ui/theme.css';
import toolbarCss from './toolbar.css';

const HOST_STYLE =
  'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important;' +
  ' height: 0 !important; overflow: visible !important; z-index: 2147483647 !important; display: block !important;';

/** Creates the host; `layer` is where Preact renders. */
export function createToolbarHost(): { host: HTMLElement; layer: HTMLElement } {
  const host = document.createElement('cl-annotate');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${themeCss}\n${toolbarCss}`;
  const layer = document.createElement('div');
  shadow.append(style, layer);
  document.documentElement.append(host);
  return { host, layer };
}
