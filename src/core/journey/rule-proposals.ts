import type { StageRule } from '../records/stage-rule';
import type { Visit } from '../records/visit';
import { matchStage } from './stage-match';

/** A rule to suggest for pages a walk left untagged, with the stage the walk was in around them. */
export interface RuleProposal {
  /** A path pattern (stage-match.ts syntax), e.g. `/order/:id`, `/account/*` or `/help#/article/:id`. */
  pattern: string;
  /** The stage of the nearest tagged page before these pages in the walk (else after), or null. */
  stageId: string | null;
  /** Untagged visits the pattern covers. */
  visits: number;
}

type WalkVisit = Pick<Visit, 'url' | 'title' | 'stageId' | 'enteredAt'>;
type Tagged = { pageKey: string; stageId: string | null };

/**
 * Patterns for the pages of one walk that neither its rules then nor `rules` now give a stage. Such a page's key is
 * its path with ids generalised (`/order/:id`); two or more keys under one first segment become that segment's
 * `/*`, since a site's sections (`/account/orders`, `/account/settings`) usually belong to one stage. Hash routes
 * stay as they are. In walk order.
 */
export function proposeRules(walk: readonly WalkVisit[], rules: readonly StageRule[]): RuleProposal[] {
  const visits: Tagged[] = [...walk]
    .sort((a, b) => a.enteredAt - b.enteredAt)
    .map((visit) => {
      // Selector rules need the page itself: a page one of them tagged while it was open stays tagged.
      const now = matchStage(rules, { url: visit.url, title: visit.title });
      return { pageKey: now.pageKey, stageId: now.stageId ?? visit.stageId };
    });
  const untagged = visits.filter((v) => v.stageId === null);
  const keysUnder = new Map<string, Set<string>>();
  for (const visit of untagged) {
    const section = sectionOf(visit.pageKey);
    if (section) keysUnder.set(section, (keysUnder.get(section) ?? new Set()).add(visit.pageKey));
  }
  const patternOf = (key: string) => {
    const section = sectionOf(key);
    return section && keysUnder.get(section)!.size > 1 ? `${section}/*` : key;
  };
  const proposals = new Map<string, RuleProposal>();
  for (const visit of untagged) {
    const pattern = patternOf(visit.pageKey);
    const known = proposals.get(pattern);
    if (known) known.visits++;
    else proposals.set(pattern, { pattern, stageId: stageAround(visits, visits.indexOf(visit)), visits: 1 });
  }
  return [...proposals.values()];
}

/** `/account` of `/account/orders`; null for one-segment paths and hash routes, which are proposed as they are. */
function sectionOf(key: string): string | null {
  if (key.includes('#')) return null;
  const match = /^(\/[^/]+)\/[^/]/.exec(key);
  return match ? match[1]! : null;
}

function stageAround(visits: readonly Tagged[], index: number): string | null {
  for (let i = index - 1; i >= 0; i--) if (visits[i]!.stageId) return visits[i]!.stageId;
  for (let i = index + 1; i < visits.length; i++) if (visits[i]!.stageId) return visits[i]!.stageId;
  return null;
}
