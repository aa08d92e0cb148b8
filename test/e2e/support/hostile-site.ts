import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileSite {
  url: string;
  close: () => Promise<void>;
}

/** A loopback site serving `pages` (path → HTML) whatever the query: the hostile pages a test writes for itself. */
export async function startHostileSite(pages: Record<string, string>): Promise<HostileSite> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = pages[path];
    res.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page ?? '<!doctype html><title>Not found</title><p>Not found</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
