// `npm run package`: production builds for Chrome and Firefox, checked and zipped into packages/ for the stores;
// the Firefox zip also passes web-ext lint, whose report is written beside it.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { EXPLAINED_LINT_WARNINGS, lintFirefox, packageProblems, readTree, unzipFiles, writeTree, zipFiles } from './packaging.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'packages');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const TARGETS = [
  { browser: 'chrome', mode: 'production', dist: 'dist' },
  { browser: 'firefox', mode: 'firefox', dist: 'dist-firefox' },
];

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

await mkdir(out, { recursive: true });
for (const { browser, mode, dist } of TARGETS) {
  await build({ root, mode, logLevel: 'warn' });
  const zip = zipFiles(await readTree(join(root, dist)));
  // Checked as unzipped: what the store receives.
  const files = unzipFiles(zip);
  const problems = packageProblems(files, browser, version);
  if (problems.length) fail([`The ${browser} package is not ready:`, ...problems.map((p) => `  • ${p}`)]);
  const name = `journey-lens-${browser}-${version}.zip`;
  await writeFile(join(out, name), zip);
  console.log(`packages/${name}: ${files.size} files, ${(zip.length / 1024).toFixed(1)} KB`);

  if (browser === 'firefox') {
    const unpacked = await mkdtemp(join(tmpdir(), 'jl-package-'));
    await writeTree(files, unpacked);
    const result = await lintFirefox(unpacked);
    await rm(unpacked, { recursive: true, force: true });
    const sha256 = createHash('sha256').update(zip).digest('hex');
    await writeFile(join(out, `${name}.web-ext-lint.json`), `${JSON.stringify({ zip: name, sha256, result }, null, 2)}\n`);
    const unexplained = result.warnings.filter((w) => !(w.code in EXPLAINED_LINT_WARNINGS));
    if (result.errors.length || unexplained.length) {
      fail(['web-ext lint:', ...[...result.errors, ...unexplained].map((m) => `  • ${m.code} ${m.message} ${m.file ?? ''}`)]);
    }
    console.log(`web-ext lint: ${result.summary.errors} errors, ${result.summary.warnings} warnings (each explained):`);
    for (const w of result.warnings) console.log(`  • ${w.code} (${w.file ?? 'manifest.json'}): ${EXPLAINED_LINT_WARNINGS[w.code]}`);
  }
}
