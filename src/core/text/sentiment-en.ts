import { CueTally } from './cue-tally';
import { stem as stemWord } from './english-fold';
import { memo } from './memo';
import { EN_BOOSTERS, EN_CONTRAST, EN_FUNCTION_VERBS, EN_NEGATORS, EN_PHRASES, EN_REMEDIES, EN_UNNEGATED, EN_WORDS } from './lexicon-en';

const stem = memo(stemWord);

/**
 * Cue lookup: the word as written first, then by stem for entries that are base forms, so "crash" covers crashes
 * and crashed while "detailed" does not make "details" praise, nor "friendly" a "friend".
 */
const EXACT = new Map(Object.entries(EN_WORDS));
const BY_STEM = new Map(
  Object.entries(EN_WORDS)
    .filter(([word]) => word.length - stem(word).length <= 1 && word.startsWith(stem(word)))
    .map(([word, value]) => [stem(word), value]),
);
/** An adverb in -ly takes its adjective's weight (neatly, easily, badly). */
const adverbOf = (token: string) =>
  token.endsWith('ily') ? EXACT.get(`${token.slice(0, -3)}y`) : token.endsWith('ly') ? EXACT.get(token.slice(0, -2)) : undefined;
/** Phrases by their first stem, longest first. */
const PHRASES = new Map<string, Array<{ stems: string[]; value: number }>>();
for (const [phrase, value] of EN_PHRASES) {
  const stems = phrase.split(' ').map(stem);
  PHRASES.set(stems[0]!, [...(PHRASES.get(stems[0]!) ?? []), { stems, value }].sort((a, b) => b.stems.length - a.stems.length));
}
const FUNCTION_VERBS = new Set([...EN_FUNCTION_VERBS].map(stem));
const NEGATION_REACH = 3;
/** A negated complaint is praise as strong ("no hidden fees"); negated praise is a milder complaint ("not great"). */
const negate = (value: number) => (value < 0 ? -value : value * -0.75);
const NEGATED_FUNCTION = -1.5;
/** "kept asking", "keeps crashing": a repetition people complain about. */
const REPEATED = -1.5;

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
  let remedied = false;
  // A negated "work", "find", "load" is a complaint unless the negation turns a cue later in the clause
  // ("never gets in my way"): held until the clause ends.
  let heldFunction = 0;
  const closeClause = (next: number) => {
    tally.add(heldFunction);
    heldFunction = 0;
    remedied = false;
    clauseStart = next;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isBreak(token)) {
      closeClause(i + 1);
      tally.closeClause();
      continue;
    }
    if (EN_CONTRAST.has(token)) {
      const next = tokens[i + 1];
      closeClause(i + 1);
      if (token === 'though' || token === 'although') {
        if (next !== undefined && !isBreak(next)) tally.concede();
      } else tally.contrast();
      continue;
    }
    if (token in EN_UNNEGATED) {
      tally.add(EN_UNNEGATED[token]!);
      continue;
    }
    if (token === 'if') {
      tally.condition();
      continue;
    }
    const phrase = PHRASES.get(stems[i]!)?.find((p) => p.stems.every((s, k) => stems[i + k] === s));
    let value = phrase ? phrase.value : (EXACT.get(token) ?? BY_STEM.get(stems[i]!) ?? adverbOf(token) ?? 0);
    if (!phrase && /^keeps?$|^kept$/.test(token) && tokens[i + 1]?.endsWith('ing')) value = REPEATED;
    let negated = false;
    for (let k = Math.max(clauseStart, i - NEGATION_REACH); k < i; k++) negated ||= EN_NEGATORS.has(tokens[k]!);
    if (!phrase && value === 0 && negated && FUNCTION_VERBS.has(stems[i]!)) heldFunction = NEGATED_FUNCTION;
    else if (value !== 0) {
      for (const back of [1, 2]) {
        const boost = i - back >= clauseStart ? EN_BOOSTERS[tokens[i - back]!] : undefined;
        if (boost) value += Math.sign(value) * boost;
      }
      if (negated) {
        value = negate(value);
        heldFunction = 0;
      }
    }
    if (EN_REMEDIES.has(token)) {
      tally.dropClauseNegatives();
      remedied = true;
    }
    if (!(remedied && value < 0)) tally.add(value);
    if (phrase) i += phrase.stems.length - 1;
  }
  tally.add(heldFunction);
  return tally.score();
}
