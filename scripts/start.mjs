// `npm start`: build the extension, serve the demo shop on loopback, and open Chromium with both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoSite } from '../demo-site/server.mjs';
import { CHROMIUM_PATH, extensionFlags, QUIET_FLAGS } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const profile = resolve(root, '.profile');
const chromium = CHROMIUM_PATH;
const headless = process.argv.includes('--headless');
const port = Number(process.env.DEMO_PORT ?? 4310);

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    [
      'No display here (DISPLAY and WAYLAND_DISPLAY are unset), so a browser window cannot open.',
      '  • On a desktop, run npm start from a graphical terminal.',
      '  • Headless: `npm start -- --headless` serves the demo site and runs Chromium with the extension,',
      '    with remote debugging on http://127.0.0.1:9222 (open chrome://inspect on another machine to look in).',
      '  • Or under a virtual display: `xvfb-run npm start`.',
      '  • `npm test` runs the whole suite headless.',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const site = await startDemoSite({ port });
console.log(`Demo shop: ${site.url}/`);
mkdirSync(profile, { recursive: true });

const args = [
  `--user-data-dir=${profile}`,
  ...extensionFlags(dist),
  ...QUIET_FLAGS,
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(headless ? ['--headless', '--remote-debugging-port=9222'] : []),
  `${site.url}/`,
];
const browser = spawn(chromium, args, { stdio: 'inherit' });
console.log('Chromium is open with Journey Lens loaded. Open its popup → “Create a study” → “Create the demo study”.');
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  browser.kill();
  await site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
browser.on('exit', () => void site.close().then(() => process.exit(0)));
