/** The options page's I/O: calls to the background, reading an import file, offering a download. */
import type { ExportFile } from '../../shared/userdata/types.ts';
import { fromWebAnnotation } from '../../shared/userdata/web-annotation.ts';

/** Calls to the background. */
export { send } from '../ui/messaging.ts';

/** Files larger than this are refused before they are read: an export of a large library is far smaller. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Why a file could not even be read: the options page says it in the reader's words. */
export class ImportFileError extends Error {
  constructor(readonly kind: 'too-large' | 'not-json') {
    super(kind);
  }
}

/** Reads an import file, JSON or Web Annotation JSON-LD, into the export shape; throws ImportFileError or WebAnnotationError. */
export async function readImportFile(file: Blob): Promise<ExportFile> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportFileError('too-large');
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new ImportFileError('not-json');
  }
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'AnnotationCollection' ? fromWebAnnotation(data) : (data as ExportFile);
}

/** An export's file name, dated so that exports made on different days do not overwrite each other. */
export function exportFileName(ld: boolean, now = new Date()): string {
  return `crossread-${now.toISOString().slice(0, 10)}.${ld ? 'jsonld' : 'json'}`;
}

/** Offers `data` as a JSON file download; the browser saves it in its downloads folder (or asks where). */
export function download(name: string, data: unknown, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
