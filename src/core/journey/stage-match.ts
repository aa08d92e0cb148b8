import type { StageRule } from '../records/stage-rule';
import { compiledOnce, escapeRegex } from './patterns';
import { defaultPageKey, routeOf, sortedQuery, trimSlash, type Route } from './route';

/** What a rule can look at: plain data plus a selector probe, so matching runs without a DOM in tests. */
export interface PageFacts {
  url: string;
  title: string;
  /** Whether the page has an element for this selector; throws on an invalid selector. */
  hasSelector?: (selector: string) => boolean;
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface StageMatch {
  stageId: string | null;
  ruleId: string | null;
  pageKey: string;
  /** Rules that could not be evaluated; they are skipped, never fatal. */
  errors: RuleError[];
}

/** `/product/:id` → one segment per parameter; a trailing `/*` takes the rest (or nothing). */
function pathPatternRegex(pattern: string): RegExp {
  return compiledOnce(`path ${pattern}`, () => compilePathPattern(pattern));
}

function compilePathPattern(pattern: string): RegExp {
  const body = trimSlash(pattern)
    .split('/')
    .map((segment, i, all) => {
      if (segment === '*' && i === all.length - 1) return '(?:/.*)?';
      const prefix = i === 0 ? '' : '/';
      if (segment.startsWith(':')) return `${prefix}[^/]+`;
      return prefix + segment.split('*').map(escapeRegex).join('[^/]*');
    })
    .join('');
  return new RegExp(`^${body || '/'}$`);
}

/** Glob: `*` stays within a segment, `**` crosses them, `?` is one character. */
function globRegex(glob: string): RegExp {
  return compiledOnce(`glob ${glob}`, () => compileGlob(glob));
}

function compileGlob(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`);
}

type RuleInput = Pick<StageRule, 'kind' | 'pattern'>;

/** A pattern with `#` speaks of the hash route too; one without it ignores the hash. */
function routeText(route: Route, withHash: boolean): string {
  return withHash ? `${route.path}#${route.hashRoute ?? ''}` : route.path;
}

function matchesPathLike(rule: RuleInput, route: Route): boolean {
  const withHash = rule.pattern.includes('#');
  const text = routeText(route, withHash);
  if (rule.kind === 'glob') return globRegex(rule.pattern).test(text);
  if (!withHash) return pathPatternRegex(rule.pattern).test(text);
  const [pathPart, hashPart] = rule.pattern.split('#', 2) as [string, string];
  return pathPatternRegex(pathPart || '/').test(route.path) && pathPatternRegex(hashPart || '/').test(route.hashRoute ?? '/');
}

function ruleMatches(rule: RuleInput, route: Route, page: PageFacts): boolean {
  switch (rule.kind) {
    case 'path':
    case 'glob':
      return matchesPathLike(rule, route);
    case 'regex': {
      const u = new URL(page.url);
      return compiledOnce(`regex ${rule.pattern}`, () => new RegExp(rule.pattern)).test(u.pathname + u.search + u.hash);
    }
    case 'title':
      return page.title.toLocaleLowerCase().includes(rule.pattern.toLocaleLowerCase());
    case 'selector':
      if (!page.hasSelector) throw new Error('Selector rules are checked on the page itself');
      return page.hasSelector(rule.pattern);
  }
}

/** The page key a path or glob rule gives its pages (without a kept query). */
export function pageKeyOfPattern(pattern: string): string {
  const [pathPart, hashPart] = pattern.split('#', 2);
  return trimSlash(pathPart || '/') + (hashPart === undefined ? '' : `#${trimSlash(hashPart || '/')}`);
}

/** The records' limit for a page key (Visit.pageKey, Signal.pageKey): a longer path costs its tail, not the page. */
const PAGE_KEY_CHARS = 1000;

function pageKeyFor(rule: StageRule, route: Route): string {
  return keyOf(rule, route).slice(0, PAGE_KEY_CHARS);
}

function keyOf(rule: StageRule, route: Route): string {
  const query = rule.keepQuery ? sortedQuery(route.query) : '';
  return (rule.kind === 'path' || rule.kind === 'glob' ? pageKeyOfPattern(rule.pattern) : defaultPageKey(route)) + query;
}

/** The first rule that matches names the stage; an unmatched page is untagged with its generalised path as key. */
export function matchStage(rules: readonly StageRule[], page: PageFacts): StageMatch {
  const route = routeOf(page.url);
  const errors: RuleError[] = [];
  // A path rule's form is checked where rules are made (records/stage-rule.ts refuses a bad one on save and
  // import), so none reaches here; what only the page can tell (a regex the engine refuses, a selector) is caught.
  for (const rule of rules) {
    try {
      if (ruleMatches(rule, route, page)) {
        return { stageId: rule.stageId, ruleId: rule.id, pageKey: pageKeyFor(rule, route), errors };
      }
    } catch (error) {
      errors.push({ ruleId: rule.id, message: (error as Error).message });
    }
  }
  return { stageId: null, ruleId: null, pageKey: defaultPageKey(route).slice(0, PAGE_KEY_CHARS), errors };
}

/** The rule "tag this page as …" writes: this page's path (generalised) and hash route, nothing wider. */
export function ruleForPage(url: string): { kind: 'path'; pattern: string } {
  return { kind: 'path', pattern: defaultPageKey(routeOf(url)) };
}
