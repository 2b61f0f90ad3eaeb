/**
 * A site the reader switched off, in both real browsers. The content script reads the page and sends the piece in
 * view to be matched while the settings are still on their way (content/index.ts), so this checks that on a site
 * switched off nothing of that shows: no highlight and no report to the sidebar (recording the page as a source and
 * the annotations start only after the settings said yes, as before). The same article served under another host
 * name is highlighted as usual, and only after it is does the switched-off tab get looked at, so its answers have
 * long come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { sessionReports, until, value } from './fixtures/annotations/drive.ts';

describe.each(BROWSERS)('a site switched off in %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gets no highlight and no report though its text is read before the settings come; another site still does', async () => {
    const off = h.server.url('/careful/boilerplate.html');
    const on = off.replace('//127.0.0.1:', '//localhost:');
    const ext = await h.openExtensionPage('options/options.html');
    await value(ext, { type: 'settings.set', params: { disabledSites: ['127.0.0.1'], hoverDelayMs: 300, recordReading: true } });

    const offPage = await h.openPage(off);
    // The content script started there (its mark is on the page's timeline). Its early read may be cut short once
    // the settings say no, so the read's own measure is not waited for.
    await until('the content script started on the switched-off page', () => offPage.evaluate(() => performance.getEntriesByName('cl-start').length > 0));
    const onPage = await h.openPage(on);
    await until('names tinted on the other site', () => onPage.evaluate(() => (CSS.highlights.get('cl-entity')?.size ?? 0) > 0));
    await until('the other site reported', async () => Object.values(await h.evaluateInBackground(sessionReports)).some((r) => r.url === on));

    const drawn = await offPage.evaluate(() => ({
      claims: CSS.highlights.get('cl-claim')?.size ?? 0,
      entities: CSS.highlights.get('cl-entity')?.size ?? 0,
      draws: performance.getEntriesByName('cl-draw').length,
    }));
    expect(drawn).toEqual({ claims: 0, entities: 0, draws: 0 });
    const reported = Object.values(await h.evaluateInBackground(sessionReports)).map((r) => r.url);
    expect(reported).toContain(on);
    expect(reported).not.toContain(off);
  });
});
