import type { z } from 'zod';
import { Study } from '../../core/records/study';
import { t } from '../../shared/i18n';
import { describeSettingIssue } from './friction-fields';
import type { FieldIssue } from './issues';
import { toLines } from './lines';
import { isValidSelector, ruleMessage } from './rule-check';
import { draftInput, type StudyDraft } from './study-draft';
import { describeSurveyIssue, surveyStageIssues } from './survey-fields';

export const FIELD = {
  name: 'study-name',
  scope: 'study-scope',
  stages: 'study-stages-heading',
  goal: 'study-goal-stage',
  rules: 'study-rules-heading',
  stageName: (id: string) => `stage-${id}-name`,
  stageGoal: (id: string) => `stage-${id}-goal`,
  stageExperience: (id: string) => `stage-${id}-experience`,
  rulePattern: (id: string) => `rule-${id}-pattern`,
  ruleStage: (id: string) => `rule-${id}-stage`,
} as const;

/** Turns one zod issue into words tied to an input; paths follow `draftInput`. */
function describe(issue: z.core.$ZodIssue, draft: StudyDraft): FieldIssue {
  const [head, index, field] = issue.path;
  const tooLong = issue.code === 'too_big';
  const n = typeof index === 'number' ? index + 1 : 0;
  if (head === 'name') {
    return { fieldId: FIELD.name, where: t('optionsStudyNameLabel'), message: tooLong ? t('optionsErrorTooLong') : t('optionsErrorStudyName') };
  }
  if (head === 'scope') {
    const where = t('optionsScopeWhere');
    if (typeof index === 'number') return { fieldId: FIELD.scope, where, message: t('optionsErrorScopeLine', toLines(draft.scopeText)[index] ?? '') };
    return { fieldId: FIELD.scope, where, message: tooLong ? t('optionsErrorScopeTooMany') : t('optionsErrorScopeEmpty') };
  }
  if (head === 'stages') {
    const stage = typeof index === 'number' ? draft.stages[index] : undefined;
    if (!stage) return { fieldId: FIELD.stages, where: t('optionsJourneyHeading'), message: tooLong ? t('optionsErrorTooManyStages') : t('optionsErrorNoStages') };
    const where = t('optionsStageLegend', n);
    if (field === 'name') return { fieldId: FIELD.stageName(stage.id), where, message: tooLong ? t('optionsErrorTooLong') : t('optionsErrorStageName') };
    const fieldId = field === 'desiredExperience' ? FIELD.stageExperience(stage.id) : FIELD.stageGoal(stage.id);
    return { fieldId, where, message: t('optionsErrorTooLong') };
  }
  if (head === 'rules') {
    const rule = typeof index === 'number' ? draft.rules[index] : undefined;
    if (!rule) return { fieldId: FIELD.rules, where: t('optionsRulesHeading'), message: t('optionsErrorTooManyRules') };
    const where = t('optionsRuleLegend', n);
    if (field === 'stageId') return { fieldId: FIELD.ruleStage(rule.id), where, message: t('optionsErrorRuleStage') };
    const message = ruleMessage(rule) ?? (tooLong ? t('optionsErrorTooLong') : t('optionsErrorRulePattern'));
    return { fieldId: FIELD.rulePattern(rule.id), where, message };
  }
  if (head === 'settings') return describeSettingIssue(issue, issue.path.slice(1), draft.friction);
  if (head === 'surveys') return describeSurveyIssue(issue, issue.path.slice(1), draft.surveys);
  if (head === 'goalStageId') return { fieldId: FIELD.goal, where: t('optionsGoalStageLabel'), message: t('optionsErrorGoalStage') };
  return { fieldId: FIELD.name, where: issue.path.join('.'), message: issue.message };
}

/** The schema's verdict plus what it cannot tell (selector syntax, surveys' stages), all in plain words. */
export function validateDraft(draft: StudyDraft, now: number): { study: Study | null; issues: FieldIssue[] } {
  const parsed = Study.safeParse(draftInput(draft, now));
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => describe(issue, draft));
  draft.rules.forEach((rule, i) => {
    if (rule.kind === 'selector' && rule.pattern.trim() && !isValidSelector(rule.pattern.trim())) {
      issues.push({ fieldId: FIELD.rulePattern(rule.id), where: t('optionsRuleLegend', i + 1), message: t('optionsRuleBadSelector') });
    }
  });
  issues.push(...surveyStageIssues(draft.surveys, draft.stages));
  // One line per field is enough; zod may report a field twice (e.g. too short and a refinement).
  const unique = issues.filter((issue, i) => issues.findIndex((other) => other.fieldId === issue.fieldId) === i);
  return { study: parsed.success && !unique.length ? parsed.data : null, issues: unique };
}
