// Types for the validity site's server, so the TypeScript walks can start it (the same shape as the demo shop's).
import type { DemoSite } from '../../demo-site/server.mjs';

export type ValiditySite = DemoSite;
export function startValiditySite(options?: { port?: number; host?: string }): Promise<ValiditySite>;
export const SLOW_IMAGE_MS: number;
