import type { z } from 'zod';
import { newId } from '../../core/records/common';
import { Persona } from '../../core/records/persona';
import { t, type MessageKey } from '../../shared/i18n';
import type { FieldIssue } from './issues';
import { fromLines, toLines } from './lines';

export const LIST_FIELDS = ['goals', 'needs', 'painPoints', 'values'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export const LIST_LABEL: Record<ListField, MessageKey> = {
  goals: 'optionsPersonaGoalsLabel',
  needs: 'optionsPersonaNeedsLabel',
  painPoints: 'optionsPersonaPainPointsLabel',
  values: 'optionsPersonaValuesLabel',
};

/** The persona form as typed: the age as text, lists as one item per line. */
export interface PersonaDraft extends Record<ListField, string> {
  id: string;
  name: string;
  age: string;
  job: string;
  description: string;
  createdAt: number;
}

export const personaFieldId = (field: keyof PersonaDraft) => `persona-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function draftFromPersona(persona: Persona | null, now: number): PersonaDraft {
  return {
    id: persona?.id ?? newId(),
    name: persona?.name ?? '',
    age: persona?.age === null || persona?.age === undefined ? '' : String(persona.age),
    job: persona?.job ?? '',
    description: persona?.description ?? '',
    goals: fromLines(persona?.goals ?? []),
    needs: fromLines(persona?.needs ?? []),
    painPoints: fromLines(persona?.painPoints ?? []),
    values: fromLines(persona?.values ?? []),
    createdAt: persona?.createdAt ?? now,
  };
}

function describe(issue: z.core.$ZodIssue): FieldIssue {
  const field = issue.path[0];
  const tooLong = issue.code === 'too_big';
  switch (field) {
    case 'name':
      return { fieldId: personaFieldId('name'), where: t('optionsPersonaNameLabel'), message: tooLong ? t('optionsErrorTooLong') : t('optionsErrorPersonaName') };
    case 'age':
      return { fieldId: personaFieldId('age'), where: t('optionsPersonaAgeLabel'), message: t('optionsErrorAge') };
    case 'job':
    case 'description':
      return { fieldId: personaFieldId(field), where: t(field === 'job' ? 'optionsPersonaJobLabel' : 'optionsPersonaDescriptionLabel'), message: t('optionsErrorTooLong') };
    case 'goals':
    case 'needs':
    case 'painPoints':
    case 'values':
      return { fieldId: personaFieldId(field), where: t(LIST_LABEL[field]), message: t('optionsErrorList') };
    default:
      return { fieldId: personaFieldId('name'), where: issue.path.join('.'), message: issue.message };
  }
}

export function validatePersona(draft: PersonaDraft, now: number): { persona: Persona | null; issues: FieldIssue[] } {
  const age = draft.age.trim();
  const parsed = Persona.safeParse({
    id: draft.id,
    name: draft.name,
    age: age === '' ? null : Number(age),
    job: draft.job.trim(),
    description: draft.description.trim(),
    goals: toLines(draft.goals),
    needs: toLines(draft.needs),
    painPoints: toLines(draft.painPoints),
    values: toLines(draft.values),
    createdAt: draft.createdAt,
    updatedAt: now,
  });
  if (parsed.success) return { persona: parsed.data, issues: [] };
  const issues = parsed.error.issues.map(describe);
  return { persona: null, issues: issues.filter((issue, i) => issues.findIndex((o) => o.fieldId === issue.fieldId) === i) };
}
