// The extension's own side: the worker's store under a burst of events, and the UI over a long study.
import { rawCdp } from './cdp.mjs';
import { ui } from './browser.mjs';
import { repeat } from './stats.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const uuid = () => crypto.randomUUID();

/**
 * Store ingest through the e2e build's `__jlTestHooks.ingest`: each run sends `batches` batches of `perBatch`
 * signal events (the content script's queue sends at most 200 per message) for one visit of the running session
 * through the worker's `content.events` path — validation, scope check, the journal write that acknowledges them —
 * on the real IndexedDB, then waits until the worker has applied them (`applyContentEvents`, survey decision).
 * The message passing itself is not included.
 */
export async function ingestBench({ ext, study, session, siteUrl, runs, batches = 5, perBatch = 200, capMs = 20_000 }) {
  const worker = await ext.worker();
  const url = `${siteUrl}/product/3`;
  const stage = study.stages[1] ?? study.stages[0];
  const page = { url, tabId: 4242 };
  const visitId = uuid();
  const start = {
    kind: 'visit.start',
    eventId: uuid(),
    visit: { id: visitId, studyId: study.id, sessionId: session.id, url, title: 'Aurora X – Northwind Phones', pageKey: '/product/:id', stageId: stage.id, ruleId: null, arrival: 'navigate', enteredAt: Date.now() },
    referred: false,
  };
  const hasHook = await worker.evaluate(() => typeof globalThis.__jlTestHooks?.ingest === 'function');
  if (!hasHook) return { error: 'the e2e build has no __jlTestHooks.ingest (src/background/service-worker.ts)' };
  await worker.evaluate(([b, p]) => globalThis.__jlTestHooks.ingest(b, p), [[[start]], page]);
  const kinds = ['rage_click', 'dead_click', 'slow_click', 'error_click'];
  const makeBatches = () =>
    Array.from({ length: batches }, () =>
      Array.from({ length: perBatch }, (_, i) => ({
        kind: 'signal',
        eventId: uuid(),
        signal: {
          id: uuid(),
          studyId: study.id,
          sessionId: session.id,
          visitId,
          pageKey: '/product/:id',
          stageId: stage.id,
          kind: kinds[i % kinds.length],
          at: Date.now(),
          element: { tag: 'button', id: 'check-stock', classes: ['btn'], role: null, name: 'Check store stock', selector: '#check-stock' },
          detail: { clicks: 3 + (i % 5) },
        },
      })),
    );
  // One run to warm the worker (compiled code, open database), not counted.
  await worker.evaluate(([b, p]) => globalThis.__jlTestHooks.ingest(b, p), [makeBatches().slice(0, 2), page]);
  const events = batches * perBatch;
  // Acknowledged = in the journal, durable (src/background/recording/journal.ts). Each run is a burst: the next one starts
  // once the worker has applied it into visits, signals and rollups, and that time is reported too (the rate the
  // store takes events for good).
  const { results, capped } = await repeat(
    async () => {
      const data = makeBatches();
      const { ms, appliedMs } = await worker.evaluate(async ([b, p]) => {
        const started = performance.now();
        const acked = await globalThis.__jlTestHooks.ingest(b, p);
        await globalThis.__jlTestHooks.applied();
        return { ms: acked, appliedMs: performance.now() - started };
      }, [data, page]);
      return { ms, eventsPerSecond: events / (ms / 1000), appliedMs, appliedPerSecond: events / (appliedMs / 1000) };
    },
    { target: runs, min: 5, capMs },
  );
  return { events, batches, perBatch, runs: results, capped };
}

/**
 * Puts a seeded study export into the store: `importEvents` of it through `ui.import.apply` from an extension
 * page (timed; that is what a user does), the rest written straight into IndexedDB by the e2e build's
 * `__jlTestHooks.storeRecords` in the worker (which rebuilds the sessions' rollups in the same transaction, as an
 * import does) — the product's import of 100k events alone takes longer than this whole benchmark may.
 * `fullImport` sends it all through `ui.import.apply`.
 */
export async function loadStudy({ ext, uiPage, file, importEvents, fullImport = false }) {
  const bySession = (list) => {
    const map = new Map();
    for (const record of list) (map.get(record.sessionId) ?? map.set(record.sessionId, []).get(record.sessionId)).push(record);
    return map;
  };
  const visits = bySession(file.visits);
  const signals = bySession(file.signals);
  const responses = bySession(file.responses);
  const count = (s) => (visits.get(s.id)?.length ?? 0) + (signals.get(s.id)?.length ?? 0) + (responses.get(s.id)?.length ?? 0);
  const imported = [];
  let importedEvents = 0;
  for (const session of file.sessions) {
    if (!fullImport && importedEvents >= importEvents) break;
    imported.push(session);
    importedEvents += count(session);
  }
  const importedIds = new Set(imported.map((s) => s.id));
  const part = (keep) => ({
    ...file,
    sessions: file.sessions.filter((s) => keep(s.sessionId ?? s.id)),
    visits: file.visits.filter((r) => keep(r.sessionId)),
    signals: file.signals.filter((r) => keep(r.sessionId)),
    responses: file.responses.filter((r) => keep(r.sessionId)),
  });
  const importFile = part((id) => importedIds.has(id));
  const text = JSON.stringify(importFile);
  const started = Date.now();
  const reply = await ui(uiPage, { type: 'ui.import.apply', text });
  const importMs = Date.now() - started;
  if (!reply.ok) throw new Error(`import refused: ${JSON.stringify(reply.errors).slice(0, 500)}`);

  const rest = part((id) => !importedIds.has(id));
  let bulkMs = 0;
  let bulkEvents = 0;
  if (rest.sessions.length) {
    const worker = await ext.worker();
    const started2 = Date.now();
    // Chunks of sessions, so no single evaluate carries tens of megabytes.
    const chunk = 100;
    for (let i = 0; i < rest.sessions.length; i += chunk) {
      const ids = new Set(rest.sessions.slice(i, i + chunk).map((s) => s.id));
      const records = {
        sessions: rest.sessions.filter((s) => ids.has(s.id)),
        visits: rest.visits.filter((r) => ids.has(r.sessionId)),
        signals: rest.signals.filter((r) => ids.has(r.sessionId)),
        responses: rest.responses.filter((r) => ids.has(r.sessionId)),
      };
      bulkEvents += records.visits.length + records.signals.length + records.responses.length;
      await worker.evaluate((payload) => globalThis.__jlTestHooks.storeRecords(JSON.parse(payload)), JSON.stringify(records));
    }
    bulkMs = Date.now() - started2;
  }
  return {
    fileBytes: JSON.stringify(file).length,
    import: { events: importedEvents, sessions: imported.length, bytes: text.length, ms: importMs, eventsPerSecond: importedEvents / (importMs / 1000) },
    bulk: { events: bulkEvents, sessions: rest.sessions.length, ms: bulkMs },
  };
}

/**
 * `ui.map` for the whole study, from an extension page: the background's read, aggregation and reply. Cold: each
 * reply follows a write (`dropCachedMaps`), as the first map after recording does.
 */
export async function mapMessageBench({ uiPage, studyId, reps, capMs = 20_000 }) {
  const { results, capped } = await repeat(
    async () => {
      await dropCachedMaps(uiPage);
      return uiPage.evaluate(async (id) => {
        const started = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'ui.map', studyId: id, filter: {} });
        const ms = performance.now() - started;
        if (!reply?.ok) throw new Error(`ui.map refused: ${reply?.error}`);
        return { ms, replyBytes: JSON.stringify(reply).length };
      }, studyId);
    },
    { target: reps, min: 5, capMs },
  );
  return { runs: results, capped };
}

/**
 * Marks, from the first moment of a document, when `selector` appears (and is not busy) and when the next frame
 * after that has been produced — the render as seen, relative to the document's navigation start.
 */
export const renderProbe = (selector) => `(() => {
  const ready = () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return false;
    const busy = el.closest('[aria-busy]');
    return !busy || busy.getAttribute('aria-busy') !== 'true';
  };
  const done = () => {
    window.__benchRendered = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__benchPainted = performance.now(); }, 0));
  };
  const watch = new MutationObserver(() => {
    if (window.__benchRendered === undefined && ready()) { watch.disconnect(); done(); }
  });
  watch.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;

/** Whether this build's options page has the dashboard tab with the journey map. */
export async function dashboardPresent(ext) {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  // The options page's code is built apart, beside its page (scripts/observer-script.ts): any script of the build.
  const files = readdirSync(ext.dist, { recursive: true, encoding: 'utf8' });
  return files.some((f) => f.endsWith('.js') && readFileSync(join(ext.dist, f), 'utf8').includes('journey-map'));
}

/** A write that changes nothing a map shows but drops any map the worker keeps: the next map is built cold. */
export async function dropCachedMaps(uiPage) {
  await ui(uiPage, { type: 'ui.offsite.delete', id: uuid() });
}

/**
 * The options page opened on its map tab, timed from navigation to the map table rendered with its data; cold
 * (after a write, see `dropCachedMaps`).
 */
export async function dashboardBench({ ext, uiPage, reps, capMs = 20_000, timeoutMs = 20_000 }) {
  const page = await ext.context.newPage();
  await page.addInitScript(renderProbe('[data-testid="journey-map"]'));
  const { results, capped } = await repeat(
    async () => {
      // A new document each time (the same URL again would only be a same-document hash navigation).
      await page.goto('about:blank');
      await dropCachedMaps(uiPage);
      await page.goto(ext.url('src/ui/options/index.html#map'), { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__benchPainted !== undefined, null, { timeout: timeoutMs, polling: 20 });
      return page.evaluate(() => ({ rendered: window.__benchRendered, painted: window.__benchPainted }));
    },
    { target: reps, min: 5, capMs },
  );
  await page.close();
  return { runs: results, capped };
}

/**
 * The real action popup (`chrome.action.openPopup()` from the worker) over a demo-site page of the running session.
 * A raw CDP connection pauses the popup as it is created, puts the render probe in before its first script and
 * lets it go; the first render is when the current page's stage or the session panel heading is on screen,
 * from the popup document's navigation start. `probe` (script run first in the popup) and `fields` (properties of
 * the object read back from it) add measurements of one's own (bench/popup-breakdown.mjs); `beforeOpen` runs before
 * each open (a write, as a walk makes between two looks at the popup).
 */
export async function popupBench({ ext, demoPage, reps, capMs = 30_000, min = 5, probe: extraProbe = '', fields = '', beforeOpen = async () => {} }) {
  const popupUrl = ext.url('src/ui/popup/index.html');
  const probe = renderProbe('[data-testid="current-stage"], #session-heading') + extraProbe;
  const cdp = await rawCdp(ext.profile);
  let onPopup = null;
  // Targets there before a popup is asked for (the context's first blank tab, the shop page): never the popup,
  // though their attach events may arrive late on a busy machine.
  let existing = new Set();
  const off = cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger: paused }) => {
    let waitingForDebugger = paused;
    try {
      if ((targetInfo.type === 'page' || targetInfo.type === 'other') && (targetInfo.url.startsWith(popupUrl) || targetInfo.url === '' || targetInfo.url === 'about:blank')) {
        // Sent back to back (CDP keeps their order): the popup waits for them as briefly as possible.
        await Promise.all([
          cdp.send('Page.enable', {}, sessionId),
          cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: probe }, sessionId),
          waitingForDebugger ? cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId) : null,
        ]);
        waitingForDebugger = false;
        if (!existing.has(targetInfo.targetId)) onPopup?.({ sessionId, targetId: targetInfo.targetId });
      }
    } finally {
      if (waitingForDebugger) await cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  const evaluate = async (sessionId, expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)).result.value;
  try {
    const { results, capped } = await repeat(
      async () => {
        await beforeOpen();
        await demoPage.bringToFront();
        existing = new Set((await cdp.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
        const opened = new Promise((done) => (onPopup = done));
        const worker = await ext.worker();
        await worker.evaluate(() => chrome.action.openPopup());
        const { sessionId, targetId } = await Promise.race([opened, sleep(10_000).then(() => Promise.reject(new Error('The action popup did not open')))]);
        let result;
        for (let tries = 0; tries < 500; tries++) {
          result = await evaluate(
            sessionId,
            `({ url: location.href, rendered: window.__benchRendered, painted: window.__benchPainted,
                domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
                firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, ${fields} })`,
          ).catch(() => null);
          if (result?.painted !== undefined) break;
          await sleep(20);
        }
        await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
        await sleep(150);
        if (!result?.url?.startsWith(popupUrl)) throw new Error(`Not the popup: ${result?.url}`);
        if (result.painted === undefined) throw new Error('The popup never showed the current page or the session panel');
        const { url: _url, ...times } = result;
        return times;
      },
      { target: reps, min, capMs },
    );
    return { runs: results, capped };
  } finally {
    off();
    await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true }).catch(() => undefined);
    cdp.close();
  }
}
