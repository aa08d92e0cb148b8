import { themeTerms } from './theme-terms';

/**
 * Recurring themes of a group of texts (a stage's or a touchpoint's answers and notes): folded words and two-word
 * phrases, counted once per text, each linked to the texts it comes from. A phrase is kept when at least two texts
 * share it, and then stands for its words where it covers every text they come from ("promo code", not "promo"
 * and "code").
 */
export interface TextItem {
  id: string;
  text: string;
}

export interface Theme {
  /** The folded key (배송 for 배송이 / 배송은; "deliveri" for delivery / deliveries). */
  key: string;
  /** The form written most often. */
  label: string;
  /** How many texts name it. */
  count: number;
  /** The texts that name it, in the order given. */
  ids: string[];
}

interface Tally {
  key: string;
  words: number;
  ids: string[];
  surfaces: Map<string, number>;
  first: number;
}

export function themesOf(items: readonly TextItem[], { limit = 5 } = {}): Theme[] {
  const tallies = new Map<string, Tally>();
  let order = 0;
  const count = (key: string, surface: string, words: number, id: string) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { key, words, ids: [], surfaces: new Map(), first: order++ }));
    if (t.ids.at(-1) !== id) t.ids.push(id);
    t.surfaces.set(surface, (t.surfaces.get(surface) ?? 0) + 1);
  };
  for (const item of items) {
    const terms = themeTerms(item.text);
    terms.forEach((term, i) => {
      if (!term) return;
      count(term.key, term.surface, 1, item.id);
      const next = terms[i + 1];
      if (next && next.key !== term.key) count(`${term.key} ${next.key}`, `${term.surface} ${next.surface}`, 2, item.id);
    });
  }
  const candidates = [...tallies.values()]
    .filter((t) => t.words === 1 || t.ids.length >= 2)
    .sort((a, b) => b.ids.length - a.ids.length || b.words - a.words || a.first - b.first);
  const chosen: Tally[] = [];
  for (const t of candidates) {
    if (chosen.length >= limit) break;
    const covered = chosen.some(
      (c) => c.words > t.words && c.key.split(' ').includes(t.key) && t.ids.every((id) => c.ids.includes(id)),
    );
    if (!covered) chosen.push(t);
  }
  return chosen.map((t) => ({ key: t.key, label: mostWritten(t.surfaces), count: t.ids.length, ids: t.ids }));
}

function mostWritten(surfaces: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [surface, n] of surfaces) if (n > most) [best, most] = [surface, n];
  return best;
}
