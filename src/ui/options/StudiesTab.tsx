import { useState } from 'preact/hooks';
import { demoPersona, demoStudy, demoSurveys } from '../../core/journey/demo-study';
import type { Study } from '../../core/records/study';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { focusById } from './focus';
import type { TabProps } from './tab-props';
import { StudyEditor } from './StudyEditor';
import { StudyList } from './StudyList';
import { download } from '../download';
import { exportFileName } from '../../core/exchange/file-names';
import { WelcomePanel } from './WelcomePanel';
import { ImportPanel } from '../dashboard/ImportPanel';

type Mode = { kind: 'list' } | { kind: 'edit'; study: Study | null };

const HEADING_ID = 'studies-heading';

const DEMO_GOALS = ['optionsDemoGoalAwareness', 'optionsDemoGoalConsideration', 'optionsDemoGoalPurchase', 'optionsDemoGoalRetention', 'optionsDemoGoalAdvocacy'] as const;

/** The studies section: the list (or the first-run welcome), and the editor in its place while editing. */
export function StudiesTab({ overview, reload, announce, showMap }: TabProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [deleting, setDeleting] = useState<Study | null>(null);
  const demo = useAction();
  const removal = useAction();
  const exporting = useAction();

  const showList = () => {
    setMode({ kind: 'list' });
    focusById(HEADING_ID);
  };
  const edit = (study: Study | null) => {
    announce('');
    setMode({ kind: 'edit', study });
  };

  const createDemo = () =>
    demo.run(async () => {
      const base = demoStudy({ name: t('optionsDemoStudyName'), stageName: (key) => t(key), goals: DEMO_GOALS.map((key) => t(key)) }, Date.now());
      const saved = await api({ type: 'ui.study.save', study: { ...base, surveys: demoSurveys(base) } });
      const persona = demoPersona(
        { name: t('optionsDemoPersonaName'), job: t('optionsDemoPersonaJob'), description: t('optionsDemoPersonaDescription'), goal: t('optionsDemoPersonaGoal') },
        Date.now(),
      );
      if (!overview.personas.some((p) => p.name === persona.name)) await api({ type: 'ui.persona.save', persona });
      await reload();
      announce(t('optionsDemoCreated', saved.name));
      focusById(HEADING_ID);
    });

  const confirmDelete = (study: Study) =>
    removal.run(async () => {
      await api({ type: 'ui.study.delete', studyId: study.id });
      setDeleting(null);
      await reload();
      announce(t('optionsStudyDeleted', study.name));
      focusById(HEADING_ID);
    });

  const exportStudy = (study: Study) =>
    exporting.run(async () => {
      const file = await api({ type: 'ui.study.export', studyId: study.id });
      download(exportFileName(study.name, file.exportedAt), JSON.stringify(file, null, 2));
      announce(t('optionsStudyExported', study.name));
    });

  if (mode.kind === 'edit') {
    return (
      <StudyEditor
        study={mode.study}
        personas={overview.personas}
        onSaved={async (saved) => {
          await reload();
          announce(t('optionsStudySaved', saved.name));
          showList();
        }}
        onCancel={showList}
      />
    );
  }

  const recordingId = overview.active?.session.studyId ?? null;
  return (
    <>
      <div class="section-head">
        <h2 id={HEADING_ID} tabIndex={-1}>
          {t('optionsStudiesHeading')}
        </h2>
        {overview.studies.length > 0 && (
          <button type="button" class="primary" onClick={() => edit(null)}>
            {t('optionsNewStudy')}
          </button>
        )}
      </div>
      {overview.studies.length === 0 ? (
        <WelcomePanel busy={demo.busy} onCreateDemo={() => void createDemo()} onNewStudy={() => edit(null)} />
      ) : (
        <StudyList
          studies={overview.studies}
          recordingId={recordingId}
          onEdit={edit}
          onExport={(study) => void exportStudy(study)}
          onDelete={(study) => {
            removal.setError(null);
            setDeleting(study);
          }}
        />
      )}
      <ErrorText message={demo.error ?? exporting.error} />
      <ImportPanel
        onImported={async (_studyId, studyName) => {
          await reload();
          announce(t('dashboardImported', studyName));
        }}
        onOpenMap={showMap}
      />
      {deleting && (
        <ConfirmDialog
          title={t('optionsDeleteStudyTitle', deleting.name)}
          confirmLabel={t('optionsDeleteStudyConfirm')}
          busy={removal.busy}
          error={removal.error}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('optionsDeleteStudyBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
