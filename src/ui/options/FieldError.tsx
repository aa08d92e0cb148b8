import { errorIdOf, issuesFor, type FieldIssue } from './issues';

interface Props {
  fieldId: string;
  issues: readonly FieldIssue[];
  /** A live problem (e.g. a rule's pattern) shown even before the first save attempt. */
  live?: string | null;
}

/** The error under one input; the input points at it with aria-describedby={errorIdOf(fieldId)}. */
export function FieldError({ fieldId, issues, live = null }: Props) {
  const message = live ?? issuesFor(issues, fieldId)[0]?.message ?? null;
  if (!message) return null;
  return (
    <p class="field-error error" id={errorIdOf(fieldId)}>
      {message}
    </p>
  );
}

/** aria-invalid and aria-describedby for an input, from the same facts FieldError shows. */
export function invalidProps(fieldId: string, issues: readonly FieldIssue[], live: string | null = null, hintId?: string) {
  const invalid = live !== null || issuesFor(issues, fieldId).length > 0;
  const describedBy = [invalid ? errorIdOf(fieldId) : null, hintId ?? null].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined };
}
