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
  const hash = /^#!?(\/.*)$/.exec(u.hash);
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

/** What we store as a visit's URL: no query or plain fragment, since typed search terms and tokens live there. */
export function storableUrl(url: string): string {
  const u = new URL(url);
  const route = routeOf(url);
  return `${u.origin}${u.pathname}${route.hashRoute === null ? '' : u.hash}`;
}

const MASK = '•••';
/** Query values this short are flags or page numbers, not something a person typed. */
const TYPED_VALUE_MIN = 3;

/**
 * A page title with the URL's query values masked: search pages put what was typed into their title
 * ("Results for “…”"). The mask has a fixed length, so it does not leak the length either.
 */
export function maskQueryInTitle(title: string, url: string): string {
  // forEach, not the iterator: in Firefox's content scripts a URLSearchParams iterator is not iterable.
  const values: string[] = [];
  new URL(url).searchParams.forEach((value) => value.trim().length >= TYPED_VALUE_MIN && values.push(value));
  let masked = title;
  for (const value of values.sort((a, b) => b.length - a.length)) {
    for (const variant of new Set([value, value.trim()])) masked = masked.split(variant).join(MASK);
  }
  return masked;
}
