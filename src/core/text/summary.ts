import { sentimentOf, type Polarity, type Sentiment } from './sentiment';
import { themesOf, type TextItem, type Theme } from './themes';

/** What a group of texts (a stage's or a touchpoint's answers and notes) says: its sentiment mix and themes. */
export interface TextSummary {
  /** How many texts read negative, neutral and positive. */
  mix: Record<Polarity, number>;
  /** The mean sentiment score, null without texts. */
  mean: number | null;
  themes: Theme[];
  /** The sentiment of each text, by its id. */
  sentiments: Record<string, Sentiment>;
}

export const EMPTY_SUMMARY: TextSummary = { mix: { negative: 0, neutral: 0, positive: 0 }, mean: null, themes: [], sentiments: {} };

export function summarizeTexts(items: readonly TextItem[], options: { themes?: number } = {}): TextSummary {
  if (!items.length) return EMPTY_SUMMARY;
  const mix = { negative: 0, neutral: 0, positive: 0 };
  const sentiments: Record<string, Sentiment> = {};
  let sum = 0;
  for (const item of items) {
    const s = sentimentOf(item.text);
    sentiments[item.id] = s;
    mix[s.polarity]++;
    sum += s.score;
  }
  const limit = options.themes ?? 5;
  return { mix, mean: Math.round((sum / items.length) * 1000) / 1000, themes: limit ? themesOf(items, { limit }) : [], sentiments };
}
