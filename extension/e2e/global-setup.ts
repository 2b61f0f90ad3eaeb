/** Vitest globalSetup for the e2e project: builds the extension once before any browser starts. */
import { buildExtension } from '../../scripts/build.ts';

export default async function setup(): Promise<void> {
  await buildExtension();
}
