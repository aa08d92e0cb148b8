import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import { truncate } from '../../core/journey-map/svg-text';
import { dateTime } from './date-format';
import { t } from '../../shared/i18n';
import { OUTCOME_LABEL } from './labels';

/** "Minji · Buy a phone · 6 Jan 2025, 09:00 · goal reached": who, what for, when, how it ended. */
export function sessionLabel(session: Session, personas: ReadonlyMap<string, Persona>): string {
  const persona = session.personaId ? personas.get(session.personaId)?.name : null;
  const outcome = session.endedAt === null ? 'running' : (session.outcome ?? 'unknown');
  return [persona ?? t('dashboardNoPersona'), truncate(session.goal.trim() || t('dashboardNoGoal'), 48), dateTime(session.startedAt), t(OUTCOME_LABEL[outcome])].join(' · ');
}
