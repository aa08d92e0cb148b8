import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import { sessionLabel } from './session-label';

interface Props {
  id: string;
  /** The chosen session's id; '' for none. */
  value: string;
  /** The first option, for no session in particular. */
  noneLabel: string;
  sessions: readonly Session[];
  personas: readonly Persona[];
  onChange: (sessionId: string) => void;
}

/**
 * One walk of a study's hundreds. The list of them (a label and a date each) is built once the page is idle or as
 * soon as the field is reached, by pointer or keyboard, whichever comes first: with 400 walks it was a fifth of the
 * journey map's first frame, which needs only the chosen one. Its field is sized by its column, not by its longest
 * label (`.session-choice`, dashboard.css), so no layout measures hundreds of labels.
 */
export function SessionSelect({ id, value, noneLabel, sessions, personas, onChange }: Props) {
  const [listed, list] = useState(false);
  useEffect(() => {
    if (listed) return;
    const idle = requestIdleCallback(() => list(true), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [listed]);
  const shown = useMemo(() => (listed ? sessions : sessions.filter((s) => s.id === value)), [listed, sessions, value]);
  const options = useMemo(() => {
    const byId = new Map(personas.map((p) => [p.id, p]));
    return shown.map((session) => (
      <option key={session.id} value={session.id}>
        {sessionLabel(session, byId)}
      </option>
    ));
  }, [shown, personas]);
  return (
    <select id={id} value={value} onFocus={() => list(true)} onPointerDown={() => list(true)} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{noneLabel}</option>
      {options}
    </select>
  );
}
