import { registrablePatterns } from '../core/journey/scope';
import type { Study } from '../core/records/study';
import { browser, matchPatternsTakePorts, type Tabs } from '../platform/browser';
import { askTab } from './tab-messages';

/** The ways into annotating and reporting besides the popup: a context-menu item and a keyboard command each. */
export const PICK_MODES = { annotate: 'annotate', feedback: 'feedback' } as const;
export type PickMode = keyof typeof PICK_MODES;

/** Starts the picker on the page in a tab, or uses the element just right-clicked. */
export async function startPick(tabId: number, mode: PickMode, target: 'pick' | 'context', note?: string): Promise<boolean> {
  try {
    await askTab(tabId, { type: 'tab.pick', mode, target, ...(note && { note }) });
    return true;
  } catch {
    return false;
  }
}

/** The context-menu items show only on pages of a study: their scopes are the menu's document patterns. */
export async function syncContextMenus(studies: readonly Study[]): Promise<void> {
  const documentUrlPatterns = registrablePatterns(studies.flatMap((s) => s.scope), matchPatternsTakePorts);
  await browser.contextMenus.removeAll();
  if (!documentUrlPatterns.length) return;
  for (const mode of Object.keys(PICK_MODES) as PickMode[]) {
    browser.contextMenus.create({
      id: mode,
      title: browser.i18n.getMessage(mode === 'annotate' ? 'menuAnnotate' : 'menuFeedback'),
      contexts: ['page', 'link', 'image', 'selection', 'editable', 'video', 'audio'],
      documentUrlPatterns,
    });
  }
}

/** What a context-menu click or a keyboard command does, shared by the listeners and the test build's hook. */
export function onPageToolCommand(command: string, tab: Tabs.Tab | undefined, target: 'pick' | 'context'): void {
  if ((command === 'annotate' || command === 'feedback') && tab?.id !== undefined) void startPick(tab.id, command, target);
}

/** Decodes a captureVisibleTab data URL to a PNG Blob without fetch(): the extension makes no requests. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',', 2);
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/png' });
}
