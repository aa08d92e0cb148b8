import { z } from 'zod';
import { Id, Timestamp } from './common';
import { JourneyContext } from './signal';
import { Instrument } from './survey';
import { HIGHEST_ANSWER, LOWEST_ANSWER } from '../surveys/instruments';

export const TriggerKind = z.enum(['stage_enter', 'signal', 'exit_intent', 'session_end', 'on_demand']);

/** An answer to a micro-survey, or its dismissal (which counts toward throttling, never toward a score). */
export const SurveyResponse = z.strictObject({
  id: Id,
  ...JourneyContext.shape,
  surveyId: Id,
  instrument: Instrument,
  trigger: TriggerKind,
  signalId: Id.nullable(),
  // Any instrument's value; whether it fits this response's instrument is `answerRefusal`'s and `isAnswer`'s to say.
  value: z.number().int().min(LOWEST_ANSWER).max(HIGHEST_ANSWER).nullable(),
  text: z.string().max(5000).nullable(),
  dismissed: z.boolean(),
  at: Timestamp,
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;
