import { HEALTH_PARTS, type HealthPart, type HealthPartName } from '../../core/health/touchpoint-health';
import { formatShare } from '../../core/journey-map/format';
import { t } from '../i18n';
import { PART_LABEL } from './labels';

function rawText(part: HealthPartName, raw: number | null): string {
  if (raw === null) return t('dashboardNoData');
  switch (part) {
    case 'friction':
      return raw.toFixed(2);
    case 'exits':
    case 'deadEnd':
    case 'attitude':
      return formatShare(raw);
    case 'painPoints':
      return String(raw);
  }
}

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
              {rawText(name, part.raw)}{' '}
              <span class="muted">{part.badness === null ? t('dashboardPartLeftOut') : t('dashboardPartCost', part.contribution.toFixed(1), part.weight.toFixed(0))}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
