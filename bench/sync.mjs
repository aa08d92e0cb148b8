// Team sync (issue 20, PRODUCT.md §8): a study of 100k events in a team database replicated into an empty
// profile, timed from "Join" to every event stored in IndexedDB with its rollups (and, beside it, until the
// sync is idle: its mirror filled and the replication caught up). Part of `npm run bench`
// (`--only=sync`); on its own: `node bench/sync.mjs [dist] [events]` after `npm run build`.
//
// The team database is pouchdb-server in memory on loopback, filled over HTTP the way another browser's sync
// would have filled it (one document per record, kind:uuid); the profile joins it through the extension's own
// `ui.sync.join`, as the options page's Team sync tab does.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTeamServer } from '../scripts/team-server.mjs';
import { launch, ui } from './lib/browser.mjs';
import { seedExport } from './seed.mjs';

const DATABASE = 'bench-study';
const KINDS = ['personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite'];
/** The bench gives up after this long (the budget is 60 s). */
const GIVE_UP_MS = 300_000;

/** The demo study as the options page creates it, from a throwaway profile. */
async function demoStudy(dist) {
  const browser = await launch({ dist });
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.url('src/ui/options/index.html'));
    await page.getByTestId('create-demo-study').click();
    await page.getByTestId('study-item').first().waitFor();
    return (await ui(page, { type: 'ui.overview' })).studies[0];
  } finally {
    await browser.close();
  }
}

/** Events (visits, signals, answers) stored in the profile's IndexedDB, counted from an extension page. */
function storedEvents(page) {
  return page.evaluate(async () => {
    const db = await new Promise((done, fail) => {
      const open = indexedDB.open('journey-lens');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const count = (name) => new Promise((done) => (db.transaction(name).objectStore(name).count().onsuccess = (e) => done(e.target.result)));
    const counts = await Promise.all(['visits', 'signals', 'responses'].map(count));
    db.close();
    return counts.reduce((a, b) => a + b, 0);
  });
}

export async function syncBench({ dist, siteUrl = 'http://127.0.0.1:4310', events = 100_000, log = () => undefined }) {
  const server = await startTeamServer();
  let browser = null;
  try {
    const study = await demoStudy(dist);
    const file = seedExport({ study: { ...study, scope: [`${siteUrl}/*`] }, origin: siteUrl, events });
    const doc = (kind, record) => ({ _id: `${kind}:${record.id}`, studyId: file.study.id, record });
    const docs = [doc('study', file.study), ...KINDS.flatMap((kind) => file[kind].map((record) => doc(kind, record)))];
    const seedStarted = performance.now();
    await server.request(`/${DATABASE}`, { method: 'PUT' });
    for (let i = 0; i < docs.length; i += 5000) {
      await server.request(`/${DATABASE}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: docs.slice(i, i + 5000) }) });
    }
    const seedMs = performance.now() - seedStarted;
    log(`team database filled: ${docs.length} documents (${events} events) in ${Math.round(seedMs)} ms; joining from an empty profile`);

    browser = await launch({ dist });
    if (process.env.JL_SYNC_TRACE) (await browser.worker()).on('console', (m) => m.text().startsWith('JLT') && process.stderr.write(m.text() + '\n'));
    const page = await browser.context.newPage();
    await page.goto(browser.url('src/ui/options/index.html'));
    const started = performance.now();
    await ui(page, { type: 'ui.sync.join', settings: { url: server.url, database: DATABASE, username: '', password: '', screenshots: false } });
    const progress = [];
    let storedMs = null;
    for (;;) {
      const [status, stored] = await Promise.all([ui(page, { type: 'ui.sync.get', studyId: file.study.id }), storedEvents(page).catch(() => 0)]);
      const at = performance.now() - started;
      progress.push({ ms: Math.round(at), stored, done: status?.progress?.done ?? null, state: status?.state ?? null });
      // Stored, and the first load says it is done (rollups rebuilt).
      storedMs ??= stored >= events && status && !status.progress ? at : null;
      if (stored >= events && status?.state === 'idle') break;
      if (status?.error && status.error !== 'offline') throw new Error(`sync failed: ${status.error}`);
      if (at > GIVE_UP_MS) throw new Error(`gave up after ${GIVE_UP_MS} ms with ${stored} of ${events} events stored`);
      await new Promise((done) => setTimeout(done, 1000));
    }
    const idleMs = performance.now() - started;
    // The journey map of what arrived, added up from the rollups the sync rebuilt.
    const mapStarted = performance.now();
    await ui(page, { type: 'ui.map', studyId: file.study.id, filter: {} });
    const mapMs = performance.now() - mapStarted;
    // The figure: every event in the profile's IndexedDB with its rollups. `idleMs`: the mirror filled too and the
    // replication caught up and idle (the sync's own bookkeeping, which the person does not wait for).
    return { events, documents: docs.length, ms: storedMs, eventsPerSecond: events / (storedMs / 1000), idleMs, seedMs, mapMs, progress };
  } finally {
    await browser?.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const events = Number(process.argv[3] ?? 100_000);
  const result = await syncBench({ dist, events, log: (m) => process.stderr.write(`[sync] ${m}\n`) });
  const { progress, ...rest } = result;
  console.log(JSON.stringify({ ...rest, progress: progress.filter((_, i) => i % 4 === 0) }, null, 2));
}
