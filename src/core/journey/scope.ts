import { escapeRegex } from './patterns';
import { matchesScope } from './scope-match';

/**
 * Chrome/Firefox match patterns (`https://*.example.com/*`, `http://localhost:4310/*`): the same syntax the
 * browser uses for host permissions and content-script registration, so one string serves both.
 */
const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d{1,5}|\*))?(\/.*)$/;

export function isValidMatchPattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

/**
 * A match pattern as a regular expression over a URL's scheme, host, path and query (scope-match.ts): the
 * browser's rules — `*` scheme is http or https, `*.host` is the host and its subdomains, no port or `*` any
 * port, an explicit default port the URL without one. Null for what is not a match pattern.
 */
export function scopeExpression(pattern: string): string | null {
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  const hostExpression = host === '*' ? '[^/]+' : host.startsWith('*.') ? `(?:[^/]+\\.)?${escapeRegex(host.slice(2).toLowerCase())}` : escapeRegex(host.toLowerCase());
  const portExpression = (urlScheme: string) => (port === undefined || port === '*' ? '(?::\\d+)?' : isDefaultPort(urlScheme, port) ? '' : `:${port}`);
  const origins = (scheme === '*' ? ['http', 'https'] : [scheme]).map((urlScheme) => `${urlScheme}://${hostExpression}${portExpression(urlScheme)}`);
  return `^(?:${origins.join('|')})${path.split('*').map(escapeRegex).join('.*')}$`;
}

/** A scope's patterns as the expressions a page tests (scope-match.ts), for the observer's study. */
export function scopeExpressions(scope: readonly string[]): string[] {
  return scope.flatMap((pattern) => scopeExpression(pattern) ?? []);
}

function isDefaultPort(scheme: string, port: string): boolean {
  return (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443');
}

export function inScope(url: string, scope: readonly string[]): boolean {
  return matchesScope(url, scopeExpressions(scope));
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
