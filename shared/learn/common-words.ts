/**
 * Words that are capitalised without being names: function words (capitalised at the start of a sentence or a
 * quote), days, months, titles, and, for German, where every noun is capitalised, the commonest nouns of news
 * prose and the endings that mark a word as a common noun. All in normalised form (lower case, ä→ae, ß→ss).
 */

const FUNCTION_WORDS = `
der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen
und oder aber doch sondern denn sowie als wie wenn ob dass weil da damit obwohl waehrend bevor nachdem
ich du er sie es wir ihr mich dich sich uns euch ihm ihn ihnen mir dir man
mein meine sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere dieser diese dieses diesem diesen
welche welcher welches jener jene
in im ins an am auf aus bei beim mit nach von vom zu zum zur ueber unter vor hinter neben zwischen durch fuer
gegen ohne um bis seit ab laut trotz wegen statt
ist sind war waren sei seien waere hat haben hatte hatten habe wird werden wurde wurden werde wuerde
kann koennen konnte muss musste soll sollte will wollte darf
nicht auch noch nur schon sehr so dann nun jetzt hier dort dabei dazu zudem bereits etwa ja nein
alle viele einige mehr andere beide selbst immer wieder weiter zwar jedoch allerdings deshalb daher dennoch
was wer wo wann warum wie wieso bislang zuvor danach spaeter zunaechst unmittelbar insgesamt gleichzeitig
the a an and or but nor so yet if then than that this these those there here
i you he she it we they me him her us them my your his its our their
is are was were be been being am has have had do does did will would shall should can could may might must
of in on at by for with about from into onto over under between through during before after above below
to up down out off against among per via upon within without
not no also only just even still very too more most much many some any all each every both either neither
as such what which who whom whose when where why how
after earlier later meanwhile however although though while since until because following according
asked speaking upon
`;

const CALENDAR = `
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
januar februar maerz april mai juni juli august september oktober november dezember
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
`;

/** Titles and roles: capitalised before a name ("President", "Rear Adm.") but not names themselves. */
const TITLES = `
president prime minister chancellor secretary spokesman spokeswoman spokesperson chief ceo chairman chairwoman
director head leader commander adm admiral general gen col sen senator governor prosecutor mr mrs ms dr prof
king queen prince pope judge ambassador envoy
praesident praesidentin bundespraesident bundeskanzler kanzler kanzlerin ministerin minister sprecher sprecherin
chef chefin staatsanwalt staatsanwaeltin oberstaatsanwalt machthaber konteradmiral herr frau regierungschef
ministerpraesident aussenminister aussenministerin finanzminister finanzministerin verteidigungsminister
innenminister botschafter richter richterin papst koenig koenigin buergermeister buergermeisterin
`;

/**
 * Common German nouns of news prose, which German writes capitalised anywhere in a sentence. Not a full
 * dictionary: the endings below catch most others.
 */
const GERMAN_NOUNS = `
jahr jahre jahren jahres tag tage tagen tages woche wochen monat monate monaten stunde stunden minute minuten
zeit uhr abend morgen nacht mittag wochenende anfang ende mitte
mensch menschen leute kind kinder frau frauen mann maenner familie familien person personen opfer
land laender laendern stadt staedte hauptstadt dorf region welt staat staaten regierung regierungen
polizei armee militaer truppen soldaten kaempfer krieg kriege angriff angriffe anschlag
bericht berichte berichten angaben angabe sprache nachricht nachrichten medien zeitung fernsehen presse
journalist journalisten reporter reportern pressekonferenz pressemitteilung mitteilung erklaerung interview aussage aussagen rede gespraech gespraeche
frage fragen antwort antworten grund gruende ziel ziele weg wege seite seiten teil teile fall faelle
schritt schritte lage situation problem probleme folge folgen ergebnis ergebnisse hinweis hinweise
geld euro dollar franken milliarden milliarde millionen million prozent zahl zahlen preis preise kosten
unternehmen firma bank banken konzern markt maerkte wirtschaft aktie aktien kunden chef chefs
gericht gerichte urteil gesetz gesetze recht rechte verfahren ermittler ermittlungen staatsanwaltschaft
partei parteien wahl wahlen mehrheit opposition parlament ministerium behoerde behoerden experten experte
schiff schiffe boot flugzeug auto zug wasser meer luft boden erde feuer strom gas oel energie
haus haeuser gebaeude strasse strassen platz ort orte gebiet gebiete grenze grenzen zentrum norden sueden
osten westen nordosten nordwesten suedosten suedwesten
hilfe unterstuetzung kritik druck sorge sorgen angst hoffnung gefahr risiko schaden schaeden verluste
vertrauen zusammenarbeit verhandlungen vereinbarung abkommen vertrag deal plan plaene entscheidung
beginn rahmen hand haende blick sicht kopf leben tod tote toten verletzte unglueck
meter metern kilometer kilometern tonnen grad
`;

/** Endings of German common nouns: a capitalised word ending so is taken for a noun, not a name. */
const GERMAN_NOUN_ENDINGS = [
  'ung', 'ungen', 'heit', 'heiten', 'keit', 'keiten', 'schaft', 'schaften', 'tion', 'tionen', 'taet', 'taeten',
  'ismus', 'nis', 'nisse', 'tum', 'chen', 'lein', 'ling', 'linge', 'ment', 'ments', 'enz', 'anz', 'ierung',
  'gruppe', 'truppe', 'behoerde', 'ministerium', 'amt', 'aemter', 'kraefte', 'leute', 'haber', 'arbeit',
  'anwalt', 'anwaltschaft', 'dienst', 'dienste', 'sprecher', 'sprecherin', 'chef', 'chefin', 'praesident',
  'praesidentin', 'minister', 'ministerin', 'kanzler', 'stelle', 'stellen', 'feld', 'felder', 'boot', 'boote',
  'schiff', 'schiffe', 'zeug', 'zeuge', 'werk', 'werke', 'lager', 'konferenz', 'mitteilung', 'nachricht',
  'agentur', 'zentrale', 'leitung', 'system', 'systeme', 'krise', 'krieg', 'kampf', 'angriff', 'aufstand', 'bank', 'banken',
];

const split = (s: string) => s.split(/\s+/).filter(Boolean);

/** Function words and calendar words of both languages. */
export const FUNCTION_AND_CALENDAR: ReadonlySet<string> = new Set([...split(FUNCTION_WORDS), ...split(CALENDAR)]);

/** Titles and roles that stand before a person's name. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(split(TITLES));

/** Capitalised in titles ("Foreign Minister", "Rear Adm.") without being names or titles themselves. */
export const TITLE_PARTS: ReadonlySet<string> = new Set(split('foreign defence defense finance interior deputy vice state rear first'));

/** A German word without the case endings that titles and nouns take ("Präsidenten", "Machthabers"). */
function germanStems(word: string): string[] {
  const out = [word];
  for (const ending of ['s', 'es', 'n', 'en']) if (word.length > ending.length + 3 && word.endsWith(ending)) out.push(word.slice(0, -ending.length));
  return out;
}

const GERMAN_NOUN_SET: ReadonlySet<string> = new Set(split(GERMAN_NOUNS));

/** Whether a normalised German word is a common noun rather than a name (by the list, or by its ending). */
export function isGermanCommonNoun(word: string): boolean {
  return germanStems(word).some(
    (w) => GERMAN_NOUN_SET.has(w) || GERMAN_NOUN_ENDINGS.some((ending) => w === ending || (w.length > ending.length + 1 && w.endsWith(ending))),
  );
}

/** Whether a German title or role ends this word: "Finanzministerin", "Söldnerchef", "Oberstaatsanwalt". */
export function endsInTitle(word: string): boolean {
  return germanStems(word).some((w) => TITLE_WORDS.has(w) || GERMAN_TITLE_ENDINGS.some((t) => w.endsWith(t)));
}

const GERMAN_TITLE_ENDINGS = ['praesident', 'praesidentin', 'minister', 'ministerin', 'kanzler', 'kanzlerin', 'sprecher', 'sprecherin',
    'chef', 'chefin', 'anwalt', 'admiral', 'general', 'haber', 'botschafter', 'leiter', 'leiterin', 'meister', 'meisterin'];

/** Abbreviations in capitals that are not organisations or places. */
export const NOT_ACRONYMS: ReadonlySet<string> = new Set(
  split('ceo cfo coo am pm tv usd eur chf gmt utc cst est pst cet mez ok ii iii iv dna pdf faq ps km kg mw gw ag se gmbh inc ltd plc co'),
);
