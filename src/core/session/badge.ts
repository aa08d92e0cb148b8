import type { SignalCounts } from '../replies';

export interface Badge {
  /** What the toolbar button shows: nothing when no walk is recorded, a dot while one is, and its friction count. */
  text: string;
  /** The friction signals of the running walk; null when none runs. */
  count: number | null;
}

/** The toolbar badge for the running walk's signal counts (null: nothing is recorded). */
export function badgeOf(counts: SignalCounts | null): Badge {
  if (!counts) return { text: '', count: null };
  const count = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return { text: count ? `●${count > 99 ? '99+' : count}` : '●', count };
}
