import type { OnDemandPart } from '../core/messages';
import { ask } from './messaging';

/**
 * The observer's on-demand parts (on-demand.ts), loaded the way the build wires them (scripts/observer-script.ts):
 * the worker runs the part's classic script in this isolated world, where it leaves its exports under a symbol.
 * No file of ours is web-accessible, so a page can neither fetch one nor tell the extension is there.
 */
const world = globalThis as Record<symbol, unknown>;
const loading = new Map<OnDemandPart, Promise<unknown>>();

export function loadPart<T>(part: OnDemandPart): Promise<T> {
  let loaded = loading.get(part);
  if (!loaded) {
    loaded = ask({ type: 'content.part', part }).then(() => {
      const exports = world[Symbol.for(`journey-lens.part.${part}`)];
      if (!exports) throw new Error(`The ${part} part did not load`);
      return exports;
    });
    // A failed load may be tried again (the worker was stopping).
    loaded.catch(() => loading.delete(part));
    loading.set(part, loaded);
  }
  return loaded as Promise<T>;
}
