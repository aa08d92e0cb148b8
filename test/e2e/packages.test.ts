import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPLAINED_LINT_WARNINGS, packageProblems, unzipFiles, writeTree, type LintResult } from '../../scripts/packaging.mjs';
import { firefoxMissing, launchFirefoxExtension } from '../firefox/support/firefox';
import { launchExtension } from './support/browser';

/** Issue 9: what `npm run package` wrote to packages/ (npm test runs it first). */
const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
const zipOf = (browser: 'chrome' | 'firefox') => join(root, 'packages', `journey-lens-${browser}-${version}.zip`);

/** The package unpacked into a temporary folder, as a browser loads it; removed after `use`. */
async function unpacked(browser: 'chrome' | 'firefox', use: (dir: string) => Promise<void>): Promise<void> {
  const files = unzipFiles(new Uint8Array(await readFile(zipOf(browser))));
  expect(packageProblems(files, browser, version)).toEqual([]);
  const dir = await mkdtemp(join(tmpdir(), `jl-${browser}-package-`));
  try {
    await writeTree(files, dir);
    await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the store packages', () => {
  it('Chrome: the zip loads in Chromium, its worker starts and its options page renders', async () => {
    await unpacked('chrome', async (dir) => {
      const ext = await launchExtension({ dist: dir });
      try {
        expect((await ext.worker()).url()).toBe(ext.url('service-worker-loader.js'));
        const options = await ext.context.newPage();
        await options.goto(ext.url('src/ui/options/index.html'));
        await expect.poll(() => options.getByRole('button', { name: 'Create the demo study' }).isVisible()).toBe(true);
      } finally {
        await ext.close();
      }
    });
  });

  it('Firefox: web-ext lint finds no error in this zip, and only the warnings we explain', async () => {
    const zip = await readFile(zipOf('firefox'));
    const report = JSON.parse(await readFile(`${zipOf('firefox')}.web-ext-lint.json`, 'utf8')) as { sha256: string; result: LintResult };
    expect(report.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    expect(report.result.errors).toEqual([]);
    expect(report.result.warnings.map((w) => w.code).filter((code) => !(code in EXPLAINED_LINT_WARNINGS))).toEqual([]);
  });

  it.skipIf(firefoxMissing())('Firefox: the zip installs in Firefox and its options page renders', async () => {
    await unpacked('firefox', async (dir) => {
      const ext = await launchFirefoxExtension(dir);
      try {
        const options = await ext.openPage('src/ui/options/index.html');
        await options.locator('[data-testid="create-demo-study"]::-p-text(Create the demo study)').wait();
      } finally {
        await ext.close();
      }
    });
  });
});
