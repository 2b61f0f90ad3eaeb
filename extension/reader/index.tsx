/** The reader page: `reader.html?source=ID&claim=CLAIMID` shows a source with a claim's passage in view. */
import { render } from 'preact';
import { adoptCss } from '../ui/adopt-css.ts';
import themeCss from '../ui/theme.css';
import { App } from './App.tsx';

adoptCss(themeCss);
const root = document.getElementById('app');
if (root) render(<App />, root);
