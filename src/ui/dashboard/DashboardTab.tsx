import { useCallback, useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { ReportFilter } from '../../core/exchange/markdown-report';
import { choiceToFilter, EMPTY_CHOICE, type MapChoice } from '../../core/journey-map/map-filter';
import { hasUntagged, journeyMapView } from '../../core/journey-map/map-view';
import type { Stage, Study } from '../../core/records/study';
import { api } from '../api';
import { ErrorText } from '../components/ErrorText';
import { t } from '../../shared/i18n';
import type { TabProps } from '../options/tab-props';
import { describeChoice } from './choice-words';
import { CompareView } from './CompareView';
import './dashboard.css';
import { EvidencePanel } from './EvidencePanel';
import type { EvidenceRequest } from './evidence-request';
import { ExportBar } from './ExportBar';
import { FilterBar } from './FilterBar';
import { HealthLegend } from './HealthLegend';
import { JourneyMap } from './JourneyMap';
import { MapSummary } from './MapSummary';
import { OffsiteForm } from './OffsiteForm';
import { OffsiteList } from './OffsiteList';
import { PathsView } from './PathsView';
import { sessionLabel } from './session-label';
import { TouchpointTable } from './TouchpointTable';
import { useJourneyMap } from './use-journey-map';
import { useStudyFile } from './use-study-file';

const NO_STAGES: readonly Stage[] = [];

/** The study to open with: the one being recorded, else the one edited last. */
export function defaultStudy(overview: TabProps['overview']): Study | null {
  const recording = overview.active?.session.studyId;
  return overview.studies.find((s) => s.id === recording) ?? [...overview.studies].sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

/**
 * The journey map tab: filter, the four headline figures, the map (or two, compared), the touchpoint table, off-site
 * touchpoints and exports. Everything drawn comes from `ui.map` (aggregated in the background); the raw study file
 * is fetched only for evidence and downloads.
 */
export function DashboardTab({ overview, announce, mapStudyId, showMap }: TabProps) {
  const study = overview.studies.find((s) => s.id === mapStudyId) ?? defaultStudy(overview);
  const studyId = study?.id ?? null;
  const [choices, setChoices] = useState<{ studyId: string | null; a: MapChoice; b: MapChoice }>({ studyId, a: EMPTY_CHOICE, b: EMPTY_CHOICE });
  const own = choices.studyId === studyId;
  const choiceA = own ? choices.a : EMPTY_CHOICE;
  const choiceB = own ? choices.b : EMPTY_CHOICE;
  const setChoice = (side: 'a' | 'b') => (choice: MapChoice) =>
    setChoices({ studyId, a: side === 'a' ? choice : choiceA, b: side === 'b' ? choice : choiceB });
  const [compare, setCompare] = useState(false);
  const [evidence, setEvidence] = useState<EvidenceRequest | null>(null);

  // Anything stored since (an import, an off-site touchpoint, a walk recorded while this page was in the background)
  // changes the token, and the map and study file are asked for again.
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const refresh = useMemo(() => ({}), [overview, version]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && bump(undefined);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const filterA = useMemo(() => choiceToFilter(choiceA), [choiceA]);
  const filterB = useMemo(() => choiceToFilter(choiceB), [choiceB]);
  const mapA = useJourneyMap(studyId, filterA, refresh);
  const mapB = useJourneyMap(compare ? studyId : null, filterB, refresh);
  const loadFile = useStudyFile(studyId, refresh);
  // Compared maps draw the Untagged column on both sides when either has untagged pages, so the columns line up.
  const untagged = Boolean((mapA.data && hasUntagged(mapA.data)) || (compare && mapB.data && hasUntagged(mapB.data)));
  const viewA = useMemo(() => mapA.data && journeyMapView(mapA.data, { untagged }), [mapA.data, untagged]);
  const viewB = useMemo(() => mapB.data && journeyMapView(mapB.data, { untagged }), [mapB.data, untagged]);
  const tag = useCallback(
    async (pageKey: string, stageId: string) => {
      if (!studyId) return;
      const stage = study?.stages.find((s) => s.id === stageId);
      await api({ type: 'ui.touchpoint.tag', studyId, pageKey, stageId });
      bump(undefined);
      announce(t('dashboardTagged', pageKey, stage?.name ?? ''));
    },
    [studyId, study, announce],
  );
  const stages = study?.stages ?? NO_STAGES;

  const data = mapA.data;
  const personas = data?.personas ?? [];
  const sessions = data?.sessions ?? [];
  const nameA = `A: ${describeChoice(choiceA, personas, sessions)}`;
  const nameB = `B: ${describeChoice(choiceB, personas, sessions)}`;
  const reportFilter = useMemo((): ReportFilter => {
    const byId = new Map(personas.map((p) => [p.id, p]));
    const session = sessions.find((s) => s.id === choiceA.sessionId);
    return {
      personas: choiceA.personaIds.map((id) => byId.get(id)?.name ?? id),
      sessions: session ? [sessionLabel(session, byId)] : [],
      ...(filterA.from !== undefined ? { from: filterA.from } : {}),
      ...(filterA.to !== undefined ? { to: filterA.to } : {}),
    };
  }, [choiceA, filterA, personas, sessions]);
  const openEvidence = useCallback((request: EvidenceRequest) => setEvidence(request), []);
  // What lies below the map (the paths, the touchpoint table, off-site touchpoints, exports) is built once the map's
  // first frame is on screen: the map is what the page is opened for, and with a long study it is drawn alone first
  // (the paths alone were a third of the first frame's elements with 100k events).
  const [belowShown, showBelow] = useState(false);
  useEffect(() => {
    if (!viewA || belowShown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => showBelow(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [viewA, belowShown]);

  const busy = mapA.loading || (compare && mapB.loading);
  // The map and the table are the heavy parts of the page: built again only when their data changes, not when a
  // panel opens or a field is typed in (Preact skips a subtree whose element is the very same object).
  const single = useMemo(
    () =>
      viewA && (
        <>
          <MapSummary sides={[{ name: null, view: viewA }]} />
          <JourneyMap sides={[{ name: null, view: viewA }]} busy={busy} onEvidence={openEvidence} stages={stages} onTag={tag} />
          <HealthLegend />
        </>
      ),
    [viewA, busy, openEvidence, stages, tag],
  );
  const compared = useMemo(
    () => compare && <CompareView a={{ name: nameA, view: viewA }} b={{ name: nameB, view: viewB }} busy={busy} onEvidence={openEvidence} stages={stages} onTag={tag} />,
    [compare, nameA, nameB, viewA, viewB, busy, openEvidence, stages, tag],
  );
  const table = useMemo(() => data && <TouchpointTable map={data} onEvidence={openEvidence} />, [data, openEvidence]);
  const paths = useMemo(() => viewA && <PathsView view={viewA} />, [viewA]);

  if (!study || !studyId) return <p class="muted">{t('dashboardNoStudy')}</p>;

  return (
    <div class="dashboard">
      <div class="section-head">
        <h2 id="dashboard-heading" tabIndex={-1}>
          {t('dashboardHeading')}
        </h2>
        <button type="button" class="toggle" aria-pressed={compare} data-testid="compare-toggle" onClick={() => setCompare(!compare)}>
          {t('dashboardCompare')}
        </button>
      </div>
      <FilterBar
        studies={overview.studies}
        studyId={studyId}
        onStudy={(id) => {
          setEvidence(null);
          showMap(id);
        }}
        personas={personas}
        sessions={sessions}
        sides={compare ? [{ name: 'A', choice: choiceA, onChange: setChoice('a') }, { name: 'B', choice: choiceB, onChange: setChoice('b') }] : [{ name: null, choice: choiceA, onChange: setChoice('a') }]}
      />
      <p class="map-status muted" role="status">
        {busy ? t('dashboardUpdating') : ''}
      </p>
      <ErrorText message={mapA.error ?? mapB.error} />
      {viewA && viewA.sessions === 0 && <p class="panel empty-note">{t('dashboardNoSessions')}</p>}
      {compare ? compared : single}

      {data && belowShown && (
        <>
          {!compare && paths}
          <section class="dashboard-section" aria-labelledby="touchpoints-heading">
            <h3 id="touchpoints-heading">{compare ? t('dashboardTouchpointsHeadingSide', nameA) : t('dashboardTouchpointsHeading')}</h3>
            <p class="hint">{t('dashboardTouchpointsIntro')}</p>
            {table}
          </section>
          <section class="dashboard-section" aria-labelledby="offsite-heading">
            <h3 id="offsite-heading">{t('dashboardOffsiteHeading')}</h3>
            <p class="hint">{t('dashboardOffsiteIntro')}</p>
            <OffsiteList
              map={data}
              personas={overview.personas}
              onDeleted={(name) => {
                bump(undefined);
                announce(t('dashboardOffsiteDeleted', name));
              }}
            />
            <OffsiteForm
              key={studyId}
              study={study}
              personas={overview.personas}
              sessions={sessions}
              onSaved={(saved) => {
                bump(undefined);
                announce(t('dashboardOffsiteSaved', saved.name));
              }}
            />
          </section>
          <section class="dashboard-section" aria-labelledby="export-heading">
            <h3 id="export-heading">{t('dashboardExportHeading')}</h3>
            <p class="hint">{compare ? t('dashboardExportIntroCompare') : t('dashboardExportIntro')}</p>
            <ExportBar map={data} reportFilter={reportFilter} loadFile={loadFile} announce={announce} />
          </section>
        </>
      )}
      {evidence && (
        <EvidencePanel
          request={evidence}
          filter={evidence.side === 1 ? filterB : filterA}
          personas={personas}
          loadFile={loadFile}
          onClose={() => setEvidence(null)}
        />
      )}
    </div>
  );
}
