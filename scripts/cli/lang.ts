/** The annotator guesses the input's language the same way learning from pages read does. */
export { detectLang } from '../../shared/learn/lang.ts';
