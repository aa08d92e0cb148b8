import { JOURNEY_PRESETS } from '../../core/journey/presets';
import { t, type MessageKey } from '../../shared/i18n';
import type { JourneyStart } from './study-draft';

interface Props {
  value: JourneyStart;
  onChange: (start: JourneyStart) => void;
}

const arrowed = (keys: readonly MessageKey[]) => keys.map((key) => t(key)).join(' → ');

/** For a new study only: which journey to start from. */
export function JourneyPresetPicker({ value, onChange }: Props) {
  const options: { id: JourneyStart; label: string }[] = [
    { id: 'classic', label: t('optionsPresetClassic', arrowed(JOURNEY_PRESETS.classic)) },
    { id: 'fiveAs', label: t('optionsPresetFiveAs', arrowed(JOURNEY_PRESETS.fiveAs)) },
    { id: 'custom', label: t('optionsPresetCustom') },
  ];
  return (
    <fieldset class="presets">
      <legend>{t('optionsPresetLegend')}</legend>
      {options.map((option) => (
        <div class="check" key={option.id}>
          <input
            type="radio"
            name="journey-start"
            id={`preset-${option.id}`}
            checked={value === option.id}
            onChange={() => onChange(option.id)}
          />
          <label for={`preset-${option.id}`}>{option.label}</label>
        </div>
      ))}
      <p class="hint">{t('optionsPresetHint')}</p>
    </fieldset>
  );
}
