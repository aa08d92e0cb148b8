import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The definitions a researcher needs while setting thresholds (docs/signals.md) or reading scores (docs/health.md)
 * ship inside the extension as plain text, so the options page links to them offline and nothing is fetched: a `.md`
 * file would be downloaded, not shown.
 */
export const USER_DOCS = [
  { source: 'docs/signals.md', file: 'docs/signals.txt' },
  { source: 'docs/health.md', file: 'docs/health.txt' },
] as const;

export function userDocs(): Plugin {
  return {
    name: 'journey-lens-user-docs',
    generateBundle() {
      for (const doc of USER_DOCS) {
        this.emitFile({ type: 'asset', fileName: doc.file, source: readFileSync(resolve(import.meta.dirname, '..', doc.source), 'utf8') });
      }
    },
  };
}
