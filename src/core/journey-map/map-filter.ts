import type { HealthFilter } from '../health/filter';

/**
 * What a person picked in a filter bar, and the `ui.map` filter it means. Dates are the `YYYY-MM-DD` of a date input,
 * read in the local time zone: "from" is the start of that day, "to" the end of it, so a one-day range is that day.
 */
export interface MapChoice {
  /** Ticked personas; none ticked means everyone. */
  personaIds: readonly string[];
  /** One session, or null for all of them. */
  sessionId: string | null;
  from: string;
  to: string;
}

export const EMPTY_CHOICE: MapChoice = { personaIds: [], sessionId: null, from: '', to: '' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` day, plus `days`; null when the text is no such day. */
function localDay(text: string, days = 0): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = new Date(y, m - 1, d + days).getTime();
  return Number.isFinite(at) && at >= 0 ? at : null;
}

export function choiceToFilter(choice: MapChoice): HealthFilter {
  const filter: { -readonly [K in keyof HealthFilter]: HealthFilter[K] } = {};
  if (choice.personaIds.length) filter.personaIds = [...choice.personaIds];
  if (choice.sessionId) filter.sessionIds = [choice.sessionId];
  const from = localDay(choice.from);
  const end = localDay(choice.to, 1);
  if (from !== null) filter.from = from;
  if (end !== null) filter.to = end - 1;
  return filter;
}

/** A range that can hold no session: the start is after the end. */
export function rangeIsReversed(choice: MapChoice): boolean {
  const from = localDay(choice.from);
  const to = localDay(choice.to);
  return from !== null && to !== null && from > to;
}

/** A stable key for caching per filter. */
export function filterKey(filter: HealthFilter): string {
  return JSON.stringify([filter.personaIds ? [...filter.personaIds].sort() : null, filter.sessionIds ?? null, filter.from ?? null, filter.to ?? null]);
}
