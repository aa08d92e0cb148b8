import { formatDuration } from '../core/journey-map/format';
import { uiLanguage } from './i18n';

/** 75 s → "1:15", 3725 s → "1:02:05": a stopwatch, as researchers read elapsed time (whole seconds gone by). */
export function formatElapsed(ms: number): string {
  return formatDuration(Math.floor(ms / 1000) * 1000);
}

export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
