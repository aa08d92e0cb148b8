import { z } from 'zod';
import { Id, Text, Timestamp } from './common';

export const Role = z.enum(['researcher', 'pm', 'tester']);
export type Role = z.infer<typeof Role>;

export const Outcome = z.enum(['goal_reached', 'abandoned', 'unknown']);
export type Outcome = z.infer<typeof Outcome>;

/** One walk-through of a study's site as a persona toward a goal. */
export const Session = z.strictObject({
  id: Id,
  studyId: Id,
  personaId: Id.nullable(),
  goal: Text,
  role: Role,
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  outcome: Outcome.nullable(),
});
export type Session = z.infer<typeof Session>;
