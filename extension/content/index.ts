/**
 * Crossread's content script. The data's journey through this folder, one stage per subfolder:
 *
 *   page DOM ──extract/──▶ text + offsets ──match/──▶ findings (offsets) ──render/──▶ highlights
 *      ▲                                                                   │
 *      └───────── watch/ (mutations, navigation) ◀───────────────────────┘
 *                           hover-card/ and keyboard/ read the findings; the background gets a report.
 *
 * Only extract/ reads the page's text and only render/ (plus the card's own shadow root) writes to it.
 */
import { AnnotationController, sendAnnotationCall as send } from '../annotate/controller.ts';
import { onSettingsChanged } from '../options/settings-notice.ts';
import { clampHoverDelay, isSiteDisabled } from '../../shared/userdata/types.ts';
import { CardController } from './hover-card/controller.ts';
import { HoverTracker } from './hover-card/hover.ts';
import { KeyboardStepper } from './keyboard/step.ts';
import { loadKnowledge, requestKnowledge } from './match/knowledge.ts';
import { preloadUi } from './lazy-ui/load.ts';
import { listen } from './messaging.ts';
import { PageSession } from './page-session.ts';
import { afterNextFrame } from './schedule.ts';
import { ChangeWatcher } from './watch/observer.ts';
import { UrlWatcher } from './watch/navigation.ts';

/** Set in this script's own JavaScript world, so a second injection (extension reload) does not scan twice. */
const RUNNING = Symbol.for('crossread.content');

async function start(signal: AbortSignal): Promise<void> {
  // Both questions go out at once: waiting for the settings before asking for the KB cost a round trip per page.
  const kb = requestKnowledge();
  const settings = await send('settings.get', {});
  // Sites the user switched off get nothing from us: no scan, no highlights, no record of the visit.
  if (settings.ok && isSiteDisabled(location.hostname, settings.value.disabledSites)) return;
  // The user's own annotations do not wait for (or depend on) the knowledge base's matcher.
  const annotations = new AnnotationController(signal);
  void annotations.refresh().catch((err: unknown) => signal.aborted || console.warn('Crossread: annotations', err));
  const knowledge = await loadKnowledge(kb, signal);
  signal.throwIfAborted();
  let session: PageSession | null = null;
  const watcher = new ChangeWatcher((plan, removed) => {
    urls.check();
    void session?.apply(plan, removed);
    annotations.pageChanged(removed);
  }, signal);
  const urls = new UrlWatcher(() => void session?.rescanAll(), signal);
  session = new PageSession(knowledge, signal, (write) => watcher.guard(write));
  const cards = new CardController(session, signal);
  const hover = new HoverTracker(session, cards, signal);
  const readSession = session;
  annotations.findings = () => readSession.store.all();
  if (settings.ok) hover.dwellMs = clampHoverDelay(settings.value.hoverDelayMs);
  onSettingsChanged(async () => {
    const changed = await send('settings.get', {});
    if (changed.ok) hover.dwellMs = clampHoverDelay(changed.value.hoverDelayMs);
  }, signal);
  const stepper = new KeyboardStepper(session, cards);
  listen(
    {
      'page.scrollTo': ({ claimId, index }) => cards.scrollTo(claimId, index),
      'page.rescan': async () => {
        await session?.rescanAll();
        return null;
      },
      'page.step': ({ direction }) => {
        stepper.step(direction);
        return null;
      },
    },
    signal,
  );
  await session.rescanAll();
  // The card's views, in their own chunk, arrive while the page is idle, before anyone can hover a highlight.
  if (session.store.all().length > 0) afterNextFrame(() => signal.aborted || preloadUi());
  // Text that arrived between the annotations' first anchoring and the change watcher's start.
  annotations.pageChanged(false);
  await annotations.recordReading(session.store.all());
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
