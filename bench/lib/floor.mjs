// The floor under the page-load figure: what a content script costs a page whatever it does, registered the way
// ours is (same worker, same matches, same run_at). The built extension is copied and its always-injected
// scripts' code replaced; everything else (the study, the session, the worker) stays as it is.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { injectedEntry } from './sizes.mjs';

/**
 * What stands in for the observer in each floor build, from its built code; page-world.js becomes an empty
 * statement in all. The second keeps the observer's code, compiled and evaluated but never run: what its size
 * and parsing cost, apart from what it does.
 */
export const FLOORS = [
  ['empty', 'an empty content script', () => 'void 0;\n'],
  ['compiled', 'the observer compiled, not run', (observer) => `if (globalThis.__jlBenchNeverSet) ${observer}`],
];

/** A copy of `dist` whose observer is `code(itsCode)`. Returns its folder and a way to remove it. */
export async function floorBuild(dist, code) {
  const dir = await mkdtemp(join(tmpdir(), 'jl-floor-'));
  await cp(dist, dir, { recursive: true });
  const observer = join(dir, injectedEntry(dist));
  await writeFile(observer, code(await readFile(observer, 'utf8')));
  await writeFile(join(dir, 'page-world.js'), 'void 0;\n');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
