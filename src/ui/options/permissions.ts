import { hostPatternOf, isValidMatchPattern } from '../../core/journey/scope';

/** Granted by the manifest for every port; everything else is an optional host permission. */
export const LOOPBACK = new Set(['http://localhost/*', 'http://127.0.0.1/*']);

/**
 * The host permissions a scope needs beyond loopback. `*://` is split into http and https because the manifest
 * lists those two as optional permissions and Chrome only grants what one of them contains.
 */
export function originsToRequest(scope: readonly string[]): string[] {
  const origins = scope
    .filter(isValidMatchPattern)
    .map(hostPatternOf)
    .flatMap((pattern) => (pattern.startsWith('*://') ? [`http${pattern.slice(1)}`, `https${pattern.slice(1)}`] : [pattern]))
    .filter((pattern) => !LOOPBACK.has(pattern));
  return [...new Set(origins)];
}
