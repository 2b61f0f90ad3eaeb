/** The sidebar page (Firefox sidebar, Chrome side panel, or a tab with `?tab=ID`). */
import { render } from 'preact';
import themeCss from '../ui/theme.css';
import { adoptCss } from '../ui/adopt-css.ts';
import { App } from './App.tsx';

adoptCss(themeCss);
document.documentElement.lang = navigator.language;
const root = document.getElementById('app');
if (root) render(<App />, root);
