import { stem } from './english-fold';
import { stripParticle, stripVerbalNoun } from './korean-fold';
import { EN_BOOSTERS, EN_NEGATORS, EN_WORDS } from './lexicon-en';
import { KO_BOOSTERS } from './lexicon-ko';
import { detectLanguage } from './sentiment';
import { englishTokens } from './sentiment-en';
import { isCueWord, koreanTokens } from './sentiment-ko';
import { memo, TEXTS_REMEMBERED } from './memo';
import { EN_STOP, KO_STOP } from './stop-words';

/** One word of a text that can be (part of) a theme: its folded key and the form written; null breaks a phrase. */
export type Term = { key: string; surface: string } | null;

const EN_CUES = new Set(Object.keys(EN_WORDS).map(stem));

function englishTerm(token: string): Term {
  if (!/^[a-z][a-z-]{2,}$/.test(token) || EN_STOP.has(token) || EN_NEGATORS.has(token) || token in EN_BOOSTERS) return null;
  const key = stem(token);
  return EN_CUES.has(key) ? null : { key, surface: token };
}

/** Endings that mark a bare Korean word as a predicate, not a noun (느려요, 찾는데, 새로운). */
const PREDICATE_END = /(요|다|죠|네|지만|는데|은데|니까|어서|아서|해서|면서|려고|고|게|서|며|던|운|는|된|야|어|아)$/;

function koreanTerm(word: string): Term {
  if (!/[가-힣]/.test(word) || KO_STOP.has(word) || word in KO_BOOSTERS) return null;
  const noun = stripParticle(word);
  const verbal = stripVerbalNoun(noun ?? word);
  const key = verbal ?? noun ?? word;
  const bare = noun === undefined && verbal === undefined;
  if (KO_STOP.has(key) || /(하|되)$/.test(key) || isCueWord(key) || isCueWord(word)) return null;
  if (bare && ([...key].length < 2 || PREDICATE_END.test(key))) return null;
  return { key, surface: key };
}

const koreanTermOf = memo(koreanTerm);
const englishTermOf = memo(englishTerm);

/** The words of a text as theme terms, in order, with breaks at punctuation and at every non-term (remembered by text, as sentimentOf). */
export const themeTerms = memo(function themeTermsOf(text: string): Term[] {
  if (detectLanguage(text) === 'ko') return koreanTokens(text).map(koreanTermOf);
  return englishTokens(text).map(englishTermOf);
}, TEXTS_REMEMBERED);
