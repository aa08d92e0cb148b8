import { HEALTH_PARTS, type HealthPart, type HealthPartName } from '../../core/health/touchpoint-health';
import { formatHealthPartValue } from '../../core/journey-map/format';
import { t } from '../../shared/i18n';
import { PART_LABEL } from './labels';

/** What a health score is made of: each part's measured value and the points it cost (PRODUCT.md §6). */
export function HealthParts({ parts }: { parts: Record<HealthPartName, HealthPart> }) {
  return (
    <dl class="health-parts">
      {HEALTH_PARTS.map((name) => {
        const part = parts[name];
        return (
          <div key={name} class={part.badness === null ? 'left-out' : undefined}>
            <dt>{t(PART_LABEL[name])}</dt>
            <dd>
              {part.raw === null ? t('dashboardNoData') : formatHealthPartValue(name, part.raw)}{' '}
              <span class="muted">{part.badness === null ? t('dashboardPartLeftOut') : t('dashboardPartCost', part.contribution.toFixed(1), part.weight.toFixed(0))}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
