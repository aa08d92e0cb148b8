import type { FeedbackReport, FeedbackStatus } from '../../core/records/feedback';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const STATUSES: readonly FeedbackStatus[] = ['new', 'in_progress', 'fixed', 'wont_fix'];
export const SORTS = ['newest', 'oldest', 'severity', 'status'] as const;
export type FeedbackSort = (typeof SORTS)[number];

const rank = <T>(order: readonly T[]) => (value: T) => order.indexOf(value);
const bySeverity = rank<FeedbackReport['severity']>(SEVERITIES);
const byStatus = rank(STATUSES);

/** The list as asked: most severe or least far along first, newest first among equals. */
export function sortReports(reports: readonly FeedbackReport[], sort: FeedbackSort): FeedbackReport[] {
  const newest = (a: FeedbackReport, b: FeedbackReport) => b.createdAt - a.createdAt;
  const compare: Record<FeedbackSort, (a: FeedbackReport, b: FeedbackReport) => number> = {
    newest,
    oldest: (a, b) => a.createdAt - b.createdAt,
    severity: (a, b) => bySeverity(a.severity) - bySeverity(b.severity) || newest(a, b),
    status: (a, b) => byStatus(a.status) - byStatus(b.status) || newest(a, b),
  };
  return [...reports].sort(compare[sort]);
}
