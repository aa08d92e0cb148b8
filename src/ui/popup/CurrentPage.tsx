import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../../core/replies';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { TouchpointHealthView } from './TouchpointHealthView';

interface Props {
  tab: TabState | null;
  tabId: number | null;
  onChanged: () => Promise<void>;
}

/** The page under the popup: its stage and page key, or an untagged page with a one-step way to tag it. */
export function CurrentPage({ tab, tabId, onChanged }: Props) {
  const { busy, error, run } = useAction();
  const study = tab?.study ?? null;
  const page = tab?.page ?? null;
  const [stageId, setStageId] = useState('');
  useEffect(() => setStageId((current) => current || study?.stages[0]?.id || ''), [study]);

  let body;
  if (!study) body = <p class="muted">{t('popupOutOfScope')}</p>;
  else if (!page) body = <p class="muted">{t('popupNotObserved')}</p>;
  else {
    const stage = study.stages.find((s) => s.id === page.stageId);
    const tag = () => run(async () => {
      if (tabId === null) return;
      await api({ type: 'ui.page.tag', tabId, studyId: study.id, stageId });
      await onChanged();
    });
    body = (
      <>
        <p>
          {t('popupStageLabel')}{' '}
          {stage ? (
            <span class="badge stage" data-testid="current-stage">
              {stage.name}
            </span>
          ) : (
            <span class="badge" data-testid="current-stage">
              {t('popupUntagged')}
            </span>
          )}
        </p>
        <p class="muted">
          {t('popupPageKeyLabel')} <code data-testid="current-page-key">{page.pageKey}</code>
        </p>
        {!stage && (
          <form
            class="row"
            onSubmit={(event) => {
              event.preventDefault();
              void tag();
            }}
          >
            <label for="tag-stage" class="visually-hidden">
              {t('popupTagStageLabel')}
            </label>
            <select id="tag-stage" value={stageId} onChange={(e) => setStageId(e.currentTarget.value)}>
              {study.stages.map((s) => (
                <option value={s.id} key={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || !stageId}>
              {t('popupTagPage')}
            </button>
          </form>
        )}
        {tab?.touchpointHealth && <TouchpointHealthView health={tab.touchpointHealth} />}
        {page.ruleErrors.length > 0 && <p class="error">{t('popupRuleErrors', page.ruleErrors.length)}</p>}
      </>
    );
  }
  return (
    <section aria-labelledby="current-page-heading" class="panel">
      <h2 id="current-page-heading">{study ? t('popupThisPageIn', study.name) : t('popupThisPage')}</h2>
      {body}
      <ErrorText message={error} />
    </section>
  );
}
