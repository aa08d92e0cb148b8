import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchExtension, type Extension } from './support/browser';

/**
 * Issue 18: the shortcuts the README documents are the ones Chromium really assigns. A suggested key Chromium
 * keeps for itself comes back from `commands.getAll()` as "" (Alt+Shift+A in Chromium 156), and the command then
 * has no shortcut at all. (Alt+Shift+N is kept too; Alt+Shift+J is free.)
 */
describe('keyboard shortcuts', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('every command has the shortcut the manifest suggests', async () => {
    const worker = await ext.worker();
    const assigned = Object.fromEntries((await worker.evaluate(() => chrome.commands.getAll())).map((c) => [c.name, c.shortcut]));
    const manifest = JSON.parse(readFileSync(`${DIST}/manifest.json`, 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
    const suggested = Object.fromEntries(Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key.default]));
    expect(Object.keys(suggested).sort()).toEqual(['annotate', 'ask-now', 'feedback', 'side-panel']);
    for (const [name, key] of Object.entries(suggested)) expect(assigned[name], name).toBe(key);
  });
});
