/** The options page's I/O: calls to the background, reading an import file, offering a download. */
import type { ExportFile } from '../../shared/userdata/types.ts';
import { fromWebAnnotation } from '../../shared/userdata/web-annotation.ts';

/** Calls to the background. */
export { send } from '../ui/messaging.ts';

/** Files larger than this are refused before they are read: an export of a large library is far smaller. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Reads an import file, JSON or Web Annotation JSON-LD, into the export shape; throws a readable error. */
export async function readImportFile(file: Blob): Promise<ExportFile> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch (err) {
    throw new Error(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'AnnotationCollection' ? fromWebAnnotation(data) : (data as ExportFile);
}

/** Offers `data` as a JSON file download. */
export function download(name: string, data: unknown, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
