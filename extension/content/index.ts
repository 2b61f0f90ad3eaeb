/**
 * Crossread's content script. The data's journey through this folder, one stage per subfolder:
 *
 *   page DOM ──extract/──▶ text + offsets ──match/──▶ findings (offsets) ──render/──▶ highlights
 *      ▲                                                                   │
 *      └───────── watch/ (mutations, navigation) ◀───────────────────────┘
 *                           hover-card/ and keyboard/ read the findings; the background gets a report.
 *
 * annotations/ anchors the user's own annotations in the same text and draws them through render/.
 * Only extract/ reads the page's text and only render/ writes to the page (the card's and the toolbar's shadow
 * hosts included); the parts are built here, each given what it works with.
 */
import { clampHoverDelay, isSiteDisabled, pageKey } from '../../shared/userdata/types.ts';
import { AnnotationController } from './annotations/controller.ts';
import { PageText } from './extract/page-text.ts';
import { FindingStore } from './findings.ts';
import { CardController } from './hover-card/controller.ts';
import { HoverTracker } from './hover-card/hover.ts';
import { DWELL_MS } from './hover-card/timing.ts';
import { KeyboardStepper } from './keyboard/step.ts';
import { learnedLinker, learnWhenRead } from './learn/link.ts';
import { statementText } from './learn/statement-text.ts';
import { emptyKnowledge, loadKnowledge } from './match/knowledge.ts';
import { backgroundMatcher, prefetching, viewPiece } from './match/remote.ts';
import { offsetInView } from './extract/in-view.ts';
import { uiLoader, type UiLoader } from './lazy-ui/load.ts';
import { listen, send } from './messaging.ts';
import { PageSession } from './page-session.ts';
import { createPainter, hasHighlightApi } from './render/index.ts';
import { afterNextFrame } from './schedule.ts';
import { followSettings } from './settings.ts';
import { ChangeWatcher } from './watch/observer.ts';
import { UrlWatcher } from './watch/navigation.ts';

/** Set in this script's own JavaScript world, so a second injection (extension reload) does not scan twice. */
const RUNNING = Symbol.for('crossread.content');

/**
 * The card UI's loader, held back until the knowledge base has come: a card drawn before would not know the
 * highlight's entity or claim. `known` asks for it (once); that happens after the first scan, or on the first
 * card wanted before then.
 */
function afterKnowledge(ui: UiLoader, known: () => Promise<unknown>): UiLoader {
  let ready = false;
  return {
    load: () =>
      known().then(() => {
        ready = true;
        return ui.load();
      }),
    loaded: () => (ready ? ui.loaded() : null),
    preload: () => void known().then(() => ((ready = true), ui.preload()), () => undefined),
  };
}

async function start(outer: AbortSignal): Promise<void> {
  // Stopped with the page, or once the settings say this site is switched off (the watchers started before that).
  const stopping = new AbortController();
  const stop = () => stopping.abort();
  outer.addEventListener('abort', stop, { once: true });
  const signal = stopping.signal;
  // The page's text is matched in the background, whose matcher is built once per knowledge base; the knowledge
  // base itself is needed only by the cards, so it is asked for once the first highlights are drawn (its answer
  // is the largest message a page gets, and in front of the scan's own messages it held them back).
  performance.mark('cl-start');
  const knowledge = emptyKnowledge();
  let asked: Promise<unknown> | null = null;
  const known = () => {
    asked ??= loadKnowledge(send, knowledge).catch((err: unknown) => {
      asked = null;
      if (!signal.aborted) console.warn('Crossread: knowledge base', err);
      throw err;
    });
    return asked;
  };
  // The settings' round trip is not waited for before reading the page: the page is read, and the piece in view
  // sent to be matched, while the settings and the passages rejected here are on their way. Nothing is drawn,
  // recorded or reported before the settings came; on a site the reader switched off, what was read and matched
  // is dropped then.
  const settingsIn = followSettings(send, signal);
  // The passages the reader rejected here ("Not this claim") are known before the first scan draws anything.
  const rejections = send('rejections.list', { url: pageKey(location.href) });
  const text = new PageText(signal);
  const store = new FindingStore();
  let session: PageSession | null = null;
  const watcher = new ChangeWatcher(
    {
      onChange: () => text.invalidate(),
      onBatch: (plan, removed) => {
        urls.check();
        void session?.apply(plan, removed);
        annotations?.pageChanged(removed);
      },
    },
    signal,
  );
  const urls = new UrlWatcher(() => void session?.rescanAll(), signal);
  const match = prefetching(backgroundMatcher(send));
  const reading = performance.now();
  void text
    .read()
    .then(({ map }) => {
      // The first scan's extraction is this walk (the scan takes its map), so it is what cl-extract times.
      performance.measure('cl-extract', { start: reading });
      // The <mark> fallback draws the whole page at once (page-session.ts): no piece goes first there.
      const view = hasHighlightApi() ? viewPiece(map.text, offsetInView(map)) : null;
      if (view !== null && !signal.aborted) match.prefetch([view]);
    })
    .catch(() => undefined);
  let annotations: AnnotationController | null = null;
  const settings = await settingsIn;
  // Sites the user switched off get nothing from us: no highlights, no record of the visit.
  const first = settings.current();
  if (first && isSiteDisabled(location.hostname, first.disabledSites)) return stop();
  // The user's own annotations do not wait for (or depend on) the knowledge base's matcher.
  annotations = new AnnotationController({ text, findings: () => store.all(), send, ui: uiLoader, signal });
  void annotations.refresh().catch((err: unknown) => signal.aborted || console.warn('Crossread: annotations', err));
  session = new PageSession({
    knowledge,
    match: match.match,
    store,
    text,
    painter: createPainter(),
    guard: (write) => watcher.guard(write),
    send,
    signal,
    learned: learnedLinker(send, knowledge),
  });
  // Asked beside the first scan's extraction and matching rather than before them; the scan waits for it to draw.
  session.rejectionsFrom(
    rejections.then((rejected) => {
      if (rejected.ok) return rejected.value;
      console.warn('Crossread: rejections', rejected.error);
      return [];
    }),
  );
  const cardUi = afterKnowledge(uiLoader, known);
  const cards = new CardController(session, send, cardUi, signal);
  new HoverTracker({
    targets: store,
    cards,
    ui: uiLoader,
    dwellMs: () => {
      const current = settings.current();
      return current ? clampHoverDelay(current.hoverDelayMs) : DWELL_MS;
    },
    signal,
  });
  const stepper = new KeyboardStepper(session, cards, annotations);
  const rescan = session;
  listen(
    {
      'page.scrollTo': ({ claimId, index }) => cards.scrollTo(claimId, index),
      'page.reject': ({ claimId, index }) => cards.rejectNth(claimId, index),
      'page.rejectSource': ({ claimId, index, sourceId, quote }) => cards.rejectSourceNth(claimId, index, sourceId, quote),
      'page.rescan': async () => {
        await rescan.rescanAll();
        return null;
      },
      'page.step': ({ direction }) => {
        stepper.step(direction);
        return null;
      },
      'annotations.status': () => annotations.status(),
      'annotations.refresh': async () => {
        await annotations.refresh();
        return null;
      },
      'annotation.scrollTo': ({ id }) => annotations.scrollTo(id),
      'page.article': () => annotations.article(),
    },
    signal,
  );
  await session.rescanAll();
  void known().catch(() => undefined);
  // An article the reader stays on teaches Crossread its statements (the background respects private windows,
  // excluded sites and the "do not record" setting).
  learnWhenRead(send, () => settings.current(), async () => statementText((await text.read()).map), signal);
  // The card's views, in their own chunk, arrive while the page is idle, before anyone can hover a highlight.
  if (store.size > 0) afterNextFrame(() => signal.aborted || uiLoader.preload());
  // Text that arrived between the annotations' first anchoring and the change watcher's start.
  annotations.pageChanged(false);
  await annotations.recordFindings();
}

function main(): void {
  const scope = globalThis as { [RUNNING]?: AbortController };
  scope[RUNNING]?.abort();
  const controller = new AbortController();
  scope[RUNNING] = controller;
  // pagehide with persisted=false is the page going away for good; a page kept in the back/forward cache keeps us.
  addEventListener('pagehide', (e) => e.persisted || controller.abort(), { signal: controller.signal });
  start(controller.signal).catch((err: unknown) => {
    if (!controller.signal.aborted) console.warn('Crossread: not started', err);
  });
}

main();
