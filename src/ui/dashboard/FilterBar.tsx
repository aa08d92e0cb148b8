import { useMemo } from 'preact/hooks';
import type { MapChoice } from '../../core/journey-map/map-filter';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import type { Study } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { byName } from '../by-name';
import { ChoiceFields } from './ChoiceFields';

export interface FilterSide {
  /** "A" / "B" when comparing; none for the single map. */
  name: string | null;
  choice: MapChoice;
  onChange: (choice: MapChoice) => void;
}

interface Props {
  studies: readonly Study[];
  studyId: string;
  onStudy: (studyId: string) => void;
  personas: readonly Persona[];
  sessions: readonly Session[];
  sides: readonly FilterSide[];
}

/** Which study, and whose walks: one set of choices for the map, or one per side when comparing. */
export function FilterBar({ studies, studyId, onStudy, personas, sessions, sides }: Props) {
  const sorted = useMemo(() => byName(studies), [studies]);
  return (
    <div class="filter-bar panel" role="group" aria-label={t('dashboardFilterLabel')}>
      <div class="field study-choice">
        <label for="map-study">{t('dashboardStudy')}</label>
        <select id="map-study" value={studyId} onChange={(event) => onStudy(event.currentTarget.value)}>
          {sorted.map((study) => (
            <option key={study.id} value={study.id}>
              {study.name}
            </option>
          ))}
        </select>
      </div>
      <div class={sides.length > 1 ? 'filter-sides compare' : 'filter-sides'}>
        {sides.map((side, i) =>
          side.name ? (
            <fieldset key={i} class={`filter-side side-${i}`}>
              <legend>{t('dashboardSideLegend', side.name)}</legend>
              <ChoiceFields idPrefix={`map-${i}`} choice={side.choice} onChange={side.onChange} personas={personas} sessions={sessions} />
            </fieldset>
          ) : (
            <ChoiceFields key={i} idPrefix={`map-${i}`} choice={side.choice} onChange={side.onChange} personas={personas} sessions={sessions} />
          ),
        )}
      </div>
    </div>
  );
}
