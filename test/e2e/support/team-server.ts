import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A CouchDB-protocol server (pouchdb-server, in memory) on loopback, which a test may stop and start again. */
export interface TeamServer {
  url: string;
  port: number;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** A request to the server as an administrator would make it (loopback, no credentials). */
  request: (path: string, init?: RequestInit) => Promise<unknown>;
  close: () => Promise<void>;
}

const BIN = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts `pouchdb-server --in-memory` on a free loopback port, in a throwaway directory (it writes its config and
 * log where it runs). Stopping it loses its data, as a restarted in-memory server does; the browsers' mirrors
 * send everything back when it returns.
 */
export async function startTeamServer(): Promise<TeamServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'jl-couch-'));
  // The address browsers use: the extension's policy lets it reach loopback as `localhost` (and https anywhere).
  const url = `http://localhost:${port}`;
  const direct = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const request = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${direct}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
    return response.json();
  };
  const server: TeamServer = {
    url,
    port,
    request,
    async start() {
      child = spawn(process.execPath, [BIN, '--in-memory', '--no-stdout-logs', '-p', String(port), '-o', '127.0.0.1'], { cwd: dir, stdio: ['ignore', 'ignore', process.env.JL_TEAM_SERVER_LOG ? 'inherit' : 'ignore'] });
      for (let i = 0; i < 100; i++) {
        if (await fetch(direct).then((r) => r.ok, () => false)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('pouchdb-server did not start');
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill();
      });
    },
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
