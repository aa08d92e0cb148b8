// Chromium for the benchmarks: the same launch as test/e2e/support/browser.ts, with or without the extension.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionFlags, headlessFlags } from '../../scripts/chromium.mjs';


const BASE_ARGS = [
  ...headlessFlags(),
  // Both browsers run at once; a hidden or occluded page must not be throttled differently in one of them.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--remote-debugging-port=0',
];

/**
 * Launches Chromium in a throwaway profile. With `dist`, the built extension is loaded and its id, worker and an
 * extension page (for messages, the way the UI sends them) are set up; without, no extension at all.
 */
export async function launch({ dist = null } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'jl-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...BASE_ARGS, ...(dist ? extensionFlags(dist) : ['--disable-extensions'])],
  });
  const browser = {
    context,
    profile,
    dist,
    id: null,
    version: context.browser()?.version() ?? null,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
  if (!dist) return browser;

  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(first.url()).host;
  browser.id = id;
  browser.url = (path) => `chrome-extension://${id}/${path}`;
  browser.worker = async () => context.serviceWorkers().find((w) => w.url().includes(id)) ?? (await context.waitForEvent('serviceworker'));
  // A first install opens the studies page by itself: close it.
  const optionsUrl = browser.url('src/ui/options/index.html');
  for (let tries = 0; tries < 50; tries++) {
    const welcome = context.pages().find((p) => p.url().startsWith(optionsUrl));
    if (welcome) {
      await welcome.close();
      break;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return browser;
}

/** A second CDP connection over the DevTools port: it sees targets the launching connection does not (the popup). */
export async function cdpViewer(browser) {
  const [port] = (await readFile(join(browser.profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}

/** Sends a UI request from an extension page, as src/ui/api.ts does, and returns the reply's data. */
export async function ui(page, request) {
  const reply = await page.evaluate((message) => chrome.runtime.sendMessage(message), request);
  if (!reply?.ok) throw new Error(`${request.type} refused: ${reply?.error} ${JSON.stringify(reply?.issues ?? [])}`);
  return reply.data;
}

/**
 * The demo study through the real options page ("Create the demo study"), its scope pointed at the port the
 * demo site got, without the demo's surveys (no card may load during a measurement), a persona, and a running
 * session. Returns the extension page used for messages.
 */
export async function demoStudyWithSession(browser, siteUrl) {
  const page = await browser.context.newPage();
  await page.goto(browser.url('src/ui/options/index.html'));
  await page.getByTestId('create-demo-study').click();
  await page.getByTestId('study-item').first().waitFor();
  const { studies } = await ui(page, { type: 'ui.overview' });
  const study = await ui(page, { type: 'ui.study.save', study: { ...studies[0], scope: [`${siteUrl}/*`], surveys: [] } });
  const now = Date.now();
  const persona = await ui(page, {
    type: 'ui.persona.save',
    persona: { id: crypto.randomUUID(), name: 'Bench Ben', age: 41, goals: ['Buy a phone'], createdAt: now, updatedAt: now },
  });
  const session = await ui(page, { type: 'ui.session.start', studyId: study.id, personaId: persona.id, goal: 'Buy a phone', role: 'tester' });
  return { page, study, persona, session };
}
