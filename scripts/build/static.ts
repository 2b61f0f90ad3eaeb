/** Copies the files the browser loads as they are: pages, style sheets, locales; and writes the icons. */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderIcons } from './icons.ts';

/** Folders under extension/ whose .html and .css files are copied to the same place in dist. */
const PAGE_DIRS = ['sidebar', 'reader', 'options'];
const PAGE_FILE = /\.(html|css)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Copies pages and locales from `extensionDir` and writes icons, all into `outDir`. */
export function copyStatic(extensionDir: string, outDir: string): void {
  for (const dir of PAGE_DIRS) {
    const from = join(extensionDir, dir);
    if (!existsSync(from)) throw new Error(`build: extension/${dir}/ is missing`);
    for (const file of filesUnder(from).filter((f) => PAGE_FILE.test(f))) {
      cpSync(file, join(outDir, relative(extensionDir, file)));
    }
  }
  const locales = join(extensionDir, '_locales');
  if (!existsSync(join(locales, 'en', 'messages.json'))) {
    throw new Error('build: extension/_locales/en/messages.json is missing (manifest.json default_locale is "en")');
  }
  cpSync(locales, join(outDir, '_locales'), { recursive: true });
  const icons = join(outDir, 'icons');
  mkdirSync(icons, { recursive: true });
  for (const [name, png] of renderIcons()) writeFileSync(join(icons, name), png);
}
