import { describe, expect, it } from 'vitest';
import { detectLanguage, sentimentOf } from '../../../src/core/text/sentiment';
import { predicateForms } from '../../../src/core/text/korean-fold';

const polarity = (text: string) => sentimentOf(text).polarity;

describe('sentiment', () => {
  it('tells Korean from English by Hangul', () => {
    expect(detectLanguage('배송 tracking이 안 돼요')).toBe('ko');
    expect(detectLanguage('Delivery was quick')).toBe('en');
  });

  it('expands a Korean lemma to the stems of its inflections (느렸어요 and 느리다 are one cue)', () => {
    expect(predicateForms('느리다')).toEqual(expect.arrayContaining(['느리', '느린', '느림', '느려', '느렸']));
    expect(predicateForms('어렵다')).toEqual(expect.arrayContaining(['어렵', '어려운', '어려워', '어려웠']));
    expect(predicateForms('빠르다')).toEqual(expect.arrayContaining(['빠른', '빨라', '빨랐']));
    expect(predicateForms('나쁘다')).toEqual(expect.arrayContaining(['나쁜', '나빠', '나빴']));
    expect(predicateForms('편하다')).toEqual(expect.arrayContaining(['편한', '편해', '편했']));
    for (const text of ['배송이 느렸어요', '배송이 느리다', '느린 배송', '배송이 느려서 답답해요']) expect(polarity(text)).toBe('negative');
  });

  it('turns cues around after a negation, in both languages', () => {
    expect(polarity('Checkout was easy.')).toBe('positive');
    expect(polarity('Checkout was not easy.')).toBe('negative');
    expect(polarity("I couldn't find the login button.")).toBe('negative');
    expect(polarity('No problems at all.')).toBe('positive');
    expect(polarity('좋아요')).toBe('positive');
    expect(polarity('안 좋아요')).toBe('negative');
    expect(polarity('안좋아요')).toBe('negative');
    expect(polarity('로그인 버튼을 못 찾겠어요')).toBe('negative');
    expect(polarity('결제가 쉽지 않았어요')).toBe('negative');
    expect(polarity('문제없이 주문했어요')).toBe('positive');
    expect(polarity('잘 안 돼요')).toBe('negative');
  });

  it('reads an absent or remedied complaint as praise, and an apology as no complaint', () => {
    expect(polarity('불편한 점이 하나도 없었어요')).toBe('positive');
    expect(polarity('검색 결과가 없어요')).toBe('negative');
    expect(polarity('채팅 상담으로 결제 문제를 해결했어요')).toBe('positive');
    expect(polarity('The chat agent solved my billing problem.')).toBe('positive');
    expect(polarity('No hidden fees.')).toBe('positive');
    expect(polarity('불편을 드려 죄송합니다')).toBe('neutral');
  });

  it('does not take a one-syllable cue for the start of another word (적용 is not 적다, 적립금 neither)', () => {
    expect(polarity('적립금이 적용됐어요')).toBe('neutral');
    expect(polarity('옵션이 적어요')).toBe('negative');
  });

  it('weighs the clause after a contrast more', () => {
    expect(polarity('The search is fast but the results are useless.')).toBe('negative');
    expect(polarity('Shipping was a bit slow, but the support team was great.')).toBe('positive');
    expect(polarity('가격은 저렴하지만 배송이 느려요')).toBe('negative');
    expect(polarity('배송은 느렸지만 상품은 아주 좋아요')).toBe('positive');
    expect(polarity('결제는 빠른데 배송 옵션이 너무 적어요')).toBe('negative');
  });

  it('strengthens a cue after an intensifier', () => {
    expect(sentimentOf('very slow').score).toBeLessThan(sentimentOf('slow').score);
    expect(sentimentOf('너무 느려요').score).toBeLessThan(sentimentOf('느려요').score);
    expect(sentimentOf('a bit slow').score).toBeGreaterThan(sentimentOf('slow').score);
  });

  it('calls a statement with no cue, or a wish, neutral', () => {
    for (const text of ['I bought a phone case.', 'It would be nice if the filters remembered my choice.', '장바구니에 담았어요', '더 빨랐으면 좋겠어요'])
      expect(sentimentOf(text)).toMatchObject({ polarity: 'neutral', score: 0 });
  });
});
