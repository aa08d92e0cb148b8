// A CouchDB-protocol team database for the sync tests and bench: pouchdb-server in memory on a free loopback
// port, which a test may stop and start again (it comes back empty, as an in-memory server does).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the server in a throwaway directory (it writes its config and log where it runs). */
export async function startTeamServer() {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'jl-couch-'));
  // The address browsers use: the extension's policy lets it reach loopback as `localhost` (and https anywhere).
  const url = `http://localhost:${port}`;
  const direct = `http://127.0.0.1:${port}`;
  let child = null;
  const server = {
    url,
    port,
    async request(path, init = {}) {
      const response = await fetch(`${direct}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
      return response.json();
    },
    async start() {
      const stderr = process.env.JL_TEAM_SERVER_LOG ? 'inherit' : 'ignore';
      child = spawn(process.execPath, [BIN, '--in-memory', '--no-stdout-logs', '-p', String(port), '-o', '127.0.0.1'], { cwd: dir, stdio: ['ignore', 'ignore', stderr] });
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
