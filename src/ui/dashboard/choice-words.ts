import type { MapChoice } from '../../core/journey-map/map-filter';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import { dateTime } from './date-format';
import { t } from '../../shared/i18n';

/** A side's choice in a few words for its column head: "Minji", "Joon, 6 Jan 2025", "Everyone, 1 Mar – 8 Mar". */
export function describeChoice(choice: MapChoice, personas: readonly Persona[], sessions: readonly Session[]): string {
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const parts: string[] = [];
  const session = choice.sessionId ? sessions.find((s) => s.id === choice.sessionId) : undefined;
  if (session) {
    parts.push(`${(session.personaId && names.get(session.personaId)) || t('dashboardNoPersona')}, ${dateTime(session.startedAt)}`);
  } else {
    const picked = choice.personaIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
    parts.push(picked.length ? picked.join(', ') : t('dashboardEveryone'));
  }
  if (choice.from || choice.to) parts.push(`${choice.from || '…'} – ${choice.to || '…'}`);
  return parts.join(' · ');
}
