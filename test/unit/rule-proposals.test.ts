import { describe, expect, it } from 'vitest';
import { proposeRules as propose } from '../../src/core/journey/rule-proposals';
import type { StageRule } from '../../src/core/records/stage-rule';

const SITE = 'https://shop.example';
const walk = (...steps: [string, string | null][]) => steps.map(([path, stageId], i) => ({ url: SITE + path, title: '', stageId, enteredAt: 1000 + i }));
const proposeRules = (visits: Parameters<typeof propose>[0]) => propose(visits, []);

describe('rules proposed from the untagged pages of a walk', () => {
  it('groups keys under one section, keeps single keys and hash routes, and counts the visits', () => {
    const proposals = proposeRules(
      walk(['/', 'aware'], ['/deals', null], ['/account/orders', null], ['/account/settings', null], ['/deals/', null], ['/help#/article/42', null], ['/order/48213', null]),
    );
    expect(proposals.map(({ pattern, visits }) => [pattern, visits])).toEqual([
      ['/deals', 2],
      ['/account/*', 2],
      ['/help#/article/:id', 1],
      ['/order/:id', 1],
    ]);
  });

  it('takes the stage of the nearest tagged page before, else after; none when nothing is tagged', () => {
    expect(proposeRules(walk(['/a', null], ['/cart', 'buy'], ['/b', null], ['/c', 'keep'])).map((p) => [p.pattern, p.stageId])).toEqual([
      ['/a', 'buy'],
      ['/b', 'buy'],
    ]);
    expect(proposeRules(walk(['/a', null]))).toEqual([{ pattern: '/a', stageId: null, visits: 1 }]);
  });

  it('reads the walk in the order it happened, whatever order the visits come in', () => {
    const [late, early] = walk(['/x', 'late'], ['/y', null]).map((v, i) => ({ ...v, enteredAt: i === 0 ? 5 : 1 }));
    const tagged = { url: `${SITE}/`, title: '', stageId: 'early', enteredAt: 0 };
    expect(proposeRules([late!, early!, tagged])[0]!.stageId).toBe('early');
  });

  it('proposes nothing for a fully tagged walk', () => {
    expect(proposeRules(walk(['/', 'a'], ['/cart', 'b']))).toEqual([]);
  });

  it('leaves out pages the rules as they are now give a stage, which also tag the walk around the rest', () => {
    const rules: StageRule[] = [{ id: 'r1', stageId: 'buy', kind: 'path', pattern: '/cart', keepQuery: false, label: '' }];
    expect(propose(walk(['/cart', null], ['/gift', null]), rules)).toEqual([{ pattern: '/gift', stageId: 'buy', visits: 1 }]);
  });
});
