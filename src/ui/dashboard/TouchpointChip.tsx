import { CHANNEL_ICON, chipChannel } from '../../core/journey-map/map-icons';
import type { MapChip } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import { HealthMark } from './HealthMark';
import { CHANNEL_LABEL, REASON_LABEL } from './labels';
import { LineIcon } from './LineIcon';

interface Props {
  chip: MapChip;
  onOpen: () => void;
}

/**
 * A touchpoint card: where it happens (an icon: a web page, or the off-site channel), the name people read with its
 * URL pattern in small type, and its health as a band of colour down the left edge with the score in words.
 * Opens its evidence.
 */
export function TouchpointChip({ chip, onOpen }: Props) {
  const channel = chipChannel(chip);
  return (
    <button type="button" class={`chip band-${chip.band}${chip.kind === 'offsite' ? ' offsite' : ''}`} title={chip.reason ? t(REASON_LABEL[chip.reason]) : undefined} onClick={onOpen}>
      <span class="chip-icon">
        <LineIcon d={CHANNEL_ICON[channel]} />
      </span>
      <span class="chip-body">
        <span class="chip-name">{chip.label}</span>
        {chip.pageKey !== null && chip.label !== chip.pageKey && (
          <span class="chip-pattern" title={t('dashboardTouchpointPattern', chip.pageKey)}>
            {chip.pageKey}
          </span>
        )}
        {chip.kind === 'offsite' && <span class="chip-pattern chip-channel">{t(CHANNEL_LABEL[chip.channel ?? 'other'])}</span>}
        <span class="chip-health">
          <HealthMark score={chip.score} band={chip.band} lowConfidence={chip.lowConfidence} />
        </span>
      </span>
    </button>
  );
}
