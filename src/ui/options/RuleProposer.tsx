import { useEffect, useMemo, useState } from 'preact/hooks';
import { proposeRules, type RuleProposal } from '../../core/journey/rule-proposals';
import type { Persona } from '../../core/records/persona';
import type { Session } from '../../core/records/session';
import type { StageRule } from '../../core/records/stage-rule';
import type { Stage } from '../../core/records/study';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { sessionLabel } from '../dashboard/session-label';
import { t, tCount } from '../../shared/i18n';

interface Props {
  studyId: string;
  stages: readonly Stage[];
  /** The rules being edited: pages they tag now are not proposed again. */
  rules: readonly StageRule[];
  personas: readonly Persona[];
  /** Proposed rules as lines of `pattern → stage`, for the person to confirm in the rule lines. */
  onProposed: (lines: string) => void;
}

const FIELD_ID = 'propose-session';

/** How a proposal's stage is written in a line: its name when that names one stage, else its number. */
function stageWord(stageId: string | null, stages: readonly Stage[]): string {
  const index = Math.max(0, stages.findIndex((s) => s.id === stageId));
  const name = stages[index]?.name.trim() ?? '';
  const unique = name && stages.filter((s) => s.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase()).length === 1;
  return unique ? name : String(index + 1);
}

const proposalLines = (proposals: readonly RuleProposal[], stages: readonly Stage[]) =>
  proposals.map((p) => `${p.pattern} → ${stageWord(p.stageId, stages)}`).join('\n');

/** "Propose rules from this session": the pages a recorded walk left untagged, as rules with a stage to confirm. */
export function RuleProposer({ studyId, stages, rules, personas, onProposed }: Props) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [sessionId, setSessionId] = useState('');
  const [said, setSaid] = useState('');
  const { busy, error, run } = useAction();
  useEffect(() => {
    void run(async () => {
      const walks = await api({ type: 'ui.study.sessions', studyId });
      setSessions(walks);
      setSessionId(walks[0]?.id ?? '');
    });
  }, [studyId, run]);
  const byId = useMemo(() => new Map(personas.map((p) => [p.id, p])), [personas]);

  const propose = () =>
    run(async () => {
      const proposals = proposeRules(await api({ type: 'ui.session.visits', sessionId }), rules);
      if (proposals.length) onProposed(proposalLines(proposals, stages));
      setSaid(proposals.length ? tCount('optionsProposeDone', proposals.length, proposals.length) : t('optionsProposeNone'));
    });

  if (sessions?.length === 0) return <p class="hint">{t('optionsProposeNoWalks')}</p>;
  return (
    <div class="field rule-proposer">
      <label for={FIELD_ID}>{t('optionsProposeLabel')}</label>
      <div class="row">
        <select id={FIELD_ID} value={sessionId} disabled={!sessions} onChange={(e) => setSessionId(e.currentTarget.value)}>
          {(sessions ?? []).map((session) => (
            <option key={session.id} value={session.id}>
              {sessionLabel(session, byId)}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || !sessionId} onClick={() => void propose()}>
          {t('optionsProposeButton')}
        </button>
      </div>
      <p class="hint" role="status">
        {said}
      </p>
      <ErrorText message={error} />
    </div>
  );
}
