// Fernhill Outfitters: the validity site, a small outdoor-gear shop with a trip-planner app, served on loopback by
// Node built-ins only. It is written the way shops and apps are (alerts, clipboard buttons, steppers, carousels, an
// SPA, live search …), not around Journey Lens' detectors; `npm run validity` walks it.
//
//   import { startValiditySite } from './validity/site/server.mjs';
//   const site = await startValiditySite({ port: 0 });   // site.url, site.port
//   node validity/site/server.mjs [--port N]              // to look at it: http://127.0.0.1:4320/

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage, PRODUCTS, STORIES, TRAILS } from './pages.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = path.join(HERE, 'public');

/** The lookbook's hero image is answered this late: the page's largest paint comes after 4 s (a slow page). */
export const SLOW_IMAGE_MS = 4500;
/** The trip planner's suggestions and the infinite list answer after a short, realistic delay. */
const API_DELAY_MS = 120;

const TYPES = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.wav': 'audio/wav' };

export async function startValiditySite({ port = 4320, host = '127.0.0.1' } = {}) {
  const timers = new Set();
  const later = (ms) =>
    new Promise((done) => {
      const timer = setTimeout(() => (timers.delete(timer), done()), ms);
      timers.add(timer);
    });
  const server = http.createServer((req, res) => {
    handle(req, res, later).catch(() => (res.headersSent ? res.destroy() : send(res, 500, 'text/plain', 'Server error')));
  });
  await new Promise((done, fail) => server.once('error', fail).listen(port, host, done));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

function send(res, status, type, body) {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': data.length, 'Cache-Control': 'no-store' });
  res.end(data);
}

const json = (res, value) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));

async function handle(req, res, later) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = url.pathname;
  if (route.startsWith('/api/')) return api(route, url.searchParams, res, later);
  // The analytics tag's uploads (public/analytics.js), answered as collectors do: nothing.
  if (route === '/collect') return send(res, 204, 'text/plain', '');
  if (route === '/files/trail-jacket-size-guide.pdf') {
    res.setHeader('Content-Disposition', 'attachment; filename="trail-jacket-size-guide.pdf"');
    return send(res, 200, TYPES['.pdf'], minimalPdf());
  }
  if (route === '/media/campfire.wav') return send(res, 200, TYPES['.wav'], silence(3));
  if (route.startsWith('/img/')) {
    if (route === '/img/lookbook-hero.svg') await later(SLOW_IMAGE_MS);
    return send(res, 200, TYPES['.svg'], picture(route.slice(5, -4)));
  }
  if (route.startsWith('/static/')) {
    const file = path.join(PUBLIC, path.basename(route));
    const body = await readFile(file).catch(() => null);
    if (body) return send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', body);
  }
  // The partner page is only ever linked as localhost: a different host, outside a study scoped to 127.0.0.1.
  const page = renderPage(route, { host: req.headers.host ?? '' });
  return send(res, page.status, 'text/html; charset=utf-8', page.html);
}

async function api(route, query, res, later) {
  await later(API_DELAY_MS);
  if (route === '/api/suggest') {
    const q = (query.get('q') ?? '').toLowerCase();
    const products = PRODUCTS.filter((p) => q && p.name.toLowerCase().includes(q)).map((p) => ({ label: p.name, href: `/product/${p.slug}` }));
    const trails = TRAILS.filter((t) => q && t.name.toLowerCase().includes(q)).map((t) => ({ label: t.name, href: `/app/trails/${t.slug}` }));
    return json(res, [...products, ...trails].slice(0, 6));
  }
  if (route === '/api/stories') {
    const page = Number(query.get('page') ?? '1');
    const items = page <= 4 ? STORIES.map((s, i) => ({ ...s, title: `${s.title}${page > 1 ? ` (part ${page})` : ''}`, n: (page - 1) * STORIES.length + i })) : [];
    return json(res, { items, next: page < 4 ? page + 1 : null });
  }
  if (route === '/api/signin') return json(res, { ok: true });
  if (route === '/api/delivery') return json(res, { days: 2 + ((query.get('zip') ?? '').length % 3), price: 0 });
  if (route === '/api/trips') return json(res, { trips: TRAILS.slice(0, 3).map((t, i) => ({ ...t, date: `2027-0${i + 4}-1${i}` })) });
  if (route === '/api/recommendations') return send(res, 503, 'text/plain', 'Recommendations are down for maintenance');
  return send(res, 404, 'application/json', '{"error":"not found"}');
}

/**
 * A landscape illustration per name: sky, sun, hills and a wood of trees, coloured and placed by the name. Detailed
 * enough to count as a picture: Chromium leaves near-empty images (under 0.05 bits per pixel) out of LCP.
 */
function picture(name) {
  let seed = 0;
  for (const char of name) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000) / 1000;
  const hue = seed % 360;
  const label = name.replace(/[^a-z0-9-]/gi, '').replace(/-/g, ' ');
  const trees = Array.from({ length: 90 }, () => {
    const x = Math.round(random() * 800);
    const y = Math.round(330 + random() * 160);
    const h = Math.round(20 + random() * 40);
    return `<path d="M${x} ${y - h} L${x - h / 3} ${y} L${x + h / 3} ${y}Z" fill="hsl(${(hue + 120 + Math.round(random() * 40)) % 360},${30 + Math.round(random() * 30)}%,${18 + Math.round(random() * 20)}%)"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 500" width="800" height="500" role="img" aria-label="${label}">
<rect width="800" height="500" fill="hsl(${hue},45%,82%)"/><circle cx="${600 - (seed % 300)}" cy="120" r="54" fill="hsl(${(hue + 40) % 360},80%,70%)"/>
<path d="M0 380 L180 220 L330 360 L480 200 L800 420 L800 500 L0 500Z" fill="hsl(${(hue + 140) % 360},30%,42%)"/>
<path d="M0 430 L260 320 L520 440 L800 360 L800 500 L0 500Z" fill="hsl(${(hue + 150) % 360},35%,30%)"/>${trees}</svg>`;
}

/** A one-page PDF that viewers open (the size guide behind the download link). */
function minimalPdf() {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** `seconds` of silent 8 kHz mono WAV: the campfire clip the video element plays. */
function silence(seconds) {
  const samples = 8000 * seconds;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  wav.fill(128, 44);
  return wav;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const site = await startValiditySite({ port: at > 0 ? Number(process.argv[at + 1]) : 4320 });
  console.log(`Fernhill Outfitters (the validity site) on ${site.url}/`);
}
