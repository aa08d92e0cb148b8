import { describe, expect, it } from 'vitest';
import { packageProblems, unzipFiles, zipFiles, type PackageFiles } from '../../scripts/packaging.mjs';

const bytes = (text: string) => new TextEncoder().encode(text);

const chromeManifest = {
  manifest_version: 3,
  name: '__MSG_extName__',
  version: '1.2.3',
  description: '__MSG_extDescription__',
  default_locale: 'en',
  icons: { '16': 'icons/16.png', '128': 'icons/128.png' },
  action: { default_popup: 'popup.html', default_icon: { '16': 'icons/16.png' } },
  options_page: 'options.html',
  background: { service_worker: 'worker.js', type: 'module' },
  permissions: ['scripting'],
  host_permissions: ['http://localhost/*'],
  web_accessible_resources: [{ matches: ['http://*/*'], resources: ['assets/chunk.js'] }],
};
const firefoxManifest = {
  ...chromeManifest,
  background: { scripts: ['worker.js'], type: 'module' },
  browser_specific_settings: { gecko: { id: 'journey-lens@journeylens.app', strict_min_version: '128.0' } },
};

/** A package that is ready, to spoil one thing at a time. */
function ready(manifest: object = chromeManifest): PackageFiles {
  const messages = JSON.stringify({ extName: { message: 'Journey Lens' }, extDescription: { message: 'Maps a walk through a website.' } });
  return new Map([
    ['manifest.json', bytes(JSON.stringify(manifest))],
    ['_locales/en/messages.json', bytes(messages)],
    ['_locales/ko/messages.json', bytes(messages)],
    ['icons/16.png', bytes('png')],
    ['icons/128.png', bytes('png')],
    ['popup.html', bytes('<script type="module" src="/assets/chunk.js"></script>')],
    ['options.html', bytes('<p>options</p>')],
    ['worker.js', bytes('import "./assets/chunk.js";')],
    ['assets/chunk.js', bytes('export const x = 1;')],
  ]);
}

function withManifest(patch: Record<string, unknown>, base: object = chromeManifest): PackageFiles {
  return ready({ ...base, ...patch });
}

describe('a store package', () => {
  it('passes when ready, for each browser, and survives the zip round trip byte for byte', () => {
    expect(packageProblems(ready(), 'chrome', '1.2.3')).toEqual([]);
    expect(packageProblems(ready(firefoxManifest), 'firefox', '1.2.3')).toEqual([]);
    const files = ready();
    expect(unzipFiles(zipFiles(files))).toEqual(files);
    expect(zipFiles(files)).toEqual(zipFiles(ready()));
  });

  it('names what is wrong with the manifest', () => {
    expect(packageProblems(withManifest({ version: '1.02' }), 'chrome', '1.02')).toEqual(['manifest.json version: must be 1 to 4 dot-separated integers from 0 to 65535']);
    expect(packageProblems(withManifest({ version: '1.2.3.4.5' }), 'chrome', '1.2.3.4.5')).toHaveLength(1);
    expect(packageProblems(ready(), 'chrome', '1.2.4')).toEqual(["manifest.json version 1.2.3 is not package.json's 1.2.4"]);
    expect(packageProblems(withManifest({ manifest_version: 2 }), 'chrome', '1.2.3')[0]).toMatch(/^manifest.json manifest_version: /);
    expect(packageProblems(withManifest({ icons: { '16': 'icons/16.png' } }), 'chrome', '1.2.3')).toEqual(['manifest.json icons: needs a 128 px icon']);
    const noManifest = ready();
    noManifest.delete('manifest.json');
    expect(packageProblems(noManifest, 'chrome', '1.2.3')).toEqual(['manifest.json is missing']);
  });

  it('finds every file the manifest names', () => {
    for (const file of ['icons/16.png', 'popup.html', 'options.html', 'worker.js', 'assets/chunk.js', '_locales/en/messages.json']) {
      const files = ready();
      files.delete(file);
      expect(packageProblems(files, 'chrome', '1.2.3'), file).toContain(`manifest.json names ${file}, which is not in the package`);
    }
  });

  it('is built for the store it goes to', () => {
    expect(packageProblems(ready(firefoxManifest), 'chrome', '1.2.3')).toEqual(['a Chrome package needs background.service_worker and no browser_specific_settings']);
    expect(packageProblems(ready(), 'firefox', '1.2.3')).toEqual(['a Firefox package needs background.scripts and browser_specific_settings.gecko']);
    const badId = { ...firefoxManifest, browser_specific_settings: { gecko: { id: 'journey lens', strict_min_version: '128.0' } } };
    expect(packageProblems(ready(badId), 'firefox', '1.2.3')).toEqual(['manifest.json browser_specific_settings.gecko.id: must be email-like or a {GUID}']);
  });

  it('holds no source map, dev-server loader, test hook or test-only access', () => {
    const leftovers: [string, string, string][] = [
      ['assets/chunk.js.map', '{}', 'assets/chunk.js.map is a source map'],
      ['assets/chunk.js', 'x;\n//# sourceMappingURL=chunk.js.map', 'assets/chunk.js holds a source map reference'],
      ['worker.js', "import 'http://localhost:5173/@vite/env';", 'worker.js holds a dev-server reference'],
      ['worker.js', 'globalThis.__jlTestHooks = {};', 'worker.js holds the test hooks'],
    ];
    for (const [path, text, problem] of leftovers) {
      const files = ready();
      files.set(path, bytes(text));
      expect(packageProblems(files, 'chrome', '1.2.3')).toEqual([problem]);
    }
    expect(packageProblems(withManifest({ host_permissions: ['<all_urls>'] }), 'chrome', '1.2.3')).toEqual(['manifest.json asks for <all_urls> (the e2e build does)']);
  });

  it('has every message the manifest uses, and a description the Chrome Web Store accepts', () => {
    const files = ready();
    files.set('_locales/ko/messages.json', bytes(JSON.stringify({ extName: { message: '저니 렌즈' }, extDescription: { message: 'x'.repeat(133) } })));
    files.set('_locales/en/messages.json', bytes(JSON.stringify({ extDescription: { message: 'Maps a walk.' } })));
    expect(packageProblems(files, 'chrome', '1.2.3')).toEqual([
      '_locales/en/messages.json lacks extName, which manifest.json uses',
      'the ko description is 133 characters (the limit is 132)',
    ]);
  });
});
