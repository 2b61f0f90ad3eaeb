/**
 * addons-linter (web-ext lint) on the Firefox build that the e2e globalSetup just made: no errors, and no warnings
 * from our own code. The one warning allowed is Preact's: its renderer assigns innerHTML for
 * dangerouslySetInnerHTML (preact/dist/preact.module.js), which our components never pass.
 */
import { describe, expect, it } from 'vitest';
import { lintFirefox } from '../../scripts/lint.ts';
import { distFor } from './harness.ts';

describe('web-ext lint of dist/firefox', () => {
  it('finds no errors and no warnings in our own code', async () => {
    const { errors, ours, vendor } = await lintFirefox(distFor('firefox'));
    expect(errors).toEqual([]);
    expect(ours).toEqual([]);
    // Anything filtered as third-party must be exactly the known Preact innerHTML assignment.
    for (const w of vendor) expect({ vendor: w.vendor, code: w.code }).toEqual({ vendor: 'preact', code: 'UNSAFE_VAR_ASSIGNMENT' });
  });

});
