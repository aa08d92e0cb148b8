// What the extension costs the pages it observes: page loads, click bursts, heap over a long SPA walk. Every
// figure is measured in two browsers at once — `withExt` (the built extension, a study and a running session)
// and `without` (no extension at all) — on the same demo-site pages, interleaved rep by rep.
import { median, repeat, summary } from './stats.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Long tasks as the page itself sees them; the observer's isolated world runs on the same main thread. */
const LONG_TASKS = `(() => {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export async function metricsOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

async function instrumentedPage(browser) {
  const page = await browser.context.newPage();
  await page.addInitScript(LONG_TASKS);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/**
 * Main-thread time of one page load: Chromium's per-document counters (ScriptDuration, TaskDuration — they start
 * again with each new document) read `settleMs` after the load event, late enough to include the observer's
 * start-up, its first batch to the worker and its dead-end check 1.5 s after the visit begins.
 */
async function loadOnce({ page, cdp }, url, settleMs, act) {
  await page.goto(url, { waitUntil: 'load' });
  const loadedAt = Date.now();
  await act?.(page);
  await sleep(settleMs - (Date.now() - loadedAt));
  const longTasks = await page.evaluate(() => window.__benchLongTasks.length);
  return { ...(await metricsOf(cdp)), longTasks };
}

/**
 * A rage burst as a person makes one: `clicks` trusted clicks a moment after the page has loaded, at nearly the
 * same spot (a pixel or two apart), on what they expect to act (the minimal page's button, which does nothing).
 */
export const rageBurst = (selector, clicks) => async (page) => {
  await sleep(300);
  const box = await page.locator(selector).boundingBox();
  for (let i = 0; i < clicks; i++) await page.mouse.click(box.x + box.width / 2 + (i % 3) - 1, box.y + box.height / 2 + ((i >> 1) % 3) - 1);
};

export async function pageLoadBench({ withExt, without, siteUrl, paths, reps, settleMs = 1900, staggerMs = 600, act }) {
  const a = await instrumentedPage(withExt);
  const b = await instrumentedPage(without);
  // Warm-up, not counted: the first load of a browser compiles what later loads find cached.
  await Promise.all([loadOnce(a, siteUrl + paths[0], 300), loadOnce(b, siteUrl + paths[0], 300)]);
  const samples = { with: [], without: [], perPage: {} };
  const { results } = await repeat(
    async (i) => {
      const path = paths[i % paths.length];
      const url = siteUrl + path;
      // Interleaved and staggered: one browser's load starts while the other is idle, the order alternates.
      const [first, second] = i % 2 ? [b, a] : [a, b];
      const firstRun = loadOnce(first, url, settleMs, act);
      await sleep(staggerMs);
      const secondRun = loadOnce(second, url, settleMs, act);
      const [r1, r2] = await Promise.all([firstRun, secondRun]);
      const [withRun, withoutRun] = i % 2 ? [r2, r1] : [r1, r2];
      return { path, with: withRun, without: withoutRun };
    },
    { target: reps, min: reps },
  );
  for (const r of results) {
    samples.with.push(r.with);
    samples.without.push(r.without);
    (samples.perPage[r.path] ??= { with: [], without: [] }).with.push(r.with);
    samples.perPage[r.path].without.push(r.without);
  }
  await a.page.close();
  await b.page.close();
  return samples;
}

/**
 * The minimal page (a heading, a paragraph, a button, a link: demo-site `/minimal`) loaded alone, and loaded and
 * then clicked `clicks` times in a rage burst, as issue 22 measured it: counters read 2.5 s after the load event.
 * What the burst adds per click is the difference of the two loads' paired medians, over `clicks`.
 */
export async function minimalPageBench({ withExt, without, siteUrl, reps, clicks = 20, settleMs = 2500 }) {
  const run = (act) => pageLoadBench({ withExt, without, siteUrl, paths: ['/minimal'], reps, settleMs, act });
  const alone = await run();
  const burst = await run(rageBurst('#minimal-button', clicks));
  return { clicks, alone, burst };
}

export function minimalPageFigures({ clicks, alone, burst }) {
  const a = pageLoadFigures(alone);
  const b = pageLoadFigures(burst);
  const longTasks = (samples) => samples.reduce((n, m) => n + m.longTasks, 0);
  return {
    alone: a,
    burst: b,
    // µs per click inside the burst: what the burst load gains over the load alone, both paired.
    perClick: { script: ((b.script.paired - a.script.paired) / clicks) * 1000, task: ((b.task.paired - a.task.paired) / clicks) * 1000 },
    longTasks: { with: longTasks(alone.with) + longTasks(burst.with), without: longTasks(alone.without) + longTasks(burst.without), loads: alone.with.length + burst.with.length },
    clicks,
  };
}

/**
 * Bursts of 100 trusted clicks (Playwright's mouse: real input events) on a paragraph that does nothing — a rage
 * click by any definition. Counters are read `settleMs` after each burst so the observer's deferred work (its
 * detectors' timers, the batch to the worker) is counted with the burst that caused it.
 */
export async function clickBench({ withExt, without, siteUrl, path, selector, bursts, clicks = 100, settleMs = 500, pauseMs = 150 }) {
  const a = await instrumentedPage(withExt);
  const b = await instrumentedPage(without);
  await Promise.all([a.page.goto(siteUrl + path, { waitUntil: 'load' }), b.page.goto(siteUrl + path, { waitUntil: 'load' })]);
  await sleep(2000); // the observer has started and judged the page (dead-end check) before the first burst
  const burst = async ({ page, cdp }) => {
    const box = await page.locator(selector).first().boundingBox();
    const x = box.x + Math.min(40, box.width / 2);
    const y = box.y + Math.min(10, box.height / 2);
    const longBefore = await page.evaluate(() => window.__benchLongTasks.length);
    const before = await metricsOf(cdp);
    const startedAt = Date.now();
    for (let i = 0; i < clicks; i++) await page.mouse.click(x, y);
    const burstMs = Date.now() - startedAt;
    await sleep(settleMs);
    const after = await metricsOf(cdp);
    const longTasks = await page.evaluate((from) => window.__benchLongTasks.slice(from), longBefore);
    return { script: after.script - before.script, task: after.task - before.task, burstMs, longTasks };
  };
  const { results } = await repeat(
    async (i) => {
      const order = i % 2 ? ['without', 'with'] : ['with', 'without'];
      const out = {};
      for (const side of order) {
        out[side] = await burst(side === 'with' ? a : b);
        await sleep(pauseMs);
      }
      return out;
    },
    { target: bursts, min: bursts },
  );
  await a.page.close();
  await b.page.close();
  return { clicks, with: results.map((r) => r.with), without: results.map((r) => r.without) };
}

/**
 * One tab, one document: the hash-routed help centre walked through `routes` route changes (each a new visit
 * for the observer), garbage collected and measured every 50. Both browsers walk at the same time: heap is not
 * a timing. The growth with the extension minus the growth without is what the observer kept.
 */
export async function heapBench({ withExt, without, siteUrl, routes = 200, stepMs = 120 }) {
  const hashes = ['#/article/returns', '#/article/shipping', '#/article/warranty', '#/'];
  const walk = async (browser) => {
    // Only this demo-site tab: pages of one site share a renderer process, and with it a heap.
    for (const p of browser.context.pages()) if (p.url().startsWith(siteUrl)) await p.close();
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.goto(`${siteUrl}/help`, { waitUntil: 'load' });
    await sleep(2000);
    const samples = [{ routes: 0, used: await heap() }];
    for (let i = 1; i <= routes; i++) {
      await page.evaluate((hash) => {
        location.hash = hash;
      }, hashes[i % hashes.length]);
      await sleep(stepMs);
      if (i % 50 === 0) {
        if (i === routes) await sleep(1500); // the last visits' events reach the worker and are acknowledged
        samples.push({ routes: i, used: await heap() });
      }
    }
    await page.close();
    return samples;
  };
  const [withSamples, withoutSamples] = await Promise.all([walk(withExt), walk(without)]);
  return { routes, with: withSamples, without: withoutSamples };
}

export function pageLoadFigures(samples) {
  const pick = (list, key) => list.map((m) => m[key]);
  const out = {};
  for (const key of ['script', 'task']) {
    const w = summary(pick(samples.with, key));
    const wo = summary(pick(samples.without, key));
    // Each load is paired with the other browser's load of the same page moments apart: the median of those
    // differences shrugs off what a busy machine does to one pass more than to another.
    const paired = median(samples.with.map((m, i) => m[key] - samples.without[i][key]));
    out[key] = { with: w, without: wo, added: w.median - wo.median, paired, ratio: w.median / wo.median };
  }
  out.perPage = Object.fromEntries(
    Object.entries(samples.perPage).map(([path, s]) => [
      path,
      Object.fromEntries(['script', 'task'].map((key) => [key, { with: summary(pick(s.with, key)).median, without: summary(pick(s.without, key)).median }])),
    ]),
  );
  return out;
}
