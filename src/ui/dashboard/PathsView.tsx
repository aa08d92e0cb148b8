import { useMemo } from 'preact/hooks';
import { placeOf } from '../../core/health/session-rollup';
import type { MapView } from '../../core/journey-map/map-view';
import { pathsSvg } from '../../core/journey-map/paths-svg';
import { t } from '../../shared/i18n';
import { pathsLabels } from './labels';

/**
 * The Paths figure under the map, and the same moves as a table for screen readers and for reading exact counts.
 * The figure is the same SVG document the map's export carries (paths-svg.ts), shown as an image: no markup of it
 * ever enters this page.
 */
export function PathsView({ view }: { view: MapView }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(pathsSvg(view, pathsLabels()))}`, [view]);
  const names = useMemo(() => new Map(view.columns.flatMap((c) => c.touchpoints.map((chip) => [chip.key, chip.label] as const))), [view]);
  const name = (key: string) => names.get(key) ?? placeOf(key).pageKey;
  return (
    <section class="dashboard-section paths" aria-labelledby="paths-heading" data-testid="paths">
      <h3 id="paths-heading">{t('dashboardPathsHeading')}</h3>
      <p class="hint">{t('dashboardPathsIntro')}</p>
      {/* Wider than the page with many stages: a region the keyboard can scroll, as the map's own. */}
      <div class="paths-figure" role="region" aria-labelledby="paths-heading" tabIndex={0}>
        <img src={src} alt="" />
      </div>
      {view.paths.transitions.length ? (
        <details>
          <summary>{t('dashboardPathsHeading')}</summary>
          <table class="paths-table" data-testid="paths-table">
            <thead>
              <tr>
                <th scope="col">{t('dashboardPathsFrom')}</th>
                <th scope="col">{t('dashboardPathsTo')}</th>
                <th scope="col">{t('dashboardPathsCount')}</th>
              </tr>
            </thead>
            <tbody>
              {view.paths.transitions.map((move) => (
                <tr key={`${move.from}\n${move.to}`}>
                  <td>{name(move.from)}</td>
                  <td>{name(move.to)}</td>
                  <td>{move.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : (
        <p class="muted">{t('dashboardPathsNone')}</p>
      )}
    </section>
  );
}
