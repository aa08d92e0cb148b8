import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from './support/browser';

/** The chunks a script loads before anything else happens: itself and every chunk it imports, transitively. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = normalize(queue.shift()!);
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`), and the loader's getURL of the entry.
    for (const [, spec] of code.matchAll(/(?:from\s*|import\s*|getURL\()\s*["'`]([\w./-]+\.js)["'`]/g)) {
      queue.push(spec!.startsWith('.') ? join(file, '..', spec!) : spec!.replace(/^\//, ''));
    }
  }
  return [...seen];
}

const assets = readdirSync(join(DIST, 'assets'));
const observerLoader = `assets/${assets.find((f) => f.startsWith('observer.ts-loader'))!}`;
const injected = staticGraph(observerLoader);
const injectedCode = injected.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');

describe('the script injected into every page of a study', () => {
  it('holds the observers, not the survey card, Preact or zod', () => {
    expect(injected.length).toBeGreaterThan(1);
    expect(injectedCode).not.toContain('jl-question');
    expect(injectedCode).not.toContain('radiogroup');
    expect(injectedCode).not.toMatch(/__PREACT_DEVTOOLS__|_zod|ZodError/);
    const card = assets.filter((f) => readFileSync(join(DIST, 'assets', f), 'utf8').includes('jl-question'));
    expect(card.length).toBeGreaterThan(0);
    expect(injected.some((f) => card.some((c) => f.endsWith(c)))).toBe(false);
  });

  it('holds no picker, pins, note or report form: they load when asked for', () => {
    for (const ui of ['journey-lens-picker', 'journey-lens-pins', 'journey-lens-note-form', 'journey-lens-report-form', 'annotateSave', 'annotateFeedbackSend']) {
      expect(injectedCode).not.toContain(ui);
      expect(assets.some((f) => readFileSync(join(DIST, 'assets', f), 'utf8').includes(ui)), ui).toBe(true);
    }
  });

  it('stays within its 12 KB gzip budget (PRODUCT.md §8)', () => {
    const gzip = injected.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    console.log(`always-injected content script: ${gzip} B gzip in ${injected.length} chunks`);
    expect(gzip).toBeLessThanOrEqual(12 * 1024);
  });
});

describe('the shipped build', () => {
  it('has no test hooks and asks for no access beyond what it uses', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    // activeTab: a feedback report's screenshot of the tab the person asked from (no install warning).
    // storage: chrome.storage.session keeps the store's health across worker stops (IndexedDB is what failed)
    // and the outbox a closing page leaves for the worker. It shows no install warning.
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    const code = readdirSync(join(DIST, 'assets')).map((f) => readFileSync(join(DIST, 'assets', f), 'utf8')).join('\n');
    expect(code).not.toContain('__jlTestHooks');
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('has no way to send anything over the network: data leaves only by export', () => {
    const files = [...readdirSync(join(DIST, 'assets')).map((f) => join('assets', f)), 'service-worker-loader.js', 'page-errors.js'];
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\(|navigator\.connection/);
    }
  });
});
