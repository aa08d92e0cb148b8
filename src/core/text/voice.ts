import type { Polarity, Sentiment } from './sentiment';
import type { Theme } from './themes';

/*
 * What texts say, as data, apart from the analysis (summary.ts), whose lexicons are built as it loads: a page that
 * only shows a summary made in the worker (the journey map) loads none of that.
 */

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

/**
 * A group's summary as a journey map's reply carries it (core/journey-map/map-data.ts): the sentiment of only the
 * texts the map shows, and no theme's texts, which would grow with the study.
 */
export type Voice = Pick<TextSummary, 'mix' | 'mean' | 'sentiments'> & { themes: Omit<Theme, 'ids'>[] };
