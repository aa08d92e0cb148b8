// What makes a store package: the checks a built extension must pass, zipping, and web-ext lint for Firefox.
// Used by `npm run package` (scripts/package.mjs) and by the tests of the packages it writes.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { z } from 'zod';

/** Both stores: one to four dot-separated integers, 0–65535, without leading zeros. */
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;
/** AMO: an email-like id or a {GUID}. */
const GECKO_ID = /^([a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
/** The Chrome Web Store refuses a longer description (in any language). */
const DESCRIPTION_MAX = 132;

const icons = z.record(z.string().regex(/^\d+$/), z.string().min(1));

/** The keys the stores require or we rely on; other keys pass through. */
const manifestSchema = z.looseObject({
  manifest_version: z.literal(3),
  name: z.string().min(1),
  version: z.string().regex(VERSION, 'must be 1 to 4 dot-separated integers from 0 to 65535'),
  description: z.string().min(1),
  default_locale: z.string().min(2),
  icons: icons.refine((map) => '128' in map, 'needs a 128 px icon'),
  action: z.looseObject({ default_popup: z.string().min(1), default_icon: icons.optional() }),
  options_page: z.string().min(1),
  background: z.union([
    z.strictObject({ service_worker: z.string().min(1), type: z.literal('module') }),
    z.strictObject({ scripts: z.array(z.string().min(1)).length(1), type: z.literal('module') }),
  ]),
  permissions: z.array(z.string()),
  host_permissions: z.array(z.string()),
  web_accessible_resources: z.array(z.looseObject({ resources: z.array(z.string().min(1)), matches: z.array(z.string()) })).optional(),
  browser_specific_settings: z
    .looseObject({ gecko: z.looseObject({ id: z.string().regex(GECKO_ID, 'must be email-like or a {GUID}'), strict_min_version: z.string().regex(/^\d+\.\d+$/) }) })
    .optional(),
});

/** Files named by the manifest: every one must be in the package. */
function namedFiles(manifest) {
  return [
    ...Object.values(manifest.icons),
    ...Object.values(manifest.action.default_icon ?? {}),
    manifest.action.default_popup,
    manifest.options_page,
    ...('service_worker' in manifest.background ? [manifest.background.service_worker] : manifest.background.scripts),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources),
    `_locales/${manifest.default_locale}/messages.json`,
  ];
}

const text = (bytes) => new TextDecoder().decode(bytes);

/** What would betray a development or test build: source maps, the dev server's loaders, the test hooks. */
const LEFTOVERS = [
  [/\bsourceMappingURL=/, 'a source map reference'],
  [/localhost:5173|@vite\/(client|env)|@crx\/client/, 'a dev-server reference'],
  [/__jlTestHooks/, 'the test hooks'],
];

/**
 * Everything wrong with a package, as readable lines (none: it is ready for the store). `files` maps each path
 * in the zip to its bytes; `browser` says which store it is for; `version` is package.json's.
 */
export function packageProblems(files, browser, version) {
  const problems = [];
  const raw = files.get('manifest.json');
  if (!raw) return ['manifest.json is missing'];
  let parsed;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(text(raw)));
  } catch (error) {
    return [`manifest.json is not JSON: ${error.message}`];
  }
  if (!parsed.success) return parsed.error.issues.map((issue) => `manifest.json ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const manifest = parsed.data;

  if (manifest.version !== version) problems.push(`manifest.json version ${manifest.version} is not package.json's ${version}`);
  for (const file of new Set(namedFiles(manifest))) if (!files.has(file)) problems.push(`manifest.json names ${file}, which is not in the package`);
  if (browser === 'firefox' && !('scripts' in manifest.background && manifest.browser_specific_settings)) {
    problems.push('a Firefox package needs background.scripts and browser_specific_settings.gecko');
  }
  if (browser === 'chrome' && !('service_worker' in manifest.background && !manifest.browser_specific_settings)) {
    problems.push('a Chrome package needs background.service_worker and no browser_specific_settings');
  }
  if ([...manifest.host_permissions, ...(manifest.optional_host_permissions ?? [])].includes('<all_urls>')) problems.push('manifest.json asks for <all_urls> (the e2e build does)');

  for (const [locale, messages] of localeCatalogues(files)) {
    for (const key of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) {
      if (!messages[key[1]]) problems.push(`_locales/${locale}/messages.json lacks ${key[1]}, which manifest.json uses`);
    }
    const description = /^__MSG_(\w+)__$/.exec(manifest.description)?.[1];
    const said = description ? messages[description]?.message : manifest.description;
    if (said && said.length > DESCRIPTION_MAX) problems.push(`the ${locale} description is ${said.length} characters (the limit is ${DESCRIPTION_MAX})`);
  }

  for (const [path, bytes] of files) {
    if (path.endsWith('.map')) problems.push(`${path} is a source map`);
    if (!/\.(js|mjs|css|html|json)$/.test(path)) continue;
    for (const [pattern, what] of LEFTOVERS) if (pattern.test(text(bytes))) problems.push(`${path} holds ${what}`);
  }
  return problems;
}

function localeCatalogues(files) {
  return [...files]
    .map(([path, bytes]) => [/^_locales\/([^/]+)\/messages\.json$/.exec(path)?.[1], bytes])
    .filter(([locale]) => locale)
    .map(([locale, bytes]) => [locale, JSON.parse(text(bytes))]);
}

/** Every file under `dir`, by its path inside it (forward slashes, as in a zip). */
export async function readTree(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), new Uint8Array(await readFile(path)));
  }
  return files;
}

export async function writeTree(files, dir) {
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}

/** One fixed timestamp for every entry, so the same build zips to the same bytes (AMO reviewers rebuild from source). */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

export function zipFiles(files) {
  return zipSync(Object.fromEntries([...files].map(([path, bytes]) => [path, [bytes, { mtime: ZIP_TIME }]])), { level: 9 });
}

export function unzipFiles(zip) {
  return new Map(Object.entries(unzipSync(zip)).filter(([path]) => !path.endsWith('/')));
}

/**
 * The warnings web-ext lint gives the Firefox package, each with why it stays. Any other warning, or any error,
 * fails `npm run package`.
 */
export const EXPLAINED_LINT_WARNINGS = {
  KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION:
    'data_collection_permissions (which AMO requires of new add-ons) is read from Firefox 140; 128–139 ignore it, and 128 is the first with the scripting APIs we use (world MAIN).',
  KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: 'The same key on Firefox for Android, read from 142.',
  UNSAFE_VAR_ASSIGNMENT:
    "Preact's renderer sets innerHTML only for dangerouslySetInnerHTML, which no component of ours uses; observer.js imports its on-demand parts (inpage/) by runtime.getURL, from the extension's own files only.",
  DANGEROUS_EVAL:
    "zod probes `new Function('')` once to choose its fast path; the extension pages' CSP (script-src 'self') refuses it and zod parses without it.",
};

/** web-ext lint on an unpacked package: its JSON result (count, summary, errors, warnings, notices). */
export async function lintFirefox(dir) {
  // Loaded when used: web-ext is large, and the checks above are also used without it.
  const { default: webExt } = await import('web-ext');
  return webExt.cmd.lint({ sourceDir: dir, output: 'none' }, { shouldExitProgram: false });
}
