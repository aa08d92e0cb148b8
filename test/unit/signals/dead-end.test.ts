import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/records/common';
import type { StageRule } from '../../../src/core/records/stage-rule';
import { createDeadEndJudge, deadEndReason, type DeadEndFacts, type DeadEndStudy } from '../../../src/core/signals/dead-end';
import { settings } from './timeline';
import { scopeExpressions } from '../../../src/core/journey/scope';
import { pageRules } from '../../../src/core/journey/stage-match';

const [AWARE, CONSIDER, PURCHASE] = [newId(), newId(), newId()];
const rule = (stageId: string, kind: StageRule['kind'], pattern: string): StageRule => ({ id: newId(), stageId, kind, pattern, keepQuery: false, label: '' });

const study: DeadEndStudy = {
  scopeExpressions: scopeExpressions(['https://shop.test/*']),
  stages: [AWARE, CONSIDER, PURCHASE].map((id, i) => ({ id, name: `stage ${i}`, customerGoal: '', desiredExperience: '' })),
  rules: pageRules([rule(PURCHASE, 'selector', 'form#checkout'), rule(PURCHASE, 'path', '/cart'), rule(AWARE, 'path', '/'), rule(CONSIDER, 'path', '/product/:id')]),
  settings: settings(),
};

const link = (href: string, visible = true) => ({ href, visible });
const home = link('https://shop.test/');
const ok = 'A fine page. '.repeat(200);

function page(facts: Partial<DeadEndFacts> = {}): DeadEndFacts {
  const body = { bodyTextLength: ok.length, bodyText: ok.slice(0, 2000) };
  return { url: 'https://shop.test/product/42', status: 200, title: 'Phone X', h1: 'Phone X', ...body, links: [home], controlVisible: true, ...facts };
}

describe('dead end: error documents', () => {
  it('is an HTTP error status', () => {
    expect(deadEndReason(page({ status: 404 }), study)).toEqual({ reason: 'http_error', status: 404 });
    expect(deadEndReason(page({ status: 503 }), study)).toEqual({ reason: 'http_error', status: 503 });
  });

  it('is not an unknown status', () => {
    expect(deadEndReason(page({ status: 0 }), study)).toBeNull();
    expect(deadEndReason(page({ status: null }), study)).toBeNull();
  });

  it('is a soft 404 said by the title, the H1 or a short body', () => {
    expect(deadEndReason(page({ title: 'Page Not Found – Shop' }), study)).toEqual({ reason: 'soft_404', matched: 'not found' });
    expect(deadEndReason(page({ h1: '404' }), study)).toEqual({ reason: 'soft_404', matched: '404' });
    const short = "Sorry, we couldn't find that page.";
    expect(deadEndReason(page({ bodyText: short, bodyTextLength: short.length }), study)).toEqual({ reason: 'soft_404', matched: "couldn't find" });
  });

  it('is a soft 404 said with a curled apostrophe, or in Korean with its endings glued on', () => {
    expect(deadEndReason(page({ h1: 'Oops! That page can’t be found.' }), study)).toEqual({ reason: 'soft_404', matched: 'can’t be found' });
    expect(deadEndReason(page({ h1: '존재하지 않는 페이지입니다' }), study)).toEqual({ reason: 'soft_404', matched: '존재하지 않는 페이지' });
    const short = '요청하신 웹페이지를 찾을 수 없습니다. 주소를 확인해 주세요.';
    expect(deadEndReason(page({ bodyText: short, bodyTextLength: short.length }), study)).toEqual({ reason: 'soft_404', matched: '페이지를 찾을 수 없' });
    expect(deadEndReason(page({ title: '삭제되었거나 존재하지 않는 상품입니다 - 쇼핑' }), study)).toEqual({ reason: 'soft_404', matched: '존재하지 않는 상품' });
    expect(deadEndReason(page({ title: '404에러 페이지 | 쇼핑' }), study)).toEqual({ reason: 'soft_404', matched: '404에러' });
    expect(deadEndReason(page({ h1: '요청하신 페이지를 찾을수 없습니다' }), study)).toEqual({ reason: 'soft_404', matched: '페이지를 찾을수 없' });
  });

  it('is not a Korean page that only mentions pages or products, a count of 404, nor a marketing line', () => {
    expect(deadEndReason(page({ title: '상품 상세 페이지 | 쇼핑' }), study)).toBeNull();
    expect(deadEndReason(page({ h1: 'This phone doesn’t exist anywhere else' }), study)).toBeNull();
    expect(deadEndReason(page({ h1: '검색 결과 404건' }), study)).toBeNull();
  });

  it('is not a long article mentioning 404, nor a number that contains it', () => {
    const article = `How we fixed our 404 pages, and why a €404.00 phone sold out. ${ok}`;
    expect(deadEndReason(page({ bodyText: article.slice(0, 2000), bodyTextLength: article.length }), study)).toBeNull();
    expect(deadEndReason(page({ title: 'Charger SKU 14045' }), study)).toBeNull();
  });

  it('reads the soft-404 patterns from the settings', () => {
    const custom = { ...study, settings: settings({ soft404Patterns: ['oops'] }) };
    expect(deadEndReason(page({ title: 'Oops! Nothing here' }), custom)).toEqual({ reason: 'soft_404', matched: 'oops' });
    expect(deadEndReason(page({ title: 'Page not found' }), custom)).toBeNull();
  });
});

describe('dead end: no way forward', () => {
  const noButtons = (links: DeadEndFacts['links'], facts: Partial<DeadEndFacts> = {}) => deadEndReason(page({ links, controlVisible: false, ...facts }), study);

  it('is a page with only out-of-scope, hidden, same-page or earlier-stage links and no button', () => {
    expect(noButtons([link('https://twitter.com/shop'), link('mailto:help@shop.test')])).toEqual({ reason: 'no_way_forward' });
    expect(noButtons([link('https://shop.test/cart', false)])).toEqual({ reason: 'no_way_forward' });
    expect(noButtons([link('#top'), link('https://shop.test/product/42#reviews')])).toEqual({ reason: 'no_way_forward' });
    expect(noButtons([home])).toEqual({ reason: 'no_way_forward' });
  });

  it('is not a page with a link to the same or a later stage', () => {
    expect(noButtons([home, link('/cart')])).toBeNull();
    expect(noButtons([link('https://shop.test/product/43')])).toBeNull();
  });

  it('counts an untagged in-scope target as a way forward', () => {
    expect(noButtons([link('/blog/how-to-choose')])).toBeNull();
  });

  it('counts any in-scope link on an untagged page', () => {
    expect(noButtons([home], { url: 'https://shop.test/blog/x' })).toBeNull();
  });

  it('is not a page with a visible button', () => {
    expect(deadEndReason(page({ links: [], controlVisible: true }), study)).toBeNull();
  });

  it('uses the stage matched on the page itself when given (selector rules)', () => {
    const checkout = { url: 'https://shop.test/pay', stageId: PURCHASE };
    expect(noButtons([link('/product/7')], checkout)).toEqual({ reason: 'no_way_forward' });
    expect(noButtons([link('/cart')], checkout)).toBeNull();
  });
});

describe('dead end: when it is judged', () => {
  const judge = () => {
    const judging = createDeadEndJudge(study);
    judging.enter(0);
    return judging;
  };

  it('judges an error page at once: a 404 left by Back after 0.5 s is a dead end', () => {
    // Issue 15, 1: the check ran 1500 ms after the visit began and leaving cancelled it.
    expect(judge().look(500, () => page({ status: 404 }))).toEqual({ reason: 'http_error', status: 404 });
    expect(judge().look(300, () => page({ title: 'Page not found' }))).toEqual({ reason: 'soft_404', matched: 'not found' });
  });

  it('judges "nowhere to go" only once the page has settled', () => {
    const bare = page({ links: [], controlVisible: false });
    const judging = judge();
    expect(judging.look(400, () => bare)).toBeNull();
    expect(judging.look(1500, () => bare)).toEqual({ reason: 'no_way_forward' });
  });

  it('gives one verdict per visit, and a new one after the next enter', () => {
    const judging = judge();
    expect(judging.look(100, () => page({ status: 500 }))).not.toBeNull();
    expect(judging.look(1600, () => page({ status: 500 }))).toBeNull();
    judging.enter(2000);
    expect(judging.look(2100, () => page({ status: 500 }))).not.toBeNull();
  });

  it('reads the page only while its visit is not judged (leaving a judged page reads nothing)', () => {
    // Issue 22: every pagehide read the body text and laid out each control, to throw it all away.
    const judging = judge();
    let reads = 0;
    const read = () => (reads++, page());
    expect(judging.look(1600, read)).toBeNull();
    expect(judging.look(3000, read)).toBeNull();
    expect(createDeadEndJudge(study).look(100, read)).toBeNull();
    expect(reads).toBe(1);
  });

  it('judges nothing before a visit is entered', () => {
    expect(createDeadEndJudge(study).look(5000, () => page({ status: 404 }))).toBeNull();
  });
});
