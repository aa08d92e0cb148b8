import { CueTally } from './cue-tally';
import { stem } from './english-fold';
import { EN_BOOSTERS, EN_CONTRAST, EN_FUNCTION_VERBS, EN_NEGATORS, EN_PHRASES, EN_WORDS } from './lexicon-en';

const WORDS = new Map(Object.entries(EN_WORDS).map(([word, value]) => [stem(word), value]));
const PHRASES = EN_PHRASES.map(([phrase, value]) => ({ stems: phrase.split(' ').map(stem), value })).sort(
  (a, b) => b.stems.length - a.stems.length,
);
const FUNCTION_VERBS = new Set([...EN_FUNCTION_VERBS].map(stem));
const NEGATION_REACH = 3;
const NEGATED = -0.75;
const NEGATED_FUNCTION = -1.5;

/** Lower-case words (apostrophes dropped: "didn't" → "didnt") and clause punctuation. */
export function englishTokens(text: string): string[] {
  return (text.toLowerCase().replace(/[’‘`]/g, "'").match(/[a-z0-9]+(?:'[a-z]+)?|[.,!?;:()]/g) ?? []).map((t) =>
    t.replace(/'/g, ''),
  );
}

const isBreak = (token: string) => /^[.,!?;:()]$/.test(token);

export function englishScore(text: string): number {
  const tokens = englishTokens(text);
  const stems = tokens.map(stem);
  const tally = new CueTally();
  let clauseStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isBreak(token)) {
      tally.closeClause();
      clauseStart = i + 1;
      continue;
    }
    if (EN_CONTRAST.has(token)) {
      const next = tokens[i + 1];
      if (token === 'though' || token === 'although') {
        if (next !== undefined && !isBreak(next)) tally.concede();
      } else tally.contrast();
      clauseStart = i + 1;
      continue;
    }
    if (token === 'if') {
      tally.condition();
      continue;
    }
    const phrase = PHRASES.find((p) => p.stems.every((s, k) => stems[i + k] === s));
    let value = phrase ? phrase.value : (WORDS.get(stems[i]!) ?? 0);
    const negated = tokens.slice(Math.max(clauseStart, i - NEGATION_REACH), i).some((t) => EN_NEGATORS.has(t));
    if (!phrase && value === 0 && negated && FUNCTION_VERBS.has(stems[i]!)) value = NEGATED_FUNCTION;
    else if (value !== 0) {
      for (const back of [1, 2]) {
        const boost = i - back >= clauseStart ? EN_BOOSTERS[tokens[i - back]!] : undefined;
        if (boost) value += Math.sign(value) * boost;
      }
      if (negated) value *= NEGATED;
    }
    tally.add(value);
    if (phrase) i += phrase.stems.length - 1;
  }
  return tally.score();
}
