import { sentimentOf, type Sentiment } from './sentiment';
import { themesOf, type TextItem } from './themes';
import { EMPTY_SUMMARY, type TextSummary, type Voice } from './voice';

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

/** A group's voice for a journey map (voice.ts): with the sentiment of the texts it shows (`shown`) only. */
export function voiceOf(items: readonly TextItem[], shown: ReadonlySet<string>): Voice {
  const { mix, mean, themes, sentiments } = summarizeTexts(items);
  return {
    mix,
    mean,
    themes: themes.map(({ ids: _texts, ...theme }) => theme),
    sentiments: Object.fromEntries(Object.entries(sentiments).filter(([id]) => shown.has(id))),
  };
}
