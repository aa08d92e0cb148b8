import type { SignalKind } from '../core/records/signal';
import type { MessageKey } from '../shared/i18n';

/** The name people read for each friction signal. */
export const SIGNAL_LABEL: Record<SignalKind, MessageKey> = {
  rage_click: 'signalRageClick',
  dead_click: 'signalDeadClick',
  slow_click: 'signalSlowClick',
  dead_end: 'signalDeadEnd',
  exit: 'signalExit',
  quick_back: 'signalQuickBack',
  form_abandonment: 'signalFormAbandonment',
  error: 'signalError',
  error_click: 'signalErrorClick',
  slow_page: 'signalSlowPage',
  excessive_scroll: 'signalExcessiveScroll',
};
