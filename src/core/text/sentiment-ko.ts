import { CueTally } from './cue-tally';
import { predicateForms, stripParticle } from './korean-fold';
import { KO_BOOSTERS, KO_CONTRAST_ENDINGS, KO_CONTRAST_WORDS, KO_PRE_NEGATORS, KO_WORDS } from './lexicon-ko';

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

/** Words (Hangul, Latin, digits, the jamo of ㅠㅠ) and clause punctuation. */
export function koreanTokens(text: string): string[] {
  return text.match(/[가-힣ㄱ-ㅣA-Za-z0-9]+|[.,!?;:~…]+/g) ?? [];
}

/** The cue a word starts with (longest form first), and where its form ends. */
function cueAt(word: string, from = 0, nounOnly = false): { value: number; end: number } | undefined {
  for (let len = Math.min(LONGEST, word.length - from); len > 0; len--) {
    const cue = FORMS.get(word.slice(from, from + len));
    if (cue && (!nounOnly || (cue.noun && len >= 2))) return { value: cue.value, end: from + len };
  }
  return undefined;
}

/** A word's cue: at its start (느려요, 불편했어요), or a noun cue inside a compound (결제오류가, 배송지연). */
function cueOf(word: string): { value: number; end: number } | undefined {
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
    let cue = cueOf(word);
    let value = cue?.value ?? 0;
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
    } else if (!cue && word.startsWith('없')) value = ABSENT;
    if (negateNext) value = value ? value * NEGATED : NEGATED_NEUTRAL;
    if (value && boost) value += Math.sign(value) * boost;
    // 더 빨랐으면 좋겠어요: a wish, and the clause it closes is a condition.
    if (/면$/.test(word) && word.length > 1) {
      tally.add(value);
      tally.dropClause();
      if (next.startsWith('좋겠')) i++;
    } else tally.add(value);
    if (KO_CONTRAST_ENDINGS.some((ending) => word.endsWith(ending))) tally.contrast();
    boost = 0;
    negateNext = false;
  }
  return tally.score();
}
