import type { StageRule } from '../records/stage-rule';
import { compiledOnce } from './patterns';
import { defaultPageKey, routeOf, sortedQuery, type Route } from './route';

/*
 * Tagging a page with its stage, as the script in every page does it: the worker has already turned path and glob
 * patterns into expressions and page keys (stage-match.ts pageRules), so the page only tests them (PRODUCT.md §8:
 * every byte of that script counts). The worker and the options page match through the same code.
 */

/** A stage rule as a page matches it. */
export interface PageRule extends Pick<StageRule, 'id' | 'stageId' | 'kind' | 'keepQuery'> {
  /** regex, title, selector: the rule's own pattern; path and glob: an expression over the path (`path#hashRoute` when `hashed`). */
  pattern: string;
  /** A glob with `#` speaks of the hash route too: its expression is tested on `path#hashRoute`. */
  hashed?: boolean;
  /** A path pattern with `#`: the expression the hash route must match as well. */
  hash?: string;
  /** path and glob: the page key the rule gives its pages (without a kept query). */
  pageKey?: string;
}

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

/** The records' limit for a page key (Visit.pageKey, Signal.pageKey): a longer path costs its tail, not the page. */
const PAGE_KEY_CHARS = 1000;

const expression = (source: string) => compiledOnce(`rule ${source}`, () => new RegExp(source));

function ruleMatches(rule: PageRule, route: Route, page: PageFacts): boolean {
  switch (rule.kind) {
    case 'path':
    case 'glob':
      return expression(rule.pattern).test(rule.hashed ? `${route.path}#${route.hashRoute ?? ''}` : route.path) && (rule.hash === undefined || expression(rule.hash).test(route.hashRoute ?? '/'));
    case 'regex': {
      const u = new URL(page.url);
      return expression(rule.pattern).test(u.pathname + u.search + u.hash);
    }
    case 'title':
      return page.title.toLocaleLowerCase().includes(rule.pattern.toLocaleLowerCase());
    case 'selector':
      if (!page.hasSelector) throw new Error('Selector rules are checked on the page itself');
      return page.hasSelector(rule.pattern);
  }
}

/** The first rule that matches names the stage; an unmatched page is untagged with its generalised path as key. */
export function matchPageRules(rules: readonly PageRule[], page: PageFacts): StageMatch {
  const route = routeOf(page.url);
  const errors: RuleError[] = [];
  // A path rule's form is checked where rules are made (records/stage-rule.ts refuses a bad one on save and
  // import), so none reaches here; what only the page can tell (a regex the engine refuses, a selector) is caught.
  for (const rule of rules) {
    try {
      if (ruleMatches(rule, route, page)) {
        const pageKey = (rule.pageKey ?? defaultPageKey(route)) + (rule.keepQuery ? sortedQuery(route.query) : '');
        return { stageId: rule.stageId, ruleId: rule.id, pageKey: pageKey.slice(0, PAGE_KEY_CHARS), errors };
      }
    } catch (error) {
      errors.push({ ruleId: rule.id, message: (error as Error).message });
    }
  }
  return { stageId: null, ruleId: null, pageKey: defaultPageKey(route).slice(0, PAGE_KEY_CHARS), errors };
}
