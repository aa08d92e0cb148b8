import type { RuleKind } from '../records/stage-rule';
import type { Stage } from '../records/study';
import { ruleProblem } from './rule-problem';

/** One line of pasted rules that can become a rule. */
export interface RuleLine {
  line: number;
  kind: RuleKind;
  pattern: string;
  stageId: string;
}

export type RuleLineProblem =
  | { line: number; text: string; problem: 'noArrow' | 'noPattern' }
  | { line: number; text: string; problem: 'unknownStage'; stage: string }
  | { line: number; text: string; problem: 'badPattern'; message: string };

export interface ParsedRuleLines {
  rules: RuleLine[];
  problems: RuleLineProblem[];
}

/** `→`, `->` or a tab (a spreadsheet's two columns) separates the pattern from the stage; the last one counts. */
const ARROW = /\s*(?:→|->|\t)\s*/g;
const KIND_PREFIX = /^(path|glob|regex|title|selector):\s*/;

/**
 * Rules typed or pasted as lines of `pattern → stage`. The stage is named (case does not matter) or numbered as in
 * the stage list. A pattern is a path unless it says its kind (`title: Checkout`) or crosses segments (`**`, a glob).
 * Each line stands alone: a bad line is reported by its number and never stops the others.
 */
export function parseRuleLines(
  text: string,
  stages: readonly Stage[],
  /** Why a pattern cannot work, or null; the UI passes its own, which also checks selectors and speaks its language. */
  check: (rule: Pick<RuleLine, 'kind' | 'pattern'>) => string | null = ruleProblem,
): ParsedRuleLines {
  const parsed: ParsedRuleLines = { rules: [], problems: [] };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (!text) return;
    const arrow = [...text.matchAll(ARROW)].at(-1);
    if (!arrow) return parsed.problems.push({ line, text, problem: 'noArrow' });
    const written = text.slice(0, arrow.index).trim();
    const stageText = text.slice(arrow.index + arrow[0].length).trim();
    const prefix = KIND_PREFIX.exec(written);
    const pattern = prefix ? written.slice(prefix[0].length).trim() : written;
    if (!pattern) return parsed.problems.push({ line, text, problem: 'noPattern' });
    const kind: RuleKind = (prefix?.[1] as RuleKind | undefined) ?? (pattern.includes('**') ? 'glob' : 'path');
    const stage = findStage(stageText, stages);
    if (!stage) return parsed.problems.push({ line, text, problem: 'unknownStage', stage: stageText });
    const message = check({ kind, pattern });
    if (message) return parsed.problems.push({ line, text, problem: 'badPattern', message });
    parsed.rules.push({ line, kind, pattern, stageId: stage.id });
  });
  return parsed;
}

function findStage(text: string, stages: readonly Stage[]): Stage | undefined {
  const wanted = text.toLocaleLowerCase();
  const byName = stages.find((s) => s.name.trim().toLocaleLowerCase() === wanted);
  if (byName) return byName;
  return /^\d+$/.test(text) ? stages[Number(text) - 1] : undefined;
}
