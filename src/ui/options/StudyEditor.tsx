import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Persona } from '../../core/records/persona';
import type { Study } from '../../core/records/study';
import { browser } from '../../platform/browser';
import { api } from '../api';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { EditorFooter } from './EditorFooter';
import { FieldError, invalidProps } from './FieldError';
import { focusById } from './focus';
import { FrictionSettings } from './FrictionSettings';
import { JourneyPresetPicker } from './JourneyPresetPicker';
import { toLines } from './lines';
import { originsToRequest } from './permissions';
import { RuleListEditor } from './RuleListEditor';
import { ScopeField } from './ScopeField';
import { StageListEditor, type JourneyPatch } from './StageListEditor';
import { SurveyRulesEditor } from './SurveyRulesEditor';
import { draftFromStudy, newDraft, sameDraft, stageLabel, stagesFor, type JourneyStart, type StudyDraft } from './study-draft';
import { FIELD, validateDraft } from './study-validation';
import { testUrl } from './url-test';
import { UrlTester } from './UrlTester';

interface Props {
  /** The study to edit, or null for a new one. */
  study: Study | null;
  /** To name the walks that can propose rules. */
  personas: readonly Persona[];
  onSaved: (study: Study) => Promise<void>;
  onCancel: () => void;
}

const SUMMARY_ID = 'study-issues';

export function StudyEditor({ study, personas, onSaved, onCancel }: Props) {
  const [initial] = useState<StudyDraft>(() => (study ? draftFromStudy(study) : newDraft(Date.now())));
  const [draft, setDraft] = useState(initial);
  const [start, setStart] = useState<JourneyStart>('classic');
  const [attempted, setAttempted] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [testInput, setTestInput] = useState({ url: '', title: '' });
  const { busy, error, run } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const validation = useMemo(() => validateDraft(draft, Date.now()), [draft]);
  const issues = attempted ? validation.issues : [];
  const test = useMemo(() => testUrl(draft.rules, toLines(draft.scopeText), testInput.url, testInput.title), [draft.rules, draft.scopeText, testInput]);
  const update = (patch: Partial<StudyDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const chooseStart = (next: JourneyStart) => {
    setStart(next);
    const stages = stagesFor(next, draft.stages);
    update({ stages, goalStageId: stages.some((s) => s.id === draft.goalStageId) ? draft.goalStageId : null });
  };

  const save = (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    const valid = validation.study;
    if (!valid) {
      focusById(SUMMARY_ID);
      return;
    }
    const origins = originsToRequest(valid.scope);
    // No await before this: the browser shows the permission prompt only while the click's user gesture lasts.
    const granted = origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true);
    void run(async () => {
      if (!(await granted)) throw new Error(t('optionsPermissionDeclined', origins.join(', ')));
      await onSaved(await api({ type: 'ui.study.save', study: valid }));
    });
  };

  const cancel = () => (sameDraft(draft, initial) ? onCancel() : setDiscarding(true));

  return (
    <form class="editor" noValidate onSubmit={save} aria-labelledby="study-editor-heading">
      <h2 id="study-editor-heading" ref={heading} tabIndex={-1}>
        {study ? t('optionsEditStudyHeading', study.name) : t('optionsNewStudyHeading')}
      </h2>

      <section class="editor-section" aria-labelledby="study-about-heading">
        <h3 id="study-about-heading">{t('optionsAboutHeading')}</h3>
        <div class="field">
          <label for={FIELD.name}>{t('optionsStudyNameLabel')}</label>
          <input
            id={FIELD.name}
            type="text"
            autocomplete="off"
            value={draft.name}
            placeholder={t('optionsStudyNamePlaceholder')}
            onInput={(e) => update({ name: e.currentTarget.value })}
            {...invalidProps(FIELD.name, issues)}
          />
          <FieldError fieldId={FIELD.name} issues={issues} />
        </div>
        <ScopeField text={draft.scopeText} issues={issues} onChange={(scopeText) => update({ scopeText })} />
      </section>

      <section class="editor-section" aria-labelledby={FIELD.stages}>
        <h3 id={FIELD.stages} tabIndex={-1}>
          {t('optionsJourneyHeading')}
        </h3>
        <p class="hint">{t('optionsJourneyIntro')}</p>
        {!study && <JourneyPresetPicker value={start} onChange={chooseStart} />}
        <StageListEditor
          stages={draft.stages}
          rules={draft.rules}
          surveys={draft.surveys}
          goalStageId={draft.goalStageId}
          issues={issues}
          onChange={(patch: JourneyPatch) => update(patch)}
        />
        <div class="field goal-stage">
          <label for={FIELD.goal}>{t('optionsGoalStageLabel')}</label>
          <select
            id={FIELD.goal}
            value={draft.goalStageId ?? ''}
            aria-describedby="goal-stage-hint"
            onChange={(e) => update({ goalStageId: e.currentTarget.value || null })}
          >
            <option value="">{t('optionsGoalStageNone')}</option>
            {draft.stages.map((stage, i) => (
              <option key={stage.id} value={stage.id}>
                {stageLabel(stage, i + 1)}
              </option>
            ))}
          </select>
          <p id="goal-stage-hint" class="hint">
            {t('optionsGoalStageHint')}
          </p>
          <FieldError fieldId={FIELD.goal} issues={issues} />
        </div>
      </section>

      <section class="editor-section" aria-labelledby={FIELD.rules}>
        <h3 id={FIELD.rules} tabIndex={-1}>
          {t('optionsRulesHeading')}
        </h3>
        <p class="first-match">{t('optionsRulesIntro')}</p>
        <UrlTester
          url={testInput.url}
          title={testInput.title}
          result={test}
          stages={draft.stages}
          onUrl={(url) => setTestInput((current) => ({ ...current, url }))}
          onTitle={(title) => setTestInput((current) => ({ ...current, title }))}
        />
        <RuleListEditor
          rules={draft.rules}
          stages={draft.stages}
          issues={issues}
          matchedRuleId={test.kind === 'result' ? test.match.ruleId : null}
          studyId={study?.id ?? null}
          personas={personas}
          onChange={(rules) => update({ rules })}
        />
      </section>

      <SurveyRulesEditor
        surveys={draft.surveys}
        stages={draft.stages}
        goalStageId={draft.goalStageId}
        issues={issues}
        onChange={(surveys) => update({ surveys })}
      />

      <FrictionSettings value={draft.friction} issues={issues} onChange={(friction) => update({ friction })} />

      <EditorFooter
        summaryId={SUMMARY_ID}
        issues={issues}
        error={error}
        busy={busy}
        saveLabel={'optionsSaveStudy'}
        discarding={discarding}
        discardBody={'optionsDiscardBody'}
        onCancel={cancel}
        onDiscard={onCancel}
        onKeepEditing={() => setDiscarding(false)}
      />
    </form>
  );
}
