import { CueTally } from './cue-tally';
import { FINAL, lastFinal } from './hangul';
import { predicateForms, stripParticle } from './korean-fold';
import { memo } from './memo';
import { KO_BOOSTERS, KO_CONTRAST_END, KO_CONTRAST_WORDS, KO_PRE_NEGATORS, KO_REMEDIES, KO_WHOLE_WORDS, KO_WORDS } from './lexicon-ko';

/** Every stem an inflected cue starts with → its weight and whether it is a noun root (matched inside compounds). */
const FORMS = new Map<string, { value: number; noun: boolean }>();
for (const [word, value] of Object.entries(KO_WORDS)) {
  for (const form of predicateForms(word)) FORMS.set(form, { value, noun: !word.endsWith('다') });
}
const LONGEST = Math.max(...[...FORMS.keys()].map((f) => f.length));
const NEGATED = -0.75;
const NEGATED_NEUTRAL = -1.5;
/** 없다 after a word that is no cue: something wanted is not there (재고가 없어요, 찾을 수 없었어요). */
const ABSENT = -1;
const TEARS = -1;
/** 세 번이나, 9일이나: "as many as", said of a count that was too high. */
const TOO_MANY = /(번|일|시간|분|개|명|달|주|차례)이나$/;
/** 입력해야 했어요, 회원가입을 해야만: what one was made to do. */
const HAD_TO = /(해야|어야|아야|워야|러야|와야|줘야|돼야|여야|려야|쳐야)(만|지|죠)?$/;
const HAD_TO_NEXT = /^(했|해요|해서|하고|합니다|하네|하다니|함|돼요|됐)/;
/** 결제하고 나서야, 마지막 단계에서야: only then. */
const ONLY_THEN = /(서야|에야)$/;
const COMPLAINT = -1;

/** -지만 and -ㄴ데 / -는데 (the syllable before 데 ends in ㄴ), the endings after which the next clause outweighs. */
function endsInContrast(word: string): boolean {
  const match = KO_CONTRAST_END.exec(word);
  if (!match) return false;
  return match[1] === '지만' || lastFinal(match[1]![0]!) === FINAL.n;
}

/** Words (Hangul, Latin, digits, the jamo of ㅠㅠ) and clause punctuation. */
export function koreanTokens(text: string): string[] {
  return text.match(/[가-힣ㄱ-ㅣA-Za-z0-9]+|[.,!?;:~…]+/g) ?? [];
}

/**
 * What may follow a one-syllable form (좋, 싸, 늦, 렉): an ending or a particle, so 좋아요, 싸게 and 렉이 match while
 * 적용 and 적립금 are not 적다.
 */
const AFTER_SHORT = new Set('아어았었은는을를음고게지네다습기던나니더으요서면죠데이가도만에와과로함해했'.split(''));

/** The cue a word starts with (longest form first), and where its form ends. */
function cueAt(word: string, from = 0, nounOnly = false): { value: number; end: number } | undefined {
  for (let len = Math.min(LONGEST, word.length - from); len > 0; len--) {
    const cue = FORMS.get(word.slice(from, from + len));
    if (!cue || (nounOnly && !(cue.noun && len >= 2))) continue;
    const after = word[from + len];
    if (len === 1 && after !== undefined && !AFTER_SHORT.has(after)) continue;
    return { value: cue.value, end: from + len };
  }
  return undefined;
}

/** A word's cue: at its start (느려요, 불편했어요), or a noun cue inside a compound (결제오류가, 배송지연). */
const cueOf = memo(cueOfWord);

function cueOfWord(word: string): { value: number; end: number } | undefined {
  const atStart = cueAt(word);
  if (atStart) return atStart;
  const stem = stripParticle(word) ?? word;
  for (let from = 1; from < stem.length - 1; from++) {
    const inside = cueAt(stem, from, true);
    if (inside) return inside;
  }
  return undefined;
}

/** A word that starts with a cue of weight ≥ 1: an opinion, not a topic (광고 and 팝업 weigh less and stay themes). */
export function isCueWord(word: string): boolean {
  return Math.abs(cueAt(word)?.value ?? 0) >= 1;
}

const negatesAfter = (word: string) => /^(않|안\s?되|못하|못했|못해|못한|말)/.test(word);
const endsForNegation = (word: string) => /(지|진|지는|지도|지가|지를|지만은)$/.test(word);

export function koreanScore(text: string): number {
  const tokens = koreanTokens(text);
  const tally = new CueTally();
  let boost = 0;
  let negateNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const next = tokens[i + 1] ?? '';
    if (/^[.,!?;:~…]+$/.test(word)) {
      tally.closeClause();
      boost = 0;
      negateNext = false;
      continue;
    }
    if (KO_CONTRAST_WORDS.has(word)) {
      tally.contrast();
      continue;
    }
    // 너무 많아요: "too many", whatever 많다 says elsewhere.
    if (word.startsWith('많') && (tokens[i - 1] === '너무' || tokens[i - 1] === '넘')) {
      tally.add(NEGATED_NEUTRAL);
      boost = 0;
      continue;
    }
    if (word in KO_BOOSTERS) {
      boost = KO_BOOSTERS[word]!;
      continue;
    }
    if (KO_PRE_NEGATORS.has(word)) {
      tally.dropLastPositive();
      negateNext = true;
      continue;
    }
    if (/^[ㅠㅜ]+$/.test(word)) {
      tally.add(TEARS);
      continue;
    }
    // 잘 is praise on its own (잘 됐어요) and only an intensifier before a cue or a negation (잘 안 돼요).
    if (word === '잘') {
      if (KO_PRE_NEGATORS.has(next)) continue;
      if (cueOf(next)) boost = 0.3;
      else tally.add(1);
      continue;
    }
    if (word in KO_WHOLE_WORDS) {
      tally.add(KO_WHOLE_WORDS[word]! + Math.sign(KO_WHOLE_WORDS[word]!) * boost);
      boost = 0;
      continue;
    }
    let cue = cueOf(word);
    let value = cue?.value ?? 0;
    const hadTo = HAD_TO.test(word) && (word.endsWith('만') || HAD_TO_NEXT.test(next));
    if (!value && (TOO_MANY.test(word) || hadTo || ONLY_THEN.test(word))) value = COMPLAINT;
    // 안좋아요 written as one word: the negation is its first syllable.
    if (!cue && KO_PRE_NEGATORS.has(word[0]!) && word.length > 1) {
      cue = cueAt(word, 1);
      if (cue) {
        value = cue.value * NEGATED;
        cue = { ...cue, value };
      }
    }
    const rest = cue ? word.slice(cue.end) : word;
    if (/지\s?않|지\s?못/.test(rest) || (endsForNegation(word) && negatesAfter(next))) {
      value = value ? value * NEGATED : NEGATED_NEUTRAL;
      if (negatesAfter(next)) i++;
    } else if (value < 0 && (/^(이|가|은|는|도|함|함이|함은)?없/.test(rest) || next.startsWith('없'))) {
      // 문제없이, 오류 없이, 불편함 없이: the absence of a complaint is praise, as strong as the complaint.
      value = -value;
      if (next.startsWith('없')) i++;
    } else if (!cue && word.startsWith('없')) {
      // 불편한 점이 하나도 없었어요: 없다 turns the clause's complaint; with none, something wanted is missing.
      if (!tally.flipLastNegative()) value = ABSENT;
    }
    // 불편을 드려 (죄송합니다): an apology names the complaint without making one.
    if (value < 0 && /^(드려|드렸|드린|드립)/.test(next)) value = 0;
    if (KO_REMEDIES.test(word)) tally.dropClauseNegatives();
    if (negateNext) value = value ? value * NEGATED : NEGATED_NEUTRAL;
    if (value && boost) value += Math.sign(value) * boost;
    // 더 빨랐으면 좋겠어요: a wish, and the clause it closes is a condition.
    if (/면$/.test(word) && word.length > 1) {
      tally.add(value);
      tally.dropClause();
      if (next.startsWith('좋겠')) i++;
    } else tally.add(value);
    if (endsInContrast(word)) tally.contrast();
    boost = 0;
    negateNext = false;
  }
  return tally.score();
}
