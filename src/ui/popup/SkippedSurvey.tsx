import type { PromptSkip } from '../../core/surveys/prompt-skip';
import { t, type MessageKey } from '../../shared/i18n';

const REASON: Record<PromptSkip['reason'], MessageKey> = {
  prompt_open: 'popupSkipPromptOpen',
  gap: 'popupSkipGap',
  same_touchpoint: 'popupSkipSameTouchpoint',
  already_asked: 'popupSkipAlreadyAsked',
};

/** Why the last survey that was due was not asked: a skip is data the researcher sees, not silence. */
export function SkippedSurvey({ skips }: { skips: readonly PromptSkip[] }) {
  const last = skips.at(-1);
  if (!last) return null;
  return (
    <p class="muted" data-testid="prompt-skip">
      {t('popupSkipped', t(REASON[last.reason]))}
    </p>
  );
}
