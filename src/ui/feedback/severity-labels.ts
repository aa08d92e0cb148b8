import type { FeedbackReport } from '../../core/records/feedback';
import type { MessageKey } from '../../shared/i18n';

export const SEVERITY_LABEL: Record<FeedbackReport['severity'], MessageKey> = {
  critical: 'feedbackSeverityCritical',
  high: 'feedbackSeverityHigh',
  medium: 'feedbackSeverityMedium',
  low: 'feedbackSeverityLow',
};
