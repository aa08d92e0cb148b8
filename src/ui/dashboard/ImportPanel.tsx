import { useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../../core/replies';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { focusById } from '../options/focus';
import { ImportErrors } from './ImportErrors';
import { ImportPreviewView } from './ImportPreviewView';

interface Props {
  /** After a successful import: reload what the page shows. */
  onImported: (studyId: string, studyName: string) => Promise<void>;
  /** Opens the imported study's journey map. */
  onOpenMap: (studyId: string) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'preview'; text: string; fileName: string; preview: ImportPreview }
  | { kind: 'done'; studyId: string; studyName: string; added: number; replaced: number };

/** The size the background accepts (src/core/messages.ts). */
const MAX_BYTES = 50_000_000;

/**
 * Import a study file: choose it, see what it would add, keep and replace (or exactly what is wrong, by place in the
 * file), then apply it whole or not at all.
 */
export function ImportPanel({ onImported, onOpenMap }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();

  const reset = () => {
    setState({ kind: 'idle' });
    action.setError(null);
    if (input.current) input.current.value = '';
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    void action.run(async () => {
      if (file.size > MAX_BYTES) throw new Error(t('dashboardImportTooLarge'));
      const text = await file.text();
      const preview = await api({ type: 'ui.import.preview', text });
      setState({ kind: 'preview', text, fileName: file.name, preview });
      focusById('import-result');
    });
  };

  const apply = (text: string) =>
    void action.run(async () => {
      const result = await api({ type: 'ui.import.apply', text });
      if (!result.ok) {
        setState((s) => (s.kind === 'preview' ? { ...s, preview: result } : s));
        return;
      }
      const { plan } = result;
      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      const done = { kind: 'done' as const, studyId: plan.study.study.id, studyName: plan.study.study.name, added: sum(plan.add), replaced: sum(plan.replace) };
      if (input.current) input.current.value = '';
      await onImported(done.studyId, done.studyName);
      setState(done);
      focusById('import-result');
    });

  return (
    <section class="import-panel panel" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('dashboardImportHeading')}</h3>
      <p class="hint">{t('dashboardImportIntro')}</p>
      <div class="field">
        <label for="import-file">{t('dashboardImportFile')}</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={action.busy}
          onChange={(event) => choose(event.currentTarget.files?.[0])}
        />
      </div>
      <ErrorText message={action.error} />
      {state.kind === 'preview' && (
        <div id="import-result" tabIndex={-1} class="import-result" aria-live="polite">
          <h4>{t('dashboardImportPreviewHeading', state.fileName)}</h4>
          {state.preview.ok ? (
            <ImportPreviewView plan={state.preview.plan} />
          ) : (
            <ImportErrors errors={state.preview.errors} />
          )}
          <div class="actions start">
            {state.preview.ok && (
              <button type="button" class="primary" disabled={action.busy} onClick={() => apply(state.text)}>
                {t('dashboardImportApply')}
              </button>
            )}
            <button type="button" disabled={action.busy} onClick={reset}>
              {t('optionsCancel')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'done' && (
        <div id="import-result" tabIndex={-1} class="import-result done" role="status">
          <p>{t('dashboardImportDone', state.studyName, state.added, state.replaced)}</p>
          <div class="actions start">
            <button type="button" class="primary" onClick={() => onOpenMap(state.studyId)}>
              {t('dashboardOpenMap')}
            </button>
            <button type="button" onClick={reset}>
              {t('dashboardImportAnother')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
