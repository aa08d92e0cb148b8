// Northwind Phones demo site: a tiny loopback HTTP server (Node built-ins only).
//
//   import { startDemoSite } from './demo-site/server.mjs';
//   const site = await startDemoSite({ port: 0 });   // site.url, site.port
//   await site.close();
//
//   node demo-site/server.mjs [--port N] [--host H]
//
// Pages are rendered by ./pages.mjs; static assets live in ./public/.

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRoute } from './pages.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = path.join(HERE, 'public');
const PRODUCTS_FILE = path.join(PUBLIC_DIR, 'assets', 'products.json');

/** Planted friction #8: this asset is answered only after SLOW_HERO_DELAY_MS. */
export const SLOW_HERO_PATH = '/assets/slow-hero.svg';
export const SLOW_HERO_DELAY_MS = 4500;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Start the demo site.
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startDemoSite({ port = 4310, host = '127.0.0.1' } = {}) {
  const products = JSON.parse(await readFile(PRODUCTS_FILE, 'utf8'));
  const pendingTimers = new Set();
  let closed = false;

  const server = http.createServer((req, res) => {
    handleRequest(req, res, { products, pendingTimers }).catch((err) => {
      if (!res.headersSent) {
        send(res, req, 500, 'text/plain; charset=utf-8', 'Internal server error\n');
      } else {
        res.destroy(err);
      }
    });
  });

  await new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  async function close() {
    if (closed) return;
    closed = true;
    for (const timer of pendingTimers) clearTimeout(timer);
    pendingTimers.clear();
    await new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  }

  return { url: `http://${urlHost}:${actualPort}`, port: actualPort, close };
}

async function handleRequest(req, res, ctx) {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, req, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  }

  // Reject directory traversal before URL parsing normalises it away.
  const rawUrl = req.url ?? '/';
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  let decodedPath;
  try {
    decodedPath = decodeURIComponent(rawPath);
  } catch {
    return send(res, req, 400, 'text/plain; charset=utf-8', 'Bad request\n');
  }
  if (
    !decodedPath.startsWith('/') ||
    decodedPath.includes('\0') ||
    decodedPath.includes('\\') ||
    decodedPath.split('/').includes('..')
  ) {
    return send(res, req, 400, 'text/plain; charset=utf-8', 'Bad request\n');
  }

  const url = new URL(rawUrl, 'http://localhost');
  let pathname = decodedPath.replace(/\/{2,}/g, '/');

  // Canonical URLs have no trailing slash (except the root).
  if (pathname.length > 1 && pathname.endsWith('/')) {
    const target = pathname.replace(/\/+$/, '') + url.search;
    res.setHeader('Location', target);
    return send(res, req, 301, 'text/plain; charset=utf-8', `Moved to ${target}\n`);
  }

  const host = typeof req.headers.host === 'string' && /^[\w.\-:\[\]]+$/.test(req.headers.host)
    ? req.headers.host
    : 'localhost';
  const page = renderRoute(pathname, {
    products: ctx.products,
    query: url.searchParams,
    origin: `http://${host}`,
  });
  if (page) {
    return send(res, req, page.status, 'text/html; charset=utf-8', page.html);
  }

  // Static files from public/.
  if (pathname === SLOW_HERO_PATH) {
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        ctx.pendingTimers.delete(timer);
        resolve();
      }, SLOW_HERO_DELAY_MS);
      ctx.pendingTimers.add(timer);
      res.once('close', () => {
        // Client went away: stop waiting (the response will be discarded).
        if (ctx.pendingTimers.delete(timer)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    if (res.destroyed || res.writableEnded) return;
  }

  const file = await findStaticFile(pathname);
  if (file) {
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = await readFile(file);
    return send(res, req, 200, type, body);
  }

  const notFound = renderRoute('/__not_found__', {
    products: ctx.products,
    query: url.searchParams,
    origin: `http://${host}`,
    forceNotFound: true,
  });
  return send(res, req, 404, 'text/html; charset=utf-8', notFound.html);
}

async function findStaticFile(pathname) {
  const candidate = path.resolve(PUBLIC_DIR, '.' + pathname);
  if (candidate !== PUBLIC_DIR && !candidate.startsWith(PUBLIC_DIR + path.sep)) return null;
  try {
    const info = await stat(candidate);
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

function send(res, req, status, contentType, body) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', buf.length);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.method === 'HEAD') res.end();
  else res.end(buf);
}

/** CLI entry: `node demo-site/server.mjs [--port N] [--host H]`. */
export async function runCli(argv = process.argv.slice(2)) {
  let port = 4310;
  let host = '127.0.0.1';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = inline ?? argv[i + 1];
    if (flag === '--port' || flag === '-p') {
      port = Number(value);
      if (inline === undefined) i++;
    } else if (flag === '--host') {
      host = value;
      if (inline === undefined) i++;
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Usage: node demo-site/server.mjs [--port N] [--host H]');
    process.exitCode = 2;
    return;
  }
  const site = await startDemoSite({ port, host });
  console.log(`Demo site on ${site.url}/`);
  const stop = () => {
    site.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return site;
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCli().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
