import type { SignalKind } from '../records/signal';
import type { SurveyTrigger } from '../records/survey';

/** Something that happened which a survey rule may answer with a prompt (PRODUCT.md §4 "Triggers"). */
export type TriggerEvent =
  | { kind: 'stage_enter'; stageId: string }
  | { kind: 'signal'; signalKind: SignalKind; signalId: string }
  | { kind: 'exit_intent' }
  | { kind: 'session_end' }
  | { kind: 'on_demand' };

/** The trigger an event stands for: kind plus its detail (which stage, which signal kind), without the instance. */
export function triggerOf(event: TriggerEvent): SurveyTrigger {
  switch (event.kind) {
    case 'stage_enter':
      return { kind: 'stage_enter', stageId: event.stageId };
    case 'signal':
      return { kind: 'signal', signalKind: event.signalKind };
    default:
      return { kind: event.kind };
  }
}

/** Same kind and same detail: entering Purchase twice is the same trigger, entering Purchase then Retention is not. */
export function sameTrigger(a: SurveyTrigger, b: SurveyTrigger): boolean {
  if (a.kind === 'stage_enter') return b.kind === 'stage_enter' && a.stageId === b.stageId;
  if (a.kind === 'signal') return b.kind === 'signal' && a.signalKind === b.signalKind;
  return a.kind === b.kind;
}

/** A rule answers an event when their triggers are the same; a signal rule answers every signal of its kind. */
export const triggerMatches = (rule: SurveyTrigger, event: TriggerEvent): boolean => sameTrigger(rule, triggerOf(event));
