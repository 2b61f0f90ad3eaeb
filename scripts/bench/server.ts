/** A tiny HTTP server for generated pages and the bench scripts, all held in memory. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', json: 'application/json' };

/** A running server: `set` publishes a body at a path, `url` makes it absolute. */
export interface BenchServer {
  set(path: string, body: string | Buffer): void;
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startServer(): Promise<BenchServer> {
  const routes = new Map<string, string | Buffer>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const body = routes.get(path);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.split('.').pop() ?? 'html';
    res.writeHead(200, { 'content-type': TYPES[ext] ?? TYPES.html!, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    set: (path, body) => routes.set(path, body),
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
