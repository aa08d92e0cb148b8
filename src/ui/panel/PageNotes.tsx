import type { TabState } from '../../core/replies';
import { t } from '../../shared/i18n';
import { severityLabel, typeLabel } from '../../shared/note-labels';

/**
 * The notes and reports of the page beside the panel. A pin in the page shows only its number and kind: its
 * words are read here, where the page cannot find them (PRODUCT.md §5). Numbered as the pins are: oldest first.
 */
export function PageNotes({ notes, reports }: Pick<TabState, 'notes' | 'reports'>) {
  return (
    <section aria-labelledby="page-notes-heading" class="panel">
      <h2 id="page-notes-heading">{t('panelPageNotes')}</h2>
      {notes.length === 0 && reports.length === 0 && <p class="muted">{t('panelPageNotesNone')}</p>}
      {notes.length > 0 && (
        <ol class="notes" data-testid="page-notes">
          {notes.map((note) => (
            <li key={note.id} class={note.status === 'resolved' ? 'muted' : undefined}>
              <strong>{typeLabel(note.type)}</strong> {note.text}
              {note.status === 'resolved' && <span class="muted"> · {t('panelNoteResolved')}</span>}
            </li>
          ))}
        </ol>
      )}
      {reports.length > 0 && (
        <>
          <h3>{t('panelPageReports')}</h3>
          <ul class="plain" data-testid="page-reports">
            {reports.map((report) => (
              <li key={report.id}>
                <strong>{severityLabel(report.severity)}</strong> {report.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
