// `npm start`: build the extension, serve the demo shop on loopback, and open Chromium with both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startDemoSite } from '../demo-site/server.mjs';
import { CHROMIUM_PATH, extensionFlags, QUIET_FLAGS } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const profile = resolve(root, '.profile');
const chromium = CHROMIUM_PATH;
const headless = process.argv.includes('--headless');
const port = Number(process.env.DEMO_PORT ?? 4310);
const devtoolsPort = Number(process.env.DEVTOOLS_PORT ?? 9222);
/** JL_CHROMIUM_LOG=1 shows Chromium's whole log, the harmless lines below included. */
const fullLog = process.env.JL_CHROMIUM_LOG === '1';

/**
 * Lines Chromium prints on every start in a container or a minimal desktop, none of which says anything about
 * Journey Lens: no system D-Bus (power, network and secret services), no GPU, the X connection closing at exit,
 * a size check in Debian's launcher script, and headless, the DevTools address (the start says it itself). About 30
 * of them made a working start look broken.
 */
const HARMLESS = [
  /ERROR:dbus\//,
  /ERROR:ui\/gfx\/x\/connection\.cc/,
  /ERROR:(?:gpu|viz|ui\/gl|components\/viz)/,
  /Fontconfig (?:error|warning)/,
  /^\/usr\/bin\/chromium: \d+: \[: .*unexpected operator$/,
  /^DevTools listening on ws:/,
];

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    [
      'No display here (DISPLAY and WAYLAND_DISPLAY are unset), so a browser window cannot open.',
      '  • On a desktop, run npm start from a graphical terminal.',
      '  • `npm test` runs the whole suite headless: the way to try everything on a machine without a screen.',
      '  • `npm start -- --headless` runs the demo shop and Chromium with the extension headless, to look in from',
      '    a machine with a screen over an SSH tunnel (it says how once it runs).',
      '  • `xvfb-run -a npm start` runs it on a virtual display (apt-get install xvfb), a check that it starts.',
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
  ...(headless ? ['--headless', `--remote-debugging-port=${devtoolsPort}`] : []),
  `${site.url}/`,
];
const browser = spawn(chromium, args, { stdio: ['ignore', 'inherit', 'pipe'] });
createInterface({ input: browser.stderr }).on('line', (line) => {
  if (fullLog || !HARMLESS.some((pattern) => pattern.test(line))) console.error(line);
});
if (headless) await sayHowToLookIn();
else console.log('Chromium is open with Journey Lens loaded. Open its popup (the puzzle-piece menu → Journey Lens) → “Create a study” → “Create the demo study”.');
console.log('Press Ctrl+C to stop.');

/**
 * Headless, there is nothing to click: the one way in is Chromium's DevTools port, which listens on loopback only,
 * so another machine reaches it through an SSH tunnel. Says so once the port answers, with the extension's pages.
 */
async function sayHowToLookIn() {
  const targets = await devtoolsTargets();
  if (!targets) {
    console.log(`Chromium runs headless, but its DevTools port ${devtoolsPort} did not answer (is it taken? set DEVTOOLS_PORT).`);
    return;
  }
  const worker = targets.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  const extension = worker ? `chrome-extension://${new URL(worker.url).host}` : null;
  console.log(
    [
      `Chromium runs headless with Journey Lens loaded${extension ? ` (${extension})` : ''} and DevTools on 127.0.0.1:${devtoolsPort}.`,
      'Nothing to click here. To look in from a machine with Chrome:',
      `  1. ssh -L ${devtoolsPort}:127.0.0.1:${devtoolsPort} <this machine>`,
      `  2. In Chrome there: chrome://inspect → Configure… → add localhost:${devtoolsPort}; this browser's tabs are`,
      '     listed under Remote Target, and "inspect" shows and drives one.',
      ...(extension ? [`  3. "Open" a tab at ${extension}/src/ui/options/index.html → “Create the demo study”.`] : []),
      'The popup needs a toolbar, which headless has none of: `npm test` drives it in headless Chromium.',
    ].join('\n'),
  );
}

/** The DevTools target list once the extension's worker is in it (both take a moment), or null if the port never answers. */
async function devtoolsTargets() {
  let targets = null;
  for (let tries = 0; tries < 50; tries++) {
    try {
      targets = await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/list`)).json();
      if (targets.some((target) => target.type === 'service_worker')) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return targets;
}

const stop = async () => {
  browser.kill();
  await site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
browser.on('exit', () => void site.close().then(() => process.exit(0)));
