import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Extension } from './browser';

export interface SeenRequest {
  url: string;
  /** The document (or worker script) that made it. */
  from: string;
  /** The target's kind: page, service_worker, worker, iframe … */
  target: string;
  /** Made by the extension's worker or one of its pages (popup, options), rather than a web page. */
  byExtension: boolean;
}

export interface NetworkWatch {
  seen: SeenRequest[];
  /** What left the browser: from the extension, anything but its own files and data:/blob:; from a web page, anything off its site. */
  egress: (siteOrigin: string) => SeenRequest[];
  stop: () => void;
}

const LOCAL = /^(chrome-extension|data|blob):/;

interface TargetInfo {
  type: string;
  url: string;
}

/**
 * Every request of every target of the browser, through its own CDP connection: browser-level auto-attach (flat
 * sessions) with each new target held until its Network domain is on, so even a popup's or a restarted
 * worker's first request is seen. Playwright's `request` events cannot do this: they miss the action popup,
 * which its connection never attaches to.
 */
export async function watchNetwork(ext: Extension): Promise<NetworkWatch> {
  const [port, path] = (await readFile(join(ext.profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
  await new Promise((done, fail) => socket.once('open', done).once('error', fail));
  let nextId = 1;
  const send = (method: string, params: object = {}, sessionId?: string) => socket.send(JSON.stringify({ id: nextId++, method, params, sessionId }));
  const extensionOrigin = `chrome-extension://${ext.id}/`;
  const targets = new Map<string, TargetInfo>();
  const seen: SeenRequest[] = [];
  const requestIds = new Set<string>();

  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { method?: string; params?: Record<string, unknown>; sessionId?: string };
    if (message.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = message.params as { sessionId: string; targetInfo: TargetInfo };
      targets.set(sessionId, targetInfo);
      // Frames and workers of this target get their own sessions, held the same way.
      send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
      send('Network.enable', {}, sessionId);
      send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    } else if (message.method === 'Network.requestWillBeSent' && message.sessionId) {
      const { requestId, request, documentURL } = message.params as { requestId: string; request: { url: string }; documentURL?: string };
      // A worker is attached twice (on its own, and under a page of its origin): one request, one entry.
      if (requestIds.has(requestId)) return;
      requestIds.add(requestId);
      const target = targets.get(message.sessionId) ?? { type: '(unknown)', url: '' };
      const from = documentURL || target.url;
      seen.push({ url: request.url, from, target: target.type, byExtension: from.startsWith(extensionOrigin) || target.url.startsWith(extensionOrigin) });
    }
  });
  await new Promise<void>((done) => {
    const id = nextId;
    socket.on('message', function ready(data) {
      if ((JSON.parse(data.toString()) as { id?: number }).id !== id) return;
      socket.off('message', ready);
      done();
    });
    send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  });

  return {
    seen,
    // The browser's own UI (chrome:// documents, e.g. the omnibox) has targets too; it is neither ours nor the site's.
    egress: (siteOrigin) =>
      seen.filter((r) => !LOCAL.test(r.url) && (r.byExtension || (/^https?:/.test(r.from) && !(r.url === siteOrigin || r.url.startsWith(`${siteOrigin}/`))))),
    stop: () => socket.close(),
  };
}
