// Types for scripts/chromium.mjs, so TypeScript tests can share the launch flags.
export const CHROMIUM_PATH: string;
export const QUIET_FLAGS: string[];
export function headlessFlags(dist?: string | null): string[];
export function extensionFlags(dist: string): string[];
