/**
 * The Korean sentiment lexicon: lemmas (느리다) and noun roots (불편, which starts 불편해요 and 불편함 alike) with a
 * weight from −3 to +3, written for Journey Lens in the register of survey answers about websites. It is the
 * project's own work, under the repository's licence; no public lexicon was copied (docs/sentiment.md). Lemmas are
 * expanded to the stems their inflections start with by predicateForms (korean-fold.ts).
 */
export const KO_WORDS: Record<string, number> = {
  // satisfied
  좋다: 2, 괜찮다: 1, 편하다: 2, 빠르다: 1.5, 쉽다: 1.5, 싸다: 1, 예쁘다: 1.5, 멋지다: 2, 기쁘다: 2, 즐겁다: 2,
  고맙다: 2, 매끄럽다: 1.5, 부드럽다: 1, 알차다: 1.5, 훌륭: 2.5, 만족: 2, 친절: 2, 편리: 2, 간편: 2, 간단: 1.5,
  신속: 2, 정확: 1.5, 유용: 1.5, 충분: 1, 원활: 1.5, 깔끔: 1.5, 저렴: 1.5, 자세: 1, 직관: 1.5, 최고: 3,
  추천하다: 1.5, 대박: 2, 완벽: 2.5, 만점: 2, 든든: 1, 다행: 1, 인상적: 1.5, 감사: 2, 감동: 2.5, 차분: 1.5,
  도움: 1.5, 적당: 1, 무료: 1, 해결: 1.5,
  명확: 1.5, 센스: 1.5, 합리적: 1.5, 혜자: 2, 쾌적: 2, 안심: 1.5, 믿음: 1.5, 마음에: 1.5, 맘에: 1.5,
  뿌듯: 1.5, 재밌다: 1.5, 재미있다: 1.5, 수월: 1.5, 무난: 0.5, 손쉽다: 2, 빠릿빠릿: 2, 꼼꼼: 1.5, 넉넉: 1, 좋아하다: 2,
  // dissatisfied
  나쁘다: -2, 느리다: -2, 어렵다: -1.5, 비싸다: -1.5, 귀찮다: -1.5, 싫다: -2, 힘들다: -1.5, 번거롭다: -1.5,
  아쉽다: -1.5, 안타깝다: -1.5, 무겁다: -1, 늦다: -1.5, 헷갈리다: -1.5, 헤매다: -1.5, 끊기다: -1.5, 멈추다: -1.5,
  튕기다: -2, 막히다: -1.5, 깨지다: -1.5, 어지럽다: -1.5, 모르다: -1, 이상하다: -1.5, 화나다: -2, 아깝다: -1.5,
  복잡하다: -1.5, 답답하다: -2, 지저분하다: -1.5, 부족하다: -1, 불편: -2, 불친절: -2.5, 불만: -2, 불만족: -2,
  실망: -2.5, 최악: -3, 별로: -1.5, 문제: -1, 오류: -2, 에러: -2, 버그: -2, 렉: -1.5, 지연: -1.5, 실패: -2,
  짜증: -2.5, 황당: -2, 당황: -1.5, 어색: -1, 누락: -1.5, 먹통: -2.5, 끔찍: -3, 엉망: -2.5, 불안: -1.5, 걱정: -1,
  고장: -2, 비추: -2, 불필요: -1, 안되다: -2, 아쉬움: -1.5, 스트레스: -2, 낭비: -2,
  피곤: -1.5, 팝업: -0.5, 지워지다: -1.5, 꺼지다: -1.5, 젖다: -1.5, 기다리다: -1, 만료: -1, 가짜: -2, 무시: -2,
  정신없: -1.5, 까다롭다: -1.5, 거절: -1.5, 끊다: -1.5, 올랐: -1, 소용없: -2, 엉뚱: -1.5, 적다: -1, 흠: -1.5,
  도배: -2, 상관없는: -1.5, 과하다: -1.5, 흐리다: -1, 번거로움: -1.5, 애매: -1, 허술: -2,
  떨어지다: -1, 틀리다: -2, 사라지다: -1.5, 날아가다: -2, 초기화: -1.5, 로그아웃되다: -1.5,
  오락가락: -1.5, 불친절하다: -2.5, 겹치다: -1, 밀리다: -1, 지치다: -2, 포기: -2, 억지: -1.5, 부담: -1.5,
  // words that start like a cue and are none: the longest form wins, and these weigh nothing
  도움말: 0, 추천상품: 0,
};

/** Adverbs and set words matched as whole words only (오래 is a cue in 오래 걸렸어요, not in 오래된). */
export const KO_WHOLE_WORDS: Record<string, number> = {
  오래: -1, 한참: -1.5, 빨리: 1.5, 금방: 1.5, 바로: 0.5, 일찍: 1, 한눈에: 1.5, 제시간에: 1.5, 만에: 1, 다음에도: 1.5,
};

/** Words that put right the complaint named before them in the clause (문제를 해결해, 고장 난 상품을 교환해). */
export const KO_REMEDIES = /^(해결|교환|고쳐|고치|처리해|처리했|환불해)/;

/** Words that strengthen (positive) or soften (negative) the next cue. */
export const KO_BOOSTERS: Record<string, number> = {
  너무: 0.4, 넘: 0.4, 정말: 0.3, 정말로: 0.3, 진짜: 0.3, 참: 0.3, 매우: 0.4, 아주: 0.4, 엄청: 0.4, 완전: 0.4,
  되게: 0.3, 굉장히: 0.4, 무척: 0.4, 몹시: 0.4, 가장: 0.3, 제일: 0.3, 훨씬: 0.3, 꽤: 0.15, 상당히: 0.3, 많이: 0.2,
  조금: -0.3, 좀: -0.3, 약간: -0.3, 살짝: -0.3, 다소: -0.3, 그나마: -0.4,
};

/** Words before a predicate that turn it around (안 좋아요, 못 찾겠어요). */
export const KO_PRE_NEGATORS = new Set(['안', '못']);

/** Words that open a contrast: what follows weighs more than what came before. */
export const KO_CONTRAST_WORDS = new Set(['하지만', '그런데', '근데', '그러나', '그렇지만', '반면', '반면에', '다만']);

/**
 * A word that closes a clause which the next one outweighs: -지만, and -ㄴ데 / -는데 (빠른데, 좋긴 한데, 했는데).
 * -는데 also opens a mere background clause (결제하려는데 오류가 났어요), which has no cue to weigh.
 */
export const KO_CONTRAST_END = /(지만|[가-힣]데도?)$/;
