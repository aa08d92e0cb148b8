import type { OnDemandPart, PromptSpec, TabMessage } from '../core/messages';
import type { PageDescription, TabReplies } from '../core/replies';
import type { Study } from '../core/records/study';
import type { Db } from './store/schema';
import type { StoreHealthLog } from './store-health';

/** What the worker's handlers need from the browser; service-worker.ts binds it, tests pass fakes. */
export interface WorkerDeps {
  db: () => Promise<Db>;
  now: () => number;
  extension: { id: string; origin: string };
  describeTab: (tabId: number) => Promise<PageDescription | null>;
  tabUrl: (tabId: number) => Promise<string | null>;
  /** The extension's messages in the user's language, for survey wording. */
  translate: (key: string) => string;
  /** Starts the element picker on the page in a tab (annotate or report). */
  startPick: (tabId: number, mode: 'annotate' | 'feedback', note?: string) => Promise<boolean>;
  /** A PNG of what the tab shows now, or null when this tab may not be captured. */
  captureTab: (tabId: number) => Promise<Blob | null>;
  /** Passes a compose surface's message to the observer in its tab (handlers/compose.ts). */
  relayCompose: <M extends Extract<TabMessage, { type: `tab.compose.${string}` }>>(tabId: number, message: M) => Promise<TabReplies[M['type']]>;
  /** Shows form `id` of the page in `tabId` to be written: in the side panel, else a compose window (compose-surface.ts). */
  showCompose: (tabId: number, id: string) => Promise<'panel' | 'window'>;
  /** The form each tab waits to have written, by id (compose-surface.ts). */
  pendingCompose: { get(tabId: number): Promise<string | null>; forget(tabId: number, id: string): Promise<void> };
  /** Outlines the element `selector` names in the page in `tabId` for a moment; false when it is not there. */
  outlineInTab: (tabId: number, selector: string) => Promise<boolean>;
  /** Puts a survey card on the page in a tab. */
  showPrompt: (tabId: number, prompt: PromptSpec) => Promise<boolean>;
  /** Studies, or the running session, changed: observers follow the scopes, and open pages ask again. */
  studiesChanged: (studies: Study[]) => Promise<void>;
  /**
   * The running session's handover channel (content/succession.ts): a secret the page cannot name, the same for
   * every observer of the session, across extension updates; never stored in IndexedDB nor exported.
   */
  handoverChannel: (sessionId: string) => Promise<string>;
  /** Runs an on-demand part (its built file) in the isolated world of the observer in a tab's top frame. */
  injectPart: (tabId: number, part: OnDemandPart) => Promise<void>;
  /** Failed writes, for the popup to tell; cleared by the next write that works. */
  health: StoreHealthLog;
}
