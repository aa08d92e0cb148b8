import type { OnDemandPart } from '../core/messages';
import { ask } from './messaging';

/**
 * The observer's on-demand parts (on-demand.ts), loaded the way the build wires them (scripts/observer-script.ts):
 * the worker runs the part's classic script in this isolated world, where it leaves its exports under a symbol.
 * No file of ours is web-accessible, so a page can neither fetch one nor tell the extension is there.
 */
const loading: Partial<Record<OnDemandPart, Promise<unknown>>> = {};

export function loadPart<T>(part: OnDemandPart): Promise<T> {
  return (loading[part] ??= ask({ type: 'content.part', part }).then(() => (globalThis as Record<symbol, unknown>)[Symbol.for(`journey-lens.part.${part}`)])) as Promise<T>;
}
