import { describe, expect, it } from 'vitest';
import { parseRuleLines } from '../../src/core/journey/rule-lines';
import { newId } from '../../src/core/records/common';

const stages = [
  { id: newId(), name: 'Discover', customerGoal: '', desiredExperience: '' },
  { id: newId(), name: 'Purchase', customerGoal: '', desiredExperience: '' },
];
const [discover, purchase] = stages.map((s) => s.id);

describe('rules pasted as lines of pattern → stage', () => {
  it('reads →, -> and tab, names in any case and stage numbers; blank lines are skipped but counted', () => {
    const parsed = parseRuleLines('/ → Discover\n\n/cart -> purchase\n/checkout/*\t2\n', stages);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules).toEqual([
      { line: 1, kind: 'path', pattern: '/', stageId: discover },
      { line: 3, kind: 'path', pattern: '/cart', stageId: purchase },
      { line: 4, kind: 'path', pattern: '/checkout/*', stageId: purchase },
    ]);
  });

  it('takes a kind prefix, reads ** as a glob, and splits at the last arrow', () => {
    const parsed = parseRuleLines('title: Order -> done → Purchase\n/guides/** → 1\nregex: ^/p/\\d+$ → 1', stages);
    expect(parsed.rules.map(({ kind, pattern }) => [kind, pattern])).toEqual([
      ['title', 'Order -> done'],
      ['glob', '/guides/**'],
      ['regex', '^/p/\\d+$'],
    ]);
  });

  it('reports each bad line by its number and keeps the good ones', () => {
    const parsed = parseRuleLines('/a → Discover\n/b Discover\n→ Purchase\n/c → Support\n/d/: → 1\nregex: ( → 2\n/e → 3\n/f → 2', stages);
    expect(parsed.rules.map((r) => r.line)).toEqual([1, 8]);
    expect(parsed.problems.map((p) => [p.line, p.problem])).toEqual([
      [2, 'noArrow'],
      [3, 'noPattern'],
      [4, 'unknownStage'],
      [5, 'badPattern'],
      [6, 'badPattern'],
      [7, 'unknownStage'],
    ]);
    expect(parsed.problems[2]).toMatchObject({ stage: 'Support', text: '/c → Support' });
  });

  it('uses the check it is given for patterns', () => {
    const parsed = parseRuleLines('selector: #x → 1', stages, () => 'refused');
    expect(parsed.problems).toEqual([{ line: 1, text: 'selector: #x → 1', problem: 'badPattern', message: 'refused' }]);
  });
});
