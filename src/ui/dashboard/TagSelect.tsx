import { useState } from 'preact/hooks';
import type { Stage } from '../../core/records/study';
import { ErrorText } from '../components/ErrorText';
import { t } from '../../shared/i18n';

interface Props {
  pageKey: string;
  stages: readonly Pick<Stage, 'id' | 'name'>[];
  onTag: (pageKey: string, stageId: string) => Promise<void>;
}

/** One-choice tagging of an untagged touchpoint: picking a stage writes the rule and moves its visits there. */
export function TagSelect({ pageKey, stages, onTag }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span class="tag-select">
      <select
        aria-label={t('dashboardTagAs', pageKey)}
        data-testid="tag-untagged"
        disabled={busy}
        value=""
        onChange={async (e) => {
          const stageId = e.currentTarget.value;
          if (!stageId) return;
          setBusy(true);
          setError(null);
          try {
            await onTag(pageKey, stageId);
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <option value="">{t('dashboardTagAsPlaceholder')}</option>
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name}
          </option>
        ))}
      </select>
      <ErrorText message={error} />
    </span>
  );
}
