import { browser } from './browser';

/** Firefox's sidebar, which the polyfill's types do not know. */
interface SidebarAction {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}
const sidebar = () => (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction;

/**
 * Opens the side panel (Firefox: the sidebar) beside `tabId`. Call it synchronously from the person's gesture,
 * with nothing awaited first: both browsers open it only then. A content script's click reaches the worker as a
 * gesture with its message, for the listener's synchronous part only (chrome-extensions-samples issue 1477).
 */
export function openSidePanel(tabId: number): Promise<void> {
  if (__JL_FIREFOX__) return sidebar().open();
  return chrome.sidePanel.open({ tabId });
}

/** Whether our side panel (sidebar) is open in window `windowId`. */
export async function sidePanelOpenIn(windowId: number): Promise<boolean> {
  if (__JL_FIREFOX__) return sidebar().isOpen({ windowId });
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType], windowIds: [windowId] });
  return contexts.length > 0;
}
