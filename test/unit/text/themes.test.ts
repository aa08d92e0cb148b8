import { describe, expect, it } from 'vitest';
import { themesOf } from '../../../src/core/text/themes';

const items = (...texts: string[]) => texts.map((text, i) => ({ id: `t${i + 1}`, text }));

describe('themes', () => {
  it('folds Korean particles and copula endings into one theme (배송이 / 배송은 / 배송 / 배송도 / 배송이에요)', () => {
    const themes = themesOf(items('배송이 느렸어요', '배송은 빨랐어요', '배송 조회가 안 돼요', '배송도 괜찮았어요', '문제는 배송이에요'));
    expect(themes[0]).toEqual({ key: '배송', label: '배송', count: 5, ids: ['t1', 't2', 't3', 't4', 't5'] });
  });

  it('folds Korean 하다 / 되다 endings onto their verbal noun (결제했어요 / 결제가 / 결제되는)', () => {
    const themes = themesOf(items('어제 결제했어요', '결제가 어려웠어요', '결제되는 데 오래 걸렸어요'));
    expect(themes[0]).toMatchObject({ key: '결제', count: 3 });
  });

  it('keeps a vowel-class particle on a one-syllable stem, and 이 after a vowel (추가, 나이 are words)', () => {
    const keys = themesOf(items('장바구니 추가 버튼', '나이 입력 칸'), { limit: 10 }).map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['추가', '나이', '장바구니']));
    expect(keys).not.toContain('추');
  });

  it('leaves Korean predicates and sentiment cues out of themes', () => {
    const keys = themesOf(items('쿠폰이 너무 불편했어요', '쿠폰은 찾는데 헤맸어요'), { limit: 10 }).map((t) => t.key);
    expect(keys).toEqual(['쿠폰']);
  });

  it('folds English plurals and inflections (delivery / deliveries, price / prices / pricing)', () => {
    const themes = themesOf(items('Delivery was late', 'Two deliveries arrived damaged', 'The prices are high', 'Pricing is confusing', 'price went up'));
    expect(themes.find((t) => t.label === 'delivery')).toMatchObject({ count: 2, ids: ['t1', 't2'] });
    expect(themes.find((t) => t.key === 'pric')).toMatchObject({ count: 3, ids: ['t3', 't4', 't5'] });
  });

  it('folds English -ed / -ing forms of a word (loading / loaded / load)', () => {
    const themes = themesOf(items('Loading took ages', 'The cart loaded twice', 'Slow to load'));
    expect(themes[0]).toMatchObject({ key: 'load', count: 3 });
  });

  it('keeps stop words and cue words out, and prefers a shared two-word phrase to its words', () => {
    const themes = themesOf(items('The promo code did not apply', 'Promo codes are hidden and it is so annoying'));
    expect(themes[0]).toMatchObject({ label: 'promo code', count: 2, ids: ['t1', 't2'] });
    const labels = themes.map((t) => t.label);
    for (const word of ['the', 'did', 'not', 'promo', 'code', 'annoying', 'hidden', 'so']) expect(labels).not.toContain(word);
  });

  it('ranks by the number of texts, a word repeated in one text counting once', () => {
    const themes = themesOf(items('search search search', 'filters were fine', 'filters again'));
    expect(themes.map((t) => [t.key, t.count])).toEqual([['filter', 2], ['search', 1]]);
  });
});
