import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph of `src/`, for the layer and cycle meta-tests: every `import`/`export … from`, `import type`
 * and dynamic `import('…')`, with relative specifiers resolved to the file they name (paths relative to `src/`).
 */
export const SRC = resolve(import.meta.dirname, '../../src');

export interface Edge {
  from: string;
  /** A file under `src/` (`core/messages.ts`), a package (`zod`) or an asset (`shared/card.css?inline`). */
  to: string;
  /** `import type` / `export type`: erased by the build. */
  typeOnly: boolean;
  /** `import('…')`: loaded when called, as its own chunk. */
  dynamic: boolean;
}

export function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, as TypeScript's bundler resolution finds it. */
function resolveFile(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p) && statSync(p).isFile());
  return relative(SRC, found ?? base);
}

// Comments are blanked first so an example in a comment is not an import.
const COMMENTS = /\/\*[\s\S]*?\*\/|(?<![:'"`\w])\/\/[^\n]*/g;
const STATIC = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The file's code with its comments blanked (line numbers kept). */
export function codeOf(text: string): string {
  return text.replace(COMMENTS, (comment) => comment.replace(/[^\n]/g, ' '));
}

export function edgesOf(file: string, text = readFileSync(file, 'utf8')): Edge[] {
  const code = codeOf(text);
  const to = (spec: string) => (spec.startsWith('.') ? resolveFile(file, spec) : spec);
  const from = relative(SRC, file);
  return [
    ...[...code.matchAll(STATIC)].map((m) => ({ from, to: to(m[2]!), typeOnly: Boolean(m[1]) || /^\s*(import|export)\s+type\s/.test(m[0]), dynamic: false })),
    ...[...code.matchAll(DYNAMIC)].map((m) => ({ from, to: to(m[1]!), typeOnly: false, dynamic: true })),
  ];
}

export const isAsset = (to: string) => /\.(css|json)(\?inline)?$/.test(to);
export const isPackage = (to: string) => !isAsset(to) && !/\.(ts|tsx)$/.test(to) && !to.startsWith('..');

export function graph(files = sourceFiles(SRC)): Edge[] {
  return files.flatMap((file) => edgesOf(file));
}

/** Every file and package reachable from `entry` at run time, static and dynamic imports followed. */
export function reachable(edges: readonly Edge[], entry: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const visit = (node: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const to of out.get(node) ?? []) visit(to);
  };
  visit(entry);
  return seen;
}

/** Each import cycle once, as the files around it (type-only imports included: they couple the files as much). */
export function cycles(edges: readonly Edge[]): string[][] {
  const out = new Map<string, string[]>();
  for (const e of edges) if (!isPackage(e.to) && !isAsset(e.to)) out.set(e.from, [...new Set([...(out.get(e.from) ?? []), e.to])]);
  // Tarjan's strongly connected components: a component of more than one file, or a file importing itself, is a cycle.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const to of out.get(node) ?? []) {
      if (!indexOf.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, indexOf.get(to)!));
    }
    if (low.get(node) !== indexOf.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || out.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of out.keys()) if (!indexOf.has(node)) connect(node);
  return found;
}
