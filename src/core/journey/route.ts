import { escapeRegex } from './patterns';

/**
 * The parts of a URL that name a place in a site. Hash routes (`#/article/returns`, `#!/…`) are SPA routes and
 * part of the place; a plain fragment (`#reviews`) only scrolls and is not.
 */
export interface Route {
  path: string;
  hashRoute: string | null;
  query: string;
}

export function routeOf(url: string): Route {
  const u = new URL(url);
  // A hash route's own query is no more a place than the URL's (nor safe to keep: `#/reset?token=…`).
  const hash = /^#!?(\/[^?]*)/.exec(u.hash);
  return { path: trimSlash(u.pathname), hashRoute: hash ? trimSlash(hash[1]!) : null, query: u.search };
}

export function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Segments that are almost surely ids, so `/order/48213` and `/order/48214` are one touchpoint. */
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|[A-Za-z0-9_-]{24,})$/i;

export function generalisePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

/** The page key of a page no rule names: its path (and hash route) with id-like segments generalised. */
export function defaultPageKey(route: Route): string {
  const hash = route.hashRoute === null ? '' : `#${generalisePath(route.hashRoute)}`;
  return generalisePath(route.path) + hash;
}

/** Query parameters in a stable order, so `?b=1&a=2` and `?a=2&b=1` are one page. */
export function sortedQuery(query: string): string {
  const params = new URLSearchParams(query);
  params.sort();
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The longest URL a record keeps (Visit.url, FeedbackReport.url). */
export const URL_CHARS = 2000;

/**
 * Every URL we store or send goes through here (visits, feedback, page-error sources): no credentials, query or
 * plain fragment, nor a hash route's own query (`#/reset?token=…`) — typed search terms and tokens live there —
 * and no longer than a record takes, so a long path costs the tail of the URL, not the page.
 */
export function storableUrl(url: string): string {
  const u = new URL(url);
  const hashRoute = /^#!?\/[^?]*/.exec(u.hash)?.[0] ?? '';
  return `${u.origin}${u.pathname}${hashRoute}`.slice(0, URL_CHARS);
}

/** A script error's source, `url:line:column` (content/page-world.ts), scrubbed as above; null when it is none. */
export function storableSource(source: string): string | null {
  const parts = /^(.+)(:\d+:\d+)$/.exec(source);
  if (!parts) return null;
  try {
    return storableUrl(parts[1]!) + parts[2]!;
  } catch {
    return null;
  }
}

const MASK = '•••';
/** Query values this short are flags or page numbers, not something a person typed. */
const TYPED_VALUE_MIN = 3;

/**
 * A page title with the URL's query values masked, those of a hash route's query too: search pages put what was
 * typed into their title ("Results for “…”").
 */
export function maskQueryInTitle(title: string, url: string): string {
  // Most pages have no query: their title is taken as it is, without building a URL's search parameters.
  if (!url.includes('?')) return title;
  const u = new URL(url);
  const hashQuery = /^#!?\/[^?]*\?(.*)$/.exec(u.hash)?.[1] ?? '';
  // forEach, not the iterator: in Firefox's content scripts a URLSearchParams iterator is not iterable.
  const values: string[] = [];
  const add = (value: string) => value.trim().length >= TYPED_VALUE_MIN && values.push(value);
  u.searchParams.forEach(add);
  new URLSearchParams(hashQuery).forEach(add);
  return maskValues(title, values);
}

/**
 * `text` with each of `values` (trimmed) masked, whatever the letter case: a page echoes what was typed in upper or
 * lower case as readily as verbatim. The mask has a fixed length, so it does not leak the length either; longer
 * values first, so a value within another is masked whole.
 */
export function maskValues(text: string, values: readonly string[]): string {
  const words = values.map((value) => value.trim()).filter(Boolean).sort((a, b) => b.length - a.length);
  return words.length ? text.replace(new RegExp(words.map(escapeRegex).join('|'), 'giu'), MASK) : text;
}
