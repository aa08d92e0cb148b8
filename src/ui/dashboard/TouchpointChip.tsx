import type { MapChip } from '../../core/journey-map/map-view';
import { t } from '../../shared/i18n';
import { healthText } from './health-text';
import { CHANNEL_LABEL, REASON_LABEL } from './labels';

interface Props {
  chip: MapChip;
  onOpen: () => void;
}

/** A touchpoint on the map: its name, and its health in words and colour; opens its evidence. */
export function TouchpointChip({ chip, onOpen }: Props) {
  const low = chip.lowConfidence && chip.score !== null;
  return (
    <button
      type="button"
      class={`chip band-${chip.band}${low ? ' low' : ''}${chip.kind === 'offsite' ? ' offsite' : ''}`}
      title={chip.reason ? t(REASON_LABEL[chip.reason]) : undefined}
      onClick={onOpen}
    >
      <span class="chip-name">
        {chip.kind === 'offsite' && chip.channel && <span class="chip-channel">{t(CHANNEL_LABEL[chip.channel])}: </span>}
        {chip.label}
      </span>
      {chip.pageKey !== null && chip.label !== chip.pageKey && (
        <span class="chip-pattern" title={t('dashboardTouchpointPattern', chip.pageKey)}>
          {chip.pageKey}
        </span>
      )}
      <span class="chip-health">{healthText(chip.score, chip.lowConfidence)}</span>
    </button>
  );
}
