// How the project starts Debian's Chromium, shared by `npm start`, the end-to-end tests and the benchmarks.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that keep Chromium from reaching out at start: this machine's network is closed, and without them
 * Chromium's own connections are refused many at a time.
 */
export const QUIET_FLAGS = ['--no-first-run', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless in a container (as root, no GPU), quiet, with or without the built extension at `dist`. */
export function headlessFlags(dist) {
  return ['--no-sandbox', '--disable-gpu', ...QUIET_FLAGS, ...(dist ? extensionFlags(dist) : [])];
}

/** Loads the unpacked build and no other extension (plain Chromium honours this; branded Chrome does not). */
export function extensionFlags(dist) {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`];
}
