import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../demo-site/server.mjs';
import { DIST, launchExtension, openPopup, readStore, waitUntil, type Extension } from '../test/e2e/support/browser';
import { EPISODES, type Episode } from './episodes';
import { NORMAL_WALKS, type NormalWalk } from './normal-walks';
import { score, table, type Lane, type StoredSignal, type StoredVisit } from './score';
import { startValiditySite, type ValiditySite } from './site/server.mjs';
import { validityStudyFile } from './study-file';
import { Walker } from './walker';

/**
 * `npm run validity`: normal-use walks (no signal may come of them) and planted episodes (exactly their signals)
 * over the validity site and the demo shop, with the shipped build (dist/) and a study imported through the
 * options page. Prints a table per signal kind, writes validity/results.json, fails on any miss or false alarm.
 */
const RESULTS = resolve(import.meta.dirname, 'results.json');
/** Tabs walked at once: enough to keep the whole run near two minutes, few enough for two shared cores. */
const PARALLEL = 6;
const MIN_NORMAL_CLICKS = 150;

let site: ValiditySite;
/**
 * A demo shop per tab walked at once, each its own origin: the shop keeps its cart in localStorage and redraws
 * the cart count in its other tabs when it changes, so one walk's "Add to cart" would answer another walk's
 * pending click (a dead or slow click planted there would then go unseen).
 */
let demos: DemoSite[];
let ext: Extension;
const lanes: Array<Lane & { walker: Walker; episode?: Episode; ms?: number }> = [];
/** VALIDITY_ONLY='text|other' walks only the walks and episodes whose name contains one of them (while working on a detector). */
const only = (name: string) => !process.env.VALIDITY_ONLY || process.env.VALIDITY_ONLY.split('|').some((part) => name.includes(part));
const problems: string[] = [];
/** Walks that broke off once and were walked again: printed, not failed. */
const walkedAgain: string[] = [];

beforeAll(async () => {
  [site, demos, ext] = await Promise.all([
    startValiditySite({ port: 0 }),
    Promise.all(Array.from({ length: PARALLEL }, () => startDemoSite({ port: 0 }))),
    launchExtension({ dist: DIST }),
  ]);
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const options = await ext.context.newPage();
  await options.goto(ext.url('src/ui/options/index.html'));
  const file = JSON.stringify(validityStudyFile([site.url, ...demos.map((demo) => demo.url)], Date.now()));
  await options.getByLabel('Import a study file (JSON)').setInputFiles({ name: 'validity-study.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText(/Imported “Validity walks”/).waitFor();
  await options.close();
});

afterAll(async () => {
  await ext?.close();
  await Promise.all([site?.close(), ...(demos ?? []).map((demo) => demo.close())]);
});

/** `slot`: which of the tabs walked at once (inParallel); walks one at a time take the first. */
const baseOf = (where: 'validity' | 'demo', slot: number) => (where === 'validity' ? site.url : demos[slot]!.url);
const tabIds = async () => (await ext.worker()).evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id!));

let opening = Promise.resolve();
/** A new tab with its browser tab id (tabs open one at a time, so the new id is unambiguous). */
function newWalker(where: 'validity' | 'demo', slot = 0): Promise<Walker> {
  const next = opening.then(async () => {
    const before = new Set(await tabIds());
    const page = await ext.context.newPage();
    let id: number | undefined;
    await waitUntil(async () => (id = (await tabIds()).find((tab) => !before.has(tab))) !== undefined);
    return new Walker(page, id!, baseOf(where, slot));
  });
  opening = next.then(() => undefined);
  return next;
}

/** Opens `path` and waits until its visit is stored: from then on the page's observer sees every click. */
async function begin(w: Walker, path: string): Promise<void> {
  await w.open(path);
  await waitUntil(async () => (await readStore<StoredVisit>(ext, 'visits')).some((v) => v.tabId === w.tabId), 15_000);
}

/**
 * Walks a lane in a new tab. A walk that breaks off (the harness could not drive the page: a link that led nowhere
 * in time, a burst the machine stretched) is walked once more from the start in a fresh tab, and the cut-short tab is
 * set aside; the break-off is printed either way, and a second one is a problem.
 */
async function walk(name: string, where: 'validity' | 'demo', start: string, run: (w: Walker) => Promise<void>, lane: Omit<Lane, 'name' | 'tabIds'>, slot: number, episode?: Episode): Promise<Walker> {
  let w = await newWalker(where, slot);
  const entry = { name, tabIds: [w.tabId], setAside: [] as number[], walker: w, ...lane, ...(episode ? { episode } : {}), ms: 0 };
  lanes.push(entry);
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    try {
      await begin(w, start);
      await run(w);
      entry.ms = Date.now() - started;
      return w;
    } catch (error) {
      // Playwright's first line says what it waited for; its log, what happened meanwhile (navigations, retries).
      const lines = (error as Error).message.split('\n').filter((line) => line.trim() && !/^(Call log|=+( logs =+)?$)/.test(line.trim()));
      const brokeOff = `${name}: the walk broke off at ${w.page.isClosed() ? '(closed tab)' : new URL(w.page.url()).pathname}: ${lines.slice(0, 8).join(' ')}`;
      if (attempt === 2) {
        problems.push(brokeOff);
        return w;
      }
      walkedAgain.push(brokeOff);
      entry.setAside.push(w.tabId);
      await w.page.close().catch(() => undefined);
      w = entry.walker = await newWalker(where, slot);
      entry.tabIds = [w.tabId];
    }
  }
}

async function inParallel<T>(items: readonly T[], run: (item: T, slot: number) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: PARALLEL }, async (_, slot) => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item, slot);
  }));
}

const normal = (walk_: NormalWalk, slot = 0) => walk(`normal: ${walk_.name}`, walk_.site, walk_.start, walk_.run, { normal: true, plants: [] }, slot);
const planted = (episode: Episode, slot = 0) => walk(episode.name, episode.site, episode.start, episode.run, { normal: false, plants: episode.plants }, slot, episode);

/** Waits until no new signal has been stored for `quietMs`: pages hand over their decisions in batches. */
async function settle(quietMs = 3000): Promise<void> {
  let count = -1;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    const now = (await readStore(ext, 'signals')).length;
    if (now !== count) [count, since] = [now, Date.now()];
    await new Promise((done) => setTimeout(done, 300));
  }
}

async function popupButton(page: Page, name: string): Promise<void> {
  const popup = await openPopup(ext, page);
  const button = popup.getByRole('button', { name });
  await button.click();
  // Start and stop swap the popup's view once the worker has done them: closing it before may drop the request
  // on a busy machine (the next popup then still showed the session running).
  await button.waitFor({ state: 'detached' });
  await popup.close().catch(() => undefined);
}

/** A second session, started on a journal page and stopped as abandoned from the popup on an article. */
async function abandonedSession(): Promise<void> {
  const abandoned = await newWalker('validity');
  lanes.push({ name: 'a session stopped as abandoned', normal: false, tabIds: [abandoned.tabId], walker: abandoned, plants: [{ kind: 'exit', path: '/journal/rain-ready' }] });
  await abandoned.open('/journal');
  await popupButton(abandoned.page, 'Start session');
  await waitUntil(async () => (await readStore<StoredVisit>(ext, 'visits')).some((v) => v.tabId === abandoned.tabId));
  await abandoned.follow(abandoned.link('Rain-ready: walking happily in bad weather'), '/journal/rain-ready');
  await abandoned.read(1500);
  await popupButton(abandoned.page, 'Stop: abandoned');
}

it('walks the sites: no false alarm in normal use, every planted signal found', async () => {
  const started = Date.now();
  // The session starts as a researcher starts it: on a page of the study, from the popup.
  const home = await newWalker('validity');
  lanes.push({ name: 'the page the session started on', normal: true, tabIds: [home.tabId], plants: [], walker: home });
  await home.open('/');
  await popupButton(home.page, 'Start session');
  await waitUntil(async () => (await readStore(ext, 'visits')).length > 0);
  // The first thing anyone does on the site: answer the cookie banner (the choice holds for every tab).
  await home.click(home.button('Accept all'));

  // Phase 1: everything before the goal, in parallel tabs.
  const before = [
    ...NORMAL_WALKS.filter((w) => !w.reachesGoal && only(w.name)).map((w) => (slot: number) => normal(w, slot)),
    ...EPISODES.filter((e) => !e.afterGoal && only(e.name)).map((e) => (slot: number) => planted(e, slot)),
  ];
  await inParallel(before, (run, slot) => run(slot));
  await settle();

  // Phase 2: the goal is reached; a tab closed afterwards is no exit.
  for (const goal of NORMAL_WALKS.filter((w) => w.reachesGoal && only(w.name))) await normal(goal);
  for (const episode of EPISODES.filter((e) => e.afterGoal && only(e.name))) await planted(episode);
  await settle();
  await popupButton(home.page, 'Stop: goal reached');

  // Phase 3: a second session, stopped as abandoned before its goal: an exit on its last page.
  if (only('a session stopped as abandoned')) await abandonedSession();
  await settle();

  const [signals, visits] = await Promise.all([readStore<StoredSignal>(ext, 'signals'), readStore<StoredVisit>(ext, 'visits')]);
  const result = score(lanes, signals, visits);
  for (const lane of lanes) {
    const problem = lane.episode?.check?.(visits.filter((v) => lane.tabIds.includes(v.tabId)));
    if (problem) problems.push(`${lane.name}: ${problem}`);
  }
  const normalClicks = lanes.filter((l) => l.normal).reduce((sum, l) => sum + l.walker.clicks, 0);
  const whole = !process.env.VALIDITY_ONLY;
  if (whole && normalClicks < MIN_NORMAL_CLICKS) problems.push(`the normal walks made ${normalClicks} clicks (at least ${MIN_NORMAL_CLICKS})`);
  const episodes = lanes.filter((l) => !l.normal).length;

  const printed = [
    table(result.kinds),
    '',
    `${episodes} planted episodes, ${lanes.filter((l) => l.normal).length} normal walks with ${normalClicks} trusted clicks, ${Math.round((Date.now() - started) / 1000)} s`,
    ...result.lanes.flatMap((lane) => [
      ...lane.missed.map((p) => `MISSED      ${lane.name}: ${p.kind} on ${p.path}${p.selector ? ` (${p.selector})` : ''}${p.detail ? ` ${JSON.stringify(p.detail)}` : ''}`),
      ...lane.falseAlarms.map((s) => `FALSE ALARM ${lane.name}: ${s.kind} on ${s.path}${s.selector ? ` (${s.selector})` : ''} ${JSON.stringify(s.detail)}`),
    ]),
    ...walkedAgain.map((p) => `WALKED AGAIN ${p}`),
    ...problems.map((p) => `PROBLEM     ${p}`),
  ].join('\n');
  console.log(printed);
  // Other parts of the run write their own keys into the same file (validity/sentiment.test.ts: "sentiment").
  const earlier = JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile(
    RESULTS,
    `${JSON.stringify({ ...earlier, signals: result.kinds, problems, walkedAgain, normalClicks, episodes, durationMs: Date.now() - started, lanes: result.lanes.map((l) => ({ ...l, ms: lanes.find((x) => x.name === l.name)?.ms })), stored: { signals: signals.length, visits: visits.length } }, null, 2)}\n`,
  );

  expect(problems).toEqual([]);
  expect(Object.entries(result.kinds).filter(([, s]) => s.missed || s.falseAlarms || (whole && !s.planted)).map(([kind]) => kind)).toEqual([]);
});
