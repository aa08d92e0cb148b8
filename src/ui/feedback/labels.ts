import type { FeedbackReport, FeedbackStatus } from '../../core/records/feedback';
import type { MessageKey } from '../../shared/i18n';
import type { FeedbackSort } from './feedback-order';

export const SEVERITY_LABEL: Record<FeedbackReport['severity'], MessageKey> = {
  critical: 'feedbackSeverityCritical',
  high: 'feedbackSeverityHigh',
  medium: 'feedbackSeverityMedium',
  low: 'feedbackSeverityLow',
};

export const STATUS_LABEL: Record<FeedbackStatus, MessageKey> = {
  new: 'feedbackStatusNew',
  in_progress: 'feedbackStatusInProgress',
  fixed: 'feedbackStatusFixed',
  wont_fix: 'feedbackStatusWontFix',
};

export const SORT_LABEL: Record<FeedbackSort, MessageKey> = {
  newest: 'feedbackSortNewest',
  oldest: 'feedbackSortOldest',
  severity: 'feedbackSortSeverity',
  status: 'feedbackSortStatus',
};
