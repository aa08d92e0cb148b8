import { ruleProblem } from '../../core/journey/rule-problem';
import type { RuleKind, StageRule } from '../../core/records/stage-rule';
import { t, type MessageKey } from '../../shared/i18n';

export const KIND_LABEL: Record<RuleKind, MessageKey> = {
  path: 'optionsKindPath',
  glob: 'optionsKindGlob',
  regex: 'optionsKindRegex',
  title: 'optionsKindTitle',
  selector: 'optionsKindSelector',
};

/** Short kind names for sentences ("Rule 3 (glob /guides/**)"). */
export const KIND_SHORT: Record<RuleKind, MessageKey> = {
  path: 'optionsKindPathShort',
  glob: 'optionsKindGlobShort',
  regex: 'optionsKindRegexShort',
  title: 'optionsKindTitleShort',
  selector: 'optionsKindSelectorShort',
};

export const KIND_HINT: Record<RuleKind, MessageKey> = {
  path: 'optionsKindPathHint',
  glob: 'optionsKindGlobHint',
  regex: 'optionsKindRegexHint',
  title: 'optionsKindTitleHint',
  selector: 'optionsKindSelectorHint',
};

export const KIND_EXAMPLE: Record<RuleKind, MessageKey> = {
  path: 'optionsKindPathExample',
  glob: 'optionsKindGlobExample',
  regex: 'optionsKindRegexExample',
  title: 'optionsKindTitleExample',
  selector: 'optionsKindSelectorExample',
};

/** The same check the page runs: a selector the DOM refuses can never match. */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Why a rule cannot work, in the user's language; null when it can (an empty pattern is reported on save). */
export function ruleMessage(rule: Pick<StageRule, 'kind' | 'pattern'>): string | null {
  const pattern = rule.pattern.trim();
  if (!pattern) return null;
  if (rule.kind === 'selector') return isValidSelector(pattern) ? null : t('optionsRuleBadSelector');
  const problem = ruleProblem({ kind: rule.kind, pattern });
  if (!problem) return null;
  if (rule.kind === 'path') return pattern.startsWith('/') ? t('optionsRulePathParam') : t('optionsRulePathSlash');
  if (rule.kind === 'regex') {
    try {
      new RegExp(pattern);
    } catch (error) {
      return t('optionsRuleBadRegex', (error as Error).message);
    }
  }
  return problem;
}
