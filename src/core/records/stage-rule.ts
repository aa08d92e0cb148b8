import { z } from 'zod';
import { Id } from './common';
import { ruleProblem } from '../journey/rule-problem';

export const RuleKind = z.enum(['path', 'glob', 'regex', 'title', 'selector']);
export type RuleKind = z.infer<typeof RuleKind>;

export const StageRule = z
  .strictObject({
    id: Id,
    stageId: Id,
    kind: RuleKind,
    pattern: z.string().trim().min(1, 'A rule needs a pattern').max(500),
    /** Keep the query string in the page key (e.g. `?tab=specs` is a touchpoint of its own). */
    keepQuery: z.boolean().default(false),
    /** The name its touchpoint goes by on the map ("Order status"); empty: the page title seen most. */
    label: z.string().trim().max(120).default(''),
  })
  .superRefine((rule, ctx) => {
    const problem = ruleProblem(rule);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });
export type StageRule = z.infer<typeof StageRule>;
