import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { manifestFor, type Manifest } from './manifest.ts';

const root = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;

describe('manifestFor', () => {
  it('gives Chrome the service worker and side panel only', () => {
    const m = manifestFor('chrome', root);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.side_panel).toBeDefined();
    expect(m.sidebar_action).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.permissions).toContain('sidePanel');
  });

  it('gives Firefox the background scripts, sidebar and gecko settings only', () => {
    const m = manifestFor('firefox', root);
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.side_panel).toBeUndefined();
    expect(m.sidebar_action).toMatchObject({ open_at_install: false });
    expect(m.permissions).not.toContain('sidePanel');
    expect(JSON.stringify(m.browser_specific_settings)).toMatch(/crossread@/);
  });

  it('exposes only the lazy UI chunk to pages, under a dynamic URL where the browser has one', () => {
    const exposed = (target: 'chrome' | 'firefox') => manifestFor(target, root).web_accessible_resources;
    expect(exposed('chrome')).toEqual([{ resources: ['ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
    expect(exposed('firefox')).toEqual([{ resources: ['ui.js'], matches: ['http://*/*', 'https://*/*'] }]);
  });

  it('leaves its input untouched', () => {
    const before = JSON.stringify(root);
    manifestFor('firefox', root);
    manifestFor('chrome', root);
    expect(JSON.stringify(root)).toBe(before);
  });

  it('rejects a manifest missing the background a browser needs', () => {
    expect(() => manifestFor('chrome', { background: { scripts: ['b.js'] } })).toThrow(/service_worker/);
    expect(() => manifestFor('firefox', { background: { service_worker: 'b.js' } })).toThrow(/scripts/);
  });

  it('asks for no permission beyond the ones the README explains', () => {
    expect([...(root.permissions ?? [])].sort()).toEqual(['sidePanel', 'storage']);
    expect(root.host_permissions).toBeUndefined();
  });
});
