import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { DIST } from './support/browser';

const XVFB = '/usr/bin/Xvfb';
const XDOTOOL = '/usr/bin/xdotool';
const missing = !existsSync(XVFB) || !existsSync(XDOTOOL);
if (missing) console.warn('Panel shortcut test skipped: needs Xvfb and xdotool (apt-get install xvfb xdotool)');

/**
 * Issue 17: the side panel's keyboard shortcut really opens it. Playwright's keys go to the page, never to the
 * browser, so Chromium runs headed on a virtual display and xdotool presses the key as a person would.
 */
describe.skipIf(missing)('the side panel shortcut', () => {
  let display: ChildProcess | null = null;
  afterAll(() => void display?.kill());

  it('Alt+Shift+L opens the side panel', { timeout: 60_000 }, async () => {
    const screen = `:${90 + Math.floor(Math.random() * 9)}`;
    display = spawn(XVFB, [screen, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await expect.poll(() => existsSync(`/tmp/.X11-unix/X${screen.slice(1)}`)).toBe(true);
    const env = { ...process.env, DISPLAY: screen };
    const profile = await mkdtemp(join(tmpdir(), 'jl-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      env,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const panels = () => worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.bringToFront();
      await expect.poll(() => worker.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'side-panel')?.shortcut)).toBe('Alt+Shift+L');
      expect(await panels()).toBe(0);
      execFileSync(XDOTOOL, ['key', 'alt+shift+l'], { env });
      await expect.poll(panels, { timeout: 10_000 }).toBe(1);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
