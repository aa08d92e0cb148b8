import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build, type InlineConfig, type Plugin, type Rolldown } from 'vite';

/*
 * The observer, injected into every page of a study, as ONE classic script (observer.js): no module loader, no
 * chunks fetched before it can start (PRODUCT.md §8: main-thread time per page load). crxjs would inject it as an
 * ES module behind a loader, and its own IIFE option inlines every dynamic import (the survey card, Preact, the
 * note UI) into it. Here the observer's on-demand parts (src/content/on-demand.ts) are built apart, as ES modules
 * in inpage/ that the observer imports by URL when they are first shown, and listed as web-accessible.
 *
 * The two builds share no module instance: state the observer and those parts both need lives on the isolated
 * world's global (element-description's password fields).
 */

/** The file src/background/content-scripts.ts registers. */
const OBSERVER_FILE = 'observer.js';
const ON_DEMAND_DIR = 'inpage';
const ON_DEMAND = resolve(import.meta.dirname, '../src/content/on-demand.ts');
const PAGE_RUNTIME = resolve(import.meta.dirname, '../src/platform/page-runtime.ts');
const ENTRY = resolve(import.meta.dirname, '../src/content/observer.ts');

interface OnDemandPart {
  /** The export of on-demand.ts that loads it. */
  name: string;
  /** Its source file, absolute. */
  source: string;
  /** Its built file in the extension. */
  file: string;
}

/** on-demand.ts's `export const name = () => import('path');` lines. */
function onDemandParts(): OnDemandPart[] {
  const code = readFileSync(ON_DEMAND, 'utf8');
  const parts = [...code.matchAll(/^export const (\w+) = \(\) => import\('([^']+)'\);$/gm)].map(([, name, spec]) => {
    const stem = basename(spec!);
    const source = ['.ts', '.tsx'].map((ext) => resolve(dirname(ON_DEMAND), spec! + ext)).find(existsSync);
    if (!source) throw new Error(`on-demand.ts: ${spec} is not a .ts or .tsx file`);
    return { name: name!, source, file: `${ON_DEMAND_DIR}/${stem}.js` };
  });
  if (!parts.length) throw new Error('on-demand.ts: no `export const name = () => import(...)` line');
  return parts;
}

/** In the observer's build, on-demand.ts imports its parts from the extension's files instead of bundling them. */
function importByUrl(parts: OnDemandPart[]): Plugin {
  return {
    name: 'journey-lens:on-demand-by-url',
    load(id) {
      if (id !== ON_DEMAND) return null;
      const lines = parts.map((part) => `export const ${part.name} = () => import(extensionUrl(${JSON.stringify(part.file)}));`);
      return [`import { extensionUrl } from ${JSON.stringify(PAGE_RUNTIME)};`, ...lines].join('\n');
    },
  };
}

function outputs(result: Awaited<ReturnType<typeof build>>): (Rolldown.OutputChunk | Rolldown.OutputAsset)[] {
  if (!Array.isArray(result) && !('output' in result)) throw new Error('observer script: a watcher, not a build');
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
}

/** Builds observer.js and the on-demand parts beside the main build, and makes the parts web-accessible to pages. */
export function observerScript(): Plugin & { renderCrxManifest(manifest: chrome.runtime.ManifestV3): chrome.runtime.ManifestV3 } {
  let base: InlineConfig;
  let onDemandFiles: string[] = [];
  return {
    name: 'journey-lens:observer-script',
    apply: 'build',
    configResolved(config) {
      base = {
        configFile: false,
        root: config.root,
        mode: config.mode,
        define: config.define,
        oxc: config.oxc,
        logLevel: 'warn',
        build: { write: false, emptyOutDir: false, sourcemap: false, minify: config.build.minify, target: config.build.target, modulePreload: config.build.modulePreload },
      };
    },
    async buildStart() {
      const parts = onDemandParts();
      const [script, onDemand] = await Promise.all([
        build({
          ...base,
          plugins: [importByUrl(parts)],
          build: { ...base.build, rolldownOptions: { input: ENTRY, output: { format: 'iife', entryFileNames: OBSERVER_FILE } } },
        }),
        build({
          ...base,
          build: {
            ...base.build,
            rolldownOptions: {
              input: Object.fromEntries(parts.map((part) => [basename(part.file, '.js'), part.source])),
              // Vite's app builds drop entries' exports; these entries are imported for theirs.
              preserveEntrySignatures: 'exports-only',
              output: { format: 'es', entryFileNames: `${ON_DEMAND_DIR}/[name].js`, chunkFileNames: `${ON_DEMAND_DIR}/[name]-[hash].js` },
            },
          },
        }),
      ]);
      // `vite build --watch` rebuilds when a file of either build changes, not only one of the main build's.
      for (const output of [...outputs(script), ...outputs(onDemand)]) {
        if (output.type === 'chunk') for (const id of output.moduleIds) if (existsSync(id)) this.addWatchFile(id);
      }
      const [observer, ...more] = outputs(script);
      if (observer?.type !== 'chunk' || more.length) throw new Error(`observer script: built ${outputs(script).map((o) => o.fileName).join(', ')}, not one file`);
      this.emitFile({ type: 'asset', fileName: OBSERVER_FILE, source: observer.code });
      onDemandFiles = [];
      for (const output of outputs(onDemand)) {
        this.emitFile({ type: 'asset', fileName: output.fileName, source: output.type === 'chunk' ? output.code : output.source });
        onDemandFiles.push(output.fileName);
      }
    },
    renderCrxManifest(manifest) {
      // Where the observer may run: the hosts the extension may be granted.
      const matches = [...new Set([...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])])];
      manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), { matches, resources: onDemandFiles }];
      return manifest;
    },
  };
}
