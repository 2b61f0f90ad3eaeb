import { describe, expect, it } from 'vitest';
import { articlePage, bulkPage, escapeHtml, textNodesPage } from './pages.ts';

const sources = [
  { title: 'Putin & Kim', text: 'Wladimir Putin reist. Kim Jong Un wartet.\n\nDie USA sind <besorgt>. Seoul auch.\n\nDritter Absatz hier.' },
  { title: 'Zwei', text: 'Russland und Nordkorea schließen einen Pakt, sagt der Kreml heute.' },
];

/** Text nodes as a browser's parser would make them: runs of text between tags, whitespace-only ones dropped. */
function countTextNodes(html: string): number {
  const body = html.slice(html.indexOf('<body>'));
  return body.split(/<[^>]+>/).filter((t) => t.trim().length > 0).length;
}

describe('page generators', () => {
  it('escapes markup in text', () => {
    expect(escapeHtml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(articlePage(sources).html).toContain('&lt;besorgt&gt;');
  });

  it('counts the text nodes they write', () => {
    for (const page of [articlePage(sources), bulkPage(sources, 5000)]) {
      expect(countTextNodes(page.html)).toBe(page.textNodes);
    }
  });

  it('grows a bulk page to at least the asked size', () => {
    const page = bulkPage(sources, 20_000);
    expect(Buffer.byteLength(page.html)).toBeGreaterThanOrEqual(20_000);
    expect(Buffer.byteLength(page.html)).toBeLessThan(22_000);
  });

  it('writes exactly the asked number of text nodes, keeping sentences whole', () => {
    for (const n of [1001, 1000]) {
      const page = textNodesPage(sources, n);
      expect(page.textNodes).toBe(n);
      expect(countTextNodes(page.html)).toBe(n);
    }
    expect(textNodesPage(sources, 100).html).toContain('</time> Wladimir Putin reist.</p>');
  });

  it('is deterministic', () => {
    expect(bulkPage(sources, 3000).html).toBe(bulkPage(sources, 3000).html);
  });
});
