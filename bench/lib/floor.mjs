// The floor under the page-load figure: what a content script costs a page whatever it does, registered the way
// ours is (same worker, same matches, same run_at). The built extension is copied and its always-injected
// scripts' code replaced; everything else (the study, the session, the worker) stays as it is.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { injectedEntry } from './sizes.mjs';

/** What stands in for the observer in each floor build; page-errors.js becomes an empty statement in all. */
export const FLOORS = [
  ['empty', 'an empty content script', 'void 0;\n'],
  ['runtime', 'a content script that only reads chrome.runtime.id', 'chrome.runtime.id;\n'],
];

/** A copy of `dist` whose observer is `code`. Returns its folder and a way to remove it. */
export async function floorBuild(dist, code) {
  const dir = await mkdtemp(join(tmpdir(), 'jl-floor-'));
  await cp(dist, dir, { recursive: true });
  await writeFile(join(dir, injectedEntry(dist)), code);
  await writeFile(join(dir, 'page-errors.js'), 'void 0;\n');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
