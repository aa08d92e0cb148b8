import contentScript from '../content/observer.ts?script';
import type { Study } from '../core/records/study';
import { hostPatternOf, inScope } from '../core/journey/scope';
import { browser } from '../platform/browser';

const SCRIPT_ID = 'journey-lens-observer';

/** The scope patterns of every study whose host we hold permission for: the observer runs there and nowhere else. */
async function grantedPatterns(studies: readonly Study[]): Promise<string[]> {
  const patterns = [...new Set(studies.flatMap((study) => study.scope))];
  // Permissions are per host; the registration keeps the port and path, so another port of the host gets nothing.
  const granted = await Promise.all(patterns.map((pattern) => browser.permissions.contains({ origins: [hostPatternOf(pattern)] })));
  return patterns.filter((_, i) => granted[i]).sort();
}

/** Keeps the one registered observer script's matches equal to the studies' scopes. */
export async function syncContentScripts(studies: readonly Study[]): Promise<void> {
  const matches = await grantedPatterns(studies);
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) {
    if (existing) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, matches, js: [contentScript], runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
  if (!existing) await browser.scripting.registerContentScripts([script]);
  else if (JSON.stringify(existing.matches?.slice().sort()) !== JSON.stringify(matches)) {
    await browser.scripting.updateContentScripts([script]);
  }
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
        await browser.tabs.sendMessage(tab.id, { type: 'tab.refresh' }, { frameId: 0 });
      } catch {
        const url = tab.url;
        if (!url || !studies.some((s) => inScope(url, s.scope))) return;
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [contentScript] }).catch(() => undefined);
      }
    }),
  );
}
