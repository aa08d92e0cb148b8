import type { OffsiteTouchpoint } from '../records/offsite';
import { emptyTally, type AnswerTally } from './scores';
import { compareText, placeOf } from './session-rollup';
import type { TouchpointAggregate } from './touchpoint-health';

/** A touchpoint's counts as the map draws them, and the order the map lists them in. */

export interface TouchpointRollup extends TouchpointAggregate {
  /** Raw answer counts behind `attitude`, and NPS / open text. */
  tally: AnswerTally;
  openOpportunities: number;
  offsite: Pick<OffsiteTouchpoint, 'id' | 'name' | 'channel' | 'note' | 'personaId' | 'sessionId' | 'at'> | null;
}

export function offsiteKey(offsiteId: string): string {
  return `offsite|${offsiteId}`;
}

export function newTouchpoint(key: string, stageId: string | null, pageKey: string | null): TouchpointRollup {
  return {
    key,
    kind: pageKey === null ? 'offsite' : 'page',
    stageId,
    pageKey,
    visits: 0,
    signalsByKind: {},
    exits: 0,
    deadEnds: 0,
    attitude: { csat: null, ces: null, seq: null, emotion: null },
    answers: 0,
    openPainPoints: 0,
    tally: emptyTally(),
    openOpportunities: 0,
    offsite: null,
  };
}

/** The page touchpoints met so far, made on first sight from their key. */
export class TouchpointTable {
  readonly byKey = new Map<string, TouchpointRollup>();

  at(key: string): TouchpointRollup {
    let tp = this.byKey.get(key);
    if (!tp) {
      const { stageId, pageKey } = placeOf(key);
      this.byKey.set(key, (tp = newTouchpoint(key, stageId, pageKey)));
    }
    return tp;
  }
}

export function offsiteRollup(o: OffsiteTouchpoint): TouchpointRollup {
  const { id, name, channel, note, personaId, sessionId, at } = o;
  return { ...newTouchpoint(offsiteKey(id), o.stageId, null), offsite: { id, name, channel, note, personaId, sessionId, at } };
}

/** Map order: stage by stage (untagged last, `rank` says where); in a stage, pages by visits, then off-site ones. */
export function inMapOrder(touchpoints: readonly TouchpointRollup[], rank: (tp: TouchpointRollup) => number): TouchpointRollup[] {
  return [...touchpoints].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.kind === 'offsite') - Number(b.kind === 'offsite') ||
      b.visits - a.visits ||
      compareText(a.pageKey ?? a.offsite?.name ?? '', b.pageKey ?? b.offsite?.name ?? '') ||
      compareText(a.key, b.key),
  );
}
