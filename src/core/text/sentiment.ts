import { hasHangul } from './hangul';
import { memo, TEXTS_REMEMBERED } from './memo';
import { englishScore } from './sentiment-en';
import { koreanScore } from './sentiment-ko';

/**
 * Sentiment of one open-text answer or note, on the device, from the lexicons in this folder (docs/sentiment.md).
 * Pure and synchronous: about a microsecond per short answer, so the map computes it when it is drawn.
 */
export type TextLanguage = 'en' | 'ko';
export type Polarity = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  language: TextLanguage;
  polarity: Polarity;
  /** −1 (most negative) … 1 (most positive); 0 when no cue was found. */
  score: number;
}

/** |score| below this is neutral: a lone "okay" or "fine" (0.5 → 0.13) stays neutral, one "good" (2 → 0.46) does not. */
export const POLAR_AT = 0.2;

/** Korean when the text has any Hangul syllable: answers mix in Latin brand names, never the other way round. */
export function detectLanguage(text: string): TextLanguage {
  return hasHangul(text) ? 'ko' : 'en';
}

/**
 * A text's sentiment. Remembered by text: the worker sums up the same answers again for every map after a write,
 * and a map's column names its quotes' sentiment each time.
 */
export const sentimentOf = memo(function sentimentOfText(text: string): Sentiment {
  const language = detectLanguage(text);
  const raw = language === 'ko' ? koreanScore(text) : englishScore(text);
  const score = Math.round(raw * 1000) / 1000;
  const polarity: Polarity = score >= POLAR_AT ? 'positive' : score <= -POLAR_AT ? 'negative' : 'neutral';
  return { language, polarity, score };
}, TEXTS_REMEMBERED);
