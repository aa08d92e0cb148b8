import type { Study } from '../records/study';
import { matchesScope } from '../journey/scope-match';
import { matchPageRules, type PageRule } from '../journey/page-rules';

/** What the page adapter reads off a finished page to judge whether it is a dead end. */
export interface DeadEndFacts {
  url: string;
  /** Navigation `responseStatus`; 0 or null when the browser does not say. */
  status: number | null;
  title: string;
  h1: string | null;
  /** Length of the whole body text; `bodyText` holds only its first 2000 characters. */
  bodyTextLength: number;
  bodyText: string;
  /** Absolute or page-relative hrefs of the page's links. */
  links: ReadonlyArray<{ href: string; visible: boolean }>;
  /** An enabled, visible button or field: something to act on. */
  controlVisible: boolean;
  /** The page's stage as matched on the page itself (selector rules included); omitted → matched by URL and title. */
  stageId?: string | null;
}

export type DeadEndStudy = Pick<Study, 'stages'> & { rules: readonly PageRule[]; scopeExpressions: readonly string[]; settings: Pick<Study['settings'], 'soft404Patterns'> };

export type DeadEnd = { reason: 'http_error'; status: number } | { reason: 'soft_404'; matched: string } | { reason: 'no_way_forward' };

/** Error pages are short; a long body mentioning "404" (an article, a price of €404.00) is content, not an error. */
const SHORT_BODY_CHARS = 1000;

/**
 * "Nowhere to go" is judged on a settled page: a new page or route has rendered by then, and a half-built one
 * would look empty. An error page needs no wait: a bounce off a 404 in half a second is the commonest case.
 */
export const DEAD_END_SETTLE_MS = 1500;

/** Why this page is a dead end (an error, a soft 404, or nowhere to go on), or null when it is not one. */
export function deadEndReason(facts: DeadEndFacts, study: DeadEndStudy): DeadEnd | null {
  return errorPageReason(facts, study) ?? (hasWayForward(facts, study) ? null : { reason: 'no_way_forward' });
}

/** An HTTP error status, or a soft 404 (title, heading or a short body says so); null otherwise. */
export function errorPageReason(facts: DeadEndFacts, study: Pick<DeadEndStudy, 'settings'>): DeadEnd | null {
  if (facts.status !== null && facts.status >= 400) return { reason: 'http_error', status: facts.status };
  const matched = soft404Pattern(facts, study.settings.soft404Patterns);
  return matched === null ? null : { reason: 'soft_404', matched };
}

/** One verdict per visit, from looks at the page as it is (on entering, once settled, and as it is left). */
export interface DeadEndJudge {
  enter(at: number): void;
  /**
   * A dead end found by this look, once per visit; errors count at any time, "nowhere to go" once settled. The
   * facts are read (a layout read of the page) only while the visit is not judged yet.
   */
  look(at: number, read: () => DeadEndFacts): DeadEnd | null;
}

export function createDeadEndJudge(study: DeadEndStudy): DeadEndJudge {
  let enteredAt = 0;
  let judged = true; // until a visit is entered
  return {
    enter(at) {
      enteredAt = at;
      judged = false;
    },
    look(at, read) {
      if (judged) return null;
      const facts = read();
      const error = errorPageReason(facts, study);
      if (error || at - enteredAt >= DEAD_END_SETTLE_MS) judged = true;
      return error ?? (judged && !hasWayForward(facts, study) ? { reason: 'no_way_forward' } : null);
    },
  };
}

function soft404Pattern(facts: DeadEndFacts, patterns: readonly string[]): string | null {
  // One text, a line apart: a pattern is one line, so it matches within one of them. Not toLocaleLowerCase: the same
  // for every language but Turkish and Lithuanian, without a locale looked up in each page's new world.
  const text = [facts.title, facts.h1, facts.bodyTextLength < SHORT_BODY_CHARS ? facts.bodyText : ''].join('\n').toLowerCase();
  return patterns.find((pattern) => containsWord(text, pattern.toLowerCase())) ?? null;
}

/**
 * A pattern's edge and the text's letter beside it, both letters or digits: glued into one word. Not when the edge
 * is Hangul: Korean glues endings and particles to a word ("페이지입니다"). At the text's start or end, no neighbour.
 */
const GLUED = /^(?!\p{sc=Hang})[\p{L}\p{N}]{2}$/u;
const joins = (edge: string, neighbour = '') => GLUED.test(edge + neighbour);

/** `needle` not glued to a letter or digit: "404" is not in "SKU 14045" nor "404건", "not found" not in "cannot foundry". */
function containsWord(text: string, needle: string): boolean {
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    if (!joins(needle[0]!, text[i - 1]) && !joins(needle.at(-1)!, text[i + needle.length])) return true;
  }
  return false;
}

/**
 * A visible button (it may open anything) or a visible in-scope link to a page of the same or a later stage. A
 * link's stage is matched by URL alone (selector and title rules need the target page), and an untagged target
 * counts as a way forward; on an untagged page any in-scope link does.
 */
function hasWayForward(facts: DeadEndFacts, study: DeadEndStudy): boolean {
  if (facts.controlVisible) return true;
  const order = (stageId: string | null | undefined) => (stageId ? study.stages.findIndex((s) => s.id === stageId) : -1);
  const here = order(facts.stageId !== undefined ? facts.stageId : matchPageRules(study.rules, { url: facts.url, title: facts.title }).stageId);
  const page = documentOf(facts.url);
  // A page links the same few places many times over (menus, cards): each is judged once.
  const judged = new Map<string, boolean>();
  const forward = (target: string) => {
    // A link to this very document (`#top`, `#reviews`) goes nowhere.
    if (documentOf(target) === page || !matchesScope(target, study.scopeExpressions)) return false;
    if (here < 0) return true;
    const there = order(matchPageRules(study.rules, { url: target, title: '' }).stageId);
    return there < 0 || there >= here;
  };
  return facts.links.some((link) => {
    const target = absolute(link.href, facts.url);
    if (target === null) return false;
    if (!judged.has(target)) judged.set(target, forward(target));
    // Visibility last: it is a layout read on the page.
    return judged.get(target)! && link.visible;
  });
}

function absolute(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** The URL without a plain fragment; hash routes (`#/…`, `#!/…`) are places of their own and stay. */
function documentOf(url: string): string {
  const u = new URL(url);
  if (!/^#!?\//.test(u.hash)) u.hash = '';
  return u.href;
}
