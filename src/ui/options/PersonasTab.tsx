import { useState } from 'preact/hooks';
import type { Persona } from '../../core/records/persona';
import { api } from '../api';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { focusById } from './focus';
import type { TabProps } from './tab-props';
import { PersonaEditor } from './PersonaEditor';
import { PersonaList } from './PersonaList';

type Mode = { kind: 'list' } | { kind: 'edit'; persona: Persona | null };

const HEADING_ID = 'personas-heading';

/** Who the site is walked as: the list, and the editor in its place while editing. */
export function PersonasTab({ overview, reload, announce }: TabProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [deleting, setDeleting] = useState<Persona | null>(null);
  const removal = useAction();

  const showList = () => {
    setMode({ kind: 'list' });
    focusById(HEADING_ID);
  };
  const edit = (persona: Persona | null) => {
    announce('');
    setMode({ kind: 'edit', persona });
  };
  const confirmDelete = (persona: Persona) =>
    removal.run(async () => {
      await api({ type: 'ui.persona.delete', personaId: persona.id });
      setDeleting(null);
      await reload();
      announce(t('optionsPersonaDeleted', persona.name));
      focusById(HEADING_ID);
    });

  if (mode.kind === 'edit') {
    return (
      <PersonaEditor
        persona={mode.persona}
        onSaved={async (saved) => {
          await reload();
          announce(t('optionsPersonaSaved', saved.name));
          showList();
        }}
        onCancel={showList}
      />
    );
  }

  return (
    <>
      <div class="section-head">
        <h2 id={HEADING_ID} tabIndex={-1}>
          {t('optionsPersonasHeading')}
        </h2>
        <button type="button" class="primary" onClick={() => edit(null)}>
          {t('optionsNewPersona')}
        </button>
      </div>
      <p class="hint">{t('optionsPersonasIntro')}</p>
      {overview.personas.length === 0 ? (
        <p class="panel muted">{t('optionsNoPersonas')}</p>
      ) : (
        <PersonaList
          personas={overview.personas}
          onEdit={edit}
          onDelete={(persona) => {
            removal.setError(null);
            setDeleting(persona);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('optionsDeletePersonaTitle', deleting.name)}
          confirmLabel={t('optionsDeletePersonaConfirm')}
          busy={removal.busy}
          error={removal.error}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('optionsDeletePersonaBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
