/** The options page (manifest options_ui). */
import { render } from 'preact';
import themeCss from '../ui/theme.css';
import { adoptCss } from '../ui/adopt-css.ts';
import { App } from './App.tsx';

adoptCss(themeCss);
const root = document.getElementById('app');
if (root) render(<App />, root);
