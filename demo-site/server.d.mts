// Types for the demo site's server, so TypeScript tests and scripts can start it.
export interface DemoSite {
  url: string;
  port: number;
  close: () => Promise<void>;
}
export function startDemoSite(options?: { port?: number; host?: string }): Promise<DemoSite>;
export const SLOW_HERO_PATH: string;
export const SLOW_HERO_DELAY_MS: number;
