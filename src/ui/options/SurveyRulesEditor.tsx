import type { Stage } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { focusById, revealById } from './focus';
import { frictionFieldId, SURVEY_GAP } from './friction-fields';
import type { FieldIssue } from './issues';
import { moved } from './ItemActions';
import { newSurvey, SURVEY_FIELD, SURVEYS_HEADING_ID, type SurveyDraft } from './survey-fields';
import { SurveyRuleItem } from './SurveyRuleItem';

interface Props {
  surveys: SurveyDraft[];
  stages: readonly Stage[];
  goalStageId: string | null;
  issues: readonly FieldIssue[];
  onChange: (surveys: SurveyDraft[]) => void;
}

const ADD_ID = 'add-survey';
const GAP_ID = frictionFieldId(SURVEY_GAP);

/** The study's micro-surveys, in order: when several answer the same moment, the first one asks. */
export function SurveyRulesEditor({ surveys, stages, goalStageId, issues, onChange }: Props) {
  const add = () => {
    const survey = newSurvey(stages, goalStageId);
    onChange([...surveys, survey]);
    focusById(SURVEY_FIELD.instrument(survey.id));
  };
  const remove = (index: number) => {
    const rest = surveys.filter((_, i) => i !== index);
    onChange(rest);
    const neighbour = rest[index] ?? rest[index - 1];
    focusById(neighbour ? SURVEY_FIELD.instrument(neighbour.id) : ADD_ID);
  };

  return (
    <section class="editor-section" aria-labelledby={SURVEYS_HEADING_ID} data-testid="survey-rules">
      <h3 id={SURVEYS_HEADING_ID} tabIndex={-1}>
        {t('optionsSurveyHeading')}
      </h3>
      <p class="hint">
        {t('optionsSurveyIntro')}{' '}
        <a
          href={`#${GAP_ID}`}
          onClick={(event) => {
            event.preventDefault();
            revealById(GAP_ID);
          }}
        >
          {t('optionsSurveyPacingLink')}
        </a>
      </p>
      <p class="first-match">{t('optionsSurveyFirstMatch')}</p>
      {surveys.length === 0 ? (
        <p class="muted">{t('optionsSurveyNone')}</p>
      ) : (
        <ol class="plain items">
          {surveys.map((survey, i) => (
            <li key={survey.id}>
              <SurveyRuleItem
                survey={survey}
                index={i}
                count={surveys.length}
                stages={stages}
                goalStageId={goalStageId}
                issues={issues}
                onChange={(patch) => onChange(surveys.map((s) => (s.id === survey.id ? { ...s, ...patch } : s)))}
                onMove={(delta) => onChange(moved(surveys, i, delta))}
                onRemove={() => remove(i)}
              />
            </li>
          ))}
        </ol>
      )}
      <button type="button" id={ADD_ID} onClick={add}>
        {t('optionsSurveyAdd')}
      </button>
    </section>
  );
}
