/**
 * Function words of German and English, in normalised form (ü→ue, ß→ss): they say nothing about which
 * statement a sentence makes, so they are no features.
 */
const GERMAN = `
der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen
und oder aber doch sondern denn sowie als wie wenn ob dass dass weil da damit obwohl waehrend bevor nachdem
ich du er sie es wir ihr mich dich sich uns euch ihm ihn ihnen mir dir
mein meine meinen meinem meiner dein sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres
unser unsere unseren unserem unserer euer
dieser diese dieses diesem diesen jener jene jenes welche welcher welches welchem welchen
in im ins an am ans auf aus bei beim mit nach von vom zu zum zur ueber unter vor hinter neben zwischen
durch fuer gegen ohne um bis seit ab gegenueber laut trotz wegen statt samt
ist sind war waren bin bist sei seien waere waeren gewesen sein
hat haben hatte hatten habe hast hatten haette haetten gehabt
wird werden wurde wurden worden werde wuerde wuerden
kann koennen konnte konnten koenne koennte koennten muss muessen musste mussten soll sollen sollte sollten
will wollen wollte wollten darf duerfen mag moechte
nicht auch noch nur schon sehr so dann nun jetzt hier dort dabei dazu daran darauf darum davon dafuer dagegen
zudem ebenfalls bereits etwa eben ja nein man sowohl weder
alle allen aller alles jede jeder jedes jeden jedem viele vielen einige einigen mehr mehrere andere anderen
anderer anderes anderem beide beiden selbst immer wieder weiter zwar jedoch allerdings
was wer wo wann warum wessen wem wen
`;

const ENGLISH = `
the a an and or but nor so yet if then than that this these those there here
i you he she it we they me him her us them my your his its our their mine yours hers ours theirs
is are was were be been being am has have had having do does did done
will would shall should can could may might must
of in on at by for with about from into onto over under between through during before after above below
to up down out off against among per via upon within without toward towards
not no also only just even still very too more most much many some any all each every both either neither
as such what which who whom whose when where why how
s t d ll re ve
`;

/** Normalised function words of both languages. */
export const STOPWORDS: ReadonlySet<string> = new Set(`${GERMAN} ${ENGLISH}`.split(/\s+/).filter(Boolean));
