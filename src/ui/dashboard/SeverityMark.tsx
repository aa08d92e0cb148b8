import { PAIN_SEVERITIES, type PainSeverity } from '../../core/journey-map/pain-severity';
import { t } from '../../shared/i18n';
import { SEVERITY_LABEL } from './labels';

/**
 * How bad a pain point is: three bars, as many filled as it is severe (a shape, not only a colour), and the word
 * for screen readers unless the words are beside it already (`spoken={false}`, the legend).
 */
export function SeverityMark({ severity, spoken = true }: { severity: PainSeverity; spoken?: boolean }) {
  const filled = PAIN_SEVERITIES.length - PAIN_SEVERITIES.indexOf(severity);
  return (
    <span class={`severity severity-${severity}`} title={t(SEVERITY_LABEL[severity])}>
      <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true" focusable="false">
        {[0, 1, 2].map((i) => (
          <rect key={i} x={i * 5} y={8 - i * 4} width="3.5" height={4 + i * 4} rx="1" class={i < filled ? 'on' : 'off'} />
        ))}
      </svg>
      {spoken && <span class="visually-hidden">{`${t(SEVERITY_LABEL[severity])}: `}</span>}
    </span>
  );
}
