import type { AnnotationType } from '../core/records/annotation';
import type { Role } from '../core/records/session';
import { INSTRUMENTS } from '../core/surveys/instruments';
import { t, type MessageKey } from './i18n';
import type { FeedbackReport } from '../core/records/feedback';

export type Severity = FeedbackReport['severity'];

/** The four kinds of note, in the order the form offers them. */
export const TYPES: readonly AnnotationType[] = ['pain_point', 'opportunity', 'idea', 'question'];
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

const TYPE_KEYS: Readonly<Record<AnnotationType, MessageKey>> = {
  pain_point: 'annotateTypePainPoint',
  opportunity: 'annotateTypeOpportunity',
  idea: 'annotateTypeIdea',
  question: 'annotateTypeQuestion',
};
const SEVERITY_KEYS: Readonly<Record<Severity, MessageKey>> = {
  low: 'annotateSeverityLow',
  medium: 'annotateSeverityMedium',
  high: 'annotateSeverityHigh',
  critical: 'annotateSeverityCritical',
};
const ROLE_KEYS: Readonly<Record<Role, MessageKey>> = { researcher: 'roleResearcher', pm: 'rolePm', tester: 'roleTester' };

export const typeLabel = (type: AnnotationType) => t(TYPE_KEYS[type]);
export const severityLabel = (severity: Severity) => t(SEVERITY_KEYS[severity]);
export const roleLabel = (role: Role) => t(ROLE_KEYS[role]);

/** The emotion faces of the micro-survey (−2…+2), so a note's feeling reads the same as a survey answer's. */
export const FEELINGS = INSTRUMENTS.emotion.scale.steps.map((step) => ({ value: step.value, label: t(step.labelKey!) }));

export function feelingOf(value: number | null): { value: number; label: string } | null {
  return FEELINGS.find((feeling) => feeling.value === value) ?? null;
}
