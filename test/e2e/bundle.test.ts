import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from './support/browser';

/** Every script file of the build, by its path inside it. */
const scripts = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => f.split(sep).join('/'));
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
/** The observer, as the worker registers it (src/background/content-scripts.ts). */
const injectedCode = readFileSync(join(DIST, 'observer.js'), 'utf8');
const onDemand = scripts.filter((f) => f.startsWith('inpage/'));

describe('the script injected into every page of a study', () => {
  it('is one classic script that imports nothing; its on-demand parts are classic scripts the worker injects, and no file is web-accessible', () => {
    expect(injectedCode).not.toMatch(/\bimport\s*[{*\w][^(]*\bfrom\s*["'`]|\bimport\s*["'`]|\bexport\s*[{*]|import\.meta|\bimport\(/);
    // take-over.js runs before an observer the worker injects into a page already open, never in any other.
    expect(onDemand.sort()).toEqual(['inpage/page-notes.js', 'inpage/show-survey.js', 'inpage/take-over.js']);
    for (const part of onDemand) expect(readFileSync(join(DIST, part), 'utf8'), part).not.toMatch(/\bimport\(|\bexport\s*[{*]|\bimport\s*[{*\w][^(]*\bfrom\s*["'`]/);
    // A page can fetch none of our files, so it cannot tell the extension is installed by them (issues 19, 22).
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('holds the observers, not the survey card, Preact or zod', () => {
    expect(injectedCode).toContain('journey-lens.observer');
    expect(injectedCode).not.toContain('jl-question');
    expect(injectedCode).not.toContain('radiogroup');
    expect(injectedCode).not.toMatch(/__PREACT_DEVTOOLS__|_zod|ZodError/);
    expect(onDemand.some((f) => readFileSync(join(DIST, f), 'utf8').includes('jl-question'))).toBe(true);
  });

  it('loads no polyfill with its on-demand parts: they read messages through the browser’s own i18n', () => {
    for (const file of onDemand) expect(readFileSync(join(DIST, file), 'utf8'), file).not.toContain('should only be loaded in a browser extension');
    expect(scripts.some((f) => !f.startsWith('inpage/') && readFileSync(join(DIST, f), 'utf8').includes('should only be loaded in a browser extension'))).toBe(true);
  });

  it('holds no picker, pins, note or report form: they load when asked for', () => {
    for (const ui of ['journey-lens-picker', 'journey-lens-pins', 'journey-lens-note-form', 'journey-lens-report-form']) {
      expect(injectedCode).not.toContain(ui);
      expect(onDemand.some((f) => readFileSync(join(DIST, f), 'utf8').includes(ui)), ui).toBe(true);
    }
    // The forms themselves are the compose page's, an extension page the side panel frames (or a window): issue 17.
    const pageCode = scripts.filter((f) => !f.startsWith('inpage/') && f !== 'observer.js').map((f) => readFileSync(join(DIST, f), 'utf8'));
    for (const ui of ['annotateSave', 'annotateFeedbackSend']) {
      expect(injectedCode + onDemand.map((f) => readFileSync(join(DIST, f), 'utf8')).join('')).not.toContain(ui);
      expect(pageCode.some((code) => code.includes(ui)), ui).toBe(true);
    }
  });

  it('stays within its 12 KB gzip budget with the page-world script that runs on the same pages (PRODUCT.md §8)', () => {
    const gzip = ['observer.js', 'page-world.js'].map((file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length);
    console.log(`always-injected scripts: observer.js ${gzip[0]} B + page-world.js ${gzip[1]} B gzip`);
    // Both are registered for every page of a study (src/background/content-scripts.ts).
    expect(gzip[0]! + gzip[1]!).toBeLessThanOrEqual(12 * 1024);
    // The build's root holds only these and the worker's loader: the UI pages' first scripts sit beside their pages.
    expect(scripts.filter((f) => !f.includes('/')).sort()).toEqual(['observer.js', 'page-world.js', 'service-worker-loader.js']);
  });
});

describe('the shipped build', () => {
  it('has no test hooks and asks for no access beyond what it uses', () => {
    expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    // activeTab: a feedback report's screenshot of the tab the person asked from (no install warning).
    // storage: chrome.storage.session keeps the store's health across worker stops (IndexedDB is what failed)
    // and the outbox a closing page leaves for the worker; chrome.storage.local the running session's handover
    // channel name, which an update must not clear. It shows no install warning.
    // alarms: wakes a worker the browser stopped while a team sync is on, so the sync goes on (no warning).
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
    const code = scripts.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(code).not.toContain('__jlTestHooks');
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('loads its pages’ code from its own files only, under a strict policy', () => {
    // default-src covers what the other directives do not name (styles, fonts, frames); images may also be data:
    // (a report's screenshot) and blob: (the map drawn to PNG). Connections: a team database (issue 20) over https,
    // or on this machine; plain http off the machine would carry its password in the clear.
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "default-src 'self'; connect-src 'self' https: http://localhost:*; img-src 'self' data: blob:; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    });
    const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const file of pages) {
      const html = readFileSync(join(DIST, file), 'utf8');
      const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(tags.length, file).toBeGreaterThan(0);
      for (const [, attributes, body] of tags) {
        expect(body!.trim(), file).toBe('');
        expect(attributes, file).toMatch(/\ssrc="\/[\w./-]+\.js"/);
      }
      expect(html, file).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('builds the popup and the options page apart: the popup is one file, the map tab one file and what it shares', () => {
    // Each module a page fetched cost its first render a few ms of main-thread time (issue 22: popup 100 ms, map 200 ms).
    const loaded = (page: string) => {
      const html = readFileSync(join(DIST, page), 'utf8');
      return { scripts: [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]), links: [...html.matchAll(/<link\b[^>]*\shref="([^"]+)"/g)].map((m) => m[1]) };
    };
    expect(loaded(manifest.action.default_popup)).toEqual({ scripts: ['/src/ui/popup/early.js', '/src/ui/popup/popup.js'], links: ['/src/ui/popup/popup.css'] });
    expect(loaded(manifest.options_page)).toEqual({ scripts: ['/src/ui/options/early.js', '/src/ui/options/options.js'], links: ['/src/ui/options/options.css'] });
    // Static imports (`from "./…"`) and dynamic ones (`import("./…")`), by file name.
    const imports = (file: string, kinds = /\bfrom\s*|\bimport\s*\(?/) =>
      [...readFileSync(join(DIST, file), 'utf8').matchAll(new RegExp(`(?:${kinds.source})["'\`]\\./([^"'\`]+)["'\`]`, 'g'))].map((m) => m[1]);
    expect(imports('src/ui/popup/popup.js')).toEqual([]);
    expect(readFileSync(join(DIST, 'src/ui/popup/popup.js'), 'utf8')).toContain('current-stage');
    // The map tab: its chunk and the few it imports, all beside the page, none of another page's.
    const mapTab = scripts.filter((f) => /^src\/ui\/options\/DashboardTab-[\w-]+\.js$/.test(f));
    expect(mapTab).toHaveLength(1);
    expect(imports(mapTab[0]!, /\bfrom\s*/).length).toBeLessThanOrEqual(6);
    for (const file of ['src/ui/options/options.js', mapTab[0]!]) expect(readFileSync(join(DIST, file), 'utf8'), file).not.toMatch(/["'`]\.\.\//);
    for (const page of ['popup', 'options']) expect(readFileSync(join(DIST, `src/ui/${page}/${page}.css`), 'utf8')).toContain('.badge');
  });

  it('has network code in the worker only, for a team sync a person turns on: data leaves by export or that sync', () => {
    // `fetch` as a value or a call (PouchDB keeps a reference), not the word in a message or a pattern.
    const fetchApi = /(?<![\w.$])fetch(?![\w\s|])/;
    const others = /XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\(|navigator\.connection/;
    const worker = scripts.filter((file) => /^assets\/service-worker[.-]/.test(file));
    expect(worker).toHaveLength(1);
    expect(readFileSync(join(DIST, worker[0]!), 'utf8')).toMatch(fetchApi);
    for (const file of scripts) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code, file).not.toMatch(others);
      if (file !== worker[0]) expect(code, file).not.toMatch(fetchApi);
    }
  });
});

describe('the docs a researcher reads from the options page', () => {
  it('ship as plain text, word for word the repository’s docs/signals.md and docs/health.md', () => {
    expect(readFileSync(join(DIST, 'docs/signals.txt'), 'utf8')).toBe(readFileSync('docs/signals.md', 'utf8'));
    expect(readFileSync(join(DIST, 'docs/health.txt'), 'utf8')).toBe(readFileSync('docs/health.md', 'utf8'));
  });
});
