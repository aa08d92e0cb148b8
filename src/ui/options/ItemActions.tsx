import { t } from '../../shared/i18n';
import { focusById } from './focus';

interface Props {
  /** Unique per item; the buttons' ids derive from it so focus can follow the item when it moves. */
  idPrefix: string;
  /** Which item, for screen readers ("Stage 2"). */
  context: string;
  index: number;
  count: number;
  removeDisabled?: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** Move up / Move down / Remove for one item of an ordered list. */
export function ItemActions({ idPrefix, context, index, count, removeDisabled = false, onMove, onRemove }: Props) {
  const up = `${idPrefix}-up`;
  const down = `${idPrefix}-down`;
  const move = (delta: -1 | 1) => {
    onMove(delta);
    // Keep the focus on the button just pressed, or its twin once the item reached an end of the list.
    focusById(delta < 0 ? up : down, delta < 0 ? down : up);
  };
  const hidden = <span class="visually-hidden"> ({context})</span>;
  return (
    <div class="actions item-actions">
      <button type="button" id={up} disabled={index === 0} onClick={() => move(-1)}>
        {t('optionsMoveUp')}
        {hidden}
      </button>
      <button type="button" id={down} disabled={index === count - 1} onClick={() => move(1)}>
        {t('optionsMoveDown')}
        {hidden}
      </button>
      <button type="button" id={`${idPrefix}-remove`} class="danger" disabled={removeDisabled} onClick={onRemove}>
        {t('optionsRemove')}
        {hidden}
      </button>
    </div>
  );
}

export function moved<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const next = [...items];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
