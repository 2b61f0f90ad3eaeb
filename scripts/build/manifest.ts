/**
 * Derives each browser's manifest from the one manifest.json at the root. Both browsers accept most keys, but each
 * warns about (or rejects) the other's: Firefox lints `service_worker` and `sidePanel`, Chrome ignores `scripts`
 * and `sidebar_action` with a warning on the extensions page. Pure, so it is unit-tested without a build.
 */

/** The browsers we build for; also the name of each dist/ folder. */
export type Target = 'chrome' | 'firefox';

/** The part of a manifest this step reads or changes; everything else passes through untouched. */
export interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  side_panel?: unknown;
  sidebar_action?: unknown;
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/** Keys only the other browser understands; dropped from the target's copy. */
const FOREIGN_KEYS: Record<Target, string[]> = {
  chrome: ['sidebar_action', 'browser_specific_settings'],
  firefox: ['side_panel'],
};

/** Permissions only the other browser knows. */
const FOREIGN_PERMISSIONS: Record<Target, string[]> = {
  chrome: [],
  firefox: ['sidePanel'],
};

/** The manifest `target` wants, as a new object; `base` is not modified. */
export function manifestFor(target: Target, base: Manifest): Manifest {
  const out: Manifest = structuredClone(base);
  for (const key of FOREIGN_KEYS[target]) delete out[key];
  if (out.permissions) {
    const drop = FOREIGN_PERMISSIONS[target];
    out.permissions = out.permissions.filter((p) => !drop.includes(p));
  }
  if (out.background) {
    const { service_worker, scripts, ...rest } = out.background;
    if (target === 'chrome') {
      if (!service_worker) throw new Error('manifest.json: background.service_worker is required for Chrome');
      out.background = { ...rest, service_worker };
    } else {
      if (!scripts?.length) throw new Error('manifest.json: background.scripts is required for Firefox');
      out.background = { ...rest, scripts };
    }
  }
  if (target === 'firefox' && Array.isArray(out.web_accessible_resources)) {
    // Chrome's per-session resource URL; Firefox's moz-extension:// origin is already a random id per install.
    out.web_accessible_resources = (out.web_accessible_resources as Record<string, unknown>[]).map(
      ({ use_dynamic_url: _, ...rest }) => rest,
    );
  }
  return out;
}
