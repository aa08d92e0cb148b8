import type { Study } from '../core/records/study';
import { hostPatternOf, inScope, registrablePatterns } from '../core/journey/scope';
import { browser, matchPatternsTakePorts } from '../platform/browser';
import { askTab } from './tab-messages';

const OBSERVER_ID = 'journey-lens-observer';
/** src/content/observer.ts, built as one classic script (scripts/observer-script.ts). */
const OBSERVER_FILE = 'observer.js';
/** Run before the observer in a page already open (content/take-over.ts, an on-demand part). */
const TAKE_OVER_FILE = 'inpage/take-over.js';
/**
 * Page errors, native dialogs and clipboard writes happen in the page's own world; this small script hands them to
 * the observer (content/page-world.ts).
 */
const PAGE_WORLD_ID = 'journey-lens-page-world';
const PAGE_WORLD_FILE = 'page-world.js';

/** The scope patterns of every study whose host we hold permission for: the observer runs there and nowhere else. */
async function grantedPatterns(studies: readonly Study[]): Promise<string[]> {
  const patterns = [...new Set(studies.flatMap((study) => study.scope))];
  // Permissions are per host; the registration keeps the path, and the port where the browser can (registrablePatterns).
  const granted = await Promise.all(patterns.map((pattern) => browser.permissions.contains({ origins: [hostPatternOf(pattern)] })));
  return registrablePatterns(patterns.filter((_, i) => granted[i]), matchPatternsTakePorts);
}

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

/** Keeps the registered scripts' matches equal to the studies' scopes: registered, updated or removed. */
export async function syncContentScripts(studies: readonly Study[]): Promise<void> {
  const matches = await grantedPatterns(studies);
  const wanted: Registration[] = [
    { id: OBSERVER_ID, matches, js: [OBSERVER_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    { id: PAGE_WORLD_ID, matches, js: [PAGE_WORLD_FILE], runAt: 'document_start', world: 'MAIN', allFrames: false, persistAcrossSessions: true },
  ];
  const existing = await browser.scripting.getRegisteredContentScripts();
  // Registrations persist across updates: one an earlier version made under another id (a renamed file) goes.
  const unwanted = existing.filter((script) => !matches.length || !wanted.some((w) => w.id === script.id));
  if (unwanted.length) await browser.scripting.unregisterContentScripts({ ids: unwanted.map((script) => script.id) });
  if (!matches.length) return;
  const registered = new Map(existing.map((script) => [script.id, script]));
  const fresh = wanted.filter((script) => !registered.has(script.id));
  const stale = wanted.filter((script) => registered.has(script.id) && JSON.stringify(registered.get(script.id)!.matches?.slice().sort()) !== JSON.stringify(matches));
  if (fresh.length) await browser.scripting.registerContentScripts(fresh);
  if (stale.length) await browser.scripting.updateContentScripts(stale);
}

/**
 * Tells every open page that something changed (session started or stopped, rules edited).
 * A page opened before its study existed has no observer yet: it gets one now.
 */
export async function refreshPages(studies: readonly Study[]): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await askTab(tab.id, { type: 'tab.refresh' });
      } catch {
        const url = tab.url;
        if (!url || !studies.some((s) => inScope(url, s.scope))) return;
        // With the part that takes the page over from an orphaned observer, which only such an observer needs (content/observer.ts).
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [TAKE_OVER_FILE, OBSERVER_FILE] }).catch(() => undefined);
      }
    }),
  );
}
