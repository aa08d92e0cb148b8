import { formatElapsed } from '../../shared/format';
import { t } from '../../shared/i18n';

/** When the gap between prompts lets the next survey be asked, counting down in m:ss; nothing before the first. */
export function NextPrompt({ at, now }: { at: number | null; now: number }) {
  if (at === null) return null;
  return (
    <p class="muted" data-testid="next-prompt">
      {at > now ? t('popupNextPromptIn', formatElapsed(at - now + 999)) : t('popupNextPromptNow')}
    </p>
  );
}
