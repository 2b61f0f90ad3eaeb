/** Compile-time constants that scripts/build/bundle.ts defines; esbuild replaces them with literals. */

/** Which browser this bundle is for: branches on it are removed from the other browser's build. */
declare const __BROWSER__: 'chrome' | 'firefox';
/** True in `npm run build -- --dev` builds (source maps, extra logging). */
declare const __DEV__: boolean;
