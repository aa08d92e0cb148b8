import { inScope, isValidMatchPattern } from '../../core/journey/scope';
import { matchStage, type StageMatch } from '../../core/journey/stage-match';
import type { StageRule } from '../../core/records/stage-rule';
import { ruleMessage } from './rule-check';

export interface RulePlace {
  rule: StageRule;
  /** 1-based place in the editor's list, as the user sees it. */
  position: number;
}

export interface RuleNote extends RulePlace {
  message: string;
}

export type UrlTest =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | {
      kind: 'result';
      match: StageMatch;
      /** The rule that decided, and its place in the list; null when the page is untagged. */
      rule: RulePlace | null;
      inScope: boolean;
      /** Selector rules checked before the deciding one: only the page itself can tell whether they match. */
      pageOnly: RuleNote[];
      /** Rules skipped because they cannot work. */
      problems: RuleNote[];
    };

/**
 * Runs the editor's unsaved rules over a typed URL, the way a page would, except selector rules: those need the
 * page itself, so the ones checked before the winning rule are returned as `pageOnly` instead of being guessed.
 */
export function testUrl(rules: readonly StageRule[], scopeLines: readonly string[], url: string, title: string): UrlTest {
  const address = url.trim();
  if (!address) return { kind: 'empty' };
  try {
    const parsed = new URL(address);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
  const usable = rules.map((rule) => ({ ...rule, pattern: rule.pattern.trim() })).filter((rule) => rule.pattern);
  const match = matchStage(usable, { url: address, title });
  const positionOf = (id: string) => rules.findIndex((rule) => rule.id === id) + 1;
  const matched = usable.find((rule) => rule.id === match.ruleId);
  const pageOnly: RuleNote[] = [];
  const problems: RuleNote[] = [];
  for (const error of match.errors) {
    const rule = usable.find((r) => r.id === error.ruleId);
    if (!rule) continue;
    const problem = ruleMessage(rule);
    const note = { rule, position: positionOf(rule.id), message: problem ?? error.message };
    (rule.kind === 'selector' && !problem ? pageOnly : problems).push(note);
  }
  return {
    kind: 'result',
    match,
    rule: matched ? { rule: matched, position: positionOf(matched.id) } : null,
    inScope: inScope(address, scopeLines.filter(isValidMatchPattern)),
    pageOnly,
    problems,
  };
}
