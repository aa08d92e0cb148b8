import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { minify } from 'terser';
import { build, type InlineConfig, type Plugin, type Rolldown } from 'vite';

/*
 * The observer, injected into every page of a study, as ONE classic script (observer.js): no module loader, no
 * chunks fetched before it can start (PRODUCT.md §8: main-thread time per page load). crxjs would inject it as an
 * ES module behind a loader, and its own IIFE option inlines every dynamic import (the survey card, Preact, the
 * note UI) into it. Here the observer's on-demand parts (src/content/on-demand.ts) are built apart, each as one
 * classic script in inpage/ that the worker runs in the observer's isolated world when the observer asks for it
 * (src/content/load-part.ts); it leaves its exports there under `Symbol.for('journey-lens.part.<name>')`. None is
 * web-accessible: a page can neither fetch our files nor detect the extension by them.
 *
 * The builds share no module instance: state the observer and those parts both need lives on the isolated
 * world's global (element-description's password fields and typed values).
 */

/** The file src/background/content-scripts.ts registers. */
const OBSERVER_FILE = 'observer.js';
const ON_DEMAND_DIR = 'inpage';
const ON_DEMAND = resolve(import.meta.dirname, '../src/content/on-demand.ts');
const LOAD_PART = resolve(import.meta.dirname, '../src/content/load-part.ts');
const PART_ENTRY = '\0journey-lens-part:';
const ENTRY = resolve(import.meta.dirname, '../src/content/observer.ts');
/** Runs in the page's own world on the same pages (src/background/content-scripts.ts registers both). */
const PAGE_WORLD_FILE = 'page-world.js';
const PAGE_WORLD_ENTRY = resolve(import.meta.dirname, '../src/content/page-world.ts');
/**
 * UI pages' first scripts (src/ui/early-replies.ts), beside their pages: each page's index.html loads its one by
 * this path, before its own code. Not at the root, where the scripts that run in web pages are.
 */
const FIRST_SCRIPTS = [
  ['src/ui/options/early.js', resolve(import.meta.dirname, '../src/ui/options/ask-early.ts')],
  ['src/ui/popup/early.js', resolve(import.meta.dirname, '../src/ui/popup/ask-early.ts')],
] as const;
/**
 * UI pages built apart from the others, each with its stylesheet beside its index.html: the popup (PRODUCT.md §8:
 * first render ≤ 100 ms) and the options page, which opens on the journey map (≤ 200 ms). Built with the other pages,
 * their code came in modules shared with the side panel, the compose page and the worker: the popup's in 18 files,
 * the map tab's in 16 more, each costing the page a fetch and a few ms of main-thread time before its first render,
 * and holding back its first script's questions to the worker. Built apart, the popup is one file, and the options
 * page one file and a chunk per tab it loads when first shown, with what those tabs share. [folder, name, entry]
 */
const SEPARATE_PAGES = [
  ['src/ui/popup', 'popup', resolve(import.meta.dirname, '../src/ui/popup/main.tsx')],
  ['src/ui/options', 'options', resolve(import.meta.dirname, '../src/ui/options/main.tsx')],
] as const;
/** What runs on every page of a study, so every byte counts. */
const EVERY_PAGE = new Set([OBSERVER_FILE, PAGE_WORLD_FILE]);

interface OnDemandPart {
  /** The export of on-demand.ts that loads it. */
  name: string;
  /** Its source file, absolute. */
  source: string;
  /** Its built file in the extension. */
  file: string;
  /** The file's stem: how the observer asks for it (OnDemandPart in src/core/messages.ts). */
  stem: string;
}

/** on-demand.ts's `export const name = () => import('path');` lines. */
function onDemandParts(): OnDemandPart[] {
  const code = readFileSync(ON_DEMAND, 'utf8');
  const parts = [...code.matchAll(/^export const (\w+) = \(\) => import\('([^']+)'\);$/gm)].map(([, name, spec]) => {
    const stem = basename(spec!);
    const source = ['.ts', '.tsx'].map((ext) => resolve(dirname(ON_DEMAND), spec! + ext)).find(existsSync);
    if (!source) throw new Error(`on-demand.ts: ${spec} is not a .ts or .tsx file`);
    return { name: name!, source, file: `${ON_DEMAND_DIR}/${stem}.js`, stem };
  });
  if (!parts.length) throw new Error('on-demand.ts: no `export const name = () => import(...)` line');
  return parts;
}

/** In the observer's build, on-demand.ts asks the worker for its parts (load-part.ts) instead of bundling them. */
function loadByWorker(parts: OnDemandPart[]): Plugin {
  return {
    name: 'journey-lens:on-demand-by-worker',
    load(id) {
      if (id !== ON_DEMAND) return null;
      const lines = parts.map((part) => `export const ${part.name} = () => loadPart(${JSON.stringify(part.stem)});`);
      return [`import { loadPart } from ${JSON.stringify(LOAD_PART)};`, ...lines].join('\n');
    },
  };
}

/**
 * The observer and the page-world script run on every page of a study, so every byte counts (PRODUCT.md §8: 12 KB
 * gzip for both): a second pass of terser's compressor over oxc's output finds another ~4 % (merged declarations,
 * shorter conditionals, hoisted functions, arrows for functions that use no `this` — the observer has no
 * `arguments` and constructs no plain functions).
 */
async function squeeze(code: string): Promise<string> {
  const options = { compress: { passes: 3, keep_fargs: false, unsafe_arrows: true, hoist_funs: true }, mangle: true, ecma: 2020 } as const;
  // A second run over terser's own output finds a little more (about 30 B) that its passes over oxc's do not.
  const { code: once } = await minify(code, options);
  const { code: squeezed } = await minify(once ?? code, options);
  if (!squeezed) throw new Error('observer script: terser returned nothing');
  return squeezed;
}

/** A part's entry: its module, its exports left on the isolated world's global for load-part.ts. */
function partEntry(part: OnDemandPart): Plugin {
  const id = PART_ENTRY + part.stem;
  return {
    name: 'journey-lens:on-demand-part',
    resolveId: (source) => (source === id ? id : null),
    load: (source) =>
      source === id
        ? `import * as part from ${JSON.stringify(part.source)};\nglobalThis[Symbol.for(${JSON.stringify(`journey-lens.part.${part.stem}`)})] = part;`
        : null,
  };
}

function outputs(result: Awaited<ReturnType<typeof build>>): (Rolldown.OutputChunk | Rolldown.OutputAsset)[] {
  if (!Array.isArray(result) && !('output' in result)) throw new Error('observer script: a watcher, not a build');
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
}

/** A separate page's build: its modules, and the one stylesheet its imports make (or none). */
function pageFiles(result: Awaited<ReturnType<typeof build>>, folder: string): (Rolldown.OutputChunk | Rolldown.OutputAsset)[] {
  const built = outputs(result);
  const styles = built.filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'));
  const other = built.filter((o) => o.type === 'asset' && !styles.includes(o));
  if (other.length || styles.length > 1) throw new Error(`${folder}: built ${built.map((o) => o.fileName).join(', ')}: only modules and one stylesheet were expected`);
  return built;
}

/**
 * Builds observer.js, page-world.js, the on-demand parts, the UI pages' first scripts and the separate pages
 * beside the main build.
 */
export function observerScript(): Plugin {
  let base: InlineConfig;
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
      // `vite build --watch` rebuilds when a file of these builds changes, not only one of the main build's.
      const watch = (chunk: Rolldown.OutputChunk) => {
        for (const id of chunk.moduleIds) if (existsSync(id)) this.addWatchFile(id);
      };
      // One classic script each: an IIFE build inlines a part's own dynamic imports (the forms, the toast), so
      // there is nothing to preload.
      const classic = (input: string, fileName: string, plugins: Plugin[]) =>
        build({ ...base, plugins, build: { ...base.build, modulePreload: false, rolldownOptions: { input, output: { format: 'iife', entryFileNames: fileName } } } });
      const pages = SEPARATE_PAGES.map(([folder, name, entry]) =>
        build({
          ...base,
          plugins: [],
          build: {
            ...base.build,
            modulePreload: false,
            cssCodeSplit: false,
            rolldownOptions: { input: entry, output: { format: 'es', entryFileNames: `${folder}/${name}.js`, chunkFileNames: `${folder}/[name]-[hash].js`, assetFileNames: `${folder}/${name}[extname]` } },
          },
        }),
      );
      const results = await Promise.all([
        classic(ENTRY, OBSERVER_FILE, [loadByWorker(parts)]),
        classic(PAGE_WORLD_ENTRY, PAGE_WORLD_FILE, []),
        ...FIRST_SCRIPTS.map(([file, entry]) => classic(entry, file, [])),
        ...parts.map((part) => classic(PART_ENTRY + part.stem, part.file, [partEntry(part)])),
      ]);
      for (const result of results) {
        const [script, ...more] = outputs(result);
        if (script?.type !== 'chunk' || more.length) throw new Error(`observer script: built ${outputs(result).map((o) => o.fileName).join(', ')}, not one file`);
        watch(script);
        const squeezed = EVERY_PAGE.has(script.fileName) && base.build?.minify !== false;
        this.emitFile({ type: 'asset', fileName: script.fileName, source: squeezed ? await squeeze(script.code) : script.code });
      }
      for (const [i, result] of (await Promise.all(pages)).entries()) {
        for (const file of pageFiles(result, SEPARATE_PAGES[i]![0])) {
          if (file.type === 'chunk') watch(file);
          this.emitFile({ type: 'asset', fileName: file.fileName, source: file.type === 'chunk' ? file.code : file.source });
        }
      }
    },
  };
}
