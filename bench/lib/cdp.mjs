// A minimal raw CDP client over the browser's DevTools WebSocket (flat sessions). Playwright's connections do not
// attach to the action popup early enough to see its first render; this one pauses new targets until told.
// Needs a global WebSocket: Node ≥ 22, or Node 20 with --experimental-websocket (withWebSocket arranges that).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where Node has no global WebSocket (Node 20: behind a flag), runs the script at `scriptUrl` again with it, with
 * the same arguments, and exits with its status; otherwise returns.
 */
export function withWebSocket(scriptUrl) {
  if (typeof WebSocket !== 'undefined' || process.env.JL_BENCH_REEXEC) return;
  const child = spawnSync(process.execPath, ['--experimental-websocket', fileURLToPath(scriptUrl), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, JL_BENCH_REEXEC: '1' },
  });
  process.exit(child.status ?? 1);
}

export async function rawCdp(profile) {
  const [port, path] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise((done, fail) => {
    socket.addEventListener('open', done, { once: true });
    socket.addEventListener('error', () => fail(new Error('DevTools WebSocket failed')), { once: true });
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(typeof event.data === 'string' ? event.data : Buffer.from(event.data).toString('utf8'));
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.error) waiter.fail(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.done(message.result);
      return;
    }
    for (const listener of listeners.get(message.method) ?? []) listener(message.params, message.sessionId);
  });
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((done, fail) => pending.set(id, { done, fail, method }));
    },
    on(method, listener) {
      if (!listeners.has(method)) listeners.set(method, new Set());
      listeners.get(method).add(listener);
      return () => listeners.get(method).delete(listener);
    },
    close() {
      socket.close();
    },
  };
}
