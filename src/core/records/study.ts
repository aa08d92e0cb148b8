import { z } from 'zod';
import { Id, Name, Text, Timestamp } from './common';
import { StageRule } from './stage-rule';
import { StudySettings } from './settings';
import { SurveyRule } from './survey';
import { isValidMatchPattern } from '../journey/scope';

export const Stage = z.strictObject({
  id: Id,
  name: Name,
  /** What the customer wants to get done here (seeds 001, 002). */
  customerGoal: Text.default(''),
  /** The experience we want them to have; shown on the map beside what was measured. */
  desiredExperience: Text.default(''),
});
export type Stage = z.infer<typeof Stage>;

export const MatchPattern = z
  .string()
  .trim()
  .refine(isValidMatchPattern, { message: 'Not a match pattern like https://shop.example.com/*' });

export const Study = z
  .strictObject({
    id: Id,
    name: Name,
    /** Match patterns of the pages this study may record. */
    scope: z.array(MatchPattern).min(1, 'A study needs at least one page pattern in scope').max(20),
    stages: z.array(Stage).min(1, 'A journey needs at least one stage').max(20),
    rules: z.array(StageRule).max(500),
    /** Reaching this stage means the session's goal was reached; exits before it count as drop-off. */
    goalStageId: Id.nullable().default(null),
    settings: StudySettings.prefault({}),
    surveys: z.array(SurveyRule).max(50).default([]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .superRefine((study, ctx) => {
    const stageIds = new Set(study.stages.map((s) => s.id));
    if (stageIds.size !== study.stages.length) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'Stage ids must be unique' });
    }
    study.rules.forEach((rule, i) => {
      if (!stageIds.has(rule.stageId)) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'stageId'], message: 'Rule points to a stage that does not exist' });
      }
    });
    if (study.goalStageId && !stageIds.has(study.goalStageId)) {
      ctx.addIssue({ code: 'custom', path: ['goalStageId'], message: 'Goal stage does not exist' });
    }
  });
export type Study = z.infer<typeof Study>;
