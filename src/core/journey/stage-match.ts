import type { StageRule } from '../records/stage-rule';
import { escapeRegex } from './patterns';
import { matchPageRules, type PageFacts, type PageRule, type StageMatch } from './page-rules';
import { defaultPageKey, routeOf, trimSlash } from './route';

export type { PageFacts, RuleError, StageMatch } from './page-rules';

/** `/product/:id` → one segment per parameter; a trailing `/*` takes the rest (or nothing). */
function pathExpression(pattern: string): string {
  const body = trimSlash(pattern)
    .split('/')
    .map((segment, i, all) => {
      if (segment === '*' && i === all.length - 1) return '(?:/.*)?';
      const prefix = i === 0 ? '' : '/';
      if (segment.startsWith(':')) return `${prefix}[^/]+`;
      return prefix + segment.split('*').map(escapeRegex).join('[^/]*');
    })
    .join('');
  return `^${body || '/'}$`;
}

/** Glob: `*` stays within a segment, `**` crosses them, `?` is one character. */
function globExpression(glob: string): string {
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
  return `^${source}$`;
}

/** The page key a path or glob rule gives its pages (without a kept query). */
export function pageKeyOfPattern(pattern: string): string {
  const [pathPart, hashPart] = pattern.split('#', 2);
  return trimSlash(pathPart || '/') + (hashPart === undefined ? '' : `#${trimSlash(hashPart || '/')}`);
}

/**
 * A study's rules as pages match them (page-rules.ts): a pattern with `#` speaks of the hash route too, one
 * without it ignores the hash; regex, title and selector rules are tested as written, on the page.
 */
export function pageRules(rules: readonly StageRule[]): PageRule[] {
  return rules.map(({ id, stageId, kind, keepQuery, pattern }): PageRule => {
    const rule = { id, stageId, kind, keepQuery };
    if (kind === 'glob') return { ...rule, pattern: globExpression(pattern), hashed: pattern.includes('#'), pageKey: pageKeyOfPattern(pattern) };
    if (kind !== 'path') return { ...rule, pattern };
    const [pathPart, hashPart] = pattern.split('#', 2) as [string, string | undefined];
    const hash = hashPart === undefined ? {} : { hash: pathExpression(hashPart || '/') };
    return { ...rule, pattern: pathExpression(hashPart === undefined ? pattern : pathPart || '/'), ...hash, pageKey: pageKeyOfPattern(pattern) };
  });
}

/** Rules worked out once per list: retagging and rule proposals match every visit of a study against the same rules. */
const compiled = new WeakMap<readonly StageRule[], PageRule[]>();

/** The first rule that matches names the stage; an unmatched page is untagged with its generalised path as key. */
export function matchStage(rules: readonly StageRule[], page: PageFacts): StageMatch {
  let forPages = compiled.get(rules);
  if (!forPages) compiled.set(rules, (forPages = pageRules(rules)));
  return matchPageRules(forPages, page);
}

/** The rule "tag this page as …" writes: this page's path (generalised) and hash route, nothing wider. */
export function ruleForPage(url: string): { kind: 'path'; pattern: string } {
  return { kind: 'path', pattern: defaultPageKey(routeOf(url)) };
}
