import { useMemo } from 'preact/hooks';
import type { MapChoice } from '../../core/journey-map/map-filter';
import { rangeIsReversed } from '../../core/journey-map/map-filter';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import { t } from '../../shared/i18n';

interface Props {
  /** Prefix for element ids, unique per filter on the page. */
  idPrefix: string;
  choice: MapChoice;
  onChange: (choice: MapChoice) => void;
  personas: readonly Persona[];
  sessions: readonly Session[];
  sessionLabels: ReadonlyMap<string, string>;
}

/** Whose walks a map shows: personas (ticked; none = everyone), one session or all, and a date range. */
export function ChoiceFields({ idPrefix, choice, onChange, personas, sessions, sessionLabels }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const reversed = rangeIsReversed(choice);
  // A long study has hundreds of sessions: their options are built once, not on every keystroke elsewhere.
  const sessionOptions = useMemo(
    () =>
      sessions.map((session) => (
        <option key={session.id} value={session.id}>
          {sessionLabels.get(session.id)}
        </option>
      )),
    [sessions, sessionLabels],
  );
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
        <select id={id('session')} value={choice.sessionId ?? ''} onChange={(event) => onChange({ ...choice, sessionId: event.currentTarget.value || null })}>
          <option value="">{t('dashboardAllSessions')}</option>
          {sessionOptions}
        </select>
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
