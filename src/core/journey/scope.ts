import { compiledOnce, escapeRegex } from './patterns';

/**
 * Chrome/Firefox match patterns (`https://*.example.com/*`, `http://localhost:4310/*`): the same syntax the
 * browser uses for host permissions and content-script registration, so one string serves both.
 */
const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d{1,5}|\*))?(\/.*)$/;

export function isValidMatchPattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

/** A scope pattern's parts and path expression, worked out once: the dead-end check asks about every link. */
function parse(pattern: string) {
  return compiledOnce(`scope ${pattern}`, () => {
    const m = PATTERN.exec(pattern) as unknown as [string, string, string, string | undefined, string] | null;
    return m && { scheme: m[1], host: m[2], port: m[3], path: new RegExp(`^${m[4].split('*').map(escapeRegex).join('.*')}$`) };
  });
}

export function matchesPattern(url: string, pattern: string): boolean {
  const m = parse(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const { scheme, host, port } = m;
  const urlScheme = u.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  if (port !== undefined && port !== '*' && u.port !== port && !(u.port === '' && isDefaultPort(urlScheme, port))) {
    return false;
  }
  return m.path.test(u.pathname + u.search);
}

function isDefaultPort(scheme: string, port: string): boolean {
  return (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443');
}

export function inScope(url: string, scope: readonly string[]): boolean {
  return scope.some((pattern) => matchesPattern(url, pattern));
}

/** `http://localhost:4310/shop` → `http://localhost:4310/*`: what a user means by "this site". */
export function scopeForUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}/*`;
  } catch {
    return null;
  }
}

/** Browsers register content scripts and host permissions without ports; the port check happens in `inScope`. */
export function hostPatternOf(pattern: string): string {
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`Not a match pattern: ${pattern}`);
  return `${m[1]}://${m[2]}/*`;
}

/**
 * Study scopes as the patterns a browser registers content scripts and menu items for. Where match patterns take
 * no port (Firefox), they cover every port of the host; the port still decides, since the background gives an
 * observer its study only for a page in the study's scope (`inScope`), and an observer without one records nothing.
 */
export function registrablePatterns(scopes: readonly string[], withPorts: boolean): string[] {
  return [...new Set(withPorts ? scopes : scopes.map(withoutPort))].sort();
}

/** `http://localhost:4310/shop/*` → `http://localhost/shop/*`: the same pages on every port of the host. */
function withoutPort(pattern: string): string {
  const m = PATTERN.exec(pattern);
  if (!m) throw new Error(`Not a match pattern: ${pattern}`);
  return `${m[1]}://${m[2]}${m[4]}`;
}
