import { CSV_KINDS, csvFileName, studyCsv, type CsvKind } from '../../core/exchange/csv';
import type { ReportFilter } from '../../core/exchange/markdown-report';
import { exportFileName } from '../../core/exchange/file-names';
import type { StudyExport } from '../../core/exchange/study-export';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { journeyMapSvg } from '../../core/journey-map/map-svg';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../components/use-async';
import { download } from '../download';
import { t } from '../../shared/i18n';
import { CSV_KIND_LABEL, reportLabels, svgLabels } from './labels';
import { svgToPng } from './png';

interface Props {
  map: JourneyMapData;
  /** The filter in words, for the report's header. */
  reportFilter: ReportFilter;
  loadFile: () => Promise<StudyExport>;
  announce: (message: string) => void;
}

/** Files of the study and of the map on screen; everything is made here and saved by the browser. */
export function ExportBar({ map, reportFilter, loadFile, announce }: Props) {
  const action = useAction();
  const name = map.study.name;
  const base = (at: number) => exportFileName(name, at).replace(/\.json$/, '');
  const run = (work: () => Promise<string>) =>
    void action.run(async () => {
      const fileName = await work();
      announce(t('dashboardDownloaded', fileName));
    });

  const json = () =>
    run(async () => {
      const file = await loadFile();
      const fileName = exportFileName(name, file.exportedAt);
      download(fileName, JSON.stringify(file, null, 2));
      return fileName;
    });
  const csv = (kind: CsvKind) =>
    run(async () => {
      const file = await loadFile();
      const fileName = csvFileName(name, kind, file.exportedAt);
      download(fileName, studyCsv(kind, file), 'text/csv;charset=utf-8');
      return fileName;
    });
  const svg = () =>
    run(async () => {
      const fileName = `${base(Date.now())}-map.svg`;
      download(fileName, journeyMapSvg(map, svgLabels()), 'image/svg+xml');
      return fileName;
    });
  const png = () =>
    run(async () => {
      const fileName = `${base(Date.now())}-map.png`;
      download(fileName, await svgToPng(journeyMapSvg(map, svgLabels()), 2));
      return fileName;
    });
  const report = () =>
    run(async () => {
      const now = Date.now();
      const fileName = `${base(now)}-report.md`;
      // Loaded when asked for: with the text analysis it is the largest part of the map's code.
      const { markdownReport } = await import('../../core/exchange/markdown-report');
      const text = markdownReport({ study: map.study, aggregate: map.aggregate, health: map.health, labels: map.labels, filter: reportFilter, generatedAt: now }, reportLabels());
      download(fileName, text, 'text/markdown;charset=utf-8');
      return fileName;
    });

  return (
    <div class="export-bar">
      <div class="export-group" role="group" aria-labelledby="export-map-label">
        <p id="export-map-label" class="export-label">
          {t('dashboardExportMap')}
        </p>
        <div class="actions start">
          <button type="button" disabled={action.busy} onClick={svg}>
            {t('dashboardDownloadSvg')}
          </button>
          <button type="button" disabled={action.busy} onClick={png}>
            {t('dashboardDownloadPng')}
          </button>
          <button type="button" disabled={action.busy} onClick={report}>
            {t('dashboardDownloadReport')}
          </button>
        </div>
      </div>
      <div class="export-group" role="group" aria-labelledby="export-study-label">
        <p id="export-study-label" class="export-label">
          {t('dashboardExportStudy')}
        </p>
        <div class="actions start">
          <button type="button" disabled={action.busy} onClick={json}>
            {t('dashboardDownloadJson')}
          </button>
          {CSV_KINDS.map((kind) => (
            <button key={kind} type="button" disabled={action.busy} onClick={() => csv(kind)}>
              {t('dashboardDownloadCsv', t(CSV_KIND_LABEL[kind]))}
            </button>
          ))}
        </div>
      </div>
      <ErrorText message={action.error} />
    </div>
  );
}
