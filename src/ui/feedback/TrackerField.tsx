import { useEffect, useState } from 'preact/hooks';
import { GITHUB_REPO } from '../../core/exchange/issue-tracker';
import { t } from '../../shared/i18n';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';

/** The GitHub repository "Open a GitHub issue" goes to; empty means none (the button is not shown). */
export function TrackerField({ onChange }: { onChange: (repo: string | null) => void }) {
  const [repo, setRepo] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run, setError } = useAction();
  useEffect(() => {
    void api({ type: 'ui.tracker.get' }).then(({ githubRepo }) => (setRepo(githubRepo ?? ''), onChange(githubRepo)));
  }, []);
  const save = () => {
    const value = repo.trim();
    if (value && !GITHUB_REPO.test(value)) return setError(t('feedbackRepoInvalid'));
    void run(async () => {
      const { githubRepo } = await api({ type: 'ui.tracker.set', tracker: { githubRepo: value || null } });
      onChange(githubRepo);
      setSaved(githubRepo);
    });
  };
  return (
    <form
      class="row tracker"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label>
        {t('feedbackRepo')}
        <input value={repo} placeholder="acme/shop" spellcheck={false} onInput={(e) => (setRepo(e.currentTarget.value), setSaved(null))} />
      </label>
      <button type="submit" disabled={busy}>
        {t('feedbackRepoSave')}
      </button>
      <ErrorText message={error} />
      {saved && <p role="status">{t('feedbackRepoSaved', saved)}</p>}
    </form>
  );
}
