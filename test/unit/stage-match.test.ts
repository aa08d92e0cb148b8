import { describe, expect, it } from 'vitest';
import { matchStage, pageRules, ruleForPage } from '../../src/core/journey/stage-match';
import { matchPageRules } from '../../src/core/journey/page-rules';
import { ruleProblem } from '../../src/core/journey/rule-problem';
import { StageRule } from '../../src/core/records/stage-rule';
import { newId } from '../../src/core/records/common';

const AWARE = newId();
const CONSIDER = newId();
const PURCHASE = newId();
const RETAIN = newId();

function rule(stageId: string, kind: StageRule['kind'], pattern: string, keepQuery = false): StageRule {
  return { id: newId(), stageId, kind, pattern, keepQuery, label: '' };
}

const page = (url: string, title = '', selectors: string[] = []) => ({
  url,
  title,
  hasSelector: (selector: string) => selectors.includes(selector),
});

describe('path pattern rules', () => {
  const rules = [rule(CONSIDER, 'path', '/product/:id'), rule(AWARE, 'path', '/'), rule(PURCHASE, 'path', '/checkout/*')];

  it('match one segment per parameter and give the pattern as page key', () => {
    const match = matchStage(rules, page('https://shop.test/product/42?ref=ad#reviews'));
    expect(match).toMatchObject({ stageId: CONSIDER, ruleId: rules[0]!.id, pageKey: '/product/:id', errors: [] });
  });

  it('do not let a parameter cross a segment, nor match a missing one', () => {
    expect(matchStage(rules, page('https://shop.test/product/42/reviews')).stageId).toBeNull();
    expect(matchStage(rules, page('https://shop.test/product')).stageId).toBeNull();
  });

  it('ignore a trailing slash', () => {
    expect(matchStage(rules, page('https://shop.test/product/42/')).pageKey).toBe('/product/:id');
  });

  it('let a trailing * take the rest of the path, or nothing', () => {
    expect(matchStage(rules, page('https://shop.test/checkout')).stageId).toBe(PURCHASE);
    expect(matchStage(rules, page('https://shop.test/checkout/payment/card')).pageKey).toBe('/checkout/*');
  });

  it('match the root exactly', () => {
    expect(matchStage(rules, page('https://shop.test/')).stageId).toBe(AWARE);
    expect(matchStage(rules, page('https://shop.test/about')).stageId).toBeNull();
  });

  it('keep the sorted query string in the page key only when the rule says so', () => {
    const keep = [rule(CONSIDER, 'path', '/search', true)];
    expect(matchStage(keep, page('https://shop.test/search?q=x&a=1')).pageKey).toBe('/search?a=1&q=x');
    expect(matchStage([rule(CONSIDER, 'path', '/search')], page('https://shop.test/search?q=x')).pageKey).toBe('/search');
  });
});

describe('glob, regex, title and selector rules', () => {
  it('glob: * stays in a segment, ** crosses segments, ? is one character', () => {
    expect(matchStage([rule(AWARE, 'glob', '/blog/*')], page('https://s.test/blog/hello')).stageId).toBe(AWARE);
    expect(matchStage([rule(AWARE, 'glob', '/blog/*')], page('https://s.test/blog/2024/hello')).stageId).toBeNull();
    expect(matchStage([rule(AWARE, 'glob', '/blog/**')], page('https://s.test/blog/2024/hello')).pageKey).toBe('/blog/**');
    expect(matchStage([rule(AWARE, 'glob', '/p?ge')], page('https://s.test/page')).stageId).toBe(AWARE);
  });

  it('regex: tested against path, query and hash; page key is the generalised path', () => {
    const rules = [rule(CONSIDER, 'regex', '^/(phones|tablets)/\\d+$')];
    const match = matchStage(rules, page('https://s.test/phones/12345'));
    expect(match).toMatchObject({ stageId: CONSIDER, pageKey: '/phones/:id' });
    expect(matchStage([rule(CONSIDER, 'regex', 'tab=specs')], page('https://s.test/p/1?tab=specs')).stageId).toBe(CONSIDER);
  });

  it('title: case-insensitive containment', () => {
    const rules = [rule(RETAIN, 'title', 'my account')];
    expect(matchStage(rules, page('https://s.test/x', 'My Account – Shop')).stageId).toBe(RETAIN);
    expect(matchStage(rules, page('https://s.test/x', 'Accounts payable')).stageId).toBeNull();
  });

  it('selector: the page probe decides', () => {
    const rules = [rule(PURCHASE, 'selector', 'form#checkout')];
    expect(matchStage(rules, page('https://s.test/step-2', '', ['form#checkout'])).stageId).toBe(PURCHASE);
    expect(matchStage(rules, page('https://s.test/step-2')).stageId).toBeNull();
  });
});

describe('rule order and untagged pages', () => {
  it('takes the first matching rule', () => {
    const specific = rule(PURCHASE, 'selector', 'form#checkout');
    const general = rule(CONSIDER, 'path', '/product/:id');
    const forms = page('https://s.test/product/1', '', ['form#checkout']);
    expect(matchStage([specific, general], forms).ruleId).toBe(specific.id);
    expect(matchStage([general, specific], forms).ruleId).toBe(general.id);
  });

  it('leaves an unmatched page untagged, keyed by its path with ids generalised', () => {
    const match = matchStage([], page('https://s.test/order/48213/items/3f2b1c9e-1111-4222-8333-444455556666/'));
    expect(match).toEqual({ stageId: null, ruleId: null, pageKey: '/order/:id/items/:id', errors: [] });
  });

  it('writes a "tag this page" rule that matches the page it came from and its siblings', () => {
    const written = ruleForPage('https://s.test/order/48213?x=1');
    expect(written).toEqual({ kind: 'path', pattern: '/order/:id' });
    const tagged = rule(RETAIN, written.kind, written.pattern);
    expect(matchStage([tagged], page('https://s.test/order/99')).stageId).toBe(RETAIN);
  });
});

describe('malformed rules', () => {
  it('are reported with a clear message and skipped, never thrown', () => {
    const broken = [rule(AWARE, 'regex', '(unclosed'), rule(AWARE, 'selector', 'div[')];
    const ok = rule(CONSIDER, 'path', '/x');
    const probe = {
      url: 'https://s.test/x',
      title: '',
      hasSelector: (selector: string) => {
        if (selector === 'div[') throw new Error('Not a valid CSS selector: div[');
        return false;
      },
    };
    const match = matchStage([...broken, ok], probe);
    expect(match.stageId).toBe(CONSIDER);
    expect(match.errors.map((e) => e.ruleId)).toEqual(broken.map((r) => r.id));
    expect(match.errors[0]!.message).toMatch(/regular expression/);
    expect(match.errors[1]!.message).toMatch(/CSS selector/);
  });

  it('never reach the matcher when their form is wrong: the rule schema refuses them on save and import', () => {
    expect(StageRule.safeParse(rule(AWARE, 'path', 'no-slash')).error?.issues[0]?.message).toMatch(/starts with \//);
  });

  it('say that selector rules need the page when there is no probe', () => {
    const match = matchStage([rule(PURCHASE, 'selector', 'form')], { url: 'https://s.test/', title: '' });
    expect(match.errors[0]!.message).toMatch(/on the page itself/);
  });

  it('are refused by the schema with the path of the problem', () => {
    const result = StageRule.safeParse({ id: newId(), stageId: AWARE, kind: 'regex', pattern: '[', keepQuery: false });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['pattern']);
    expect(ruleProblem({ kind: 'path', pattern: '/a/:/b' })).toMatch(/parameter/);
  });
});

describe('SPA routes', () => {
  const rules = [
    rule(RETAIN, 'path', '/help#/article/:slug'),
    rule(AWARE, 'path', '/help'),
    rule(PURCHASE, 'path', '/checkout/*'),
  ];

  it('history API: each pushed path is tagged like a loaded one', () => {
    expect(matchStage(rules, page('https://s.test/checkout/shipping')).pageKey).toBe('/checkout/*');
    expect(matchStage(rules, page('https://s.test/checkout/payment')).stageId).toBe(PURCHASE);
  });

  it('hash routes: a pattern with # matches the hash route, one without ignores the hash', () => {
    expect(matchStage(rules, page('https://s.test/help#/article/returns'))).toMatchObject({ stageId: RETAIN, pageKey: '/help#/article/:slug' });
    expect(matchStage(rules, page('https://s.test/help#!/article/returns')).stageId).toBe(RETAIN);
    expect(matchStage(rules, page('https://s.test/help#/')).pageKey).toBe('/help');
    expect(matchStage(rules, page('https://s.test/help#contact')).pageKey).toBe('/help');
  });

  it('untagged hash routes keep their route in the page key; plain fragments do not', () => {
    expect(matchStage([], page('https://s.test/app/#/orders/123')).pageKey).toBe('/app#/orders/:id');
    expect(matchStage([], page('https://s.test/app/#top')).pageKey).toBe('/app');
  });
});

describe('rules as a page gets them', () => {
  it('decide every page as the study’s rules do, with path and glob patterns already expressions', () => {
    const rules = [
      rule(CONSIDER, 'path', '/product/:id'),
      rule(RETAIN, 'path', '/help#/article/:slug'),
      rule(PURCHASE, 'glob', '/checkout/**'),
      rule(AWARE, 'glob', '/app#/home*'),
      rule(CONSIDER, 'path', '/search', true),
      rule(AWARE, 'title', 'Journal'),
    ];
    const forPages = pageRules(rules);
    expect(forPages.every((r) => r.kind === 'title' || r.pattern.startsWith('^'))).toBe(true);
    const tagged = (url: string, title = '') => {
      const { stageId, pageKey } = matchPageRules(forPages, page(url, title));
      return [stageId, pageKey];
    };
    expect(tagged('https://s.test/product/7')).toEqual([CONSIDER, '/product/:id']);
    expect(tagged('https://s.test/help#/article/returns')).toEqual([RETAIN, '/help#/article/:slug']);
    expect(tagged('https://s.test/help')).toEqual([null, '/help']);
    expect(tagged('https://s.test/checkout/pay/card')).toEqual([PURCHASE, '/checkout/**']);
    expect(tagged('https://s.test/app#/homepage')).toEqual([AWARE, '/app#/home*']);
    expect(tagged('https://s.test/app#/settings')).toEqual([null, '/app#/settings']);
    expect(tagged('https://s.test/search?b=2&a=1')).toEqual([CONSIDER, '/search?a=1&b=2']);
    expect(tagged('https://s.test/x', 'The Journal')).toEqual([AWARE, '/x']);
  });
});
