// Types for the loopback team database (scripts/team-server.mjs), so TypeScript tests can start it.
export interface TeamServer {
  /** What browsers connect to: http://localhost:<port>. */
  url: string;
  port: number;
  /** Starts it again after `stop` (empty: it keeps its data in memory). */
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** A request as an administrator makes it (loopback, no credentials); the reply's JSON. */
  request: (path: string, init?: RequestInit) => Promise<unknown>;
  close: () => Promise<void>;
}
export function startTeamServer(): Promise<TeamServer>;
