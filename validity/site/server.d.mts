// Types for the validity site's server, so the TypeScript walks can start it.
export interface ValiditySite {
  url: string;
  port: number;
  close: () => Promise<void>;
}
export function startValiditySite(options?: { port?: number; host?: string }): Promise<ValiditySite>;
export const SLOW_IMAGE_MS: number;
