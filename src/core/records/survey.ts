import { z } from 'zod';
import { Id, Text } from './common';
import { SignalKind } from './signal';

export const Instrument = z.enum(['csat', 'ces', 'seq', 'nps', 'emotion', 'open_text']);
export type Instrument = z.infer<typeof Instrument>;

export const SurveyTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stage_enter'), stageId: Id }),
  z.strictObject({ kind: z.literal('signal'), signalKind: SignalKind }),
  z.strictObject({ kind: z.literal('exit_intent') }),
  z.strictObject({ kind: z.literal('session_end') }),
  z.strictObject({ kind: z.literal('on_demand') }),
]);
export type SurveyTrigger = z.infer<typeof SurveyTrigger>;

export const SurveyRule = z.strictObject({
  id: Id,
  instrument: Instrument,
  trigger: SurveyTrigger,
  /** Overrides the instrument's default wording. */
  question: Text.nullable().default(null),
  schedule: z.enum(['once_per_session', 'every_time']).default('once_per_session'),
  enabled: z.boolean().default(true),
});
export type SurveyRule = z.infer<typeof SurveyRule>;
