import { Fragment } from 'preact';
import type { Polarity, Sentiment } from '../../core/text/sentiment';
import type { Voice } from '../../core/text/voice';
import { t, type MessageKey } from '../../shared/i18n';

export const POLARITY_LABEL: Record<Polarity, MessageKey> = {
  negative: 'textSentimentNegative',
  neutral: 'textSentimentNeutral',
  positive: 'textSentimentPositive',
};

/** A text's sentiment as a word (colour only repeats it), with its score for those who hover. */
export function SentimentTag({ sentiment }: { sentiment: Sentiment | undefined }) {
  if (!sentiment) return null;
  return (
    <span class={`sentiment sentiment-${sentiment.polarity}`} data-testid="text-sentiment" title={sentiment.score.toFixed(2)}>
      {t(POLARITY_LABEL[sentiment.polarity])}
    </span>
  );
}

/** A stage's sentiment mix and recurring themes, above its quotes in "Thoughts & feelings". */
export function VoiceSummary({ voice }: { voice: Voice }) {
  if (!voice.themes.length && voice.mean === null) return null;
  const { negative, neutral, positive } = voice.mix;
  return (
    <span class="cell-item voice" data-testid="text-voice">
      <span class="voice-mix">{t('dashboardSentimentMix', negative, neutral, positive)}</span>
      {voice.themes.length > 0 && (
        <span class="voice-themes">
          <span class="muted">{t('dashboardThemes')}:</span>{' '}
          {voice.themes.map((theme, i) => (
            <Fragment key={theme.key}>
              {i > 0 && ', '}
              <span data-testid="text-theme" title={t('dashboardThemeTitle', theme.count)}>
                {theme.label} <span class="count">×{theme.count}</span>
              </span>
            </Fragment>
          ))}
        </span>
      )}
    </span>
  );
}
