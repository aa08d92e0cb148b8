import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startDemoSite, type DemoSite } from '../../../demo-site/server.mjs';
import { launchExtension, openPopup, readStore, waitUntil, type Extension } from './browser';
import { hasShadowHost } from './shadow';

export interface ShopEnv {
  site: DemoSite;
  ext: Extension;
}

/** A demo shop on a free port and Chromium with the built extension, for the tests of one describe block. */
export function useShop(options: { dist?: string } = {}): ShopEnv {
  const env = {} as ShopEnv;
  beforeAll(async () => {
    env.site = await startDemoSite({ port: 0 });
    env.ext = await launchExtension(options);
  });
  afterAll(async () => {
    await env.ext?.close();
    await env.site?.close();
  });
  return env;
}

/**
 * Sets up a study for the demo shop at `siteUrl` the way a researcher does: options page → "Create the demo
 * study", then point its scope at the port the test server got. The demo's own surveys and persona are taken away
 * unless `shipped` (tests add the surveys they are about).
 */
export async function createDemoStudy(ext: Extension, siteUrl: string, shipped = false): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('src/ui/options/index.html'));
  await options.getByRole('button', { name: 'Create the demo study' }).click({ timeout: 10_000 }).catch(async (error) => {
    console.log('OPTIONS PAGE', (await options.locator('body').innerText()).slice(0, 600));
    throw error;
  });
  await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
  await options.getByLabel('Pages in scope (one match pattern per line)').fill(`${siteUrl}/*`);
  await options.getByRole('button', { name: 'Save study' }).click();
  await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
  if (shipped) return options;
  const replies = await options.evaluate(async () => {
    const { data } = await chrome.runtime.sendMessage({ type: 'ui.overview' });
    const saved = await Promise.all(data.studies.map((study: object) => chrome.runtime.sendMessage({ type: 'ui.study.save', study: { ...study, surveys: [] } })));
    const deleted = await Promise.all(data.personas.map((persona: { id: string }) => chrome.runtime.sendMessage({ type: 'ui.persona.delete', personaId: persona.id })));
    return [...saved, ...deleted] as { ok: boolean }[];
  });
  if (replies.some((reply) => !reply.ok)) throw new Error(`demo study: ${JSON.stringify(replies)}`);
  // Opened again on the Studies tab, so no other tab's fields are drawn before a test asks for them.
  await options.goto(ext.url('src/ui/options/index.html#studies'));
  await options.reload();
  await options.getByTestId('study-item').waitFor();
  return options;
}

/**
 * Adds a survey rule in the open study editor (the options page's Studies tab, after "Edit"), as a researcher
 * does: instrument and moment by their labels, e.g. addSurvey(options, 'CES — effort 1–7', 'Entering a stage',
 * ['Stage', 'Purchase']). Save the study afterwards.
 */
export async function addSurvey(options: Page, instrument: string, when: string, detail?: [string, string], everyTime = false): Promise<void> {
  const surveys = options.getByTestId('survey-rules');
  await surveys.getByRole('button', { name: 'Add survey' }).click();
  const rule = surveys.getByRole('group', { name: /^Survey \d+$/ }).last();
  await rule.getByLabel('Instrument').selectOption({ label: instrument });
  await rule.getByLabel('Ask when').selectOption({ label: when });
  if (detail) await rule.getByLabel(detail[0], { exact: true }).selectOption({ label: detail[1] });
  if (everyTime) await rule.getByLabel('Every time').check();
}

export async function createPersona(options: Page, name: string, age: string, goals: string): Promise<void> {
  await options.getByRole('tab', { name: 'Personas' }).click();
  await options.getByRole('button', { name: 'New persona' }).click();
  await options.getByLabel('Name', { exact: true }).fill(name);
  await options.getByLabel('Age (optional)').fill(age);
  await options.getByLabel('Goals').fill(goals);
  await options.getByRole('button', { name: 'Save persona' }).click();
  await options.getByTestId('persona-item').filter({ hasText: name }).waitFor();
}

export interface StoredVisit {
  id: string;
  sessionId: string;
  pageKey: string;
  stageId: string | null;
  url: string;
  arrival: string;
  endedBy: string | null;
  enteredAt: number;
  leftAt: number | null;
}

/**
 * Waits until the background has stored `count` visits (the page queues them until acknowledged). A count not
 * reached names the visits stored, so a lost one can be told from a late one.
 */
export async function storedVisits(ext: Extension, count: number): Promise<StoredVisit[]> {
  const sorted = async () => (await readStore<StoredVisit>(ext, 'visits')).sort((a, b) => a.enteredAt - b.enteredAt);
  try {
    await expect.poll(async () => (await readStore(ext, 'visits')).length, { timeout: 15_000 }).toBe(count);
  } catch (error) {
    const stored = (await sorted()).map((v) => `${v.pageKey} (${v.arrival}, ended by ${v.endedBy})`);
    throw new Error(`${count} visits expected, ${stored.length} stored: ${stored.join(', ')}`, { cause: error });
  }
  return sorted();
}

/** Opens the demo shop's home page in a new tab and starts a session there from the popup, as a researcher does. */
export async function startSessionOnShop(env: ShopEnv): Promise<Page> {
  const shop = await env.ext.context.newPage();
  await shop.goto(`${env.site.url}/`);
  const popup = await openPopup(env.ext, shop);
  await popup.getByRole('button', { name: 'Start session' }).click();
  await popup.getByTestId('session-visit-count').filter({ hasText: '1' }).waitFor();
  await popup.close();
  return shop;
}

/** The popup's "Ask now" on `page`, as a researcher asks for a survey; resolves once the card is on the page. */
export async function askNow(ext: Extension, page: Page): Promise<void> {
  const popup = await openPopup(ext, page);
  await popup.getByRole('button', { name: 'Ask now' }).click();
  await popup.close();
  await waitUntil(() => hasShadowHost(ext, page, 'JOURNEY-LENS-SURVEY'));
}
