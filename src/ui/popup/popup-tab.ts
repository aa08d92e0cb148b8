import { native } from '../../platform/native';

/**
 * The tab the popup is about: the one its address names (`?tab=<id>`), else the active tab of its window. A popup
 * page opened in a tab of its own is the active tab itself, so it must be told which page it describes; that is
 * how the Firefox test opens it (WebDriver cannot reach Firefox's toolbar popup). No polyfill: the popup's first
 * script asks it too (ask-early.ts).
 */
export async function popupTabId(): Promise<number | null> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null && /^\d{1,15}$/.test(named)) return Number(named);
  const [tab] = await native.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
