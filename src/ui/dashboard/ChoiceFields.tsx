import type { MapChoice } from '../../core/journey-map/map-filter';
import { rangeIsReversed } from '../../core/journey-map/map-filter';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import { t } from '../../shared/i18n';
import { SessionSelect } from './SessionSelect';

interface Props {
  /** Prefix for element ids, unique per filter on the page. */
  idPrefix: string;
  choice: MapChoice;
  onChange: (choice: MapChoice) => void;
  personas: readonly Persona[];
  sessions: readonly Session[];
}

/** Whose walks a map shows: personas (ticked; none = everyone), one session or all, and a date range. */
export function ChoiceFields({ idPrefix, choice, onChange, personas, sessions }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const reversed = rangeIsReversed(choice);
  const togglePersona = (personaId: string, on: boolean) =>
    onChange({ ...choice, personaIds: on ? [...choice.personaIds, personaId] : choice.personaIds.filter((p) => p !== personaId) });
  return (
    <div class="choice-fields">
      <fieldset class="persona-choice">
        <legend>{t('dashboardPersonas')}</legend>
        {personas.length === 0 ? (
          <p class="hint">{t('dashboardNoPersonasWalked')}</p>
        ) : (
          <div class="checks">
            {personas.map((persona) => (
              <span class="check" key={persona.id}>
                <input
                  type="checkbox"
                  id={id(`persona-${persona.id}`)}
                  checked={choice.personaIds.includes(persona.id)}
                  onChange={(event) => togglePersona(persona.id, event.currentTarget.checked)}
                />
                <label for={id(`persona-${persona.id}`)}>{persona.name}</label>
              </span>
            ))}
          </div>
        )}
        <p class="hint">{t('dashboardPersonasHint')}</p>
      </fieldset>
      <div class="field session-choice">
        <label for={id('session')}>{t('dashboardSession')}</label>
        <SessionSelect
          id={id('session')}
          value={choice.sessionId ?? ''}
          noneLabel={t('dashboardAllSessions')}
          sessions={sessions}
          personas={personas}
          onChange={(sessionId) => onChange({ ...choice, sessionId: sessionId || null })}
        />
      </div>
      <div class="field date-choice">
        <label for={id('from')}>{t('dashboardFrom')}</label>
        <input type="date" id={id('from')} value={choice.from} max={choice.to || undefined} onChange={(event) => onChange({ ...choice, from: event.currentTarget.value })} />
      </div>
      <div class="field date-choice">
        <label for={id('to')}>{t('dashboardTo')}</label>
        <input
          type="date"
          id={id('to')}
          value={choice.to}
          min={choice.from || undefined}
          aria-invalid={reversed}
          aria-describedby={reversed ? id('range-error') : undefined}
          onChange={(event) => onChange({ ...choice, to: event.currentTarget.value })}
        />
      </div>
      {reversed && (
        <p class="field-error error" id={id('range-error')}>
          {t('dashboardRangeReversed')}
        </p>
      )}
    </div>
  );
}
