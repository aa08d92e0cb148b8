import { t } from '../../shared/i18n';
import { revealById } from './focus';
import type { FieldIssue } from './issues';

interface Props {
  id: string;
  issues: readonly FieldIssue[];
}

/** The list of what stops a save, each item a link to its field; announced as it appears. */
export function IssueSummary({ id, issues }: Props) {
  return (
    <div id={id} role="alert" tabIndex={-1} class={issues.length ? 'issue-summary' : undefined}>
      {issues.length > 0 && (
        <>
          <p class="issue-summary-title">{t('optionsIssuesTitle')}</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.fieldId}:${issue.message}`}>
                <a
                  href={`#${issue.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    revealById(issue.fieldId);
                  }}
                >
                  {issue.where}
                </a>
                {': '}
                {issue.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
