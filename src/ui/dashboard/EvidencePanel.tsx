import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StudyExport } from '../../core/exchange/study-export';
import type { HealthFilter } from '../../core/health/filter';
import { selectEvidence } from '../../core/journey-map/evidence';
import type { Persona } from '../../core/records/persona';
import { ErrorText } from '../components/ErrorText';
import { describeError } from '../components/use-async';
import { t, tCount } from '../../shared/i18n';
import { cachedEvidenceIndex } from './evidence-cache';
import type { EvidenceRequest } from './evidence-request';
import { EvidenceList } from './EvidenceList';

interface Props {
  request: EvidenceRequest;
  filter: HealthFilter;
  personas: readonly Persona[];
  loadFile: () => Promise<StudyExport>;
  onClose: () => void;
}

/**
 * The records behind a cell, in a modal side panel: focus moves in and is kept there, Esc or Close ends it and
 * focus returns to the cell. The study file is fetched once and indexed per filter (evidence-cache.ts).
 */
export function EvidencePanel({ request, filter, personas, loadFile, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<StudyExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => requestAnimationFrame(() => opener?.isConnected && opener.focus());
  }, []);
  useEffect(() => {
    let live = true;
    loadFile().then(
      (loaded) => live && setFile(loaded),
      (caught: unknown) => live && setError(describeError(caught)),
    );
    return () => {
      live = false;
    };
  }, [loadFile]);

  const evidence = useMemo(() => (file ? selectEvidence(cachedEvidenceIndex(file, filter), request.query) : null), [file, filter, request]);
  const walker = useMemo(() => {
    const names = new Map(personas.map((p) => [p.id, p.name]));
    const sessions = new Map(file?.sessions.map((s) => [s.id, s.personaId]) ?? []);
    return (sessionId: string | null) => {
      const personaId = sessionId ? sessions.get(sessionId) : null;
      return personaId ? (names.get(personaId) ?? null) : null;
    };
  }, [file, personas]);
  const total = evidence ? evidence.visits.length + evidence.signals.length + evidence.responses.length + evidence.annotations.length : 0;

  return (
    <dialog
      ref={ref}
      class="evidence-panel"
      aria-labelledby="evidence-title"
      data-testid="evidence-panel"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes the panel.
        if (event.target === ref.current) onClose();
      }}
    >
      <div class="evidence-inner">
        <div class="evidence-head">
          <div>
            <p class="eyebrow">{t('dashboardEvidence')}</p>
            <h2 id="evidence-title">{request.title}</h2>
          </div>
          <button type="button" autoFocus onClick={onClose}>
            {t('dashboardClose')}
          </button>
        </div>
        <ErrorText message={error} />
        {!evidence && !error && <p class="muted">{t('optionsLoading')}</p>}
        {evidence && (
          <>
            <p class="muted" role="status">
              {evidence.offsite ? '' : tCount('dashboardEvidenceCount', total, total)}
            </p>
            {total === 0 && !evidence.offsite && <p>{t('dashboardEvidenceNone')}</p>}
            <EvidenceList evidence={evidence} walker={walker} />
          </>
        )}
      </div>
    </dialog>
  );
}
